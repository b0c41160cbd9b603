import { expect } from 'chai';
import { enumLabel, escapeHtml, formatMass, formatMassShort, formatPercent, formatTime, humanize } from '../../../demo/report/format';

describe('demo report formatting', () => {
  describe('formatMass', () => {
    it('shows grams below one kilogram', () => {
      expect(formatMass(0)).to.equal('0 g');
      expect(formatMass(999)).to.equal('999 g');
    });

    it('shows kilograms with every gram kept', () => {
      expect(formatMass(1000)).to.equal('1.000 kg');
      expect(formatMass(1_234_567)).to.equal('1,234.567 kg');
      expect(formatMass(450_000_001)).to.equal('450,000.001 kg');
    });

    it('keeps the sign of debits', () => {
      expect(formatMass(-12_345_678)).to.equal('−12,345.678 kg');
    });
  });

  it('formatMassShort picks t, kg or g', () => {
    expect(formatMassShort(12_345_678)).to.equal('12.35 t');
    expect(formatMassShort(2_500)).to.equal('2.5 kg');
    expect(formatMassShort(12)).to.equal('12 g');
  });

  it('formatPercent shows two decimals', () => {
    expect(formatPercent(16)).to.equal('16.00 %');
    expect(formatPercent(3.14159)).to.equal('3.14 %');
  });

  it('formatTime shortens ISO timestamps and leaves other text alone', () => {
    expect(formatTime('2025-03-01T10:20:30.123Z')).to.equal('2025-03-01 10:20:30');
    expect(formatTime('yesterday')).to.equal('yesterday');
  });

  it('humanize splits camelCase and paths', () => {
    expect(humanize('carbonFootprint.totalKgCo2e')).to.equal('Carbon footprint › total kg co2e');
  });

  describe('escapeHtml', () => {
    it('escapes every character that could open markup or leave an attribute', () => {
      expect(escapeHtml(`<script>alert("x")</script> & 'y' \``)).to.equal(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;',
      );
    });

    it('does not double-escape into something unescaped', () => {
      expect(escapeHtml('&lt;')).to.equal('&amp;lt;');
    });
  });
});

describe('demo report enum labels', () => {
  it('enumLabel keeps acronyms and lowercases the rest', () => {
    expect(enumLabel('CATHODE_NMC')).to.equal('Cathode NMC');
    expect(enumLabel('RECOVERED_COBALT_SULFATE')).to.equal('Recovered cobalt sulfate');
  });

  it('humanize reads enumeration values too', () => {
    expect(humanize('COBALT_SULFATE')).to.equal('Cobalt sulfate');
  });
});
