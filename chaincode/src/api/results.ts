import { z } from 'zod';
import { idSchema, massSchema } from './primitives';
import { custodyTransferSchema, facilitySchema, materialLotSchema, processRunSchema } from './records';

/**
 * A record's stored history, oldest first; each entry's record carries its hashes so the chain can be
 * re-verified off the network.
 * @param record - the record schema
 */
export function historySchema<T extends z.ZodTypeAny>(record: T): z.ZodObject<{
  type: z.ZodString;
  id: z.ZodString;
  entries: z.ZodArray<z.ZodObject<{ txId: z.ZodString; timestamp: z.ZodString; isDelete: z.ZodBoolean; record: z.ZodOptional<T> }>>;
}> {
  return z.object({
    type: z.string(),
    id: z.string(),
    entries: z.array(z.object({ txId: z.string(), timestamp: z.string(), isDelete: z.boolean(), record: record.optional() })),
  });
}

/** One version of a record in its history. */
export interface HistoryEntry<T> {
  txId: string;
  timestamp: string;
  isDelete: boolean;
  record?: T;
}

/** A record's history, oldest first. */
export interface RecordHistory<T> {
  type: string;
  id: string;
  entries: HistoryEntry<T>[];
}

/** `lot:GetLotHistory` result schema. */
export const lotHistorySchema = historySchema(materialLotSchema);

/** A provenance link: `parent` contributed `massGrams` to `child`, optionally through a process run. */
export const provenanceEdgeSchema = z
  .object({
    parentType: z.string(),
    parentId: idSchema,
    childType: z.string(),
    childId: idSchema,
    massGrams: massSchema,
    processRunId: idSchema.optional(),
  })
  .strict();
/** A provenance link. */
export type ProvenanceEdge = z.infer<typeof provenanceEdgeSchema>;

/** A node reached by a trace; lots come with their record. */
export const traceNodeSchema = z
  .object({ type: z.string(), id: idSchema, depth: z.number().int().min(0), lot: materialLotSchema.optional() })
  .strict();
/** A node reached by a trace. */
export type TraceNode = z.infer<typeof traceNodeSchema>;

/**
 * A page of a breadth-first provenance trace: the nodes in visiting order (the root first, at depth 0) and
 * the links followed from them. `bookmark` continues the walk; empty when the walk is complete.
 */
export const traceResultSchema = z
  .object({
    direction: z.enum(['UPSTREAM', 'DOWNSTREAM']),
    rootType: z.string(),
    rootId: idSchema,
    nodes: z.array(traceNodeSchema),
    edges: z.array(provenanceEdgeSchema),
    bookmark: z.string(),
    depthLimited: z.boolean(),
  })
  .strict();
/** A page of a provenance trace. */
export type TraceResult = z.infer<typeof traceResultSchema>;

/** `process:Transform` result: the run and the lots it created and changed. */
export const transformResultSchema = z.object({ run: processRunSchema, inputs: z.array(materialLotSchema), outputs: z.array(materialLotSchema) }).strict();
/** `process:Transform` result. */
export type TransformResult = z.infer<typeof transformResultSchema>;

/** `lot:SplitLot` result: the parent after the split and the children. */
export const splitResultSchema = z.object({ parent: materialLotSchema, children: z.array(materialLotSchema) }).strict();
/** `lot:SplitLot` result. */
export type SplitResult = z.infer<typeof splitResultSchema>;

/** `lot:MergeLots` result: the merged lot and the consumed inputs. */
export const mergeResultSchema = z.object({ lot: materialLotSchema, inputs: z.array(materialLotSchema) }).strict();
/** `lot:MergeLots` result. */
export type MergeResult = z.infer<typeof mergeResultSchema>;

/** Custody transactions' result: the transfer and the lot after the transaction. */
export const transferResultSchema = z.object({ transfer: custodyTransferSchema, lot: materialLotSchema }).strict();
/** Custody transactions' result. */
export type TransferResult = z.infer<typeof transferResultSchema>;

/** `facility:ListFacilitiesByOrg` result. */
export const facilityPageSchema = z.object({ items: z.array(facilitySchema), bookmark: z.string() }).strict();
/** `lot:ListLotsByFacility` result. */
export const lotPageSchema = z.object({ items: z.array(materialLotSchema), bookmark: z.string() }).strict();
/** `custody:ListTransfersByLot` result. */
export const transferPageSchema = z.object({ items: z.array(custodyTransferSchema), bookmark: z.string() }).strict();
