// Requests during a reload see the whole index, never a half-built one; each
// workspace folder has its own counts debounce; long requests can be cancelled.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, type CompletionItem, type Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import { CountsChangedNotification, ThemeTreeRequest, type ThemeTreeProject } from '../../server/src/protocol';

const TRANSCRIPTS = 400;

function bigProject(): Map<string, string> {
  const files = new Map([['codebook.md', '# Theme {#t}\n\n- #a: A code\n']]);
  for (let i = 0; i < TRANSCRIPTS; i++) files.set(`transcripts/P${i}.md`, `[extract ${i}]{#a}\n`);
  return files;
}

test('requests sent while marginalia.yml reloads the project wait for the whole index', async () => {
  const root = writeProject(bigProject());
  const client = await LspClient.start(root, { paranoid: false });
  try {
    // A new marginalia.yml changes what the transcripts are: the index starts over.
    client.open('marginalia.yml', 'exclude: ["drafts/**"]\n');
    const [tree, resolved] = await Promise.all([
      client.request<ThemeTreeProject[]>(ThemeTreeRequest, {}),
      client.request<CompletionItem>('completionItem/resolve', { label: '#a', data: { folder: pathToFileURL(root).href } }),
    ]);
    assert.equal(tree[0].transcripts, TRANSCRIPTS);
    assert.equal(tree[0].nodes[0].total, TRANSCRIPTS);
    assert.equal(resolved.detail, 'Theme › #a');
  } finally {
    await client.stop();
  }
});

test('each workspace folder gets its own counts-changed notification', async () => {
  const rootA = writeProject(new Map([['codebook.md', '- #a\n'], ['P1.md', '[x]{#a}\n']]));
  const rootB = writeProject(new Map([['codebook.md', '- #b\n'], ['P1.md', '[y]{#b}\n']]));
  const client = await LspClient.start(rootA);
  try {
    const uriB = pathToFileURL(rootB).href;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriB, name: 'B' }], removed: [] } });
    const ended = (): number => client.notifications.filter((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end').length;
    await client.waitFor(() => ended() === 2, 'folder B indexed');
    const seen = client.notifications.length;
    // Edits in both folders within one debounce interval.
    client.open('P1.md', '[x]{#a} [z]{#a}\n');
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `${uriB}/P1.md`, languageId: 'markdown', version: 1, text: '[y]{#b} [w]{#b}\n' } });
    const folders = (): string[] => client.notifications.slice(seen).filter((n) => n.method === CountsChangedNotification).map((n) => (n.params as { folder: string }).folder).sort();
    await client.waitFor(() => folders().length === 2, 'counts changed in both folders');
    assert.deepEqual(folders(), [pathToFileURL(rootA).href, uriB].sort());
  } finally {
    await client.stop();
  }
});

test('a long request is cancelled between chunks', async () => {
  const root = writeProject(bigProject());
  const client = await LspClient.start(root, { paranoid: false });
  try {
    const source = new CancellationTokenSource();
    const params = { textDocument: { uri: client.uri('codebook.md') }, position: { line: 0, character: 3 }, context: { includeDeclaration: false } };
    const all = await client.request<Location[]>('textDocument/references', params);
    assert.equal(all.length, TRANSCRIPTS);
    const pending = client.connection.sendRequest<Location[]>('textDocument/references', params, source.token);
    source.cancel();
    await assert.rejects(pending, (e: { code: number }) => e.code === LSPErrorCodes.RequestCancelled);
  } finally {
    await client.stop();
  }
});
