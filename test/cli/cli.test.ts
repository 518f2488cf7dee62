import { runCli } from '../support/cli';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeProject } from '../support/tempProject';

const marginalia = runCli;

const PROJECT = `
//- /codebook.md
# Theme {#t}
- #a: A
- #spare: never used
//- /transcripts/P1.md
---
case: P01
band: 7
---
😀 [one]{#a} and [two]{#b}\r
//- /transcripts/P2.md
broken]{#a}
`;

test('check: text lines relative to the current folder, exit 1 on an error', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['check', '.'], root);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, [
    'codebook.md:3:3 warning #spare is not used in any transcript yet.',
    'transcripts/P1.md:5:24 warning #b is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.',
    'transcripts/P2.md:1:7 error This coding has no opening "[" in its paragraph: put "[" where the extract starts.',
    '',
  ].join('\n'));
});

test('check --format json: 0-based UTF-16 ranges and codes', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['check', root, '--format', 'json']);
  const list = JSON.parse(r.stdout);
  assert.deepEqual(list[1], {
    file: 'transcripts/P1.md',
    range: { start: { line: 4, character: 23 }, end: { line: 4, character: 25 } },
    severity: 'warning',
    message: '#b is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.',
    code: 'unknown-code',
  });
  assert.equal(r.code, 1);
});

test('check --format github: workflow annotations', () => {
  const root = writeProject('//- /codebook.md\n- #a\n- #b\n//- /P1.md\n[x]{#a}');
  const r = marginalia(['check', '--format=github'], root);
  assert.equal(r.stdout, '::warning file=codebook.md,line=2,col=3,endLine=2,endColumn=5,title=Marginalia (unused-code)::#b is not used in any transcript yet.\n');
  assert.equal(r.code, 0);
  assert.equal(marginalia(['check', '--strict'], root).code, 1);
});

test('check: a clean project says so and exits 0', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}');
  assert.deepEqual(marginalia(['check', root]), { code: 0, stdout: 'No problems in 1 transcript.\n', stderr: '' });
  assert.deepEqual(marginalia(['check', root, '--format', 'github']), { code: 0, stdout: '', stderr: '' });
  assert.deepEqual(marginalia(['check', root, '--json']), { code: 0, stdout: '[]\n', stderr: '' });
});

test('stats --json', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['stats', root, '--json']);
  assert.equal(r.code, 0);
  const stats = JSON.parse(r.stdout);
  assert.deepEqual(stats.cases, [
    { case: 'P01', file: 'transcripts/P1.md', attributes: { band: 7 }, segments: 2 },
    { case: 'P2', file: 'transcripts/P2.md', attributes: {}, segments: 0 },
  ]);
  assert.deepEqual(stats.nodes, [
    { id: 't', kind: 'theme', label: 'Theme', parent: null, defined: true, direct: 0, total: 1, cases: 1 },
    { id: 'a', kind: 'code', label: 'A', parent: 't', defined: true, direct: 1, total: 1, cases: 1 },
    { id: 'spare', kind: 'code', label: 'never used', parent: 't', defined: true, direct: 0, total: 0, cases: 0 },
    { id: 'b', kind: 'code', label: '', parent: null, defined: false, direct: 1, total: 1, cases: 1 },
  ]);
  assert.deepEqual(stats.segments[0], {
    file: 'transcripts/P1.md', case: 'P01', codes: ['a'], text: 'one',
    range: { start: { line: 4, character: 4 }, end: { line: 4, character: 7 } },
  });
});

test('stats without --json: a readable tree', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['stats', root]);
  assert.equal(r.stdout, [
    '2 transcripts · 2 extracts',
    '',
    'extracts  cases  node',
    '       1      1  Theme',
    '       1      1    #a',
    '       0      0    #spare',
    '                 Uncategorised',
    '       1      1    #b',
    '',
  ].join('\n'));
});

test('usage errors: one sentence, exit 2, no stack trace', () => {
  assert.deepEqual(marginalia(['frobnicate']), { code: 2, stdout: '', stderr: 'marginalia: Unknown command "frobnicate": use check, stats, report, diff, agree, import, export or lsp (see "marginalia --help").\n' });
  assert.deepEqual(marginalia(['check', '/no/such/folder']), { code: 2, stdout: '', stderr: 'marginalia: There is no folder "/no/such/folder".\n' });
  assert.deepEqual(marginalia(['check', '--format', 'xml']).stderr, 'marginalia: Unknown format "xml": use text, github or json.\n');
  assert.equal(marginalia(['stats', '--jsn']).code, 2);
});

test('a BOM is ignored', () => {
  const root = writeProject(new Map([['codebook.md', '\uFEFF- #a'], ['P1.md', '\uFEFF[x]{#a}']]));
  const stats = JSON.parse(marginalia(['stats', root, '--json']).stdout);
  assert.deepEqual(stats.segments[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
  assert.equal(stats.nodes[0].total, 1);
});

test('a binary file named .md is skipped with a warning', () => {
  const root = writeProject(new Map([['codebook.md', '- #a'], ['P1.md', '[x]{#a}'], ['bad.md', 'ab\u0000cd']]));
  const r = marginalia(['check', root, '--format', 'json']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout).map((d: { file: string; message: string }) => `${d.file}: ${d.message}`), ['bad.md: This file is skipped: it is a binary file, not text.']);
});
