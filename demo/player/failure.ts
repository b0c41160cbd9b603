import path from 'node:path';
import { BaseError } from '../../sdk/src/errors/BaseError';

const ORG_BY_MSP: Readonly<Record<string, string>> = {
  MiningMSP: 'mining',
  ManufacturingMSP: 'manufacturing',
  RecyclingMSP: 'recycling',
  AuditorMSP: 'audit',
};

/** Where the scenario was when it failed. */
export interface FailureContext {
  /** The network state folder (logs under `<networkDir>/logs`). */
  readonly networkDir: string;
  /** The stage that failed. */
  readonly stage?: string;
  /** The organisation (key) whose client made the failing call, when known. */
  readonly org?: string;
}

function logsFor(error: unknown, context: FailureContext): string[] {
  const logs = path.join(context.networkDir, 'logs');
  const orgs = new Set<string>();
  if (context.org !== undefined) orgs.add(context.org);
  if (error instanceof BaseError) {
    error.details.forEach((d) => {
      const org = ORG_BY_MSP[d.mspId];
      if (org !== undefined) orgs.add(org);
    });
  }
  const category = error instanceof BaseError ? error.category : undefined;
  const files = [...orgs].flatMap((org) => {
    switch (category) {
      case 'network':
      case 'commit':
      case 'endorsement':
        return [`peer-${org}.log`, `chaincode-${org}.log`];
      case 'configuration':
        return [];
      default:
        return [`chaincode-${org}.log`, `peer-${org}.log`];
    }
  });
  if (category === 'commit') files.push('orderer-orderer0.log');
  return files.length > 0 ? files.map((f) => path.join(logs, f)) : [logs];
}

function hint(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  switch (error.category) {
    case 'configuration':
      return 'Is the network up? Start it with `npm run network:up` (or `npm start`).';
    case 'network':
      return 'A node did not answer in time: `npm run network:status` shows which one.';
    default:
      return undefined;
  }
}

/**
 * Explains a failed scenario run for people: what failed, the chaincode's code and the transaction, and which
 * log files to read.
 * @param error - what the scenario threw
 * @param context - network folder, stage and organisation
 * @returns lines to print
 */
export function explainFailure(error: unknown, context: FailureContext): string[] {
  const lines = [`✗ The scenario failed${context.stage === undefined ? '' : ` in stage "${context.stage}"`}.`];
  if (error instanceof BaseError) {
    lines.push(`  ${error.name} (${error.category}): ${error.shortMessage}`);
    if (error.transactionName !== undefined) lines.push(`  transaction: ${error.transactionName}${error.transactionId === undefined ? '' : ` ${error.transactionId}`}`);
    error.details.forEach((d) => lines.push(`  ${d.address} (${d.mspId}): ${d.message}`));
  } else {
    lines.push(`  ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  const advice = hint(error);
  if (advice !== undefined) lines.push(`  ${advice}`);
  lines.push('  Read the log:', ...logsFor(error, context).map((f) => `    ${f}`));
  return lines;
}
