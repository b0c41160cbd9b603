/** Colours of the report: one per material family, stable across runs. */

const MATERIAL_COLOURS: readonly (readonly [RegExp, string])[] = [
  [/black[\s_]*mass/i, '#3f3f46'],
  [/cobalt/i, '#2563eb'],
  [/lithium|spodumene|brine/i, '#0d9488'],
  [/nickel/i, '#65a30d'],
  [/manganese/i, '#a21caf'],
  [/graphite/i, '#52525b'],
  [/nmc|lfp|cathode|cam|pcam|precursor/i, '#ea580c'],
  [/cell/i, '#d97706'],
  [/module|pack|battery/i, '#b91c1c'],
  [/loss/i, '#9ca3af'],
];

const FALLBACK = ['#0891b2', '#7c3aed', '#db2777', '#ca8a04', '#059669', '#4f46e5'] as const;

/**
 * The colour for a material name: by family (cobalt, lithium, nickel, …), else a stable pick by hash.
 * @example materialColour('cobaltSulfate') // '#2563eb'
 */
export function materialColour(material: string): string {
  for (const [pattern, colour] of MATERIAL_COLOURS) {
    if (pattern.test(material)) {
      return colour;
    }
  }
  let hash = 0;
  for (const ch of material) {
    hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  }
  return FALLBACK[hash % FALLBACK.length] ?? '#6b7280';
}
