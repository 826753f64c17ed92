#!/usr/bin/env node
// `npm test [-- jest args]`: make sure the TypeScript packages and apps/web/dist are built (the browser tests serve it), then run jest
// with native ES modules (NestJS 12 is ESM only). Exits with jest's exit code.
// SKIP_WEB_BUILD=1 skips the build check, e.g. for a quick `npm test -- --selectProjects unit`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureTsBuilt, ensureWebBuilt, exitCodeOf, forwardSignals, log } from './lib/build.mjs';

// The tests' global setup starts the database and runs migrations from the server's compiled output.
await ensureTsBuilt();

if (process.env.SKIP_WEB_BUILD === '1') {
  log('SKIP_WEB_BUILD=1: not checking the web build');
} else {
  await ensureWebBuilt();
}

const jest = spawn(
  process.execPath,
  [
    '--experimental-vm-modules',
    join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
    ...process.argv.slice(2),
  ],
  // Same process group (jest --watch reads the terminal); a doubled Ctrl-C does jest no harm.
  { cwd: ROOT, stdio: 'inherit' },
);
forwardSignals([jest]);
jest.once('error', (err) => {
  log(`could not start jest: ${err.message}`);
  process.exit(1);
});
jest.once('exit', (code, signal) => process.exit(exitCodeOf(code, signal)));
