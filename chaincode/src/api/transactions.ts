/** Contract namespaces: clients call `<namespace>:<Transaction>`. */
export const CONTRACTS = {
  facility: 'facility',
  lot: 'lot',
  custody: 'custody',
  process: 'process',
  massBalance: 'massbalance',
  battery: 'battery',
  audit: 'audit',
} as const;
/** A contract namespace. */
export type ContractName = (typeof CONTRACTS)[keyof typeof CONTRACTS];

/** Transactions of the `facility` contract. */
export const FACILITY_TRANSACTIONS = {
  RegisterFacility: 'RegisterFacility',
  GetFacility: 'GetFacility',
  ListFacilitiesByOrg: 'ListFacilitiesByOrg',
  UpdateCertifications: 'UpdateCertifications',
} as const;

/** Transactions of the `lot` contract. */
export const LOT_TRANSACTIONS = {
  MintLot: 'MintLot',
  GetLot: 'GetLot',
  GetLotHistory: 'GetLotHistory',
  SplitLot: 'SplitLot',
  MergeLots: 'MergeLots',
  ListLotsByFacility: 'ListLotsByFacility',
  TraceUpstream: 'TraceUpstream',
  TraceDownstream: 'TraceDownstream',
} as const;

/** Transactions of the `custody` contract. */
export const CUSTODY_TRANSACTIONS = {
  ProposeTransfer: 'ProposeTransfer',
  AcceptTransfer: 'AcceptTransfer',
  RejectTransfer: 'RejectTransfer',
  CancelTransfer: 'CancelTransfer',
  ResolveDispute: 'ResolveDispute',
  GetTransfer: 'GetTransfer',
  ListTransfersByLot: 'ListTransfersByLot',
  GetCommercialTerms: 'GetCommercialTerms',
} as const;

/** Transactions of the `process` contract. */
export const PROCESS_TRANSACTIONS = {
  Transform: 'Transform',
  GetProcessRun: 'GetProcessRun',
} as const;

/**
 * The qualified name clients invoke and events report.
 * @example
 * ```ts
 * qualifiedName(CONTRACTS.custody, CUSTODY_TRANSACTIONS.ProposeTransfer); // 'custody:ProposeTransfer'
 * ```
 */
export function qualifiedName(contract: string, transaction: string): string {
  return `${contract}:${transaction}`;
}
