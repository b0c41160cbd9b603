import { privateEndorsers } from '../../client/privateEndorsers';
import type { SubmitOptions } from '../../client/Transactor';
import { AUDITOR_MSP, PASSPORT_RESTRICTED_MEMBERS, PASSPORT_RESTRICTED_TRANSIENT_KEY, passportRestrictedSchema, type PassportRestricted } from '../definitions/api';
import { salted } from '../salted';

/** Options of transactions that may carry restricted passport fields. */
export interface RestrictedPassportOptions extends Omit<SubmitOptions, 'transient'> {
  /**
   * Restricted passport fields (dismantling information, spare-part sources, safety measures, part numbers,
   * test reports). They travel as transient data to your own organisation's peer and one other member of the
   * `passportRestricted` collection (the auditor organisation unless that is yours; or the endorsers you name),
   * and are kept in that collection; the battery holds only their hash. `salt` defaults to 16 random bytes.
   */
  readonly restricted?: Omit<PassportRestricted, 'salt'> & { readonly salt?: string };
}

/**
 * The submit options carrying the restricted fields, salted and validated, as transient data, endorsed by the
 * caller's organisation and one other member of the collection.
 * @param own - the caller's MSP id
 */
export function restrictedOptions(options: RestrictedPassportOptions, own: string | undefined, what: string): SubmitOptions {
  const { restricted, ...rest } = options;
  if (restricted === undefined) {
    return rest;
  }
  const endorsingOrganizations = rest.endorsingOrganizations ?? privateEndorsers(own, [AUDITOR_MSP, ...PASSPORT_RESTRICTED_MEMBERS], what);
  return { ...rest, endorsingOrganizations, transient: { [PASSPORT_RESTRICTED_TRANSIENT_KEY]: salted(passportRestrictedSchema, restricted, what) } };
}
