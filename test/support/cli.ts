// Runs the real `marginalia` command (bin/marginalia.js) as a user would.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './tempProject';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = PROJECT_ROOT): CliResult {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/marginalia.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
