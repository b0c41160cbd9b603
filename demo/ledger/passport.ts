import type { PassportView as LedgerPassportView } from '../../chaincode/src/api';
import { enumLabel, formatMass } from '../report/format';
import type { PassportComparison, PassportField, PassportView } from '../report/model';

function formatLeaf(key: string, value: string | number | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (/GramsCo2e$/.test(key)) return `${(value / 1000).toLocaleString('en-GB', { maximumFractionDigits: 3 })} kg CO2e`;
  if (/Grams$/.test(key)) return formatMass(value);
  if (/BasisPoints$/.test(key)) return `${(value / 100).toFixed(2)} %`;
  return value.toLocaleString('en-GB');
}

function segmentFor(item: unknown, index: number): string {
  if (typeof item === 'object' && item !== null) {
    const fields = new Map<string, unknown>(Object.entries(item));
    for (const key of ['element', 'material', 'lotId', 'id', 'scheme']) {
      const value = fields.get(key);
      if (typeof value === 'string') return value;
    }
  }
  return String(index);
}

/**
 * Flattens a passport view into dotted attribute paths with readable values: grams as masses, basis points
 * as percentages; lists of records keyed by their element, material or id.
 */
export function flattenPassport(value: unknown, path = ''): PassportField[] {
  if (value === undefined || value === null) return [];
  const group = path.split('.')[0] ?? path;
  if (Array.isArray(value)) return flattenList(value, path, group);
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => flattenPassport(v, path === '' ? key : `${path}.${key}`));
  }
  const key = path.split('.').pop() ?? path;
  const leaf = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? formatLeaf(key, value) : '';
  return [{ group, path, value: leaf }];
}

function flattenList(list: readonly unknown[], path: string, group: string): PassportField[] {
  if (list.every((v) => typeof v !== 'object' || v === null)) {
    return [{ group, path, value: list.length === 0 ? '—' : list.map(String).join(', ') }];
  }
  return list.flatMap((item, i) => flattenPassport(item, `${path}.${segmentFor(item, i)}`));
}

/** A passport view as the report shows it. */
export function toPassportView(view: LedgerPassportView, reader: string): PassportView {
  const groups = Object.fromEntries(Object.entries(view).filter(([key]) => key !== 'passportId' && key !== 'tier'));
  return { tier: enumLabel(view.tier), reader, fields: flattenPassport(groups) };
}

/**
 * Puts the public and a restricted view of the same passport side by side.
 * @param publicView - as read by an organisation without legitimate interest
 * @param restrictedView - as read by a recycler (legitimate interest) or an authority
 */
export function comparePassports(publicView: { view: LedgerPassportView; reader: string }, restrictedView: { view: LedgerPassportView; reader: string }): PassportComparison {
  const general = publicView.view.generalProductInformation;
  return {
    passportId: publicView.view.passportId,
    summary: `${enumLabel(general.category)} ${enumLabel(general.level).toLowerCase()}, ${enumLabel(publicView.view.materialComposition.chemistry)}, ${formatMass(general.massGrams)}, made in ${general.manufacturingCountry}, ${enumLabel(general.status).toLowerCase()}`,
    publicView: toPassportView(publicView.view, publicView.reader),
    restrictedView: toPassportView(restrictedView.view, restrictedView.reader),
  };
}
