#!/usr/bin/env node
import { processOutput } from './output';
import { defaultDependencies } from './program';
import { runCli } from './run';

void runCli(process.argv.slice(2), defaultDependencies(processOutput)).then((code) => {
  process.exitCode = code;
});
