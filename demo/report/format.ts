/** Text formatting shared by the HTML report and the terminal summary. */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (also inside inline SVG).
 * @example escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats an exact integer mass in grams without rounding: grams below one kilogram, else kilograms with
 * three decimals (so every gram stays visible).
 * @example formatMass(1234567) // '1,234.567 kg'
 * @example formatMass(850) // '850 g'
 */
export function formatMass(grams: number): string {
  if (!Number.isSafeInteger(grams)) {
    return `${String(grams)} g`;
  }
  const sign = grams < 0 ? '−' : '';
  const abs = Math.abs(grams);
  if (abs < 1000) {
    return `${sign}${abs} g`;
  }
  const kilos = Math.floor(abs / 1000);
  const rest = String(abs % 1000).padStart(3, '0');
  return `${sign}${groupThousands(String(kilos))}.${rest} kg`;
}

/**
 * Formats a mass compactly for diagram labels (t, kg or g, at most three significant decimals).
 * @example formatMassShort(12_345_678) // '12.35 t'
 */
export function formatMassShort(grams: number): string {
  const abs = Math.abs(grams);
  if (abs >= 1_000_000) {
    return `${trimDecimals(grams / 1_000_000, 2)} t`;
  }
  if (abs >= 1000) {
    return `${trimDecimals(grams / 1000, 2)} kg`;
  }
  return `${grams} g`;
}

function trimDecimals(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * Formats a percentage with two decimals.
 * @example formatPercent(16.25) // '16.25 %'
 */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(2)} %`;
}

/**
 * Shortens an ISO 8601 timestamp to `YYYY-MM-DD HH:MM:SS` (UTC); other text is returned unchanged.
 * @example formatTime('2025-03-01T10:20:30.123Z') // '2025-03-01 10:20:30'
 */
export function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1] ?? ''} ${match[2] ?? ''}` : iso;
}

/**
 * Turns a camelCase or dotted identifier into words for labels.
 * @example humanize('carbonFootprint.totalKgCo2e') // 'Carbon footprint › total kg co2e'
 * @example humanize('COBALT_SULFATE') // 'Cobalt sulfate'
 */
export function humanize(identifier: string): string {
  return identifier
    .split('.')
    .map((part, index) => {
      if (/^[A-Z0-9_]+$/.test(part)) return enumLabel(part);
      const words = part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
      return index === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    })
    .join(' › ');
}

const ACRONYMS = new Set(['NMC', 'NCA', 'LFP', 'MHP', 'PCAM', 'CAM', 'OEM', 'CO2E', 'XRF', 'ICP', 'RMI', 'IRMA', 'EV', 'SOH']);

/**
 * Turns an UPPER_SNAKE enumeration value into a label, keeping known acronyms.
 * @example enumLabel('CATHODE_NMC') // 'Cathode NMC'
 */
export function enumLabel(value: string): string {
  return value
    .split('_')
    .filter((word) => word !== '')
    .map((word, index) => {
      const upper = word.toUpperCase();
      if (ACRONYMS.has(upper)) return upper;
      const lower = word.toLowerCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

const CLAIM_LABELS: Readonly<Record<string, string>> = {
  CERTIFIED_ORIGIN: 'certified origin',
  CONFLICT_FREE: 'conflict-free',
  PRE_CONSUMER_RECYCLED: 'pre-consumer recycled',
  POST_CONSUMER_RECYCLED: 'post-consumer recycled',
};

/**
 * A claim (sustainability characteristic) in words.
 * @example claimLabel('POST_CONSUMER_RECYCLED') // 'post-consumer recycled'
 */
export function claimLabel(claim: string): string {
  return CLAIM_LABELS[claim] ?? enumLabel(claim).toLowerCase();
}
