import type { FacilityRef, ReportData, TraceNode } from '../../../demo/report/model';

const kolwezi: FacilityRef = { id: 'fx-MINE-CD-KOL', name: 'Kolwezi Cu-Co mine', country: 'CD', kind: 'mine' };
const greenbushes: FacilityRef = { id: 'fx-MINE-AU-GRB', name: 'Greenbushes spodumene mine', country: 'AU', kind: 'mine' };
const kokkola: FacilityRef = { id: 'fx-REF-FI-KOK', name: 'Kokkola cobalt refinery', country: 'FI', kind: 'refinery' };
const camPlant: FacilityRef = { id: 'fx-CAM-PL-LOD', name: 'Łódź cathode plant', country: 'PL', kind: 'camPlant' };

function site(facility: FacilityRef, usedGrams: number, certifications: string[] = []): TraceNode {
  return { id: facility.id, kind: 'site', title: 'Mine site', facility, usedGrams, certifications, details: [], children: [] };
}

/** A report with every section present. */
export type FullReportData = ReportData & Required<Pick<ReportData, 'passport' | 'massBalance' | 'recycledContent'>>;

/** A small but complete report, as the ledger readers would build it. */
export function fixtureReport(): FullReportData {
  const trace: TraceNode = {
    id: 'fx-PACK-0001',
    kind: 'battery',
    title: 'EV pack NMC811 75 kWh',
    massGrams: 450_000_000,
    facility: { id: 'fx-OEM-DE-ZWI', name: 'Zwickau pack plant', country: 'DE', kind: 'packPlant' },
    certifications: [],
    details: ['chemistry NMC811'],
    children: [
      {
        id: 'fx-CAM-0001',
        kind: 'lot',
        title: 'NMC811 cathode active material',
        massGrams: 60_000_000,
        usedGrams: 58_500_000,
        facility: camPlant,
        certifications: [],
        details: [],
        children: [
          {
            id: 'fx-COSO4-0001',
            kind: 'lot',
            title: 'Cobalt sulfate',
            massGrams: 30_000_000,
            usedGrams: 12_345_678,
            facility: kokkola,
            certifications: ['IRMA 75'],
            details: ['assay Co 20.8 %'],
            children: [
              {
                id: 'fx-COOH-0001',
                kind: 'lot',
                title: 'Cobalt hydroxide',
                massGrams: 40_000_000,
                usedGrams: 25_000_000,
                facility: kolwezi,
                certifications: ['IRMA 75 (valid to 2026-06-30)'],
                details: ['assay Co 34.0 %'],
                children: [site(kolwezi, 40_000_000, ['IRMA 75'])],
              },
            ],
          },
          {
            id: 'fx-LIOH-0001',
            kind: 'lot',
            title: 'Lithium hydroxide',
            massGrams: 20_000_000,
            usedGrams: 7_000_000,
            facility: { id: 'fx-REF-CN-ZJG', name: 'Zhangjiagang lithium refinery', country: 'CN', kind: 'refinery' },
            certifications: [],
            details: [],
            children: [site(greenbushes, 120_000_000)],
          },
        ],
      },
    ],
  };
  return {
    title: 'battery-trace — mine to recycler and back',
    generatedAt: '2025-03-01T10:20:30.000Z',
    runId: 'fx',
    ledger: { channel: 'batterytrace', chaincode: 'battery-trace' },
    passport: {
      passportId: 'fx-PACK-0001',
      summary: 'EV pack, NMC811, 75 kWh, made in DE',
      publicView: {
        tier: 'public',
        reader: 'AuditorMSP',
        fields: [
          { group: 'general', path: 'general.manufacturer', value: 'Zwickau pack plant' },
          { group: 'general', path: 'general.massGrams', value: '450000000' },
          { group: 'carbonFootprint', path: 'carbonFootprint.totalKgCo2ePerKwh', value: '61.4' },
        ],
      },
      restrictedView: {
        tier: 'legitimateInterest',
        reader: 'RecyclingMSP',
        fields: [
          { group: 'general', path: 'general.manufacturer', value: 'Zwickau pack plant' },
          { group: 'general', path: 'general.massGrams', value: '450000000' },
          { group: 'carbonFootprint', path: 'carbonFootprint.totalKgCo2ePerKwh', value: '61.4' },
          { group: 'circularity', path: 'circularity.dismantlingManual', value: 'sha256:9f2c…' },
        ],
      },
    },
    trace,
    massBalance: {
      facility: kokkola,
      material: 'cobaltSulfate',
      claim: 'certifiedOrigin',
      period: '2025-Q1 (open)',
      openingGrams: 0,
      creditedGrams: 25_000_000,
      debitedGrams: 12_345_678,
      balanceGrams: 12_654_322,
      entries: [
        { at: '2025-03-01T09:00:00.000Z', kind: 'credit', grams: 25_000_000, reference: 'fx-COOH-0001', note: 'labelled cobalt hydroxide consumed by process run fx-RUN-1' },
        { at: '2025-03-01T09:30:00.000Z', kind: 'debit', grams: -12_345_678, reference: 'fx-COSO4-0001-CO', note: 'claim on output' },
      ],
      claims: [
        {
          labelledLotId: 'fx-COSO4-0001-CO',
          outputLotId: 'fx-COSO4-0001',
          processRunId: 'fx-RUN-1',
          claimedGrams: 9_876_542,
          debitedGrams: 12_345_678,
          conversion: { inputGrams: 10_000, outputGrams: 8_000 },
          runYield: { inputGrams: 40_000_000, outputGrams: 36_000_000 },
          backedGrams: 20_000_000,
          backedAtRunYieldGrams: 22_500_000,
          byElement: { element: 'COBALT', grams: 19_000_000 },
        },
      ],
    },
    recycledContent: {
      batteryId: 'fx-PACK-0001',
      method: 'Element mass in each input lot (mass × assay) followed upstream; recovered lots count as recycled.',
      shares: [
        { element: 'cobalt', regulated: true, minimums: [{ from: '2031-08-18', percent: 16 }, { from: '2036-08-18', percent: 26 }], totalGrams: 2_500_000, recycledGrams: 400_000, preConsumerGrams: 0, postConsumerGrams: 400_000, sharePercent: 16 },
        { element: 'lithium', regulated: true, minimums: [{ from: '2031-08-18', percent: 6 }, { from: '2036-08-18', percent: 12 }], totalGrams: 1_000_000, recycledGrams: 60_000, preConsumerGrams: 10_000, postConsumerGrams: 50_000, sharePercent: 6 },
        { element: 'manganese', regulated: false, minimums: [], totalGrams: 900_000, recycledGrams: 0, preConsumerGrams: 0, postConsumerGrams: 0, sharePercent: 0 },
      ],
      regulatedAbsent: ['LEAD'],
      sources: [{ lotId: 'fx-RCOSO4-1', material: 'cobaltSulfate', element: 'cobalt', grams: 400_000, origin: 'battery fx-PACK-OLD via black mass fx-BM-1' }],
      claims: [{ claim: 'POST_CONSUMER_RECYCLED', grams: 51_000 }],
    },
    custody: [
      { at: '2025-03-01T08:00:00.000Z', subjectId: 'fx-COOH-0001', action: 'minted', to: 'Kolwezi Cu-Co mine', grams: 40_000_000 },
      { at: '2025-03-01T08:10:00.000Z', subjectId: 'fx-COOH-0001', action: 'proposed', from: 'Kolwezi Cu-Co mine', to: 'Kokkola cobalt refinery', grams: 25_000_000 },
      { at: '2025-03-01T08:20:00.000Z', subjectId: 'fx-COOH-0001', action: 'accepted', from: 'Kolwezi Cu-Co mine', to: 'Kokkola cobalt refinery', grams: 24_990_000, lossGrams: 10_000, txId: 'abcdef0123456789' },
    ],
    flows: {
      nodes: [
        { id: 'mine-cd', label: 'Kolwezi (CD)', kind: 'source' },
        { id: 'mine-au', label: 'Greenbushes (AU)', kind: 'source' },
        { id: 'refinery', label: 'Refining', kind: 'process' },
        { id: 'cam', label: 'Cathode plant', kind: 'process' },
        { id: 'loss', label: 'Process losses', kind: 'loss' },
        { id: 'cells', label: 'Cells', kind: 'product' },
      ],
      links: [
        { source: 'mine-cd', target: 'refinery', grams: 40_000_000, material: 'cobaltHydroxide' },
        { source: 'mine-au', target: 'refinery', grams: 120_000_000, material: 'spodumeneConcentrate' },
        { source: 'refinery', target: 'cam', grams: 50_000_000, material: 'cobaltSulfate' },
        { source: 'refinery', target: 'loss', grams: 110_000_000, material: 'loss' },
        { source: 'cam', target: 'cells', grams: 48_000_000, material: 'nmc811' },
        { source: 'cam', target: 'loss', grams: 2_000_000, material: 'loss' },
      ],
    },
  };
}
