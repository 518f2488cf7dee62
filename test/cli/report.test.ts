// `marginalia report` and `stats --where` through the real command.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli as marginalia } from '../support/cli';
import { writeProject } from '../support/tempProject';

const PROJECT = `
//- /codebook.md
# Theme {#t}
- #a: A
- #b: B
//- /transcripts/P1.md
---
case: P01
band: 7
role: manager
---
[one [two]{#b}]{#a}\r
//- /transcripts/P2.md
---
case: P02
band: 6
role: manager
---
[three]{#a}
//- /transcripts/P3.md
---
case: P03
band: 7
role: therapist
---
[four]{#b #c}
`;

test('report matrix: markdown by default, to standard output', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['report', 'matrix'], root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    '# Code-by-case matrix',
    '',
    'All cases: 3 cases · 3 transcripts · 4 extracts.',
    '',
    'Each cell counts the extracts in that case coded with the node or any code under it (an extract counts once per node).',
    '',
    '| Theme / code | P01 | P02 | P03 | Total |',
    '|---|---:|---:|---:|---:|',
    '| **Theme** | 2 | 1 | 1 | 4 |',
    '| &emsp;#a | 1 | 1 | 0 | 2 |',
    '| &emsp;#b | 1 | 0 | 1 | 2 |',
    '| #c (uncategorised) | 0 | 0 | 1 | 1 |',
    '',
  ].join('\n'));
});

test('report --where: every condition must hold (repeatable, = inside the flag too)', () => {
  const root = writeProject(PROJECT);
  const csv = (...where: string[]): string => {
    const r = marginalia(['report', 'matrix', root, '--format', 'csv', ...where]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  assert.equal(csv('--where', 'band=7'), 'id,kind,label,P01,P03\r\nt,theme,Theme,2,1\r\na,code,A,1,0\r\nb,code,B,1,1\r\nc,code,,0,1\r\n');
  assert.equal(csv('--where', 'band=7', '--where=role=manager'), 'id,kind,label,P01\r\nt,theme,Theme,2\r\na,code,A,1\r\nb,code,B,1\r\nc,code,,0\r\n');
  assert.equal(csv('--where', 'role=therapist', '--where', 'band=6'), 'id,kind,label\r\nt,theme,Theme\r\na,code,A\r\nb,code,B\r\nc,code,\r\n');
  const json = marginalia(['report', 'cooccurrence', root, '--format', 'json', '--where', 'case=P01']);
  assert.deepEqual(JSON.parse(json.stdout).pairs, [{ a: 'a', b: 'b', count: 1 }]);
  assert.deepEqual(JSON.parse(json.stdout).where, [{ attribute: 'case', value: 'P01' }]);
});

test('report: a condition no case meets is a usage error (exit 2, one sentence)', () => {
  const root = writeProject(PROJECT);
  const r1 = marginalia(['report', 'quotes', root, '--where', 'grade=7']);
  assert.deepEqual([r1.code, r1.stdout, r1.stderr], [2, '', 'marginalia: No case has the attribute "grade"; the attributes are "case", "band", "role".\n']);
  const r2 = marginalia(['report', 'quotes', root, '--where', 'band=9']);
  assert.deepEqual([r2.code, r2.stderr], [2, 'marginalia: No case has band = "9"; its values are "6", "7".\n']);
  const r3 = marginalia(['report', 'quotes', root, '--where', 'band']);
  assert.deepEqual([r3.code, r3.stderr], [2, 'marginalia: "band" is not a condition: write attribute=value, for example role=manager.\n']);
  const r4 = marginalia(['report', 'pivot', root]);
  assert.deepEqual([r4.code, r4.stderr], [2, 'marginalia: Name the report: marginalia report quotes, matrix or cooccurrence (not "pivot").\n']);
  const r5 = marginalia(['report', 'quotes', root, '--format', 'docx']);
  assert.deepEqual([r5.code, r5.stderr], [2, 'marginalia: Unknown format "docx": use md, csv, json or html.\n']);
  const r6 = marginalia(['stats', root, '--where', 'grade=7']);
  assert.equal(r6.code, 2);
});

test('report quotes -o: writes the file, nothing to standard output', () => {
  const root = writeProject(PROJECT);
  const out = join(root, 'quotes.html');
  const r = marginalia(['report', 'quotes', root, '--format', 'html', '-o', out]);
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<h3 class="code">#a — A<\/h3>\n<ul class="quotes">\n<li><q>one two<\/q> <span class="source">— P01, transcripts\/P1\.md:6<\/span><\/li>\n<li><q>three<\/q> <span class="source">— P02, transcripts\/P2\.md:6<\/span><\/li>\n<\/ul>/);
});

test('stats --where: only the chosen cases, counts over them', () => {
  const root = writeProject(PROJECT);
  const r = marginalia(['stats', root, '--json', '--where', 'role=manager']);
  assert.equal(r.code, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  assert.deepEqual(stats.cases.map((c: { case: string }) => c.case), ['P01', 'P02']);
  assert.deepEqual(stats.segments.map((s: { text: string }) => s.text), ['one two', 'two', 'three']);
  assert.deepEqual(stats.nodes.map((n: { id: string; direct: number; total: number; cases: number }) => `${n.id} ${n.direct}/${n.total}/${n.cases}`), ['t 0/3/2', 'a 2/2/2', 'b 1/1/1', 'c 0/0/0']);
  const text = marginalia(['stats', root, '--where', 'band=6']);
  assert.equal(text.stdout, '1 transcript · 1 extract\n\nextracts  cases  node\n       1      1  Theme\n       1      1    #a\n       0      0    #b\n                 Uncategorised\n       0      0    #c\n');
});
