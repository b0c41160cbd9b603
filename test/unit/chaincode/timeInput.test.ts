import { expect } from 'chai';
import fc from 'fast-check';
import { timeInputSchema } from '../../../chaincode/src/api/primitives';

/** The Gregorian calendar, written out independently of `Date`. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('timeInputSchema', () => {
  it('normalises seconds and 1–3 fractional digits to milliseconds', () => {
    expect(timeInputSchema.parse('2025-01-31T00:00:00Z')).to.equal('2025-01-31T00:00:00.000Z');
    expect(timeInputSchema.parse('2025-01-31T23:59:59.5Z')).to.equal('2025-01-31T23:59:59.500Z');
    expect(timeInputSchema.parse('2025-01-31T23:59:59.05Z')).to.equal('2025-01-31T23:59:59.050Z');
    expect(timeInputSchema.parse('2024-02-29T12:00:00.123Z')).to.equal('2024-02-29T12:00:00.123Z');
    expect(timeInputSchema.parse('2000-02-29T00:00:00Z')).to.equal('2000-02-29T00:00:00.000Z');
    expect(timeInputSchema.parse('0000-01-01T00:00:00Z')).to.equal('0000-01-01T00:00:00.000Z');
  });

  it('rejects the forms it never accepted (offsets, no seconds, four fractional digits, lowercase)', () => {
    for (const text of ['2025-01-31T00:00:00+00:00', '2025-01-31T00:00Z', '2025-01-31T00:00:00.1234Z', '2025-01-31t00:00:00z', '2025-01-31', ' 2025-01-31T00:00:00Z']) {
      expect(timeInputSchema.safeParse(text).success, text).to.equal(false);
    }
  });

  it('accepts exactly the calendar-valid component combinations, unchanged', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          fraction: fc.constantFrom('', '.0', '.9', '.25', '.999'),
        }),
        ({ year, month, day, hour, minute, second, fraction }) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}Z`;
          const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
          const parsed = timeInputSchema.safeParse(text);
          expect(parsed.success, text).to.equal(valid);
          if (parsed.success) {
            expect(parsed.data.slice(0, 19), text).to.equal(text.slice(0, 19));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
