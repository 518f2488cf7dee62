// A second, independent LSP client: Neovim's built-in one, headless.
// Skipped (with the reason) where Neovim is not installed; CI installs it, so there a
// missing Neovim is a failure, not a skip.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, writeProject } from '../support/tempProject';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status === 0 ? undefined : 'Neovim is not installed (apt-get install neovim)';
const skip = missing !== undefined && process.env.CI !== 'true' ? missing : false;
if (missing && process.env.CI === 'true') test('Neovim is installed in CI', () => assert.fail(missing));

test('Neovim gets diagnostics and completion after {#', { skip }, () => {
  const root = writeProject('//- /codebook.md\n- #role-blur: Roles blur\n- #cost\n//- /transcripts/P1.md\n[x]{#role_blur} [y]{#cost}\n');
  const out = join(root, 'result.json');
  const lua = [
    `_G.arg_root = ${JSON.stringify(root)}`,
    `_G.arg_cli = ${JSON.stringify(join(PROJECT_ROOT, 'bin/marginalia.js'))}`,
    `_G.arg_transcript = ${JSON.stringify(join(root, 'transcripts/P1.md'))}`,
    `_G.arg_out = ${JSON.stringify(out)}`,
    `dofile(${JSON.stringify(join(PROJECT_ROOT, 'test/neovim/check.lua'))})`,
  ].join('; ');
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `lua ${lua}`], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_STATE_HOME: root, XDG_DATA_HOME: root } });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(result, {
    waited: true,
    diagnostics: [{ line: 0, col: 4, severity: 2, message: '#role_blur is not in the codebook — did you mean #role-blur?' }],
    completion: ['#cost', '#role-blur', '#role_blur'],
  });
});

test('Neovim runs a codebook refactoring: marginalia.mergeCode through workspace/applyEdit', { skip }, () => {
  const root = writeProject('//- /codebook.md\n# Roles {#roles}\n\n- #role-blur: Roles blur\n- #role_blur: typo of it\n//- /transcripts/P1.md\n[x]{#role_blur #role-blur} [y]{#role_blur} [z]{#inductive}\n');
  const out = join(root, 'result.json');
  const lua = [
    `_G.arg_root = ${JSON.stringify(root)}`,
    `_G.arg_cli = ${JSON.stringify(join(PROJECT_ROOT, 'bin/marginalia.js'))}`,
    `_G.arg_transcript = ${JSON.stringify(join(root, 'transcripts/P1.md'))}`,
    `_G.arg_codebook = ${JSON.stringify(join(root, 'codebook.md'))}`,
    `_G.arg_out = ${JSON.stringify(out)}`,
    `dofile(${JSON.stringify(join(PROJECT_ROOT, 'test/neovim/refactor.lua'))})`,
  ].join('; ');
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `lua ${lua}`], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_STATE_HOME: root, XDG_DATA_HOME: root } });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), {
    waited: true,
    answer: { applied: true },
    transcript: '[x]{#role-blur} [y]{#role-blur} [z]{#inductive}',
    codebook: '# Roles {#roles}\n\n- #role-blur: Roles blur\n\n  Merged from #role_blur: typo of it',
  });
});
