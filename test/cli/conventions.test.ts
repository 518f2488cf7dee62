// One convention for every command: --format json (with --json as its alias);
// output cut short by the reader is not an error; no tool's own message leaks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { PROJECT_ROOT, writeProject } from '../support/tempProject';

test('--format json and --json mean the same (check, stats); unknown or conflicting formats are usage errors', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a} [y]{#b}');
  for (const command of ['check', 'stats']) {
    const a = runCli([command, '--format', 'json'], root);
    const b = runCli([command, '--json'], root);
    assert.equal(a.stderr, '');
    assert.deepEqual(a, b);
    JSON.parse(a.stdout);
  }
  assert.deepEqual(runCli(['stats', '--format', 'xml'], root), { code: 2, stdout: '', stderr: 'marginalia: Unknown format "xml": use text or json.\n' });
  assert.deepEqual(runCli(['check', '--format', 'github', '--json'], root), { code: 2, stdout: '', stderr: 'marginalia: Give either --format github or --json, not both.\n' });
});

test('marginalia stats | head -1 ends quietly', () => {
  const root = writeProject(`//- /codebook.md\n- #a\n//- /P1.md\n${'[word]{#a} '.repeat(5000)}\n`);
  const r = spawnSync('bash', ['-c', `set -o pipefail; node "${join(PROJECT_ROOT, 'bin/marginalia.js')}" stats --format json | head -1`], { cwd: root, encoding: 'utf8' });
  assert.deepEqual({ code: r.status, stdout: r.stdout, stderr: r.stderr }, { code: 0, stdout: '{\n', stderr: '' });
});

test('diff and agree outside git: one sentence of ours, exit 2', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}');
  for (const args of [['agree', 'a', 'b'], ['diff']]) {
    const r = runCli(args, root);
    assert.deepEqual(r, { code: 2, stdout: '', stderr: `marginalia: "${root}" is not in a git repository: diff and agree compare versions of the coding kept in git (run "git init" and commit, or use a clone).\n` });
  }
});
