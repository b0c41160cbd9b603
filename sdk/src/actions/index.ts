import { attest } from './audit/attest';
import { getAttestation } from './audit/getAttestation';
import { listAttestations } from './audit/listAttestations';
import { readBaseline } from './baseline/readBaseline';
import { writeBaseline } from './baseline/writeBaseline';
import { acceptHandover } from './battery/acceptHandover';
import { cancelHandover } from './battery/cancelHandover';
import { dismantle } from './battery/dismantle';
import { getBattery } from './battery/getBattery';
import { getBatteryHistory } from './battery/getBatteryHistory';
import { getHandover } from './battery/getHandover';
import { getPassport } from './battery/getPassport';
import { issueBattery } from './battery/issueBattery';
import { placeOnMarket } from './battery/placeOnMarket';
import { proposeHandover } from './battery/proposeHandover';
import { recordStateOfHealth } from './battery/recordStateOfHealth';
import { recordUse } from './battery/recordUse';
import { recycle } from './battery/recycle';
import { rejectHandover } from './battery/rejectHandover';
import { repurpose } from './battery/repurpose';
import { acceptTransfer } from './custody/acceptTransfer';
import { cancelTransfer } from './custody/cancelTransfer';
import { getCommercialTerms } from './custody/getCommercialTerms';
import { getTransfer } from './custody/getTransfer';
import { listTransfers } from './custody/listTransfers';
import { proposeTransfer } from './custody/proposeTransfer';
import { rejectTransfer } from './custody/rejectTransfer';
import { resolveDispute } from './custody/resolveDispute';
import { getFacility } from './facility/getFacility';
import { listFacilities } from './facility/listFacilities';
import { registerFacility } from './facility/registerFacility';
import { updateCertifications } from './facility/updateCertifications';
import { getLot } from './lot/getLot';
import { getLotHistory } from './lot/getLotHistory';
import { listLots } from './lot/listLots';
import { mergeLots } from './lot/mergeLots';
import { mintLot } from './lot/mintLot';
import { splitLot } from './lot/splitLot';
import { traceDownstream } from './lot/traceDownstream';
import { traceUpstream } from './lot/traceUpstream';
import { claimOnOutput } from './massbalance/claimOnOutput';
import { closePeriod } from './massbalance/closePeriod';
import { getAccount } from './massbalance/getAccount';
import { getPeriod } from './massbalance/getPeriod';
import { getStatement } from './massbalance/getStatement';
import { listMovements } from './massbalance/listMovements';
import { openPeriod } from './massbalance/openPeriod';
import { reconcilePeriod } from './massbalance/reconcilePeriod';
import { getProcessRun } from './process/getProcessRun';
import { transform } from './process/transform';
import { exportProof } from './proof/exportProof';

/** What participants do: every write, as client methods. */
export const participantActions = {
  registerFacility,
  updateCertifications,
  mintLot,
  splitLot,
  mergeLots,
  proposeTransfer,
  acceptTransfer,
  rejectTransfer,
  cancelTransfer,
  resolveDispute,
  transform,
  openPeriod,
  claimOnOutput,
  reconcilePeriod,
  closePeriod,
  issueBattery,
  placeOnMarket,
  proposeHandover,
  acceptHandover,
  rejectHandover,
  cancelHandover,
  recordUse,
  recordStateOfHealth,
  repurpose,
  dismantle,
  recycle,
  attest,
  writeBaseline,
};

/** What auditors (and everyone) ask: every query, as client methods. */
export const auditorActions = {
  getFacility,
  listFacilities,
  getLot,
  getLotHistory,
  listLots,
  traceUpstream,
  traceDownstream,
  getTransfer,
  listTransfers,
  getCommercialTerms,
  getProcessRun,
  getAccount,
  getPeriod,
  getStatement,
  listMovements,
  getBattery,
  getPassport,
  getBatteryHistory,
  getHandover,
  getAttestation,
  listAttestations,
  exportProof,
  readBaseline,
};

/** Every typed action; `createClient` attaches each as a method with the client bound. */
export const actions = { ...participantActions, ...auditorActions };
