import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newGate } from './driver/Gate';
import { openConnections, type Identity } from './fabric/connections';
import { deployedTransactions } from './fabric/metadata';
import { awaitEndorsers } from './fabric/readiness';
import type { BenchProfile, SuiteName } from './options';
import type { BenchResults } from './report/BenchResults';
import { machineInfo, describeMachine } from './report/machine';
import { writeResults } from './report/writeResults';
import { checkTargets } from './report/targets';
import { runContention } from './suites/contention';
import type { BenchContext } from './suites/context';
import { runThroughput } from './suites/throughput';
import { seededRandom } from './stats/random';
import { newZipfSampler } from './stats/zipf';
import { evaluateTransaction } from './fabric/transaction';
import { baselineRead, baselineWorkload, ONE_ORG_BASELINE, oneOrgBaselineWorkload } from './workloads/baseline';
import { operationWorkloads } from './workloads/catalog';
import { facilityCounterWorkload } from './workloads/counter';
import { newIdSource } from './workloads/ids';
import { runQueries } from './suites/queryScaling';

/** Everything `runBench` needs. */
export interface RunSettings {
  readonly profile: BenchProfile;
  readonly suites: readonly SuiteName[];
  readonly networkDir: string;
  readonly outDir: string;
  /** Organisation whose gateway peer every client uses. */
  readonly org: string;
  /** A definition of the same chaincode package whose policy one organisation satisfies, when the network has one. */
  readonly oneOrgChaincode: string | undefined;
  readonly startedAt: Date;
}

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
};

/**
 * Runs the selected suites on the network in `settings.networkDir` and writes the results. Operations the
 * deployed chaincode does not have are skipped and listed as missing.
 */
export async function runBench(settings: RunSettings): Promise<void> {
  const connections = openConnections(settings.networkDir);
  const material = JSON.parse(readFileSync(path.join(settings.networkDir, 'connection', `${settings.org}.json`), 'utf8')) as { channel: string; chaincode: string };
  const background = newGate();
  const context: BenchContext = {
    connections,
    probe: { networkDir: settings.networkDir, orderer: 'orderer0', channel: material.channel, background },
    background,
    ids: newIdSource(),
    log,
  };
  const identity: Identity = { org: settings.org };
  log(`machine: ${describeMachine(machineInfo())}`);
  try {
    const waited = await awaitEndorsers(connections, identity, () => context.ids.next('ready'));
    log(`every organisation's peer endorses beside ${settings.org}'s (waited ${(waited / 1000).toFixed(1)} s for the gateway's discovery)`);
    const deployed = await deployedTransactions(connections, identity);
    const catalog = operationWorkloads(context, deployed, settings.profile);
    const missing = [...catalog.missing];
    const wants = (suite: SuiteName): boolean => settings.suites.includes(suite);
    const queries = wants('queries') ? await runQueries(context, deployed, settings.profile.queries, catalog) : null;
    if (queries !== null) {
      missing.push(...queries.notes);
    }
    const contention = wants('contention') ? await contentionSuite(context, settings, catalog) : null;
    const throughput = wants('throughput') ? await throughputSuite(context, settings, catalog, missing) : null;
    const queryResult = queries === null ? null : await queries.finish();
    const results: BenchResults = {
      format: 'battery-trace-bench/1',
      profile: settings.profile.name,
      startedAt: settings.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      network: {
        networkDir: settings.networkDir,
        channel: material.channel,
        chaincode: material.chaincode,
        oneOrgChaincode: (throughput?.oneOrgBaseline ?? null) === null ? null : (settings.oneOrgChaincode ?? null),
        gatewayOrg: settings.org,
      },
      missing,
      throughput,
      contention,
      queries: queryResult,
    };
    const written = writeResults(settings.outDir, results);
    for (const target of checkTargets(results)) {
      log(`target ${target.subject} ${target.target}: ${target.gap}`);
    }
    log(`results: ${written.markdown}`);
  } finally {
    connections.close();
  }
}

async function throughputSuite(context: BenchContext, settings: RunSettings, catalog: ReturnType<typeof operationWorkloads>, missing: string[]): Promise<BenchResults['throughput']> {
  const identity: Identity = { org: settings.org };
  const oneOrg = await oneOrgChaincode(context, identity, settings.oneOrgChaincode);
  if (oneOrg.missing !== undefined) {
    missing.push(`${ONE_ORG_BASELINE} (the cost of the second endorsement): ${oneOrg.missing}`);
  }
  const baselines = {
    baseline: baselineWorkload(context.ids, identity),
    oneOrgBaseline: oneOrg.chaincode === undefined ? undefined : oneOrgBaselineWorkload(context.ids, identity, oneOrg.chaincode),
  };
  return runThroughput(context, baselines, await catalog.throughput(), settings.profile.throughput);
}

/** The one-organisation chaincode definition if it answers a read, else why it is not measured. */
async function oneOrgChaincode(context: BenchContext, identity: Identity, chaincode: string | undefined): Promise<{ chaincode?: string; missing?: string }> {
  if (chaincode === undefined) {
    return { missing: 'no one-organisation chaincode definition was named (--one-org-chaincode); npm run bench deploys one on its own network' };
  }
  const probe = await evaluateTransaction(context.connections, baselineRead(identity, 'probe', chaincode));
  return probe.valid ? { chaincode } : { missing: `the chaincode definition '${chaincode}' does not answer on this network (${probe.failure ?? 'no answer'})` };
}

async function contentionSuite(context: BenchContext, settings: RunSettings, catalog: ReturnType<typeof operationWorkloads>): Promise<BenchResults['contention']> {
  const options = settings.profile.contention;
  const sampler = (): ReturnType<typeof newZipfSampler> => newZipfSampler(options.facilities, options.exponent, seededRandom(options.seed));
  const identity: Identity = { org: settings.org };
  const facilityIds = Array.from({ length: options.facilities }, (_, rank) => `${context.ids.run}-cf${rank}`);
  const variants = [
    ...(await catalog.contention(sampler)),
    { workload: facilityCounterWorkload(context.ids, identity, facilityIds, sampler(), false), independent: true },
    { workload: facilityCounterWorkload(context.ids, identity, facilityIds, sampler(), true), independent: false },
  ];
  return runContention(context, variants, options, sampler().probability(0));
}
