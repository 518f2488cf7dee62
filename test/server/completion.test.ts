import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

const root = writeProject(`
//- /codebook.md
# Position and Identity {#position}

How participants positioned OT.

- #role-blur: Which is one, which is the other?
  Used when the roles blur.
- #cost: We cost more.
//- /transcripts/P1.md
[a]{#cost} [b]{#cost} [c]{#role-blur} [d]{#free-code}
`);
const clientPromise = LspClient.start(root);
after(async () => (await clientPromise).stop());

/** Completion labels at the end of `line` typed into a new transcript. */
async function complete(line: string, character = line.length): Promise<CompletionList | null> {
  const client = await clientPromise;
  client.open('transcripts/P9.md', line);
  return client.at<CompletionList | null>('textDocument/completion', 'transcripts/P9.md', 0, character);
}

const labels = (list: CompletionList | null): string[] =>
  list ? [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label) : [];

test('after {# : every node, most used first, uncategorised last among equals', async () => {
  assert.deepEqual(labels(await complete('[text]{#')), ['#cost', '#role-blur', '#free-code', '#position']);
});

test('after ]{ : the same list, inserting #name', async () => {
  const list = await complete('[text]{');
  assert.deepEqual(labels(list), ['#cost', '#role-blur', '#free-code', '#position']);
  assert.deepEqual(list!.items.find((i) => i.label === '#cost')!.textEdit, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, newText: '#cost' });
});

test('after # inside a group: replaces the partial name and the rest of it', async () => {
  const list = await complete('[text]{#cost #rolx}', 17);
  assert.deepEqual(list!.items.find((i) => i.label === '#role-blur')!.textEdit, {
    range: { start: { line: 0, character: 13 }, end: { line: 0, character: 18 } },
    newText: '#role-blur',
  });
});

test('label, theme path and definition are shown', async () => {
  const item = (await complete('x {#'))!.items.find((i) => i.label === '#role-blur')!;
  assert.deepEqual(item.labelDetails, { detail: ' Which is one, which is the other?', description: '1 extract' });
  assert.deepEqual([item.detail, item.documentation], [undefined, undefined]);
  const client = await clientPromise;
  const resolved = await client.request<{ detail: string; documentation: unknown }>('completionItem/resolve', item);
  assert.equal(resolved.detail, 'Position and Identity › #role-blur');
  assert.deepEqual(resolved.documentation, { kind: 'markdown', value: 'Which is one, which is the other?\n\nUsed when the roles blur.' });
});

test('codes used but not in the codebook are offered, marked as such', async () => {
  const item = (await complete('x {#'))!.items.find((i) => i.label === '#free-code')!;
  assert.equal(item.detail, 'Uncategorised — used in transcripts, not yet in the codebook');
});

test('no completion outside a coding group', async () => {
  assert.equal(await complete('plain text #'), null);
  assert.equal(await complete('a {b'), null);
});

test('clients that read itemDefaults get one shared edit range instead of one per item', async () => {
  const client = await LspClient.start(root, { capabilities: { textDocument: { completion: { completionList: { itemDefaults: ['editRange', 'data'] } } } } });
  try {
    client.open('transcripts/P9.md', '[text]{#co');
    const list = await client.at<CompletionList>('textDocument/completion', 'transcripts/P9.md', 0, 10);
    assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, data: { folder: client.uri('').replace(/\/$/, '') } });
    const cost = list.items.find((i) => i.label === '#cost')!;
    assert.deepEqual([cost.textEdit, cost.data], [undefined, undefined]);
    const resolved = await client.request<{ documentation: { value: string } }>('completionItem/resolve', { ...cost, data: list.itemDefaults!.data });
    assert.equal(resolved.documentation.value, 'We cost more.');
  } finally {
    await client.stop();
  }
});
