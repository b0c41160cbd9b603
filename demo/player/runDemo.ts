import path from 'node:path';
import { readConnectionMaterial } from '../../sdk/src/index';
import { readReport } from '../ledger/readReport';
import type { ReportData } from '../report/model';
import { renderTerminalSummary } from '../report/terminal';
import { writeReport, type WrittenReport } from '../report/writeReport';
import { checkScenarioInput, type ScenarioInput } from '../scenario/input';
import { stages } from '../scenario/stages/index';
import { reportSubject } from '../scenario/subject';
import { connectAll } from './connect';
import { playStages } from './play';
import { createProgress, type LineWriter } from './progress';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly input: ScenarioInput;
  /** The network state folder (connection material, logs). */
  readonly networkDir: string;
  /** Where the report goes; default `<networkDir>/report`. */
  readonly reportDir?: string;
  /** Where progress and the summary are printed. */
  readonly write: LineWriter;
}

/** What a demo run produced. */
export interface DemoResult {
  readonly report: ReportData;
  readonly written: WrittenReport;
  readonly seconds: number;
}

/**
 * Plays the value chain on the running network through the SDK as each organisation, then reads the report
 * back from the ledger, writes it as HTML (and JSON) and prints the terminal summary.
 * @throws {@link StageError} when a stage fails; SDK errors (e.g. `ConfigurationError` when the network is down)
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const input = checkScenarioInput(options.input);
  const { write } = options;
  const material = readConnectionMaterial('audit', options.networkDir);
  const progress = createProgress(write, { total: stages.length + 1 });
  write(`battery-trace demo — run ${input.runId} on channel '${material.channel}', chaincode '${material.chaincode}'`);
  const connections = connectAll(options.networkDir);
  try {
    await playStages(stages, input, connections.actors, progress);
    const subject = reportSubject(input, material);
    const report = await progress.stage('Report: read traces, statements and custody back from the ledger', () =>
      readReport(
        {
          auditor: connections.actors.audit.user,
          publicReader: { reader: connections.actors.mining.user, name: 'MiningMSP' },
          restrictedReader: { reader: connections.actors.recycling.user, name: 'RecyclingMSP (recycler)' },
        },
        subject,
      ),
    );
    const written = writeReport(report, options.reportDir ?? path.join(options.networkDir, 'report'));
    write('');
    write(renderTerminalSummary(report));
    write('');
    write(`Report written in ${progress.elapsedSeconds().toFixed(1)}s: ${written.html}`);
    write(`                 data: ${written.json}`);
    return { report, written, seconds: progress.elapsedSeconds() };
  } finally {
    connections.close();
  }
}
