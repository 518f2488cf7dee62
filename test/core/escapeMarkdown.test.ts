// The one plain-text → markdown escaping function every importer uses, proven
// on generated text: remark (the CommonMark reference) renders the escaped
// paragraph back to exactly the text, and Marginalia's own parser finds no
// coding, no diagnostics and the same words in a transcript made of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { escapeMarkdownParagraph, escapeMarkdownText, markdownHeading, normalizeParagraphText, parseTranscript } from '../../core';
import { parseMarkdownTree } from '../../core/text/markdownBlocks';

const PIECES = [
  '#', '##', '###### ', '>', '> ', '-', '- ', '--', '---', '+', '+ ', '*', '* ', '**', '_', '__', '___', '=', '===', ':---', '-:', ':-:', '1.', '1. ', '2)', '123456789. ',
  '[', ']', '[laughs]', '[inaudible 00:12:03]', '](x)', '][', ']:', ']{#x}', '{', '}', '{#', '{#x}', '{#notacode}', '{x}', '(', ')', ':', '!', '![a](b)',
  '<', '>', '<b>', '</b>', '<!--', '-->', '<http://x.y>', '`', '```', '~', '~~~', '~~x~~', '\\', '\\[', '&', '&amp;', '&#39;', '&copy;', '&x', '|', '| a | b |', '|---|',
  ' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '\r', '  \n', '\\\n', '😀', '👩‍👩‍👧', 'e\u0301', 'é', '“', '”', '’', '\u00a0', '\u0000', '\ufeff', '\u000b', '\f',
  'word', 'Word', 'P2', 'Interviewer:', '**P1:**', 'www.example.com', 'a_b_c', '2024', '0:03',
];

const pieceArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) });
const textArb = fc.array(pieceArb, { maxLength: 40 }).map((parts) => parts.join(''));

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

test('remark renders an escaped paragraph as exactly its text', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const md = escapeMarkdownParagraph(text);
      const expected = normalizeParagraphText(text);
      const tree = parseMarkdownTree(md);
      if (expected === '') return assert.equal(tree.children.length, 0, JSON.stringify(md));
      assert.deepEqual(tree.children.map((c) => c.type), ['paragraph'], `one paragraph for ${JSON.stringify(md)}`);
      assert.equal(toString(tree), expected, `rendering of ${JSON.stringify(md)}`);
    }),
    { numRuns: 4000 },
  );
});

test('a transcript of escaped paragraphs has no coding, no diagnostics and the same words', () => {
  fc.assert(
    fc.property(fc.array(textArb, { maxLength: 6 }), fc.boolean(), (paragraphs, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const body = paragraphs.map((p) => `**P1:** ${escapeMarkdownParagraph(p)}`).join(eol + eol);
      const md = `---${eol}case: P1${eol}---${eol}${body}${eol}`;
      const parsed = parseTranscript(md, 'transcripts/P1.md');
      assert.deepEqual(parsed.segments, [], JSON.stringify(md));
      assert.deepEqual(parsed.diagnostics, [], JSON.stringify(md));
      assert.equal(parsed.turns.length, paragraphs.length);
      const rendered = parseMarkdownTree(md).children.filter((c) => c.type === 'paragraph').map((c) => toString(c)).join(' ');
      assert.deepEqual(words(rendered), words(paragraphs.map((p) => `P1: ${normalizeParagraphText(p)}`).join(' ')));
    }),
    { numRuns: 2000 },
  );
});

test('escaping only inserts backslashes', () => {
  fc.assert(
    fc.property(textArb, fc.boolean(), (text, lineStart) => {
      assert.equal(escapeMarkdownText(text, { lineStart }).replace(/\\([\s\S])/g, '$1'), text);
    }),
    { numRuns: 2000 },
  );
});

test('pieces escaped separately stay text when joined with coding markup around them', () => {
  // How an importer of coded selections (REFI-QDA) uses it: escape the text between
  // selection boundaries, then add `[` and `]{#code}` itself.
  fc.assert(
    fc.property(textArb, textArb, textArb, (before, inside, after) => {
      const one = (s: string): string => normalizeParagraphText(s).replace(/\n/g, ' ');
      const [a, b, c] = [one(before), one(inside), one(after)];
      fc.pre(b.trim() !== '');
      const md = `${escapeMarkdownText(a)}[${escapeMarkdownText(b, { lineStart: false })}]{#code}${escapeMarkdownText(c, { lineStart: false })}`;
      const parsed = parseTranscript(md, 'P1.md');
      assert.deepEqual(parsed.diagnostics, [], JSON.stringify(md));
      assert.deepEqual(parsed.segments.map((s) => s.codes), [['code']], JSON.stringify(md));
    }),
    { numRuns: 2000 },
  );
});

test('headings render as their text', () => {
  fc.assert(
    fc.property(textArb, fc.integer({ min: 1, max: 6 }), (text, level) => {
      const expected = normalizeParagraphText(text).replace(/\n/g, ' ');
      const md = markdownHeading(level, text);
      const tree = parseMarkdownTree(md);
      assert.equal(tree.children[0]?.type, 'heading', JSON.stringify(md));
      assert.equal(toString(tree), expected, JSON.stringify(md));
      assert.deepEqual(parseTranscript(md, 'P1.md').segments, []);
    }),
    { numRuns: 2000 },
  );
});

test('examples: what an analyst sees in the escaped source', () => {
  const cases: Array<[string, string]> = [
    ['I was [laughs] tired', 'I was [laughs] tired'],
    ['it said {#notacode} there', 'it said \\{#notacode} there'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['1.5 million', '1.5 million'],
    ['- not a bullet', '\\- not a bullet'],
    ['-5 degrees', '-5 degrees'],
    ['> not a quote', '\\> not a quote'],
    ['words\n:---', 'words\n\\:---'],
    ['a *star* and _under_', 'a \\*star\\* and \\_under\\_'],
    ['R&D &amp; more', 'R&D \\&amp; more'],
    ['x < y', 'x \\< y'],
    ['see [the form](here)', 'see \\[the form\\](here)'],
    ['an [unclosed bracket', 'an \\[unclosed bracket'],
    ['“Curly” quotes 😀', '“Curly” quotes 😀'],
  ];
  for (const [text, md] of cases) assert.equal(escapeMarkdownText(text), md, text);
  assert.equal(markdownHeading(2, 'Question #'), '## Question \\#');
  assert.equal(escapeMarkdownParagraph('  one  \r\n\r\n   two  '), 'one\ntwo');
});
