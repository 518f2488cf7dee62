// Finding the project: from a subfolder the CLI walks up to the nearest
// marginalia.yml or codebook.md; from a folder above, it finds the project below.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { writeProject } from '../support/tempProject';

const STUDY = `
//- /my study/codebook.md
# Position {#position}
- #role-blur: Cannot tell the roles apart
//- /my study/transcripts/P1.md
[Which is which?]{#role-blur} and [so]{#role_blur}
//- /README.md
The repository of the study.
`;

test('check from a subfolder finds the codebook above it (unknown codes still reported)', () => {
  const root = writeProject(STUDY);
  const r = runCli(['check'], join(root, 'my study/transcripts'));
  assert.deepEqual(r, {
    code: 0,
    stdout: 'P1.md:1:40 warning #role_blur is not in the codebook — did you mean #role-blur?\n',
    stderr: '',
  });
  const json = JSON.parse(runCli(['stats', '--json'], join(root, 'my study/transcripts')).stdout);
  assert.deepEqual(json.nodes.map((n: { id: string; total: number }) => `${n.id} ${n.total}`), ['position 1', 'role-blur 1', 'role_blur 1']);
});

test('from the folder above, the project below is found and its codebook is not a transcript', () => {
  const root = writeProject(STUDY);
  const stats = JSON.parse(runCli(['stats', '--json'], root).stdout);
  assert.deepEqual(stats.cases.map((c: { file: string }) => c.file), ['transcripts/P1.md']);
  assert.deepEqual(runCli(['check'], root).stdout, 'my study/transcripts/P1.md:1:40 warning #role_blur is not in the codebook — did you mean #role-blur?\n');
});

test('several projects below: check checks each, other commands ask for one', () => {
  const root = writeProject(`${STUDY}\n//- /pilot/marginalia.yml\ntranscripts: ["*.md"]\n//- /pilot/P0.md\n[x]{#nope}\n`);
  const r = runCli(['check', '--format', 'json'], root);
  assert.deepEqual(JSON.parse(r.stdout).map((d: { file: string; code: string }) => `${d.file} ${d.code}`), ['my study/transcripts/P1.md unknown-code', 'pilot/codebook.md no-codebook']);
  assert.deepEqual(runCli(['stats'], root), { code: 2, stdout: '', stderr: 'marginalia: "." holds 2 coding projects ("my study", "pilot"): give the folder of one of them.\n' });
});

test('diff from a subfolder keeps theme counts', () => {
  const root = writeProject(STUDY);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=c@example.org', '-c', 'user.name=C', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git('add', '-A');
  git('-c', 'user.email=c@example.org', '-c', 'user.name=C', 'commit', '-q', '-m', 'study');
  const r = runCli(['diff', 'HEAD~1', 'HEAD'], join(root, 'my study/transcripts'));
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /\n {2}#position: 0 extracts · 0 cases → 1 extract · 1 case\n/);
});
