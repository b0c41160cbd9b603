import { CONTRACTS, CUSTODY_TRANSACTIONS, qualifiedName } from '../../../chaincode/src/api/transactions';
import { ORGS } from '../../../chaincode/src/api/orgs';
import type { AcceptTransferRequest, ProposeTransferRequest } from '../../../chaincode/src/api/requests';
import { submitAll } from '../driver/setup';
import type { Workload } from '../driver/Workload';
import type { TxRequest } from '../fabric/transaction';
import type { BenchContext } from '../suites/context';
import { jsonRequest, LOT_MASS_GRAMS, mintLots, SETUP_CONCURRENCY, SHIPPING_DOCUMENTS_HASH, type Facility } from './fixtures';

/** Transfers proposed and committed but not yet accepted, shared by the two custody workloads. */
export interface PendingTransfers {
  readonly ids: string[];
}

/** Where custody transfers go: lots minted at `from`, proposed to `to`. */
export interface Route {
  readonly from: Facility;
  readonly to: Facility;
}

/** A `custody:ProposeTransfer` of a whole lot along `route`. */
export function proposeRequest(context: BenchContext, route: Route, lotId: string, onOutcome?: TxRequest['onOutcome']): { transferId: string; request: TxRequest } {
  const transferId = context.ids.next('tr');
  const request: ProposeTransferRequest = {
    id: transferId,
    lotId,
    toFacilityId: route.to.id,
    declaredMassGrams: LOT_MASS_GRAMS,
    shippingDocumentsHash: SHIPPING_DOCUMENTS_HASH,
  };
  return { transferId, request: jsonRequest({ org: route.from.org }, qualifiedName(CONTRACTS.custody, CUSTODY_TRANSACTIONS.ProposeTransfer), request, onOutcome) };
}

/**
 * `custody:ProposeTransfer`: the sender proposes a whole minted lot to a facility of another organisation. Lots are
 * minted in {@link Workload.prepare}; every committed proposal joins `pending` for the AcceptTransfer workload.
 */
export function proposeTransferWorkload(context: BenchContext, route: Route, pending: PendingTransfers): Workload {
  const lots: string[] = [];
  return {
    name: 'ProposeTransfer',
    description: `custody:ProposeTransfer — a whole lot from ${route.from.org} to ${route.to.org}`,
    prepare: async (count) => {
      if (lots.length < count) {
        lots.push(...(await mintLots(context, route.from, count - lots.length)));
      }
    },
    next: () => {
      const lotId = lots.pop();
      if (lotId === undefined) {
        return undefined;
      }
      const { transferId, request } = proposeRequest(context, route, lotId, (outcome) => {
        if (outcome.valid) {
          pending.ids.push(transferId);
        }
      });
      return request;
    },
  };
}

/** MSP id of an organisation key of the local network. */
function mspIdOf(org: string): string {
  const mspId = (ORGS as Readonly<Record<string, string>>)[org];
  if (mspId === undefined) {
    throw new Error(`unknown organisation '${org}'`);
  }
  return mspId;
}

/**
 * `custody:AcceptTransfer`: the receiver accepts a pending transfer at the declared mass. The lot's and transfer's
 * state-based policies need both organisations, which the gateway cannot infer from the chaincode definition, so
 * the request names sender and receiver as endorsers. {@link Workload.prepare} proposes more transfers
 * when the pending ones do not suffice.
 */
export function acceptTransferWorkload(context: BenchContext, route: Route, pending: PendingTransfers): Workload {
  return {
    name: 'AcceptTransfer',
    description: `custody:AcceptTransfer — ${route.to.org} accepts a pending whole-lot transfer from ${route.from.org}`,
    prepare: async (count) => {
      const lacking = count - pending.ids.length;
      if (lacking <= 0) {
        return;
      }
      const lots = await mintLots(context, route.from, lacking);
      const proposals = lots.map((lotId) => proposeRequest(context, route, lotId));
      await submitAll(context.connections, proposals.map((proposal) => proposal.request), SETUP_CONCURRENCY, `${lacking} pending transfers`);
      pending.ids.push(...proposals.map((proposal) => proposal.transferId));
    },
    next: () => {
      const transferId = pending.ids.shift();
      return transferId === undefined ? undefined : acceptRequest(route, transferId);
    },
  };
}

/** A `custody:AcceptTransfer` at the declared mass, endorsed by sender and receiver. */
export function acceptRequest(route: Route, transferId: string): TxRequest {
  const request: AcceptTransferRequest = { transferId, receivedMassGrams: LOT_MASS_GRAMS };
  return {
    ...jsonRequest({ org: route.to.org }, qualifiedName(CONTRACTS.custody, CUSTODY_TRANSACTIONS.AcceptTransfer), request),
    endorsingOrganizations: [mspIdOf(route.from.org), mspIdOf(route.to.org)],
  };
}
