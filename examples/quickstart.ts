/**
 * battery-trace SDK quickstart: connect as the mining organisation, register a mine, mint a lot of cobalt
 * hydroxide, read it back with its verified history, and see the ledger's event for it.
 *
 * Run against the local network (`npm start`), after `npm run build`:
 *   node dist/examples/quickstart.js
 */
import { randomBytes } from 'node:crypto';
import { connectOrganisation, isContractError, retryPolicies, type TraceEvent } from '../sdk/src/index';

const suffix = randomBytes(3).toString('hex');
const mineId = `MINE-QS-${suffix}`;
const lotId = `LOT-QS-${suffix}`;

async function main(): Promise<void> {
  // Facilities are registered by an organisation's admin; everyday work is done by its users.
  const admin = connectOrganisation({ org: 'mining', identity: 'admin' });
  const user = connectOrganisation({ org: 'mining', identity: 'user1', retry: retryPolicies.readConflicts });
  try {
    // Listen first, so the mint's event is seen; the listener resumes by itself if the peer restarts.
    const seen = new Promise<TraceEvent>((resolve) => {
      const listener = user.listen((event) => {
        if (event.changes.some((change) => change.id === lotId)) {
          resolve(event);
          listener.close();
        }
      });
    });

    const mine = await admin.registerFacility({ id: mineId, kind: 'MINE', name: 'Quickstart mine', country: 'CD' });
    console.log(`registered ${mine.kind} ${mine.id} owned by ${mine.ownerMsp}`);

    const lot = await user.mintLot({ id: lotId, facilityId: mine.id, material: 'COBALT_HYDROXIDE', massGrams: 25_000_000 });
    console.log(`minted ${lot.id}: ${lot.massGrams} g of ${lot.material}, status ${lot.status}`);

    const readBack = await user.getLot({ id: lotId });
    const history = await user.getLotHistory({ id: lotId }); // throws IntegrityError if the hash chain is broken
    console.log(`read back ${readBack.id} (version ${readBack.version}, hash ${readBack.recordHash.slice(0, 10)}…), ${history.entries.length} verified version(s)`);

    const event = await seen;
    console.log(`event in block ${event.blockNumber}: ${event.transaction} changed ${event.changes.map((c) => `${c.type} ${c.id}`).join(', ')}`);

    try {
      await user.mintLot({ id: lotId, facilityId: mine.id, material: 'COBALT_HYDROXIDE', massGrams: 1 });
    } catch (error) {
      if (!isContractError(error, 'CONFLICT')) throw error;
      console.log(`minting ${lotId} again is refused: ${error.code} — ${error.shortMessage}`);
    }
  } finally {
    admin.close();
    user.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
