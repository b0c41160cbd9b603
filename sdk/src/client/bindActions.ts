/** An action: a function of the client and its own arguments. */
export type Action<C> = (client: C, ...args: never[]) => unknown;

/** The actions with their client argument bound: what the client exposes as methods. */
export type BoundActions<C, A extends Record<string, Action<C>>> = {
  [K in keyof A]: A[K] extends (client: C, ...args: infer P) => infer R ? (...args: P) => R : never;
};

/**
 * Binds every action to `client` (viem's `client.extend(actions)`): `bound.mintLot(request)` calls
 * `mintLot(client, request)`.
 * @param client - what each action receives first
 * @param actions - the actions by method name
 */
export function bindActions<C, A extends Record<string, Action<C>>>(client: C, actions: A): BoundActions<C, A> {
  const bound = Object.entries(actions).map(([name, action]) => [name, (...args: never[]): unknown => action(client, ...args)]);
  return Object.fromEntries(bound) as BoundActions<C, A>;
}
