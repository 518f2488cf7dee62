// Runs the real `marginalia` command (bin/marginalia.js) as a user would.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './tempProject';

const TEST_CACHE = mkdtempSync(join(tmpdir(), 'marginalia-test-cache-'));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = PROJECT_ROOT, extraEnv: Record<string, string> = {}): CliResult {
  // The parse cache goes to a folder of the test run's own, not the user's cache.
  const env = { ...process.env, XDG_CACHE_HOME: TEST_CACHE, ...extraEnv };
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/marginalia.js'), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
