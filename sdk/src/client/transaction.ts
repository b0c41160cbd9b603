import type { z } from 'zod';

/** Whether a transaction is evaluated on one peer (a read) or endorsed, ordered and committed (a write). */
export type TransactionKind = 'evaluate' | 'submit';

/**
 * A chaincode transaction as the SDK calls it: namespace, name, kind, and the schemas of its request and result.
 * Every typed client method is one of these passed to the generic `submit`/`evaluate` path.
 */
export interface TransactionDefinition<Request extends z.ZodTypeAny, Result extends z.ZodTypeAny> {
  /** Contract namespace, e.g. `lot`. */
  readonly contract: string;
  /** Transaction name, e.g. `MintLot`. */
  readonly name: string;
  /** Read or write. */
  readonly kind: TransactionKind;
  /** Schema of the JSON request (the transaction's single argument). */
  readonly request: Request;
  /** Schema of the JSON result. */
  readonly result: Result;
  /** Encodes the validated request as chaincode arguments; default: one JSON string. */
  encode?(request: z.output<Request>): string[];
}

/** The request type a caller passes for a transaction definition. */
export type RequestOf<T> = T extends { readonly request: infer Request extends z.ZodTypeAny } ? z.input<Request> : never;
/** The result type a transaction definition decodes to. */
export type ResultOf<T> = T extends { readonly result: infer Result extends z.ZodTypeAny } ? z.output<Result> : never;

/**
 * Defines a transaction for the generic client path.
 * @example
 * ```ts
 * const MintLot = defineTransaction('lot', 'MintLot', 'submit', mintLotRequestSchema, lotSchema);
 * ```
 */
export function defineTransaction<Request extends z.ZodTypeAny, Result extends z.ZodTypeAny>(
  contract: string,
  name: string,
  kind: TransactionKind,
  request: Request,
  result: Result,
  encode?: (request: z.output<Request>) => string[],
): TransactionDefinition<Request, Result> {
  return encode ? { contract, name, kind, request, result, encode } : { contract, name, kind, request, result };
}

/** `namespace:Name`, the name the chaincode dispatches on. */
export function qualifiedName(definition: { readonly contract: string; readonly name: string }): string {
  return `${definition.contract}:${definition.name}`;
}
