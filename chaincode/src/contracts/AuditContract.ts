import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { z } from 'zod';
import {
  AUDIT_TRANSACTIONS as TX,
  byIdRequestSchema,
  CONTRACTS,
  listAttestationsBySubjectRequestSchema,
  qualifiedName,
  recordAttestationRequestSchema,
  type Attestation,
  type AttestationSubject,
  type Page,
} from '../api';
import { isValidAt, newAttestation } from '../domain/attestation';
import { ATTESTATION, attestationsBySubjectPrefix, BATTERY, createAttestation, evaluate, FACILITY, MASS_BALANCE_PERIOD, MATERIAL_LOT, submit, type Ledger } from '../state';

const name = (transaction: string): string => qualifiedName(CONTRACTS.audit, transaction);
const indexValueSchema = z.object({}).strict();

/** Requires the attested record to exist. */
async function requireSubject(ledger: Ledger, subject: AttestationSubject): Promise<void> {
  const lookups: Readonly<Record<AttestationSubject['type'], () => Promise<unknown>>> = {
    Facility: () => ledger.require(FACILITY, subject.id),
    MaterialLot: () => ledger.require(MATERIAL_LOT, subject.id),
    Battery: () => ledger.require(BATTERY, subject.id),
    MassBalancePeriod: () => ledger.require(MASS_BALANCE_PERIOD, subject.id),
  };
  await lookups[subject.type]();
}

/**
 * Auditor attestations about facilities, lots, batteries and mass-balance periods: only the auditor
 * organisation records them; anyone reads them; expired ones stop counting.
 */
@Info({ title: 'audit', description: 'Auditor attestations' })
export class AuditContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.audit);
  }

  /** Records an attestation about an existing record (the auditor organisation only). */
  @Transaction()
  @Returns('Attestation')
  public RecordAttestation(ctx: Context, request: string): Promise<Attestation> {
    return submit(ctx, name(TX.RecordAttestation), recordAttestationRequestSchema, request, async ({ ledger, caller }, req) => {
      const draft = newAttestation(req, caller.mspId);
      await requireSubject(ledger, req.subject);
      return createAttestation(ledger, draft);
    });
  }

  /** Reads an attestation. */
  @Transaction(false)
  @Returns('Attestation')
  public GetAttestation(ctx: Context, request: string): Promise<Attestation> {
    return evaluate(ctx, name(TX.GetAttestation), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(ATTESTATION, req.id));
  }

  /** Lists a record's attestations, a page at a time; `validOnly` keeps those in force at the transaction time. */
  @Transaction(false)
  @Returns('AttestationPage')
  public ListAttestationsBySubject(ctx: Context, request: string): Promise<Page<Attestation>> {
    return evaluate(ctx, name(TX.ListAttestationsBySubject), listAttestationsBySubjectRequestSchema, request, async ({ ledger }, req) => {
      const page = await ledger.entriesPage(attestationsBySubjectPrefix(req.subject.type, req.subject.id), indexValueSchema, req.pageSize, req.bookmark);
      const items: Attestation[] = [];
      for (const { attributes } of page.entries) {
        items.push(await ledger.require(ATTESTATION, attributes[0] ?? ''));
      }
      return { items: req.validOnly ? items.filter((a) => isValidAt(a, ledger.now)) : items, bookmark: page.bookmark };
    });
  }
}
