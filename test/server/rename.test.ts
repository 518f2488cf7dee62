import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/textEdits';
import { parseCodebook } from '../../core';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

/** The project's files after an editor applies `edit`. */
function applyEdit(root: string, edit: WorkspaceEdit, uriOf: (path: string) => string, paths: string[]): Map<string, string> {
  return new Map(paths.map((path) => [path, applyTextEdits(readFileSync(join(root, path), 'utf8'), edit.changes?.[uriOf(path)] ?? [])]));
}

const CODEBOOK = '# Theme {#theme}\r\n\r\n- #role-blur: 😀 roles blur\r\n- #other: 👩‍⚕️ other\r\n';
const P1 = '---\r\ncase: P01\r\n---\r\n😀 [I can’t 👩‍⚕️ tell]{#role-blur #other} [laughs]\r\n\r\nIt blurs. {#role-blur}\r\n';
const P2 = 'No use here 😀\r\n';

test('rename a code across the codebook and every transcript, bytes outside the names unchanged (CRLF, emoji)', async () => {
  const root = writeProject(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1], ['transcripts/P2.md', P2]]));
  const client = await LspClient.start(root);
  try {
    const prepared = await client.at('textDocument/prepareRename', 'transcripts/P1.md', 3, 25);
    assert.deepEqual(prepared, { range: { start: { line: 3, character: 25 }, end: { line: 3, character: 34 } }, placeholder: 'role-blur' });
    const edit = await client.at<WorkspaceEdit>('textDocument/rename', 'transcripts/P1.md', 3, 25, { newName: '#role-confusion' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [client.uri('codebook.md'), client.uri('transcripts/P1.md')].sort());
    const after = applyEdit(root, edit, (p) => client.uri(p), ['codebook.md', 'transcripts/P1.md', 'transcripts/P2.md']);
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('#role-blur', '#role-confusion'));
    assert.equal(after.get('transcripts/P1.md'), P1.replaceAll('#role-blur', '#role-confusion'));
    assert.equal(after.get('transcripts/P2.md'), P2);
  } finally {
    await client.stop();
  }
});

test('rename from the codebook entry gives the same edit', async () => {
  const root = writeProject(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  const client = await LspClient.start(root);
  try {
    const edit = await client.at<WorkspaceEdit>('textDocument/rename', 'codebook.md', 2, 5, { newName: 'blur' });
    assert.equal(edit.changes![client.uri('transcripts/P1.md')].length, 2);
    assert.deepEqual(edit.changes![client.uri('codebook.md')], [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 12 } }, newText: 'blur' }]);
  } finally {
    await client.stop();
  }
});

test('rename refuses invalid and existing names with a clear message', async () => {
  const root = writeProject(new Map([['codebook.md', CODEBOOK + '# Slug heading\r\n'], ['transcripts/P1.md', P1]]));
  const client = await LspClient.start(root);
  try {
    await assert.rejects(client.at('textDocument/rename', 'codebook.md', 2, 5, { newName: 'two words' }), {
      message: '"two words" cannot be a code name: start with a letter or digit, then use letters, digits, - _ . or /.',
    });
    await assert.rejects(client.at('textDocument/rename', 'codebook.md', 2, 5, { newName: 'other' }), {
      message: '#other already exists: to make the two one code, merge #role-blur into #other (marginalia.mergeCode).',
    });
    assert.equal(await client.at('textDocument/prepareRename', 'transcripts/P1.md', 5, 2), null);
  } finally {
    await client.stop();
  }
});

test('renaming a theme whose id is its heading slug adds an explicit {#id} and keeps the heading text', async () => {
  const root = writeProject(new Map([['codebook.md', '# Slug heading ##\n\n- #a\n'], ['transcripts/P1.md', '[x]{#slug-heading} [y]{#a}\n']]));
  const client = await LspClient.start(root);
  try {
    assert.deepEqual(await client.at('textDocument/prepareRename', 'codebook.md', 0, 4), {
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 14 } },
      placeholder: 'slug-heading',
    });
    const edit = await client.at<WorkspaceEdit>('textDocument/rename', 'transcripts/P1.md', 0, 8, { newName: 'new-theme' });
    const after = applyEdit(root, edit, (p) => client.uri(p), ['codebook.md', 'transcripts/P1.md']);
    assert.equal(after.get('codebook.md'), '# Slug heading {#new-theme} ##\n\n- #a\n');
    assert.deepEqual(parseCodebook(after.get('codebook.md')!).nodes.map((n) => [n.id, n.label]), [['new-theme', 'Slug heading'], ['a', '']]);
    assert.equal(after.get('transcripts/P1.md'), '[x]{#new-theme} [y]{#a}\n');
  } finally {
    await client.stop();
  }
});

test('rename a code written in NFC in the codebook and NFD in a transcript: every spelling, its own characters', async () => {
  const codebook = '# Theme {#theme}\n\n- #caf\u00e9: coffee\n- #th\u00e9: tea\n';
  const p1 = '[a]{#cafe\u0301} and [b]{#caf\u00e9}\n';
  const root = writeProject(new Map([['codebook.md', codebook], ['transcripts/P1.md', p1]]));
  const client = await LspClient.start(root);
  try {
    const edit = await client.at<WorkspaceEdit>('textDocument/rename', 'transcripts/P1.md', 0, 6, { newName: 'coffee' });
    const after = applyEdit(root, edit, (p) => client.uri(p), ['codebook.md', 'transcripts/P1.md']);
    assert.equal(after.get('codebook.md'), codebook.replace('#caf\u00e9', '#coffee'));
    assert.equal(after.get('transcripts/P1.md'), '[a]{#coffee} and [b]{#coffee}\n');
    await assert.rejects(client.at('textDocument/rename', 'transcripts/P1.md', 0, 6, { newName: 'the\u0301' }), {
      message: '#th\u00e9 already exists: to make the two one code, merge #caf\u00e9 into #th\u00e9 (marginalia.mergeCode).',
    });
  } finally {
    await client.stop();
  }
});
