import type { OrgKey } from '../../chaincode/src/api';
import { connectOrganisation, retryPolicies, type BatteryTraceClient } from '../../sdk/src/index';
import type { Actor } from '../scenario/context';
import type { ParticipantLedger } from '../scenario/ledgerPort';
import type { LedgerReader } from '../ledger/readerPort';

/** The SDK client is what the scenario acts and reads through (checked here at compile time). */
export type DemoClient = BatteryTraceClient & ParticipantLedger & LedgerReader;

function asDemoClient(client: BatteryTraceClient): DemoClient {
  const checked: BatteryTraceClient & ParticipantLedger & LedgerReader = client;
  return checked;
}

/** Connected organisations and how to disconnect them. */
export interface Connections {
  readonly actors: Readonly<Record<OrgKey, Actor<DemoClient>>>;
  close(): void;
}

/**
 * Connects as every organisation of the local network: its admin (facility registration) and `user1`
 * (everything else), from `<networkDir>/connection/<org>.json`. Read conflicts are retried by policy.
 * @throws {@link ConfigurationError} when the connection material is missing (network not up)
 */
export function connectAll(networkDir: string): Connections {
  const opened: BatteryTraceClient[] = [];
  const open = (org: OrgKey, identity: string): DemoClient => {
    const client = connectOrganisation({ org, identity, networkDir, retry: retryPolicies.readConflicts });
    opened.push(client);
    return asDemoClient(client);
  };
  try {
    const actor = (org: OrgKey): Actor<DemoClient> => ({ org, admin: open(org, 'admin'), user: open(org, 'user1') });
    const actors = { mining: actor('mining'), manufacturing: actor('manufacturing'), recycling: actor('recycling'), audit: actor('audit') };
    return {
      actors,
      close: () => {
        opened.forEach((c) => {
          c.close();
        });
      },
    };
  } catch (error) {
    opened.forEach((c) => {
      c.close();
    });
    throw error;
  }
}
