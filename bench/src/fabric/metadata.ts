import type { Connections, Identity } from './connections';

/**
 * The transactions the deployed chaincode exposes (`namespace:Name`), from the contract runtime's
 * `org.hyperledger.fabric:GetMetadata`, so the benchmark measures what exists and reports what does not.
 */
export async function deployedTransactions(connections: Connections, identity: Identity): Promise<Set<string>> {
  const bytes = await connections.contract(identity).evaluateTransaction('org.hyperledger.fabric:GetMetadata');
  return parseMetadata(JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown);
}

/** Extracts `namespace:Name` pairs from contract metadata (`{ contracts: { ns: { transactions: [{ name }] } } }`). */
export function parseMetadata(metadata: unknown): Set<string> {
  const names = new Set<string>();
  const contracts = isRecord(metadata) && isRecord(metadata.contracts) ? metadata.contracts : {};
  for (const [namespace, contract] of Object.entries(contracts)) {
    const transactions = isRecord(contract) && Array.isArray(contract.transactions) ? (contract.transactions as unknown[]) : [];
    for (const transaction of transactions) {
      if (isRecord(transaction) && typeof transaction.name === 'string') {
        names.add(`${namespace}:${transaction.name}`);
      }
    }
  }
  return names;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
