// The fast, event-based markdown structure must equal the one computed from
// remark's full syntax tree, on generated documents and on the sample study.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { markdownStructure } from '../../core/text/markdownBlocks';
import { simpleMarkdownStructure } from '../../core/text/simpleMarkdown';
import { referenceMarkdownStructure } from '../support/markdownReference';
import { PROJECT_ROOT } from '../support/tempProject';

const PIECES = [
  '[', ']', '{#a}', ']{#b}', 'word', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '`', '``', '```', '~~~', '<!--', '-->', '<div>', '</div>',
  '<span>', '<b>', '</b>', '<http://x.y>', '---', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>> ', '    ', '  ', '# ', '## ', '#', '===', '***',
  '\\', '\\`', '[x]: /url', '[x]', '](/u)', '![', '&amp;', '&#96;', '*em*', '_', '😀', 'e\u0301', '\uD800', '\uFEFF', '\u0000', '<?', '?>', '<![CDATA[', ']]>',
  // GitHub-flavoured markdown: tables, task lists, footnotes, autolinks, strikethrough.
  '|', ' | ', '| a |', '|---|', '|:-:|', '---|---', '\\|', '[ ] ', '[x] ', '- [ ] ', '[^1]', '[^1]: ', 'www.x.org', 'http://x.y', '~~', '~',
];

const documentArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));

test('markdown structure from events equals the one from the syntax tree (generated documents)', () => {
  fc.assert(
    fc.property(documentArb, (text) => {
      assert.deepEqual(markdownStructure(text), referenceMarkdownStructure(text));
    }),
    { numRuns: 4000 },
  );
});

// Transcript-shaped pieces, so the fast path answers often.
const TRANSCRIPT_PIECES = [
  '**P1:** ', '**Interviewer:** ', 'word ', 'words', '[', ']', ']{#a}', '{#b}', '[laughs]', '\n', '\n\n', '\r\n', '\r', ' ', '   ', '    ',
  '# ', '## ', '#', '---', '---\n', 'case: P1\n', '-', '*', '=', '1', '.', ':', '\\', '😀', 'é', '[x]: ', '_', '+', '|', '(x)', 'a#',
  ']:', '\u00a0', '\u2003', '&amp;', '**', '__', '!', '[a\nb]: /u', '| ', ' |', '|---|', '[^1]', 'www.x.org', '~~',
];

test('the fast path finds exactly what remark finds, or steps aside', () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TRANSCRIPT_PIECES), { maxLength: 60 }).map((p) => p.join('')), (text) => {
      const fast = simpleMarkdownStructure(text);
      if (fast) {
        answered++;
        assert.deepEqual(fast, referenceMarkdownStructure(text));
      }
    }),
    { numRuns: 6000 },
  );
  assert.ok(answered > 1000, `the fast path answered only ${answered} times`);
});

test('the fast path answers for the sample study and a generated transcript', () => {
  const text = readFileSync(join(PROJECT_ROOT, 'samples/transcripts/P09.md'), 'utf8');
  assert.equal(simpleMarkdownStructure(text), undefined, 'the sample has an HTML comment: micromark reads it');
  const plain = '---\ncase: P1\nband: 7\n---\n# Interview 1\n\n**Interviewer:** What?\n\n**P1:** I [laughs] [did it]{#a}\nand more. {#b}\n';
  assert.deepEqual(simpleMarkdownStructure(plain), referenceMarkdownStructure(plain));
});

test('markdown structure from events equals the one from the syntax tree (the sample study)', () => {
  const dir = join(PROJECT_ROOT, 'samples/transcripts');
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    assert.deepEqual(markdownStructure(text), referenceMarkdownStructure(text), name);
  }
  for (const name of ['codebook.md', 'README.md']) {
    const text = readFileSync(join(PROJECT_ROOT, 'samples', name), 'utf8');
    assert.deepEqual(markdownStructure(text), referenceMarkdownStructure(text), name);
  }
});

test('a table of 8,000 rows is read in linear time (micromark-extension-gfm-table before 2.1.2 took minutes)', () => {
  const text = '| a | b | c |\n|---|---|---|\n' + '| x | [y]{#a} | z |\n'.repeat(8_000);
  const started = performance.now();
  const structure = markdownStructure(text);
  // About 3 s here on a loaded machine; the quadratic edit map took over 100 s.
  assert.ok(performance.now() - started < 30_000, `${Math.round(performance.now() - started)} ms`);
  assert.equal(structure.blocks.length, 8_001);
  assert.deepEqual(structure.blocks[8_000].cells, [[text.length - 18, text.length - 17], [text.length - 14, text.length - 7], [text.length - 4, text.length - 3]]);
});

test('table rows whose last pipe is followed by spaces or tabs (found by the generated documents)', () => {
  for (const text of ['[|\t\n|---|', 'a| \n|---|', 'a | b |\t\n|---|---|', 'a\t|\t\n|---|', 'x\n\na|\t\n|---|\n|c|\t\n', 'a \\| \n|---|']) {
    assert.deepEqual(markdownStructure(text), referenceMarkdownStructure(text), JSON.stringify(text));
  }
});
