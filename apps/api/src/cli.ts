#!/usr/bin/env node
import { runCli } from './cli-run.js';
import { readSecret } from './cli-secret.js';
import { readEnv } from './env.js';

process.exitCode = await runCli(process.argv.slice(2), readEnv(), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readSecret,
});
