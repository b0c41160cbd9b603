import type { TransactionClient } from './Transactor';

/** An action: a function of the client and its own arguments. */
export type Action = (client: TransactionClient, ...args: never[]) => unknown;

/** The actions with their client argument bound: what the client exposes as methods. */
export type BoundActions<A extends Record<string, Action>> = {
  [K in keyof A]: A[K] extends (client: TransactionClient, ...args: infer P) => infer R ? (...args: P) => R : never;
};

/** Binds every action to `client` (viem's `client.extend(actions)`). */
export function bindActions<A extends Record<string, Action>>(client: TransactionClient, actions: A): BoundActions<A> {
  const bound = Object.entries(actions).map(([name, action]) => [
    name,
    (...args: never[]): unknown => action(client, ...args),
  ]);
  return Object.fromEntries(bound) as BoundActions<A>;
}
