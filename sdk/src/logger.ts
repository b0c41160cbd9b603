/**
 * Where the SDK reports what it does (retries, reconnects, slow commits). The SDK never prints; pass a logger to
 * see these messages. Every method is optional; `console` fits.
 *
 * @example
 * ```ts
 * const client = await connectOrganisation({ org: 'mining', logger: console });
 * ```
 */
export interface Logger {
  debug?(message: string, context?: Readonly<Record<string, unknown>>): void;
  info?(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn?(message: string, context?: Readonly<Record<string, unknown>>): void;
  error?(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {};
