import { getBatteryHistory } from '../../actions/battery/getBatteryHistory';
import { issueBattery } from '../../actions/battery/issueBattery';
import { repurpose } from '../../actions/battery/repurpose';
import type { RestrictedPassportOptions } from '../../actions/battery/restricted';
import type { SubmitOptions } from '../../client/Transactor';
import { batteryTransactions } from '../../actions/definitions/battery';
import type { ActionCommand, FieldFlag } from '../command';
import { viaAction } from '../command';
import { massEntries, parseInteger, parseJsonValue, parseList } from '../request';

const batteryId = { flags: '--battery-id <id>', description: 'battery (passport) id' };
const byId = { name: 'id', field: 'id', description: 'battery (passport) id' };
const rated: readonly FieldFlag[] = [
  { flags: '--rated-capacity-milliamp-hours <mAh>', description: 'rated capacity', parse: parseInteger },
  { flags: '--nominal-voltage-millivolts <mV>', description: 'nominal voltage', parse: parseInteger },
  { flags: '--expected-lifetime-cycles <n>', description: 'expected lifetime in cycles', parse: parseInteger },
];
const recovered: readonly FieldFlag[] = [
  { flags: '--outputs <json>', description: 'list of {id, material, massGrams, assay?}', parse: parseJsonValue },
  { flags: '--loss-grams <grams>', description: 'losses', parse: parseInteger },
  { flags: '--process-emissions-grams-co2e <grams>', description: 'emissions of the recovery process, carried by the recovered lots', parse: parseInteger },
];
const handoverId = { flags: '--handover-id <id>', description: 'handover id' };
const reason = { flags: '--reason <text>', description: 'why' };

/** The `--private` fields of a battery command as its restricted passport fields. */
function asRestricted(options: SubmitOptions): RestrictedPassportOptions {
  const { transient, ...rest } = options;
  return transient ? { ...rest, restricted: transient } : rest;
}

/** `battery-trace battery …`. */
export const batteryCommands: readonly ActionCommand[] = [
  {
    name: 'issue',
    description: 'issue a cell, module or pack with its passport from lots and component batteries (restricted fields via --private)',
    run: viaAction(batteryTransactions.issueBattery, (client, request, options) => issueBattery(client, request, asRestricted(options))),
    acceptsPrivate: true,
    flags: [
      { flags: '--id <id>', description: 'battery (passport) id' },
      { flags: '--facility-id <id>', description: 'your manufacturing facility' },
      { flags: '--level <level>', description: 'CELL, MODULE or PACK' },
      { flags: '--category <category>', description: 'LMT, EV, INDUSTRIAL or STATIONARY' },
      { flags: '--model <model>', description: 'model' },
      { flags: '--chemistry <chemistry>', description: 'NMC, NCA, LFP…' },
      { flags: '--mass-grams <grams>', description: 'mass', parse: parseInteger },
      ...rated,
      { flags: '--lot <lotId=grams>', description: 'a material lot consumed and its mass (repeat)', field: 'lots', parse: massEntries('lotId') },
      { flags: '--components <list>', description: 'component battery ids, comma-separated', parse: parseList },
      { flags: '--process-emissions-grams-co2e <grams>', description: "the plant's own emissions for this battery", parse: parseInteger },
    ],
  },
  { name: 'place-on-market', description: 'place a battery on the market', transaction: batteryTransactions.placeOnMarket, flags: [batteryId] },
  {
    name: 'propose-handover',
    description: 'offer a battery you hold to another facility (ownership, or collection at end of use)',
    transaction: batteryTransactions.proposeHandover,
    flags: [
      { flags: '--id <id>', description: 'handover id' },
      batteryId,
      { flags: '--to-facility-id <id>', description: 'receiving facility' },
      { flags: '--kind <kind>', description: 'OWNERSHIP (default) or COLLECTION' },
    ],
  },
  { name: 'accept-handover', description: 'take in a battery offered to your facility', transaction: batteryTransactions.acceptHandover, flags: [handoverId] },
  { name: 'reject-handover', description: 'refuse a battery offered to your facility', transaction: batteryTransactions.rejectHandover, flags: [handoverId, reason] },
  { name: 'cancel-handover', description: 'withdraw a handover you proposed', transaction: batteryTransactions.cancelHandover, flags: [handoverId, reason] },
  { name: 'handover', description: 'show a battery handover', transaction: batteryTransactions.getHandover, argument: { name: 'id', field: 'id', description: 'handover id' }, flags: [] },
  { name: 'use', description: 'record that a battery is in use', transaction: batteryTransactions.recordUse, flags: [batteryId] },
  {
    name: 'soh',
    description: 'record a state-of-health reading',
    transaction: batteryTransactions.recordStateOfHealth,
    flags: [
      batteryId,
      { flags: '--state-of-certified-energy-basis-points <bp>', description: 'SOCE, 0–10000', parse: parseInteger },
      { flags: '--remaining-capacity-basis-points <bp>', description: 'remaining capacity, 0–10000', parse: parseInteger },
      { flags: '--full-cycles <n>', description: 'full equivalent cycles', parse: parseInteger },
      { flags: '--negative-events <n>', description: 'negative events (deep discharge, overheating…)', parse: parseInteger },
      { flags: '--evidence-hash <hash>', description: '0x-prefixed 32-byte hash of the measurement report' },
    ],
  },
  {
    name: 'repurpose',
    description: 'give a battery a second-life passport linked to its predecessor (restricted fields via --private)',
    run: viaAction(batteryTransactions.repurpose, (client, request, options) => repurpose(client, request, asRestricted(options))),
    acceptsPrivate: true,
    flags: [
      batteryId,
      { flags: '--new-battery-id <id>', description: 'the new passport id' },
      { flags: '--facility-id <id>', description: 'your second-life facility' },
      { flags: '--category <category>', description: 'LMT, EV, INDUSTRIAL or STATIONARY' },
      { flags: '--model <model>', description: 'model' },
      { flags: '--mass-grams <grams>', description: 'mass after repurposing', parse: parseInteger },
      ...rated,
    ],
  },
  { name: 'dismantle', description: 'dismantle a collected battery into recovered lots', transaction: batteryTransactions.dismantle, flags: [batteryId, ...recovered] },
  {
    name: 'recycle',
    description: 'recycle the rest of a battery into recovered (post-consumer recycled) lots',
    transaction: batteryTransactions.recycle,
    flags: [batteryId, ...recovered],
  },
  { name: 'get', description: 'show a battery record', transaction: batteryTransactions.getBattery, argument: byId, flags: [] },
  { name: 'passport', description: 'show the battery passport at your access tier', transaction: batteryTransactions.getPassport, argument: byId, flags: [] },
  {
    name: 'history',
    description: "show a battery's versions, oldest first, after verifying their hash chain",
    run: viaAction(batteryTransactions.getBatteryHistory, getBatteryHistory),
    argument: byId,
    flags: [],
  },
];
