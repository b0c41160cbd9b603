import type { SubmitOptions } from '../../client/Transactor';
import { PASSPORT_RESTRICTED_TRANSIENT_KEY, passportRestrictedSchema, type PassportRestricted } from '../definitions/api';
import { salted } from '../salted';

/** Options of transactions that may carry restricted passport fields. */
export interface RestrictedPassportOptions extends Omit<SubmitOptions, 'transient'> {
  /**
   * Restricted passport fields (dismantling information, spare-part sources, safety measures, part numbers,
   * test reports). They travel as transient data to your own organisation's peer (unless you name other
   * endorsers) and are kept in the `passportRestricted` collection; the battery holds only their hash.
   * `salt` defaults to 16 random bytes.
   */
  readonly restricted?: Omit<PassportRestricted, 'salt'> & { readonly salt?: string };
}

/** The submit options carrying the restricted fields, salted and validated, as transient data. */
export function restrictedOptions(options: RestrictedPassportOptions, what: string): SubmitOptions {
  const { restricted, ...rest } = options;
  return restricted ? { ...rest, transient: { [PASSPORT_RESTRICTED_TRANSIENT_KEY]: salted(passportRestrictedSchema, restricted, what) } } : rest;
}
