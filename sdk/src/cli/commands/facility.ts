import { facilityTransactions } from '../../actions/definitions/facility';
import type { ActionCommand } from '../command';
import { parseInteger, parseJsonValue } from '../request';

const byId = { name: 'id', field: 'id', description: 'facility id' };
const paging = [
  { flags: '--page-size <n>', description: 'items per page (1–100)', parse: parseInteger },
  { flags: '--bookmark <bookmark>', description: 'continue after a previous page' },
];

/** `battery-trace facility …`. */
export const facilityCommands: readonly ActionCommand[] = [
  {
    name: 'register',
    description: "register a facility your organisation owns (run as the organisation's admin: --user admin)",
    transaction: facilityTransactions.registerFacility,
    flags: [
      { flags: '--id <id>', description: 'facility id' },
      { flags: '--kind <kind>', description: 'MINE, CONCENTRATOR, REFINERY, CAM_PLANT, CELL_PLANT, PACK_PLANT, OEM, RECYCLER…' },
      { flags: '--name <name>', description: 'name' },
      { flags: '--country <code>', description: 'ISO 3166-1 alpha-2 country code' },
      { flags: '--geolocation <json>', description: '{"latitudeE6":…,"longitudeE6":…}', parse: parseJsonValue },
      { flags: '--address <text>', description: 'postal address' },
      { flags: '--certifications <json>', description: 'list of {scheme, certificateId, validFrom, validUntil, claims?}', parse: parseJsonValue },
    ],
  },
  { name: 'get', description: 'show a facility', transaction: facilityTransactions.getFacility, argument: byId, flags: [] },
  {
    name: 'list',
    description: "list an organisation's facilities",
    transaction: facilityTransactions.listFacilities,
    flags: [{ flags: '--owner-msp <mspId>', description: 'owning organisation, e.g. MiningMSP' }, ...paging],
  },
  {
    name: 'update-certifications',
    description: "replace a facility's certifications (owner's admin)",
    transaction: facilityTransactions.updateCertifications,
    flags: [
      { flags: '--id <id>', description: 'facility id' },
      { flags: '--certifications <json>', description: 'list of {scheme, certificateId, validFrom, validUntil, claims?}', parse: parseJsonValue },
    ],
  },
];
