// A file that leaves the project — excluded by marginalia.yml, deleted with its
// folder, or its workspace folder removed — loses its diagnostics in the editor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

const PROJECT = `
//- /codebook.md
- #a: A
//- /transcripts/P1.md
[one]{#nope}
//- /drafts/P2.md
[two]{#nope}
`;

const codes = (list: Array<{ code?: string | number }>): Array<string | number | undefined> => list.map((d) => d.code);

test('a file excluded by marginalia.yml loses its diagnostics', async () => {
  const root = writeProject(PROJECT);
  const client = await LspClient.start(root);
  try {
    assert.deepEqual(codes(await client.diagnosticsOf('drafts/P2.md', (d) => d.length > 0)), ['unknown-code']);
    writeFileSync(join(root, 'marginalia.yml'), 'exclude: ["drafts/**"]\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('marginalia.yml'), type: 1 }] });
    assert.deepEqual(await client.diagnosticsOf('drafts/P2.md', (d) => d.length === 0), []);
    assert.deepEqual(codes(await client.diagnosticsOf('transcripts/P1.md')), ['unknown-code']);
  } finally {
    await client.stop();
  }
});

test('a deleted folder takes its transcripts\' diagnostics with it', async () => {
  const root = writeProject(PROJECT);
  const client = await LspClient.start(root);
  try {
    await client.diagnosticsOf('drafts/P2.md', (d) => d.length > 0);
    rmSync(join(root, 'drafts'), { recursive: true });
    // Editors report a deleted folder, not each file in it.
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('drafts'), type: 3 }] });
    assert.deepEqual(await client.diagnosticsOf('drafts/P2.md', (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});

test('a removed workspace folder takes its diagnostics with it', async () => {
  const root = writeProject(PROJECT);
  const client = await LspClient.start(root);
  try {
    await client.diagnosticsOf('transcripts/P1.md', (d) => d.length > 0);
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(root).href, name: 'project' }] } });
    assert.deepEqual(await client.diagnosticsOf('transcripts/P1.md', (d) => d.length === 0), []);
    assert.deepEqual(await client.diagnosticsOf('drafts/P2.md', (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});
