/** A number with `digits` decimals, or `n/a` when missing. */
export function num(value: number | null | undefined, digits = 1): string {
  return value == null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** A ratio such as `0.82×`, or `n/a`. */
export function times(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`;
}

/** A fraction as a percentage, e.g. `99.5 %`. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value == null || !Number.isFinite(value) ? 'n/a' : `${(value * 100).toFixed(digits)} %`;
}

/** `REASON×n, …`, or `—` for none. */
export function failureList(failures: Readonly<Record<string, number>>): string {
  const entries = Object.entries(failures).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? '—' : entries.map(([reason, count]) => `${reason}×${count}`).join(', ');
}

/** A Markdown table from a header row and body rows (cells are escaped for `|`). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
