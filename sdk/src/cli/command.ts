import { Command, Option } from 'commander';
import type { BatteryTraceClient } from '../client/createClient';
import { validateRequest } from '../client/codec';
import type { SubmitOptions, TransactionClient } from '../client/Transactor';
import { qualifiedName, type TransactionDefinition } from '../client/transaction';
import type { z } from 'zod';
import { parseRequestOption } from './request';

/** A flag that sets one field of the request. */
export interface FieldFlag {
  /** Commander flag syntax, e.g. `--mass-grams <grams>`. */
  readonly flags: string;
  readonly description: string;
  /** Request field; default: the flag's camelCase name (`--mass-grams` → `massGrams`). */
  readonly field?: string;
  /** Converts the flag's text; repeatable flags receive the previous value. */
  parse?(value: string, previous: unknown): unknown;
}

/** What a command's `run` gets besides the client and the request. */
export interface CommandContext {
  /** Private fields from `--private`, for transactions that carry transient data. */
  readonly transient: Readonly<Record<string, unknown>> | undefined;
  /** Options for submitted transactions (private data and endorsers). */
  readonly submitOptions: SubmitOptions;
}

/** A CLI command that sends one request through the SDK. */
export interface ActionCommand {
  /** Sub-command name within its group, e.g. `mint`. */
  readonly name: string;
  readonly description: string;
  readonly flags: readonly FieldFlag[];
  /** Accepts `--private <json|@file>` (sent as transient data) and `--endorsers`. */
  readonly acceptsPrivate?: boolean;
  /** Positional argument mapped to a request field, e.g. `<lotId>` → `lotId`. */
  readonly argument?: { readonly name: string; readonly field: string; readonly description: string };
  /** The transaction the command sends; or `run` for commands that do more than one call. */
  readonly transaction?: TransactionDefinition<z.ZodTypeAny, z.ZodTypeAny>;
  readonly run?: (client: BatteryTraceClient, request: Record<string, unknown>, context: CommandContext) => Promise<unknown>;
}

/**
 * Sends an untyped request (from flags or JSON) through the generic path: validated against the transaction's
 * schema first, so a bad request fails with a ValidationError before anything is sent.
 */
export async function send<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
  client: TransactionClient,
  transaction: TransactionDefinition<Q, R>,
  request: unknown,
  options: SubmitOptions = {},
): Promise<z.output<R>> {
  const validated: z.input<Q> = validateRequest(transaction.request, request, qualifiedName(transaction));
  return transaction.kind === 'submit' ? client.submit(transaction, validated, options) : client.evaluate(transaction, validated, options);
}

/**
 * A command `run` that validates the request against the transaction's schema and calls a typed action
 * (for actions that do more than the generic path, e.g. name the endorsing organisations).
 */
export function viaAction<Q extends z.ZodTypeAny>(
  transaction: TransactionDefinition<Q, z.ZodTypeAny>,
  action: (client: TransactionClient, parameters: z.output<Q>, options: SubmitOptions) => Promise<unknown>,
): NonNullable<ActionCommand['run']> {
  return (client, request, context) => action(client, validateRequest(transaction.request, request, qualifiedName(transaction)), context.submitOptions);
}

function runOf(spec: ActionCommand): NonNullable<ActionCommand['run']> {
  if (spec.run) return spec.run;
  const transaction = spec.transaction;
  if (transaction === undefined) throw new TypeError(`command ${spec.name} has neither a transaction nor run`);
  return (client, request, context) => send(client, transaction, request, context.submitOptions);
}

/** Runs a connected command and returns what to print. */
export type Runner = (command: Command, run: (client: BatteryTraceClient) => Promise<unknown>) => Promise<void>;

function camelCase(flags: string): string {
  const long = /--([a-z0-9-]+)/.exec(flags)?.[1] ?? flags;
  return long.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function requestFrom(command: Command, spec: ActionCommand): Record<string, unknown> {
  const options = command.opts<Record<string, unknown>>();
  const request: Record<string, unknown> = { ...(options.request as Record<string, unknown> | undefined) };
  for (const flag of spec.flags) {
    const value = options[camelCase(flag.flags)];
    if (value !== undefined) {
      request[flag.field ?? camelCase(flag.flags)] = value;
    }
  }
  const positional = command.args[0];
  if (spec.argument !== undefined && positional !== undefined) {
    request[spec.argument.field] = positional;
  }
  return request;
}

function contextFrom(command: Command): CommandContext {
  const options = command.opts<{ private?: Record<string, unknown>; endorsers?: string[] }>();
  const submitOptions: SubmitOptions = {
    ...(options.private ? { transient: options.private } : {}),
    ...(options.endorsers ? { endorsingOrganizations: options.endorsers } : {}),
  };
  return { transient: options.private, submitOptions };
}

/** Builds the commander command of an action: its flags, `--request`, and the call through the runner. */
export function actionCommand(spec: ActionCommand, runner: Runner): Command {
  const command = new Command(spec.name).description(spec.description);
  if (spec.argument) {
    command.argument(`[${spec.argument.name}]`, spec.argument.description);
  }
  for (const flag of spec.flags) {
    const option = new Option(flag.flags, flag.description);
    command.addOption(flag.parse ? option.argParser<unknown>(flag.parse.bind(flag)) : option);
  }
  command.option('--request <json|@file>', 'the whole request as JSON, inline or @file (flags override its fields)', parseRequestOption);
  if (spec.acceptsPrivate) {
    command.option('--private <json|@file>', 'private fields, sent as transient data (never on the public ledger)', parseRequestOption);
    command.option('--endorsers <mspIds>', 'comma-separated MSP ids that endorse (default: your organisation)', (value) => value.split(','));
  }
  const run = runOf(spec);
  command.action(async () => {
    await runner(command, (client) => run(client, requestFrom(command, spec), contextFrom(command)));
  });
  return command;
}

/** Builds a command group (`lot`, `custody`…) from its actions. */
export function groupCommand(name: string, description: string, specs: readonly ActionCommand[], runner: Runner): Command {
  const group = new Command(name).description(description);
  specs.forEach((spec) => group.addCommand(actionCommand(spec, runner)));
  return group;
}
