import { auditTransactions } from '../../actions/definitions/audit';
import type { ActionCommand } from '../command';
import { parseInteger, parseJsonValue, parseList } from '../request';

function subjectFlags(): ActionCommand['flags'] {
  return [{ flags: '--subject <json>', description: '{"type":"Facility|MaterialLot|Battery|MassBalancePeriod","id":…}', parse: parseJsonValue }];
}

/** `battery-trace audit …`. */
export const auditCommands: readonly ActionCommand[] = [
  {
    name: 'attest',
    description: 'record an attestation (auditor organisation only)',
    transaction: auditTransactions.attest,
    flags: [
      { flags: '--id <id>', description: 'attestation id' },
      { flags: '--scheme <scheme>', description: 'scheme or standard, e.g. IRMA, RMAP' },
      { flags: '--scope <text>', description: 'what was audited' },
      ...subjectFlags(),
      { flags: '--result <result>', description: 'PASS or FAIL' },
      { flags: '--valid-from <time>', description: 'ISO 8601 UTC' },
      { flags: '--valid-until <time>', description: 'ISO 8601 UTC' },
      { flags: '--evidence-hash <hash>', description: '0x-prefixed 32-byte hash of the evidence' },
      { flags: '--claims <list>', description: 'claims certified, comma-separated', parse: parseList },
    ],
  },
  { name: 'get', description: 'show an attestation', transaction: auditTransactions.getAttestation, argument: { name: 'id', field: 'id', description: 'attestation id' }, flags: [] },
  {
    name: 'list',
    description: 'list the attestations about a record',
    transaction: auditTransactions.listAttestations,
    flags: [
      ...subjectFlags(),
      { flags: '--valid-only', description: 'only attestations valid now' },
      { flags: '--page-size <n>', description: 'items per page (1–100)', parse: parseInteger },
      { flags: '--bookmark <bookmark>', description: 'continue after a previous page' },
    ],
  },
];
