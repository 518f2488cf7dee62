// The pure conversions behind `marginalia import`: speakers, turns, times,
// rolling captions, emphasis.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captionBlocks, inlineMarkdown, plainTextBlocks, transcriptMarkdown, wordBlocks, type ImportBlock } from '../../core';

const body = (blocks: ImportBlock[]): string => transcriptMarkdown({ caseId: 'P1', source: 'P1.txt', blocks }).split('---\n\n')[1];
const cue = (start: number, text: string, voice?: string) => ({ start, end: start + 1, text, voice });

test('a label used once is a sentence, unless it is a usual role or the text is labelled throughout', () => {
  assert.equal(body(plainTextBlocks('So: here is the thing.\nAnd more.\n')), 'So: here is the thing.\nAnd more.\n');
  assert.equal(body(plainTextBlocks('Participant 3: Yes.\n')), '**Participant 3:** Yes.\n');
  assert.equal(body(plainTextBlocks('Amara: Hello.\nSam: Hi.\n')), '**Amara:** Hello.\n\n**Sam:** Hi.\n');
  assert.equal(body(plainTextBlocks('I: Hello.\nAt 10:30 we met.\nThat was it.\n')), '**I:** Hello.\nAt 10:30 we met.\nThat was it.\n');
});

test('Word transcription speaker lines (time first) and [time] Name: lines', () => {
  assert.equal(body(plainTextBlocks('00:00:03 Speaker 1\nHello there.\n00:01:10 Speaker 2\nHi.\n')), '**Speaker 1:** [00:00:03] Hello there.\n\n**Speaker 2:** [00:01:10] Hi.\n');
  assert.equal(body(plainTextBlocks('[00:01:23] John: Hi.\n[00:01:45] Jane: Hello.\n')), '**John:** [00:01:23] Hi.\n\n**Jane:** [00:01:45] Hello.\n');
});

test('captions that repeat a line without rolling keep both', () => {
  const { blocks } = captionBlocks([cue(0, 'Yes.', 'A'), cue(1, 'Yes.', 'A'), cue(2, 'No.', 'B')]);
  assert.equal(body(blocks), '**A:** [00:00:00] Yes. Yes.\n\n**B:** [00:00:02] No.\n');
});

test('rolling captions without word timestamps are recognised by their repeated lines', () => {
  const { blocks } = captionBlocks([cue(0, 'one two'), cue(1, 'one two\nthree four'), cue(2, 'three four\nfive'), cue(3, 'five\nsix')]);
  assert.equal(body(blocks), '[00:00:00] one two three four five six\n');
});

test('captions without speakers: a new paragraph after a pause', () => {
  const { blocks, duration } = captionBlocks([cue(0, 'a'), cue(1, 'b'), cue(5, 'c')]);
  assert.equal(body(blocks), '[00:00:00] a b\n\n[00:00:05] c\n');
  assert.equal(duration, 6);
});

test('Word: emphasis kept where markdown reads it back, dropped (words kept) where it would not', () => {
  assert.equal(inlineMarkdown([{ text: 'a ' }, { text: 'big', bold: true }, { text: ' deal' }], false), 'a **big** deal');
  assert.equal(inlineMarkdown([{ text: 'un' }, { text: '[believ]', italic: true }, { text: 'able' }], false), 'un[believ]able');
  assert.equal(inlineMarkdown([{ text: ' spaced ', italic: true }, { text: 'out' }], false), '*spaced* out');
});

test('Word: a bold label that is used once is a speaker; a heading stays a heading', () => {
  const blocks = wordBlocks([
    { kind: 'heading', level: 2, runs: [{ text: 'Part one' }] },
    { kind: 'paragraph', runs: [{ text: 'Dr Lee:', bold: true }, { text: ' Welcome.' }] },
    { kind: 'paragraph', runs: [{ text: 'Aside: not a speaker.' }] },
  ]);
  assert.equal(body(blocks), '## Part one\n\n**Dr Lee:** Welcome.\n\nAside: not a speaker.\n');
});
