// Property tests: whatever analysts type, paste or check out, parsing never
// throws, every range is inside the document and never splits a surrogate
// pair, and incremental updates equal a fresh build (paranoid index).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, lineMapOf, ProjectIndex, parseCodebook, parseConfig, parseTranscript, type Range } from '../../core';

const PIECES = [
  '[', ']', '{', '}', '{#', ']{#', '#', '#a', '#b-c', '#é', 'word', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t',
  '`', '```', '~~~', '<!--', '-->', '<div>', '</div>', '<span>', '---', '- ', '* ', '1. ', '> ', '    ', '# ', '## ',
  '\\', '\\[', '\\]', '\\{', '\u0000', '😀', '👩‍⚕️', 'e\u0301', '\uD800', '\uDC00', '\uFEFF', '[laughs]', '(x)', ':', ',', '**P1:**',
];

const documentArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
// A byte-order mark at the very start is its own case (it is not text).
const withBomArb = fc.oneof(documentArb, documentArb.map((t) => `\uFEFF${t}`));

function assertRangeInside(source: string, range: Range, what: string): void {
  const text = source.replace(/^\uFEFF+/, ''); // positions count from after leading byte-order marks
  const lines = new LineIndex(text);
  for (const pos of [range.start, range.end]) {
    assert.ok(pos.line >= 0 && pos.line < lines.lineCount, `${what}: line ${pos.line} outside the document`);
    const offset = lines.offset(pos);
    assert.equal(lines.position(offset).character, pos.character, `${what}: character ${pos.character} outside line ${pos.line}`);
    const before = text.charCodeAt(offset - 1);
    const at = text.charCodeAt(offset);
    const splits = before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
    assert.ok(!splits, `${what}: splits a surrogate pair at ${pos.line}:${pos.character}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: ends before it starts`);
}

test('parsing a transcript never throws and every range is inside the document', () => {
  fc.assert(
    fc.property(withBomArb, (text) => {
      const t = parseTranscript(text, 'transcripts/P1.md');
      const lines = lineMapOf(t);
      for (const s of t.segments) {
        assertRangeInside(text, lines.range(s.start, s.end), 'segment');
        assert.equal(s.text, s.text.replace(/\s+/g, ' ').trim(), 'segment text has collapsed whitespace');
        assert.ok(s.codes.length > 0 && new Set(s.codes).size === s.codes.length, 'distinct codes');
      }
      for (const k of t.tokens) assertRangeInside(text, lines.range(k.start, k.end), 'token');
      for (const d of t.diagnostics) assertRangeInside(text, d.range, 'diagnostic');
    }),
    { numRuns: 3000 },
  );
});

test('a segment without nested markup has the text of its source, whitespace collapsed', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('word', ' ', 'é', '😀', '[laughs]', '(x)', '\n', ':'), { minLength: 1, maxLength: 20 }), (parts) => {
      const inner = parts.join('').replace(/\n+/g, '\n').trim();
      fc.pre(inner !== '' && !/\n\s*\n/.test(inner));
      const t = parseTranscript(`Before [${inner}]{#code} after.`, 'P.md');
      assert.equal(t.segments.length, 1);
      assert.equal(t.segments[0].text, inner.replace(/\s+/g, ' ').trim());
    }),
    { numRuns: 1000 },
  );
});

test('parsing a codebook or a config never throws', () => {
  fc.assert(
    fc.property(withBomArb, (text) => {
      for (const n of parseCodebook(text).nodes) {
        assertRangeInside(text, n.idRange, 'node id');
        assertRangeInside(text, n.range, 'node');
      }
      parseConfig(text);
    }),
    { numRuns: 2000 },
  );
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void parseConfig(text)), { numRuns: 1000 });
});

test('any sequence of edits, deletions and codebook changes: incremental equals a fresh build', () => {
  const paths = ['codebook.md', 'transcripts/P1.md', 'transcripts/P2.md', 'marginalia.yml', 'notes/README.md'];
  const codebookArb = fc.array(fc.constantFrom('# T {#t}\n', '## S {#s}\n', '- #a\n', '  - #b\n', '- #c: C\n', '# T\n', '\n', 'text\n'), { maxLength: 8 }).map((p) => p.join(''));
  const transcriptArb = fc.array(fc.constantFrom('[x]{#a}', '[y]{#b #c}', ' {#t}', '[z [w]{#a}]{#s}', '---\ncase: P9\n---\n', '\n\n', 'text ', ']{#a}', '{#d}'), { maxLength: 10 }).map((p) => p.join(''));
  const configArb = fc.constantFrom('', 'exclude: ["transcripts/P2.md"]\n', 'codebook: other.md\n', 'bad: [\n');
  const step = fc.oneof(
    fc.record({ path: fc.constant('codebook.md'), text: fc.option(codebookArb) }),
    fc.record({ path: fc.constantFrom(paths[1], paths[2]), text: fc.option(transcriptArb) }),
    fc.record({ path: fc.constant('marginalia.yml'), text: fc.option(configArb) }),
  );
  fc.assert(
    fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
      const index = new ProjectIndex({ paranoid: true }); // throws on any difference from a rebuild
      const files = new Map<string, string>();
      for (const { path, text } of steps) {
        const change = text === null ? index.remove(path) : index.update(path, text);
        if (text === null) files.delete(path);
        else files.set(path, text);
        if (change.reclassify) for (const [p, t] of files) if (p !== 'marginalia.yml') index.update(p, t);
      }
    }),
    { numRuns: 500 },
  );
});
