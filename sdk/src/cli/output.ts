import Table from 'cli-table3';

/** No colours unless stdout is a terminal. */
const style = process.stdout.isTTY ? {} : { style: { head: [], border: [] } };

/** Where the CLI writes; replaceable in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Writes to the process's stdout and stderr. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2);
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A table with one row per item and one column per field seen in any item. */
function rowsTable(items: readonly unknown[]): string {
  const records = items.map((item) => (isRecord(item) ? item : { value: item }));
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const table = new Table({ head: columns, wordWrap: true, ...style });
  records.forEach((record) => table.push(columns.map((column) => cell(record[column]))));
  return table.toString();
}

/** A two-column field/value table; nested lists of records become their own tables below it. */
function recordTable(record: Record<string, unknown>): string {
  const table = new Table({ wordWrap: true, ...style });
  const nested: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
      nested.push(`${key}:\n${rowsTable(value)}`);
      table.push({ [key]: `${value.length} (below)` });
    } else {
      table.push({ [key]: cell(value) });
    }
  }
  return [table.toString(), ...nested].join('\n');
}

/** Renders a result for people: a table for records and lists, the plain value otherwise. */
export function toTable(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : rowsTable(value);
  if (isRecord(value)) return recordTable(value);
  return cell(value);
}

/** Renders a result as JSON (`--json`) or as tables. */
export function render(value: unknown, json: boolean): string {
  return json ? toJson(value) : toTable(value);
}
