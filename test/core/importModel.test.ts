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

test('any imported document becomes a transcript with no coding, no diagnostics and every word in order', async () => {
  const fc = (await import('fast-check')).default;
  const { toString } = await import('mdast-util-to-string');
  const { parseTranscript } = await import('../../core');
  const { parseMarkdownTree } = await import('../../core/text/markdownBlocks');
  const piece = fc.constantFrom('word', ' ', '  ', '\n', '\r\n', '[', ']', '[laughs]', '{#x}', '{#', '#', '# ', '1. ', '- ', '> ', '*', '_', '`', '<b>', '&amp;', '\\', '|', '😀', '“', '’', ':', 'P2:', '**', '===', '---', '\t');
  const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
  const run = fc.record({ text, bold: fc.boolean(), italic: fc.boolean() });
  const block = fc.record({
    kind: fc.constantFrom('paragraph', 'heading', 'item') as unknown as import('fast-check').Arbitrary<'paragraph' | 'heading' | 'item'>,
    speaker: fc.option(fc.constantFrom('Interviewer', 'P2', 'Dr Amara Okafor', 'Speaker 1', 'O’Neil', 'A_B', 'x[1]'), { nil: undefined }),
    start: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
    level: fc.integer({ min: 0, max: 3 }),
    runs: fc.array(run, { maxLength: 4 }),
  });
  fc.assert(
    fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
      const input = blocks.map((b) => (b.kind === 'paragraph' ? b : { ...b, speaker: undefined, start: undefined, level: b.kind === 'heading' ? b.level + 1 : b.level }));
      const md = transcriptMarkdown({ caseId: 'P1', source: 'P1.docx', blocks: input });
      const parsed = parseTranscript(md, 'transcripts/P1.md');
      assert.deepEqual(parsed.segments, [], md);
      assert.deepEqual(parsed.diagnostics, [], md);
      const tree = parseMarkdownTree(md);
      const rendered = tree.children.filter((c) => c.type !== 'yaml').map((c) => toString(c)).join(' ');
      const expected = input.flatMap((b) => [b.speaker !== undefined ? `${b.speaker}:` : '', b.start !== undefined ? 'T' : '', ...b.runs.map((r) => r.text)]).join(' ');
      const words = (s: string): string[] => s.replace(/\[\d\d:\d\d:\d\d\]/g, 'T').split(/\s+/).filter(Boolean);
      assert.deepEqual(words(rendered).join(''), words(expected).join(''), md);
    }),
    { numRuns: 1500 },
  );
});
