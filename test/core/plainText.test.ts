import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTranscript, CodePointIndex, codePointOffset, utf16Offset } from '../../core/index';

const extracts = (p: ReturnType<typeof plainTranscript>): string[][] => p.segments.map((s) => [s.codes.join(' '), p.text.slice(s.start, s.end)]);

test('plain text: markup removed, segments mapped onto it', () => {
  const p = plainTranscript('Hi [a [b]{#x} c]{#y} end. {#z}\n', 'P1.md');
  assert.equal(p.text, 'Hi a b c end. \n');
  assert.deepEqual(extracts(p), [['z', 'Hi a b c end.'], ['y', 'a b c'], ['x', 'b']]);
});

test('plain text: a byte-order mark is not text, and segments still land on their words', () => {
  const p = plainTranscript('\uFEFFHi [abc]{#x} end', 'P1.md');
  assert.equal(p.text, 'Hi abc end');
  assert.equal(p.source, 'Hi [abc]{#x} end');
  assert.deepEqual(extracts(p), [['x', 'abc']]);
});

test('plain text: CRLF and emoji keep their UTF-16 offsets', () => {
  const p = plainTranscript('A 😀 [b\r\nc 😀]{#x}\r\n', 'P1.md');
  assert.equal(p.text, 'A 😀 b\r\nc 😀\r\n');
  assert.deepEqual(extracts(p), [['x', 'b\r\nc 😀']]);
});

test('plain text: front matter kept by default, removed on request with its line break', () => {
  const src = '---\ncase: P1\n---\nHi [there]{#x}\n';
  assert.equal(plainTranscript(src, 'P1.md').text, '---\ncase: P1\n---\nHi there\n');
  const p = plainTranscript(src, 'P1.md', { removeFrontMatter: true });
  assert.equal(p.text, 'Hi there\n');
  assert.equal(p.caseId, 'P1');
  assert.deepEqual(extracts(p), [['x', 'there']]);
  assert.equal(plainTranscript('---\r\ncase: P1\r\n---\r\nHi\r\n', 'P1.md', { removeFrontMatter: true }).text, 'Hi\r\n');
});

test('plain text: escapes removed on request, not in code', () => {
  const src = 'a \\[b\\] [\\*c]{#x} `\\[d`\n';
  assert.equal(plainTranscript(src, 'P1.md').text, 'a \\[b\\] \\*c `\\[d`\n');
  const p = plainTranscript(src, 'P1.md', { unescape: true });
  assert.equal(p.text, 'a [b] *c `\\[d`\n');
  assert.deepEqual(extracts(p), [['x', '*c']]);
});

test('plain text: the offset map both ways, with a side where markup was removed', () => {
  const src = 'a[b]{#x}c';
  const p = plainTranscript(src, 'P1.md');
  assert.equal(p.text, 'abc');
  // source → plain: every offset, inside markup mapping to the character after it.
  assert.deepEqual([...Array(src.length + 1).keys()].map((o) => p.toPlain(o)), [0, 1, 1, 2, 2, 2, 2, 2, 2, 3]);
  // plain → source: 'after' where the next character is, 'before' right after the previous one.
  assert.deepEqual([0, 1, 2, 3].map((o) => p.toSource(o)), [0, 2, 8, 9]);
  assert.deepEqual([0, 1, 2, 3].map((o) => p.toSource(o, 'before')), [0, 1, 3, 9]);
  // A round trip lands on the same plain offset, for every plain offset.
  for (let o = 0; o <= 3; o++) {
    assert.equal(p.toPlain(p.toSource(o)), o);
    assert.equal(p.toPlain(p.toSource(o, 'before')), o);
  }
  // Removed regions are reported (merged, in source offsets).
  assert.deepEqual(p.removed, [[1, 2], [3, 8]]);
  const end = plainTranscript('ab {#x}', 'P1.md');
  assert.equal(end.text, 'ab ');
  assert.equal(end.toSource(3), 7);
  assert.equal(end.toSource(3, 'before'), 3);
});

test('code points: UTF-16 offsets to and from code point offsets', () => {
  const text = 'a😀b\r\n😀😀c';
  const cp = new CodePointIndex(text);
  assert.equal(cp.length, [...text].length);
  // Every character boundary maps both ways.
  let u = 0;
  [...text].forEach((ch, i) => {
    assert.equal(cp.toCodePoint(u), i);
    assert.equal(cp.toUtf16(i), u);
    u += ch.length;
  });
  assert.equal(cp.toCodePoint(text.length), cp.length);
  assert.equal(cp.toUtf16(cp.length), text.length);
  // Clamped, and a split pair counts as passed.
  assert.equal(cp.toUtf16(99), text.length);
  assert.equal(cp.toCodePoint(2), 2);
  assert.equal(codePointOffset(text, 3), 2);
  assert.equal(utf16Offset(text, 2), 3);
  assert.equal(new CodePointIndex('').toUtf16(0), 0);
});
