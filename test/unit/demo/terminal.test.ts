import { expect } from 'chai';
import { renderTerminalSummary, traceText } from '../../../demo/report/terminal';
import { fixtureReport } from './fixture';

describe('renderTerminalSummary', () => {
  it('lists the key figures in tables', () => {
    const text = renderTerminalSummary(fixtureReport());
    expect(text).to.include('Passport fx-PACK-0001');
    expect(text).to.include('16.00 %');
    expect(text).to.include('12,654.322 kg');
    expect(text).to.include('(restricted)');
    expect(text).to.match(/│\s+Cobalt\s+│\s+16\.00 %\s+│\s+16 % \(2031\), 26 % \(2036\)\s+│/);
    expect(text).to.match(/│\s+Manganese\s+│\s+0\.00 %\s+│\s+not regulated\s+│/);
    expect(text).to.include('Regulated elements not in the battery: Lead');
    expect(text).to.include('Claim labels: post-consumer recycled on 51.000 kg');
    expect(text).to.include('Claim: 9,876.542 kg labelled on fx-COSO4-0001-CO, split off output fx-COSO4-0001');
  });

  it('limits the custody timeline to the latest events', () => {
    const text = renderTerminalSummary(fixtureReport(), { custodyLimit: 1 });
    expect(text).to.include('Custody timeline (latest 1 of 3)');
    expect(text).to.include('accepted');
    expect(text).not.to.include('minted');
  });
});

describe('traceText', () => {
  it('draws the upstream trace as an indented tree with the mass used at each hop', () => {
    const lines = traceText(fixtureReport().trace);
    expect(lines[0]).to.equal('EV pack NMC811 75 kWh fx-PACK-0001 @ Zwickau pack plant (DE)');
    expect(lines).to.include('└─ 58,500.000 kg of NMC811 cathode active material fx-CAM-0001 @ Łódź cathode plant (PL)');
    expect(lines.some((l) => l.startsWith('   ├─ 12,345.678 kg of Cobalt sulfate fx-COSO4-0001'))).to.equal(true);
    expect(lines.some((l) => l.includes('└─ 40,000.000 kg of Mine site fx-MINE-CD-KOL @ Kolwezi Cu-Co mine (CD) [IRMA 75]'))).to.equal(true);
  });
});
