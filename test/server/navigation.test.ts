import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

const root = writeProject(`
//- /codebook.md
# Position and Identity {#position}

How participants positioned OT.

## The struggle {#struggle}

- #role-blur: Which is one, which is the other?
  Used when the roles blur.

  Memo: mostly primary care.
//- /transcripts/P1.md
---
case: P01
---
**P1:** [I can't tell them apart]{#role-blur} really.

**P1:** It blurs. {#role-blur #other}
//- /transcripts/P2.md
[Same thing]{#role-blur}
`);
const clientPromise = LspClient.start(root);
after(async () => (await clientPromise).stop());

const loc = (l: Location): string => `${l.uri.slice(l.uri.indexOf(root) + root.length + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;

test('hover on a code in a transcript: label, path, definition, memo, counts, examples', async () => {
  const client = await clientPromise;
  const h = await client.at<Hover>('textDocument/hover', 'transcripts/P1.md', 3, 36);
  assert.deepEqual(h.range, { start: { line: 3, character: 34 }, end: { line: 3, character: 44 } });
  assert.equal((h.contents as { value: string }).value, [
    '**#role-blur** — Which is one, which is the other?',
    '',
    'Position and Identity › The struggle › \\#role\\-blur',
    '',
    'Used when the roles blur\\.',
    '',
    '*Memo:* Memo: mostly primary care\\.',
    '',
    '**3 extracts · 2 cases**',
    '',
    "> I can't tell them apart — *P01*",
    '',
    '> \\*\\*P1:\\*\\* It blurs\\. — *P01*',
    '',
    '> Same thing — *P2*',
  ].join('\n'));
});

test('hover on a theme heading in the codebook', async () => {
  const client = await clientPromise;
  const h = await client.at<Hover>('textDocument/hover', 'codebook.md', 0, 3);
  assert.equal((h.contents as { value: string }).value.split('\n').slice(0, 5).join('\n'), [
    '**Position and Identity** (theme)',
    '',
    'Position and Identity',
    '',
    'How participants positioned OT\\.',
  ].join('\n'));
});

test('hover on an uncategorised code', async () => {
  const client = await clientPromise;
  const h = await client.at<Hover>('textDocument/hover', 'transcripts/P1.md', 5, 31);
  assert.match((h.contents as { value: string }).value, /^\*\*#other\*\*\n\n\\#other\n\n\*Not in the codebook \(uncategorised\)\.\*/);
});

test('go to definition: a use → its codebook entry', async () => {
  const client = await clientPromise;
  assert.equal(loc(await client.at<Location>('textDocument/definition', 'transcripts/P2.md', 0, 15)), 'codebook.md:6:2-6:12');
  assert.equal(await client.at('textDocument/definition', 'transcripts/P2.md', 0, 3), null);
});

test('find all references: every extract of the code, with or without the declaration', async () => {
  const client = await clientPromise;
  const without = await client.at<Location[]>('textDocument/references', 'transcripts/P2.md', 0, 15, { context: { includeDeclaration: false } });
  assert.deepEqual(without.map(loc), ['transcripts/P1.md:3:9-3:32', 'transcripts/P1.md:5:0-5:17', 'transcripts/P2.md:0:1-0:11']);
  const withDecl = await client.at<Location[]>('textDocument/references', 'codebook.md', 6, 4, { context: { includeDeclaration: true } });
  assert.deepEqual(withDecl.map(loc), ['codebook.md:6:2-6:12', 'transcripts/P1.md:3:9-3:32', 'transcripts/P1.md:5:0-5:17', 'transcripts/P2.md:0:1-0:11']);
});

test('find all references on a theme: the extracts of the theme and of everything under it, as many as its hover counts', async () => {
  const themeRoot = writeProject(`
//- /codebook.md
# Position {#position}
## Struggle {#struggle}
- #role-blur: Roles blur
  - #cost: We cost more
# Elsewhere {#elsewhere}
- #other
//- /transcripts/P1.md
[Both]{#role-blur #cost} and [the theme itself]{#position}.

[Sub]{#struggle} [not this]{#other}
//- /transcripts/P2.md
[Nested code]{#cost} and ]{#role-blur}
`);
  const client = await LspClient.start(themeRoot);
  const rel = (l: Location): string => `${l.uri.slice(l.uri.indexOf(themeRoot) + themeRoot.length + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;
  try {
    const onTheme = await client.at<Location[]>('textDocument/references', 'codebook.md', 0, 4, { context: { includeDeclaration: false } });
    // One location per extract: the extract coded twice under the theme counts once.
    assert.deepEqual(onTheme.map(rel), ['transcripts/P1.md:0:1-0:5', 'transcripts/P1.md:0:30-0:46', 'transcripts/P1.md:2:1-2:4', 'transcripts/P2.md:0:1-0:12']);
    const hover = await client.at<Hover>('textDocument/hover', 'codebook.md', 0, 4);
    assert.match((hover.contents as { value: string }).value, /\*\*4 extracts · 2 cases\*\*/);
    const onSub = await client.at<Location[]>('textDocument/references', 'codebook.md', 1, 5, { context: { includeDeclaration: true } });
    assert.deepEqual(onSub.map(rel), ['codebook.md:1:13-1:22', 'transcripts/P1.md:0:1-0:5', 'transcripts/P1.md:2:1-2:4', 'transcripts/P2.md:0:1-0:12']);
  } finally {
    await client.stop();
  }
});
