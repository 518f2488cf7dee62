import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startFixture } from '../support/lspFixture';

const PROJECT = `
//- /codebook.md
# Theme {#t}
- #a: A
- #spare: not used yet
//- /transcripts/P1.md
[one]{#a} and [two]{#role_blur}
//- /transcripts/P2.md
broken]{#a}
`;

const show = (list: Diagnostic[]): string[] =>
  list.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);

test('workspace-wide diagnostics right after start', async () => {
  const { client } = await startFixture(PROJECT);
  try {
    assert.deepEqual(show(await client.diagnosticsOf('codebook.md')), ['2:2-2:8 2 unused-code #spare is not used in any transcript yet.']);
    assert.deepEqual(show(await client.diagnosticsOf('transcripts/P1.md')), ['0:20-0:30 2 unknown-code #role_blur is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.']);
    assert.deepEqual(show(await client.diagnosticsOf('transcripts/P2.md')), ['0:6-0:11 1 unmatched-bracket This coding has no opening "[" in its paragraph: put "[" where the extract starts.']);
  } finally {
    await client.stop();
  }
});

test('typing a use in a transcript clears the unused warning in the codebook before saving', async () => {
  const { client } = await startFixture(PROJECT);
  try {
    await client.diagnosticsOf('codebook.md', (d) => d.length === 1);
    client.open('transcripts/P2.md', 'broken]{#a}');
    client.edit('transcripts/P2.md', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '[');
    client.edit('transcripts/P2.md', { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, ' [more]{#spare}');
    assert.deepEqual(await client.diagnosticsOf('codebook.md', (d) => d.length === 0), []);
    assert.deepEqual(await client.diagnosticsOf('transcripts/P2.md', (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});

test('removing a code from the codebook flags its uses in every transcript', async () => {
  const { client } = await startFixture(PROJECT);
  try {
    await client.diagnosticsOf('transcripts/P1.md', (d) => d.length === 1);
    client.open('codebook.md', '# Theme {#t}\n- #a: A\n- #spare: not used yet\n');
    client.change('codebook.md', '# Theme {#t}\n- #spare: not used yet\n- #role-blur\n');
    const p1 = await client.diagnosticsOf('transcripts/P1.md', (d) => d.length === 2);
    assert.deepEqual(show(p1), [
      '0:6-0:8 2 unknown-code #a is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.',
      '0:20-0:30 2 unknown-code #role_blur is not in the codebook — did you mean #role-blur?',
    ]);
    const p2 = await client.diagnosticsOf('transcripts/P2.md', (d) => d.length === 2);
    assert.deepEqual(p2.map((d) => d.code), ['unmatched-bracket', 'unknown-code']);
  } finally {
    await client.stop();
  }
});

test('files created, changed and deleted on disk arrive through watched-file events', async () => {
  const { client } = await startFixture(PROJECT);
  try {
    await client.diagnosticsOf('codebook.md', (d) => d.length === 1);
    writeFileSync(join(client.root, 'transcripts/P3.md'), '[x]{#spare}');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('transcripts/P3.md'), type: 1 }] });
    await client.diagnosticsOf('codebook.md', (d) => d.length === 0);
    unlinkSync(join(client.root, 'transcripts/P3.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('transcripts/P3.md'), type: 3 }] });
    assert.deepEqual(show(await client.diagnosticsOf('codebook.md', (d) => d.length === 1)), ['2:2-2:8 2 unused-code #spare is not used in any transcript yet.']);
  } finally {
    await client.stop();
  }
});

test('closing an unsaved document falls back to the file on disk', async () => {
  const { client } = await startFixture(PROJECT);
  try {
    client.open('transcripts/P2.md', 'broken]{#a}');
    client.change('transcripts/P2.md', '[fixed]{#a}');
    await client.diagnosticsOf('transcripts/P2.md', (d) => d.length === 0);
    client.close('transcripts/P2.md');
    assert.equal((await client.diagnosticsOf('transcripts/P2.md', (d) => d.length === 1))[0].code, 'unmatched-bracket');
  } finally {
    await client.stop();
  }
});

test('a broken marginalia.yml is an error on that file; the defaults are used', async () => {
  const { client } = await startFixture(`${PROJECT}\n//- /marginalia.yml\ncodebook: [oops\n`);
  try {
    const config = await client.diagnosticsOf('marginalia.yml');
    assert.equal(config.length > 0 && config.every((d) => d.severity === 1), true);
    assert.equal((await client.diagnosticsOf('codebook.md')).length, 1);
  } finally {
    await client.stop();
  }
});
