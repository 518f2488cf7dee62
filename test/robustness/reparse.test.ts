// Re-reading only the edited paragraph gives exactly a full parse, over random
// transcripts and random sequences of edits (typing, deleting, coding markup,
// characters that change the block structure, emoji, CRLF).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTranscript } from '../../core';
import { reparseTranscript } from '../../core/transcript/reparse';

const LINES = [
  '**Interviewer:** What does it mean to you?', '**P9:** It is [hard]{#a} to say [laughs].', 'more words 😀 of the turn', '',
  '', '# A heading', '## Heading {#id}', 'words {#b}', '[span [nested]{#b}]{#a #c}', '---\ncase: P1\n---', '  indented words', ']{#x} stray',
  '[unclosed {#a', '{#a, #b}', 'plain', '    four spaces',
];
const INSERTS = ['x', ' ', '[', ']', '{#', '}', '{#a}', ']{#b}', '#', '-', '- ', '1. ', '>', '|', ':', '`', '<b>', '\t', '😀', 'é', '**', '---', '===', '\\', '  '];

// Mostly the plain transcripts the paragraph re-read is for, sometimes anything.
const SIMPLE = ['**Interviewer:** What does it mean to you?', '**P9:** It is [hard]{#a} to say [laughs].', 'more words 😀 of the turn', '', '', '', '# A heading', 'words {#b}', '[span [nested]{#b}]{#a #c}'];
const lineArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SIMPLE) }, { weight: 1, arbitrary: fc.constantFrom(...LINES) });
const docArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 14 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));
const editArb = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...INSERTS, ''));

test('re-reading the edited paragraph equals a full parse, edit after edit', () => {
  fc.assert(
    fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (doc, edits) => {
      let text = doc;
      let parsed = parseTranscript(text, 'transcripts/P1.md');
      for (const [at, del, ins] of edits) {
        const pos = at % (text.length + 1);
        const next = text.slice(0, pos) + ins + text.slice(Math.min(text.length, pos + del));
        const incremental = reparseTranscript(parsed, text, next, 'transcripts/P1.md');
        const fresh = parseTranscript(next, 'transcripts/P1.md');
        assert.deepEqual(incremental, fresh, `after editing ${JSON.stringify(text)} into ${JSON.stringify(next)}`);
        text = next;
        parsed = incremental;
      }
    }),
    { numRuns: 1500 },
  );
});

test('a keystroke in a long plain transcript re-reads one paragraph (the rest is reused as is)', () => {
  const turns = Array.from({ length: 200 }, (_, i) => `**P${i}:** words of turn ${i} [coded ${i}]{#c${i % 5}}`).join('\n\n');
  const parsed = parseTranscript(turns, 'transcripts/P1.md');
  assert.ok(parsed.fastPath);
  const at = turns.indexOf('words of turn 150');
  const next = `${turns.slice(0, at)}x${turns.slice(at)}`;
  const incremental = reparseTranscript(parsed, turns, next, 'transcripts/P1.md');
  assert.deepEqual(incremental, parseTranscript(next, 'transcripts/P1.md'));
  // Segments before the edited paragraph are the very same objects: nothing before it was read again.
  assert.equal(incremental.segments[0], parsed.segments[0]);
  assert.equal(incremental.segments[149], parsed.segments[149]);
  assert.notEqual(incremental.segments[150], parsed.segments[150]);
});
