import { ORGS } from '../../chaincode/src/api';
import { TestIdentity } from './TestIdentity';

/** Admins and users of every organisation of the network, and an admin of an organisation outside it. */
export const identities = {
  miningAdmin: new TestIdentity({ mspId: ORGS.mining, role: 'admin' }),
  miningUser: new TestIdentity({ mspId: ORGS.mining }),
  manufacturingAdmin: new TestIdentity({ mspId: ORGS.manufacturing, role: 'admin' }),
  manufacturingUser: new TestIdentity({ mspId: ORGS.manufacturing }),
  recyclingAdmin: new TestIdentity({ mspId: ORGS.recycling, role: 'admin' }),
  recyclingUser: new TestIdentity({ mspId: ORGS.recycling }),
  auditorAdmin: new TestIdentity({ mspId: ORGS.audit, role: 'admin' }),
  auditorUser: new TestIdentity({ mspId: ORGS.audit }),
  outsider: new TestIdentity({ mspId: 'OutsiderMSP', role: 'admin' }),
} as const;
