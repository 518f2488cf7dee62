// Reviewing coding through git: real repositories in temp folders, two
// coders' branches, exact output of `marginalia diff` and `marginalia agree`.

import { runCli } from '../support/cli';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function repo(): { dir: string; commit: (branch: string, files: Record<string, string>, from?: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-git-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'coder@example.org');
  git('config', 'user.name', 'Coder');
  const commit = (branch: string, files: Record<string, string>, from?: string): void => {
    if (from) git('checkout', '-q', '-B', branch, from);
    else if (branch !== 'main') git('checkout', '-q', '-B', branch);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git('add', '-A');
    git('commit', '-q', '-m', `coding on ${branch}`);
  };
  return { dir, commit };
}

const marginalia = (cwd: string, ...args: string[]) => runCli(args, cwd);

function twoCoders() {
  const r = repo();
  r.commit('main', { 'codebook.md': '- #x: Ex\n- #y: Why\n', 'transcripts/P1.md': 'abcdefghij', 'transcripts/P2.md': 'Some text here.', 'transcripts/P3.md': 'Same words.' });
  r.commit('coder-a', { 'transcripts/P1.md': '[abcde]{#x}fghij', 'transcripts/P2.md': '[Some text]{#y} here.' }, 'main');
  r.commit('coder-b', { 'transcripts/P1.md': 'abc[defgh]{#x}ij', 'transcripts/P2.md': '[Some text]{#y} here.', 'transcripts/P3.md': 'Same words!' }, 'main');
  return r;
}

test("agree: percent agreement, Cohen's kappa and Krippendorff's alpha per code, on characters", () => {
  const { dir } = twoCoders();
  const r = marginalia(dir, 'agree', 'coder-a', 'coder-b');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'Intercoder agreement between coder-a, coder-b: 2 transcripts, 25 characters; 1 transcript skipped (see below)',
    '',
    'code                              % agree   kappa   alpha',
    '#x                                  76.0%   0.250   0.265',
    '#y                                 100.0%   1.000   1.000',
    'overall                             88.0%   0.702   0.705',
    '',
    'Skipped transcripts/P3.md: its text (without coding) differs between the coders, so characters cannot be compared.',
    '',
  ].join('\n'));
});

test('agree --json, --codes and three coders with --refs', () => {
  const { dir, commit } = twoCoders();
  commit('coder-c', { 'transcripts/P1.md': '[abcde]{#x}fghij', 'transcripts/P2.md': 'Some text here.' }, 'main');
  const raw = marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x', '--json');
  assert.deepEqual(marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x', '--format', 'json'), raw);
  const json = JSON.parse(raw.stdout);
  assert.deepEqual(json.codes.map((c: { code: string }) => c.code), ['x']);
  assert.deepEqual(json.compared, ['transcripts/P1.md', 'transcripts/P2.md']);
  const three = marginalia(dir, 'agree', '--refs', 'coder-a,coder-b,coder-c');
  // #x by hand: 2 characters coded by all three, 3 by two, 3 by one, 17 by none → α = 1 − 12 / (2·15·60/74) = 0.507.
  assert.equal(three.stdout.split('\n').slice(0, 4).join('\n'), [
    'Intercoder agreement between coder-a, coder-b, coder-c: 2 transcripts, 25 characters; 1 transcript skipped (see below)',
    '',
    'code                              alpha',
    '#x                                 0.507',
  ].join('\n'));
});

test('agree compares texts modulo whitespace runs and line endings, and counts on that text', () => {
  const r = repo();
  r.commit('main', { 'codebook.md': '- #x: Ex\n- #d: Delegation\n', 'transcripts/P1.md': '---\ncase: P1\n---\nWho does it?\nThe therapist.\n' });
  // Anna codes the paragraph the documented way (a space before the group); Ben re-wraps, uses CRLF and adds an attribute.
  r.commit('anna', { 'transcripts/P1.md': '---\ncase: P1\n---\nWho does it?\nThe [therapist]{#x}. {#d}\n' }, 'main');
  r.commit('ben', { 'transcripts/P1.md': '---\r\ncase: P1\r\nband: 7\r\n---\r\nWho  does [it?\r\nThe therapist]{#x}.\r\n' }, 'main');
  const out = marginalia(r.dir, 'agree', 'anna', 'ben');
  assert.equal(out.stderr, '');
  // "Who does it? The therapist." is 27 characters; #d: anna all 27, ben none; #x: anna 9, ben 17, both 9.
  assert.equal(out.stdout, [
    'Intercoder agreement between anna, ben: 1 transcript, 27 characters',
    '',
    'code                              % agree   kappa   alpha',
    '#d                                   0.0%   0.000  -0.963',
    '#x                                  70.4%   0.455   0.418',
    'overall                             35.2%  -0.154  -0.285',
    '',
  ].join('\n'));
});

test('agree: a code nobody applied is listed and left out of overall; unknown codes and cases are usage errors', () => {
  // #z is in coder-b's codebook, but nobody applied it.
  const { dir, commit } = twoCoders();
  commit('coder-b', { 'codebook.md': '- #x: Ex\n- #y: Why\n- #z: Zed\n' });
  const text = marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x,y,z');
  const plainRun = marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x,y');
  assert.equal(text.code, 0);
  assert.equal(text.stdout, plainRun.stdout.replace('\n\nSkipped', '\n\nNot applied by any coder, so left out of the overall figures: #z.\n\nSkipped'));
  const json = JSON.parse(marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x,z', '--json').stdout);
  assert.deepEqual([json.notApplied, json.codes.map((c: { code: string }) => c.code)], [['z'], ['x']]);
  assert.deepEqual(json.overall, JSON.parse(marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x', '--json').stdout).overall);
  assert.deepEqual(marginalia(dir, 'agree', 'coder-a', 'coder-b', '--codes', 'x,nope'), { code: 2, stdout: '', stderr: "marginalia: There is no code #nope in any coder's codebook or transcripts.\n" });
  assert.deepEqual(marginalia(dir, 'agree', 'coder-a', 'coder-b', '--cases', 'P1,P9'), { code: 2, stdout: '', stderr: "marginalia: There is no case P9 in any coder's transcripts.\n" });
});

test('diff: extracts added, recoded (not reflowed), counts and codebook changes', () => {
  const { dir, commit } = twoCoders();
  commit('recode', {
    'codebook.md': '- #x: Ex\n- #why: Why\n- #z: Zed\n',
    'transcripts/P1.md': '[abcde]{#why}fghij',
    'transcripts/P2.md': '[Some\ntext]{#why}\nhere.',
  }, 'coder-a');
  const r = marginalia(dir, 'diff', 'coder-a', 'recode');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, [
    'Coding changes from coder-a to recode',
    '',
    'Codebook:',
    '  + code #z — Zed',
    '  ~ #y renamed to #why',
    '',
    'Extracts: 0 added, 0 removed, 1 recoded',
    '  ~ P1  #x → #why  "abcde"',
    '',
    'Counts:',
    '  #x: 1 extract · 1 case → 0 extracts · 0 cases',
    '  #why: 1 extract · 1 case → 2 extracts · 2 cases',
    '',
  ].join('\n'));
});

test('diff: a code renamed in the codebook and every transcript is only a rename', () => {
  const { dir, commit } = twoCoders();
  commit('renamed', { 'codebook.md': '- #x: Ex\n- #why: Why\n', 'transcripts/P2.md': '[Some text]{#why} here.' }, 'coder-a');
  const r = marginalia(dir, 'diff', 'coder-a', 'renamed');
  assert.equal(r.stdout, ['Coding changes from coder-a to renamed', '', 'Codebook:', '  ~ #y renamed to #why', ''].join('\n'));
  const json = JSON.parse(marginalia(dir, 'diff', 'coder-a', 'renamed', '--format', 'json').stdout);
  assert.deepEqual([json.recoded, json.nodes], [[], []]);
});

test('diff --format markdown for a pull-request comment', () => {
  const { dir } = twoCoders();
  const r = marginalia(dir, 'diff', 'main', 'coder-a', '--format', 'markdown');
  assert.equal(r.stdout, [
    '## Coding changes: `main` → `coder-a`',
    '',
    '**2** extracts added · **0** removed · **0** recoded · **2** codes and themes with new counts',
    '',
    '### Counts',
    '',
    '| code or theme | extracts | cases |',
    '|---|---|---|',
    '| `#x` Ex | 0 → 1 | 0 → 1 |',
    '| `#y` Why | 0 → 1 | 0 → 1 |',
    '',
    '### Extracts added',
    '',
    '- **P1** `#x`',
    '  > abcde',
    '- **P2** `#y`',
    '  > Some text',
    '',
  ].join('\n'));
});

test('diff against the working tree reads git blobs and never touches the files', () => {
  const { dir } = twoCoders();
  execFileSync('git', ['checkout', '-q', 'coder-a'], { cwd: dir });
  writeFileSync(join(dir, 'transcripts/P2.md'), '[Some text]{#y} [here]{#x}.');
  const json = JSON.parse(marginalia(dir, 'diff', '--format', 'json').stdout);
  assert.deepEqual(json.added, [{ case: 'P2', file: 'transcripts/P2.md', text: 'here', codes: ['x'] }]);
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), ' M transcripts/P2.md\n');
});

test('a ref that does not exist is one clear sentence, exit 2', () => {
  const { dir } = twoCoders();
  assert.deepEqual(marginalia(dir, 'diff', 'no-such-branch'), { code: 2, stdout: '', stderr: 'marginalia: "no-such-branch" is not a branch, tag or commit in this repository.\n' });
});
