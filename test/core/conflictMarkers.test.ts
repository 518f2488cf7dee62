import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTranscript } from '../../core/transcript/parseTranscript';

const CONFLICT = '**P1:** intro\n\n<<<<<<< HEAD\n**P1:** [mine]{#x} words\n=======\n**P1:** mine [words]{#y}\n>>>>>>> coder-b\n\nafter\n';

test('git conflict markers are an error naming the lines, and ======= makes no heading (both sides keep their coding)', () => {
  const parsed = parseTranscript(CONFLICT, 'transcripts/P1.md');
  const conflict = parsed.diagnostics.filter((d) => d.code === 'merge-conflict');
  assert.equal(conflict.length, 1);
  assert.equal(conflict[0].severity, 'error');
  assert.deepEqual(conflict[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } });
  assert.match(conflict[0].message, /^Unresolved merge conflict \(lines 3–7\)/);
  assert.deepEqual(parsed.segments.map((s) => [s.codes, s.text]), [[['x'], 'mine'], [['y'], 'words']]);
});

test('CRLF conflict markers are found too; a lone ======= underline stays a heading', () => {
  const crlf = parseTranscript(CONFLICT.replace(/\n/g, '\r\n'), 'transcripts/P1.md');
  assert.equal(crlf.diagnostics.filter((d) => d.code === 'merge-conflict').length, 1);
  assert.equal(crlf.segments.length, 2);
  const heading = parseTranscript('Title {#t}\n=======\n', 'transcripts/P1.md');
  assert.deepEqual(heading.diagnostics.filter((d) => d.code === 'merge-conflict'), []);
  assert.deepEqual(heading.segments, []);
});
