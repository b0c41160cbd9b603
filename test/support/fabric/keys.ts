/**
 * Compares keys in UTF-8 byte order, LevelDB's order, without encoding them: UTF-8 byte order is code-point
 * order, which differs from JavaScript's UTF-16 order only where a surrogate pair meets a BMP character.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xSurrogate = x >= 0xd800 && x <= 0xdfff;
      const ySurrogate = y >= 0xd800 && y <= 0xdfff;
      return xSurrogate === ySurrogate ? x - y : xSurrogate ? 1 : -1;
    }
  }
  return a.length - b.length;
}

/** Hex of bytes, `-` for none: for snapshots and payload comparison. */
export function hex(bytes: Uint8Array | undefined): string {
  return bytes === undefined ? '-' : Buffer.from(bytes).toString('hex');
}
