import { z } from 'zod';
import { COUNTRY_CODES } from './countries';

/** Pattern every client-supplied record id matches (no key separator can appear in it). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Largest mass (grams) any field accepts: 10^15 g = one billion tonnes. */
export const MAX_MASS_GRAMS = 1_000_000_000_000_000;

/** Longest free-text field (names, descriptions). */
export const MAX_TEXT_LENGTH = 2000;

/** Longest short label (names, scheme names, references). */
export const MAX_LABEL_LENGTH = 200;

/** A record id. */
export const idSchema = z.string().regex(ID_PATTERN, 'an id of 1–128 letters, digits, dot, underscore, colon or hyphen, starting with a letter or digit');

/** An MSP id. */
export const mspIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/, 'an MSP id');

/** A positive mass in grams: an exact safe integer, 1..10^15. */
export const massSchema = z.number().int('a whole number of grams').min(1).max(MAX_MASS_GRAMS);

/** A mass in grams that may be zero: an exact safe integer, 0..10^15. */
export const nonNegativeMassSchema = z.number().int('a whole number of grams').min(0).max(MAX_MASS_GRAMS);

/** A short, non-empty label. */
export const labelSchema = z.string().min(1).max(MAX_LABEL_LENGTH);

/** A non-empty free text. */
export const textSchema = z.string().min(1).max(MAX_TEXT_LENGTH);

/** A 32-byte hash as lowercase 0x-prefixed hex (keccak256 or sha256 of a document). */
export const hashSchema = z.string().regex(/^0x[0-9a-f]{64}$/, 'a 32-byte hash as lowercase 0x-prefixed hex');

/** An ISO 3166-1 alpha-2 country code. */
export const countrySchema = z.enum(COUNTRY_CODES);

/** An ISO 8601 UTC timestamp as records store it (`YYYY-MM-DDTHH:mm:ss.sssZ`). */
export const timestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an ISO 8601 UTC timestamp');

/** A written time in the stored form: the fraction of a second padded to milliseconds. */
function storedTimeForm(value: string): string {
  return value.replace(/(?:\.(\d{1,3}))?Z$/, (_suffix, fraction: string | undefined) => `.${(fraction ?? '').padEnd(3, '0')}Z`);
}

/**
 * Tells whether a written time names a real instant. `Date` normalises impossible components (30 February
 * becomes 2 March, hour 24 the next day), so the time must come back from `Date` exactly as written.
 */
function isCalendarTime(value: string): boolean {
  const millis = Date.parse(value);
  return !Number.isNaN(millis) && new Date(millis).toISOString() === storedTimeForm(value);
}

/**
 * A client-supplied ISO 8601 UTC time (seconds, or 1–3 fractional digits), normalised to the stored form.
 * Only calendar-valid times pass: no day 00 or 31 April, no 29 February outside leap years, no hour 24,
 * minute 60 or leap second.
 */
export const timeInputSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/, 'an ISO 8601 UTC time such as 2025-01-31T00:00:00Z')
  .refine(isCalendarTime, 'a calendar-valid time (a real date, hours 00–23, minutes and seconds 00–59)')
  .transform(storedTimeForm);

/** A ratio in basis points (1/100 of a percent), 0..10000. */
export const basisPointsSchema = z.number().int().min(0).max(10_000);

/** Carbon footprint intensity in grams of CO2-equivalent per kilogram of material, as a mine declares it. */
export const carbonIntensitySchema = z.number().int().min(0).max(100_000_000);

/** Carbon footprint intensity as lots store it: milligrams CO2e per kilogram (micrograms per gram). */
export const carbonIntensityMgPerKgSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A geolocation in micro-degrees (integers keep state free of floats). */
export const geolocationSchema = z
  .object({
    latitudeE6: z.number().int().min(-90_000_000).max(90_000_000),
    longitudeE6: z.number().int().min(-180_000_000).max(180_000_000),
  })
  .strict();
/** A geolocation in micro-degrees. */
export type Geolocation = z.infer<typeof geolocationSchema>;

/** Page size of paginated queries, 1..100. */
export const pageSizeSchema = z.number().int().min(1).max(100);

/** Opaque bookmark returned by a paginated query. */
export const bookmarkSchema = z.string().max(1024);

/**
 * A page of results.
 * @param item - the schema of one item
 */
export function pageSchema<T extends z.ZodTypeAny>(item: T): z.ZodObject<{ items: z.ZodArray<T>; bookmark: z.ZodString }> {
  return z.object({ items: z.array(item), bookmark: z.string() });
}

/** A page of results; an empty `bookmark` means there is no further page. */
export interface Page<T> {
  items: T[];
  bookmark: string;
}
