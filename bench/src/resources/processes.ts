import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Which kind of network process a pid belongs to. */
export type ProcessRole = 'peer' | 'orderer' | 'chaincode';

/** CPU seconds (user + system) per process role at one instant, plus the benchmark client's own. */
export interface CpuSnapshot {
  readonly seconds: Readonly<Record<ProcessRole, number>>;
  /** CPU seconds of this benchmark process (client-side signing, gRPC, bookkeeping). */
  readonly client: number;
}

const roles: readonly ProcessRole[] = ['peer', 'orderer', 'chaincode'];

/** Clock ticks per second of `/proc/<pid>/stat` times; 100 on every mainstream Linux build. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Reads utime + stime of every process whose pid `scripts/network.sh` recorded in `<networkDir>/pids/*.pid`
 * (re-read on every call: a redeploy starts new chaincode processes). Threads are included (the per-process
 * counters cover them); children of a chaincode pid are not, and the builder runs the chaincode as that pid.
 * A process that vanished counts as zero, so compare snapshots only over a stable network.
 */
export function readCpu(networkDir: string): CpuSnapshot {
  const seconds: Record<ProcessRole, number> = { peer: 0, orderer: 0, chaincode: 0 };
  const pidDir = path.join(networkDir, 'pids');
  for (const file of readdirSync(pidDir).filter((name) => name.endsWith('.pid'))) {
    const role = roles.find((candidate) => file.startsWith(`${candidate}-`));
    if (role !== undefined) {
      seconds[role] += processCpuSeconds(readFileSync(path.join(pidDir, file), 'utf8').trim());
    }
  }
  const own = process.cpuUsage();
  return { seconds, client: (own.user + own.system) / 1e6 };
}

/** CPU seconds between two snapshots, per role. */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const seconds = { peer: 0, orderer: 0, chaincode: 0 };
  for (const role of roles) {
    seconds[role] = after.seconds[role] - before.seconds[role];
  }
  return { seconds, client: after.client - before.client };
}

/**
 * utime + stime of one pid in seconds, from `/proc/<pid>/stat` (fields 14 and 15, counted after the command name,
 * which may itself contain spaces and parentheses).
 */
export function parseProcStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / CLOCK_TICKS_PER_SECOND : 0;
}

function processCpuSeconds(pid: string): number {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return 0;
  }
}

/**
 * Total size in bytes of the block files of one orderer's channel ledger
 * (`<networkDir>/nodes/<orderer>/ledger/chains/<channel>/blockfile_*`): its growth over a round is the bytes the
 * round's blocks occupy.
 */
export function blockFileBytes(networkDir: string, orderer: string, channel: string): number {
  const dir = path.join(networkDir, 'nodes', orderer, 'ledger', 'chains', channel);
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith('blockfile_'))
      .reduce((total, name) => total + statSync(path.join(dir, name)).size, 0);
  } catch {
    return Number.NaN;
  }
}
