// Hostile files and a hostile session: each gets a clear message or is skipped
// with a reason; the CLI prints valid JSON and exits 0/1; the server keeps serving.

import { runCli } from '../support/cli';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync, unlinkSync, renameSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

function checkJson(root: string): { code: number | null; list: Array<{ file: string; message: string; code: string }> } {
  const r = runCli(['check', root, '--format', 'json']);
  assert.equal(r.stderr, '');
  return { code: r.code, list: JSON.parse(r.stdout) };
}

test('invalid UTF-8, binary, huge files and a symlink loop: skipped with a reason, valid JSON', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /transcripts/P1.md\n[x]{#a}\n');
  writeFileSync(join(root, 'transcripts/latin1.md'), Buffer.from([0x5b, 0x63, 0x61, 0x66, 0xe9, 0x5d, 0x7b, 0x23, 0x61, 0x7d]));
  writeFileSync(join(root, 'transcripts/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  writeFileSync(join(root, 'transcripts/huge.md'), Buffer.alloc(50 * 1024 * 1024, 'word '));
  mkdirSync(join(root, 'loop'));
  symlinkSync(join(root, 'loop'), join(root, 'loop/again'));
  symlinkSync(join(root, 'nowhere.md'), join(root, 'transcripts/dangling.md'));
  const { code, list } = checkJson(root);
  assert.equal(code, 0);
  assert.deepEqual(list.map((d) => `${d.file}: ${d.message}`), [
    'transcripts/binary.md: This file is skipped: it is a binary file, not text.',
    'transcripts/dangling.md: This file is skipped: it cannot be read (ENOENT).',
    'transcripts/huge.md: This file is skipped: it is larger than 20 MB.',
    'transcripts/latin1.md: This file is skipped: it is not UTF-8 text (save it as UTF-8 to code it).',
  ]);
});

// The time limit is what catches a quadratic scan (100,000 spans would take minutes); speed itself is measured by `npm run bench`.
test('a transcript with 100,000 coded spans is indexed exactly, also past the fast path (HTML in it), within a minute', { timeout: 60_000 }, () => {
  const spans = Array.from({ length: 100_000 }, (_, i) => `[w${i}]{#a}`).join(' ') + ' <b>HTML sends it past the fast path</b>';
  const root = writeProject(new Map([['codebook.md', '- #a\n'], ['P1.md', `${spans}\n`]]));
  const r = runCli(['stats', root, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  assert.deepEqual(stats.nodes[0], { id: 'a', kind: 'code', label: '', parent: null, defined: true, direct: 100_000, total: 100_000, cases: 1 });
  assert.equal(stats.segments[99_999].text, 'w99999');
});

test('the server survives files deleted, renamed and corrupted under it, and odd requests', async () => {
  const root = writeProject('//- /codebook.md\n# T {#t}\n- #a: A\n- #b: B\n//- /transcripts/P1.md\n[x]{#a}\n//- /transcripts/P2.md\n[y]{#b}\n');
  const client = await LspClient.start(root);
  const watched = (changes: Array<[string, number]>): Promise<void> =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([p, type]) => ({ uri: client.uri(p), type })) });
  try {
    await client.diagnosticsOf('codebook.md', (d) => d.length === 0);
    // An open document whose file is deleted keeps its unsaved text.
    client.open('transcripts/P1.md', '[x]{#a}\n');
    unlinkSync(join(root, 'transcripts/P1.md'));
    await watched([['transcripts/P1.md', 3]]);
    // A file renamed on disk: its old path goes, the new one comes.
    renameSync(join(root, 'transcripts/P2.md'), join(root, 'transcripts/P2-renamed.md'));
    await watched([['transcripts/P2.md', 3], ['transcripts/P2-renamed.md', 1]]);
    await client.diagnosticsOf('transcripts/P2.md', (d) => d.length === 0);
    // A file corrupted into binary: skipped with a reason.
    writeFileSync(join(root, 'transcripts/P2-renamed.md'), Buffer.from([0, 1, 2, 3]));
    await watched([['transcripts/P2-renamed.md', 2]]);
    const skipped = await client.diagnosticsOf('transcripts/P2-renamed.md', (d) => d.length === 1);
    assert.equal(skipped[0].message, 'This file is skipped: it is a binary file, not text.');
    assert.deepEqual((await client.diagnosticsOf('codebook.md', (d) => d.length === 1)).map((d) => d.message), ['#b is not used in any transcript yet.']);
    // The codebook deleted: every code becomes uncategorised, one info suggests creating it.
    unlinkSync(join(root, 'codebook.md'));
    await watched([['codebook.md', 3]]);
    const info = await client.diagnosticsOf('codebook.md', (d) => d.length === 1 && d[0].code === 'no-codebook');
    assert.equal(info[0].severity, 3);
    // Requests outside the document or the workspace answer nothing, without crashing.
    assert.equal(await client.at('textDocument/hover', 'transcripts/P1.md', 999, 999), null);
    assert.equal(await client.at('textDocument/hover', 'transcripts/P1.md', -1, -5), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///elsewhere/x.md' }, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), null);
    // And it still serves: hover on the open document's code.
    const hover = await client.at<Hover>('textDocument/hover', 'transcripts/P1.md', 0, 5);
    assert.match((hover.contents as { value: string }).value, /^\*\*#a\*\*/);
    assert.equal(client.child.exitCode, null, 'the server is still running');
  } finally {
    await client.stop();
  }
});

test('an open document over the size limit is skipped like the file on disk, and indexed again once it is small', async () => {
  const root = writeProject('//- /codebook.md\n# T {#t}\n- #a: A\n//- /transcripts/P1.md\n[x]{#a}\n');
  const client = await LspClient.start(root);
  try {
    await client.diagnosticsOf('codebook.md', (d) => d.length === 0);
    // 21 MB of text whose first line uses an unknown code: never parsed, so never reported.
    const huge = `[x]{#unknown}\n${'word '.repeat((21 * 1024 * 1024) / 5)}`;
    client.open('transcripts/P1.md', huge);
    const skipped = await client.diagnosticsOf('transcripts/P1.md', (d) => d.length === 1 && d[0].code === 'unreadable-file');
    assert.equal(skipped[0].message, 'This file is skipped: it is larger than 20 MB.');
    // The skipped text no longer counts: #a is unused now.
    await client.diagnosticsOf('codebook.md', (d) => d.some((x) => x.code === 'unused-code'));
    client.change('transcripts/P1.md', '[x]{#unknown}\n');
    const parsed = await client.diagnosticsOf('transcripts/P1.md', (d) => d.length === 1 && d[0].code === 'unknown-code');
    assert.deepEqual(parsed[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } });
  } finally {
    await client.stop();
  }
});
