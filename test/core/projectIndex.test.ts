import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectStats, type ProjectIndex } from '../../core';
import { indexFixture } from '../support/fixture';

const PROJECT = `
//- /codebook.md
# Theme {#t}
## Sub {#s}
- #a: A
- #b: B
- #unused: never used
# Empty theme {#e}
//- /transcripts/P1.md
---
case: P01
---
[one]{#a #b} and [two]{#a}

Whole paragraph. {#b}
//- /transcripts/P2.md
[three [four]{#b}]{#a} and [five]{#free}
`;

function counts(index: ProjectIndex): string[] {
  return projectStats(index).nodes.map((n) => `${n.id}${n.defined ? '' : '?'} < ${n.parent ?? '-'}: ${n.direct}/${n.total}/${n.cases}`);
}

function diagnostics(index: ProjectIndex): string[] {
  return index.diagnosticPaths().flatMap((p) => index.diagnostics(p).map((d) => `${p}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`));
}

test('direct, total and cases: a segment with two codes of one theme counts once', () => {
  const { index } = indexFixture(PROJECT);
  assert.deepEqual(counts(index), [
    't < -: 0/5/2',
    's < t: 0/5/2',
    'a < s: 3/3/2',
    'b < s: 3/3/2',
    'unused < s: 0/0/0',
    'e < -: 0/0/0',
    'free? < -: 1/1/1',
  ]);
});

test('unused codes and themes, undefined codes are reported', () => {
  const { index } = indexFixture(PROJECT);
  assert.deepEqual(diagnostics(index), ['codebook.md:4:2 warning unused-code', 'codebook.md:5:15 info unused-theme', 'transcripts/P2.md:0:34 warning unknown-code']);
  assert.equal(index.diagnostics('transcripts/P2.md')[0].message, '#free is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.');
});

test('did you mean: edit distance and case', () => {
  const { index } = indexFixture('//- /codebook.md\n- #role-blur\n- #Identity\n//- /transcripts/P1.md\n[x]{#role_blur} [y]{#identity}');
  assert.deepEqual(index.diagnostics('transcripts/P1.md').map((d) => d.message), [
    '#role_blur is not in the codebook — did you mean #role-blur?',
    '#identity is not in the codebook — did you mean #Identity?',
  ]);
});

test('a use typed anywhere clears the codebook warning; a removal brings it back', () => {
  const { index } = indexFixture(PROJECT);
  const change = index.update('transcripts/P3.md', '[x]{#unused}');
  assert.deepEqual([...change.diagnostics].sort(), ['codebook.md', 'transcripts/P3.md']);
  assert.deepEqual(diagnostics(index), ['codebook.md:5:15 info unused-theme', 'transcripts/P2.md:0:34 warning unknown-code']);
  index.remove('transcripts/P3.md');
  assert.equal(diagnostics(index).includes('codebook.md:4:2 warning unused-code'), true);
});

test('deleting a code from the codebook flags its uses everywhere', () => {
  const { index } = indexFixture(PROJECT);
  const change = index.update('codebook.md', '# Theme {#t}\n## Sub {#s}\n- #b: B\n');
  assert.deepEqual([...change.diagnostics].sort(), ['codebook.md', 'transcripts/P1.md', 'transcripts/P2.md']);
  assert.deepEqual(diagnostics(index).filter((d) => d.includes('unknown-code')), [
    'transcripts/P1.md:3:6 warning unknown-code',
    'transcripts/P1.md:3:23 warning unknown-code',
    'transcripts/P2.md:0:19 warning unknown-code',
    'transcripts/P2.md:0:34 warning unknown-code',
  ]);
});

test('moving a code to another theme recounts without re-parsing', () => {
  const { index } = indexFixture(PROJECT);
  // The parsed transcripts are kept as they are: the same objects before and after.
  const before = index.transcriptPaths().map((p) => index.transcript(p));
  index.update('codebook.md', '# Theme {#t}\n## Sub {#s}\n- #a: A\n# Other {#o}\n- #b: B\n');
  assert.deepEqual(counts(index).slice(0, 5), ['t < -: 0/3/2', 's < t: 0/3/2', 'a < s: 3/3/2', 'o < -: 0/3/2', 'b < o: 3/3/2']);
  const after = index.transcriptPaths().map((p) => index.transcript(p));
  assert.equal(after.length, before.length);
  after.forEach((t, i) => assert.equal(t, before[i], 'a transcript was parsed again'));
});

test('a summary parsed elsewhere (a worker, the cache) applies exactly like an update, and the revision grows', () => {
  const { index } = indexFixture(PROJECT);
  const other = indexFixture(PROJECT).index;
  const text = '[fresh words]{#a #b}';
  const r0 = index.revision;
  index.update('transcripts/P1.md', text);
  other.apply('transcripts/P1.md', JSON.parse(JSON.stringify(other.summarize('transcripts/P1.md', text))));
  assert.equal(index.revision, r0 + 1);
  assert.equal(other.snapshot(), index.snapshot());
  // A summary made for another role than the file has now is ignored.
  const stale = other.summarize('transcripts/P1.md', text);
  assert.equal(other.apply('codebook.md', stale).diagnostics.size, 0);
  assert.equal(other.snapshot(), index.snapshot());
});

test('two transcripts of one case count one case', () => {
  const { index } = indexFixture('//- /codebook.md\n- #a\n//- /t/one.md\n---\ncase: P1\n---\n[x]{#a}\n//- /t/two.md\n---\ncase: P1\n---\n[y]{#a}');
  assert.deepEqual(index.counts('a'), { direct: 2, total: 2, cases: 1 });
});

test('no codebook yet: every code is uncategorised, one info suggests creating it', () => {
  const { index } = indexFixture('//- /transcripts/P1.md\n[x]{#a}');
  assert.deepEqual(diagnostics(index), ['codebook.md:0:0 info no-codebook']);
  assert.deepEqual(counts(index), ['a? < -: 1/1/1']);
});

test('a theme id can be used for coding', () => {
  const { index } = indexFixture('//- /codebook.md\n# T {#t}\n- #a\n//- /P1.md\n[x]{#t}');
  assert.deepEqual(counts(index), ['t < -: 1/1/1', 'a < t: 0/0/0']);
});

test('marginalia.yml moves the codebook and the transcripts', () => {
  const { index } = indexFixture('//- /marginalia.yml\ncodebook: book.md\ntranscripts: ["interviews/**/*.md"]\n//- /book.md\n- #a\n//- /interviews/P1.md\n[x]{#a}\n//- /notes/n.md\n[y]{#a}');
  assert.deepEqual(index.transcriptPaths(), ['interviews/P1.md']);
  assert.deepEqual(index.counts('a'), { direct: 1, total: 1, cases: 1 });
});

test('changing marginalia.yml asks the host to offer every file again', () => {
  const { index } = indexFixture('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}');
  const change = index.update('marginalia.yml', 'exclude: ["P1.md"]');
  assert.equal(change.reclassify, true);
  assert.deepEqual(index.transcriptPaths(), []);
});

test('a bad marginalia.yml is an error on that file and the defaults are used', () => {
  const { index } = indexFixture('//- /marginalia.yml\nfoo: 1\n//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}');
  assert.deepEqual(diagnostics(index), ['marginalia.yml:0:0 error invalid-config']);
  assert.deepEqual(index.counts('a'), { direct: 1, total: 1, cases: 1 });
});

test('stats: segments with relative paths, ranges and texts', () => {
  const { index } = indexFixture(PROJECT);
  const stats = projectStats(index);
  assert.deepEqual(stats.cases, [
    { case: 'P01', file: 'transcripts/P1.md', attributes: {}, segments: 3 },
    { case: 'P2', file: 'transcripts/P2.md', attributes: {}, segments: 3 },
  ]);
  assert.deepEqual(stats.segments[0], {
    file: 'transcripts/P1.md', case: 'P01', codes: ['a', 'b'], text: 'one',
    range: { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } },
  });
  assert.deepEqual(stats.segments.map((s) => s.text), ['one', 'two', 'Whole paragraph.', 'three four', 'four', 'five']);
});
