import { BaseError, type BaseErrorParameters } from './BaseError';

/**
 * The connection material, identity, key or client options are missing or malformed, or an operation needs
 * something the client was not given (e.g. events without a `Network`).
 */
export class ConfigurationError extends BaseError {
  override name = 'ConfigurationError';

  constructor(message: string, parameters: BaseErrorParameters = {}) {
    super(message, 'configuration', parameters);
  }
}
