import { readBaseline } from './baseline/readBaseline';
import { writeBaseline } from './baseline/writeBaseline';
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
  exportProof,
  readBaseline,
};

/** Every typed action; `createClient` attaches each as a method with the client bound. */
export const actions = { ...participantActions, ...auditorActions };
