import { BaseError, type BaseErrorParameters } from './BaseError';

/**
 * A transaction result or an event payload did not match its schema: the chaincode and the SDK disagree on a
 * record type (usually a version mismatch). `cause` holds the schema error.
 */
export class DecodeError extends BaseError {
  override name = 'DecodeError';

  constructor(message: string, parameters: BaseErrorParameters = {}) {
    super(message, 'decode', parameters);
  }
}
