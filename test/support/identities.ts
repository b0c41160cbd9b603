import { ORGS } from '../../chaincode/src/api';
import { FakeClientIdentity } from './FakeClientIdentity';

/** Admins and users of every organisation of the network. */
export const identities = {
  miningAdmin: new FakeClientIdentity(ORGS.mining, { ou: 'admin' }),
  miningUser: new FakeClientIdentity(ORGS.mining),
  manufacturingAdmin: new FakeClientIdentity(ORGS.manufacturing, { ou: 'admin' }),
  manufacturingUser: new FakeClientIdentity(ORGS.manufacturing),
  recyclingAdmin: new FakeClientIdentity(ORGS.recycling, { ou: 'admin' }),
  recyclingUser: new FakeClientIdentity(ORGS.recycling),
  auditorAdmin: new FakeClientIdentity(ORGS.audit, { ou: 'admin' }),
  auditorUser: new FakeClientIdentity(ORGS.audit),
  outsider: new FakeClientIdentity('OutsiderMSP', { ou: 'admin' }),
} as const;
