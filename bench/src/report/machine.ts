import os from 'node:os';

/** The machine a run was measured on. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly node: string;
}

/** Cores, CPU model, memory, OS and Node.js version of this machine. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** `2 cores (model), 23.5 GiB memory, Linux …, Node v20…`. */
export function describeMachine(machine: MachineInfo): string {
  const gib = (machine.memoryBytes / 2 ** 30).toFixed(1);
  return `${machine.cores} cores (${machine.cpuModel}), ${gib} GiB memory, ${machine.platform}, Node ${machine.node}`;
}
