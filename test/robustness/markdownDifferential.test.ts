// The fast, event-based markdown structure must equal the one computed from
// remark's full syntax tree, on generated documents and on the sample study.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { markdownStructure } from '../../core/text/markdownBlocks';
import { referenceMarkdownStructure } from '../support/markdownReference';
import { PROJECT_ROOT } from '../support/tempProject';

const PIECES = [
  '[', ']', '{#a}', ']{#b}', 'word', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '`', '``', '```', '~~~', '<!--', '-->', '<div>', '</div>',
  '<span>', '<b>', '</b>', '<http://x.y>', '---', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>> ', '    ', '  ', '# ', '## ', '#', '===', '***',
  '\\', '\\`', '[x]: /url', '[x]', '](/u)', '![', '&amp;', '&#96;', '*em*', '_', '😀', 'e\u0301', '\uD800', '\uFEFF', '\u0000', '<?', '?>', '<![CDATA[', ']]>',
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
