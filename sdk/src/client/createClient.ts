import { actions } from '../actions/index';
import { openGateway, organisationGatewayOptions, type GatewayConnectOptions, type OrganisationConnectOptions } from '../connection/connect';
import { bindActions, type BoundActions } from './bindActions';
import { createCoreClient, type ClientOptions, type CoreClient } from './Client';

/** The typed participant and auditor actions, as client methods. */
export type ClientActions = BoundActions<CoreClient, typeof actions>;

/** The battery-trace client: generic transaction path, typed actions, events, close. */
export type BatteryTraceClient = CoreClient & ClientActions;

/**
 * Creates a client over your own fabric-gateway `Network` (transactions and events) or `Contract`
 * (transactions only). `close()` never closes your gateway.
 * @throws {@link ConfigurationError} when neither is given, or the contract has a contract name
 * @example
 * ```ts
 * const client = createClient({ network: gateway.getNetwork('batterytrace'), mspId: 'MiningMSP' });
 * ```
 */
export function createClient(options: ClientOptions): BatteryTraceClient {
  const core = createCoreClient(options);
  return { ...core, ...bindActions(core, actions) };
}

/**
 * Connects to a gateway peer from explicit material (endpoint, TLS CA, identity, key or signer).
 * The client owns the connection: `close()` releases it.
 * @throws {@link ConfigurationError} when the key is unusable
 * @example
 * ```ts
 * const client = connectGateway({
 *   endpoint: 'localhost:17100', tlsRootCert: pem, mspId: 'MiningMSP', certificate: certPem,
 *   signer: myKmsSigner, channel: 'batterytrace',
 * });
 * ```
 */
export function connectGateway(options: GatewayConnectOptions): BatteryTraceClient {
  const connection = openGateway(options);
  return createClient({
    network: connection.gateway.getNetwork(connection.channel),
    chaincode: connection.chaincode,
    mspId: connection.mspId,
    chainHeight: connection.chainHeight,
    onClose: () => { connection.close(); },
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.transientRetry ? { transientRetry: options.transientRetry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

/**
 * Connects as an identity of an organisation of the local network, from `<networkDir>/connection/<org>.json`.
 * @throws {@link ConfigurationError} when the material, identity or key files are missing
 * @example
 * ```ts
 * const client = connectOrganisation({ org: 'mining', identity: 'user1', retry: retryPolicies.readConflicts });
 * try { … } finally { client.close(); }
 * ```
 */
export function connectOrganisation(options: OrganisationConnectOptions): BatteryTraceClient {
  return connectGateway(organisationGatewayOptions(options));
}
