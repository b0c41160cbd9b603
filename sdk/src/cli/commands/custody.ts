import { custodyTransactions } from '../../actions/definitions/custody';
import { proposeTransfer } from '../../actions/custody/proposeTransfer';
import { validateRequest } from '../../client/codec';
import type { TransactionClient } from '../../client/Transactor';
import { acceptTransfer } from '../../actions/custody/acceptTransfer';
import { cancelTransfer } from '../../actions/custody/cancelTransfer';
import { rejectTransfer } from '../../actions/custody/rejectTransfer';
import { resolveDispute } from '../../actions/custody/resolveDispute';
import { type ActionCommand, viaAction } from '../command';
import { parseInteger } from '../request';

const transferId = { flags: '--transfer-id <id>', description: 'transfer id' };
const byId = { name: 'id', field: 'id', description: 'transfer id' };

interface TermsOptions {
  readonly priceMinorUnits?: number;
  readonly currency?: string;
  readonly contractReference?: string;
}

function termsFrom(request: Record<string, unknown>): { request: Record<string, unknown>; terms: TermsOptions | undefined } {
  const { priceMinorUnits, currency, contractReference, ...rest } = request;
  const given = priceMinorUnits !== undefined || currency !== undefined || contractReference !== undefined;
  return { request: rest, terms: given ? ({ priceMinorUnits, currency, contractReference } as TermsOptions) : undefined };
}

/** Proposes a transfer with the commercial-terms flags as private data. */
function runPropose(client: TransactionClient, input: Record<string, unknown>): Promise<unknown> {
  const { request, terms } = termsFrom(input);
  const validated = validateRequest(custodyTransactions.proposeTransfer.request, request, 'custody:ProposeTransfer');
  return proposeTransfer(client, validated, terms ? { commercialTerms: terms as Required<TermsOptions> } : {});
}

/** `battery-trace custody …`. */
export const custodyCommands: readonly ActionCommand[] = [
  {
    name: 'propose',
    description: 'propose moving a lot in your custody to another facility (price and contract stay private)',
    flags: [
      { flags: '--id <id>', description: 'transfer id' },
      { flags: '--lot-id <id>', description: 'lot to move' },
      { flags: '--to-facility-id <id>', description: 'receiving facility' },
      { flags: '--declared-mass-grams <grams>', description: 'mass shipped', parse: parseInteger },
      { flags: '--shipping-documents-hash <hash>', description: '0x-prefixed 32-byte hash of the shipping documents' },
      { flags: '--tolerance-basis-points <bp>', description: 'accepted weighing difference (default 50 = 0.5 %)', parse: parseInteger },
      { flags: '--price-minor-units <n>', description: 'price in minor units (private)', parse: parseInteger },
      { flags: '--currency <code>', description: 'ISO 4217 currency (private)' },
      { flags: '--contract-reference <ref>', description: 'contract reference (private)' },
    ],
    run: runPropose,
  },
  {
    name: 'accept',
    description: 'accept a transfer to your facility with the mass you weighed',
    run: viaAction(custodyTransactions.acceptTransfer, acceptTransfer),
    flags: [transferId, { flags: '--received-mass-grams <grams>', description: 'weighed mass', parse: parseInteger }],
  },
  {
    name: 'reject',
    description: 'reject a transfer to your facility',
    run: viaAction(custodyTransactions.rejectTransfer, rejectTransfer),
    flags: [transferId, { flags: '--reason <text>', description: 'why' }],
  },
  {
    name: 'cancel',
    description: 'cancel a transfer you proposed',
    run: viaAction(custodyTransactions.cancelTransfer, cancelTransfer),
    flags: [transferId, { flags: '--reason <text>', description: 'why' }],
  },
  {
    name: 'resolve',
    description: 'settle a disputed transfer (auditor, or both parties proposing the same mass)',
    run: viaAction(custodyTransactions.resolveDispute, resolveDispute),
    flags: [transferId, { flags: '--settled-mass-grams <grams>', description: 'settled mass', parse: parseInteger }, { flags: '--note <text>', description: 'note' }],
  },
  { name: 'get', description: 'show a transfer', transaction: custodyTransactions.getTransfer, argument: byId, flags: [] },
  {
    name: 'list',
    description: "list a lot's transfers",
    transaction: custodyTransactions.listTransfers,
    flags: [
      { flags: '--lot-id <id>', description: 'lot' },
      { flags: '--page-size <n>', description: 'items per page (1–100)', parse: parseInteger },
      { flags: '--bookmark <bookmark>', description: 'continue after a previous page' },
    ],
  },
  { name: 'terms', description: "show a transfer's private commercial terms (sender's organisation)", transaction: custodyTransactions.getCommercialTerms, argument: byId, flags: [] },
];
