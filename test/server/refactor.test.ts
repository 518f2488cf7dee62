// Codebook refactorings over LSP (DESIGN.md §12): workspace/executeCommand
// sends one workspace/applyEdit; byte-exact on CRLF and emoji files; code
// actions; renaming to an existing name offers the merge.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplyWorkspaceEditParams, CodeAction, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import { applyTextEdits } from '../support/textEdits';

const CODEBOOK = '# Position {#position}\r\n\r\n## Struggle {#struggle}\r\n\r\n- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo 👩‍⚕️.\r\n- #years: For years\r\n\r\n# Making it work {#work}\r\n\r\n- #first\r\n';
const P1 = '---\r\ncase: P01\r\n---\r\n😀 [I 👩‍⚕️ tell]{#years #first} [laughs]\r\n\r\nIt blurs. {#years}\r\n';

/** Starts the server on the project; every workspace/applyEdit is applied to the files on disk (as an editor would) and kept. */
async function start(files: Map<string, string>, capabilities: object = {}): Promise<{ client: LspClient; root: string; files: Map<string, string>; edits: ApplyWorkspaceEditParams[] }> {
  const root = writeProject(files);
  const client = await LspClient.start(root, { capabilities });
  const edits: ApplyWorkspaceEditParams[] = [];
  const current = new Map(files);
  client.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
    edits.push(p);
    apply(client, current, p.edit);
    return { applied: true };
  });
  return { client, root, files: current, edits };
}

function apply(client: LspClient, files: Map<string, string>, edit: WorkspaceEdit): void {
  for (const [path, text] of files) {
    const changes = edit.changes?.[client.uri(path)];
    if (changes) files.set(path, applyTextEdits(text, changes));
  }
}

test('marginalia.moveNode: one applyEdit, the block keeps its bytes, CRLF and emoji intact', async () => {
  const { client, files, edits } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  try {
    const result = await client.request('workspace/executeCommand', { command: 'marginalia.moveNode', arguments: [{ id: 'role-blur', parent: 'work' }] });
    assert.deepEqual(result, { applied: true });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].label, 'Move role-blur');
    assert.equal(files.get('codebook.md'), CODEBOOK.replace('- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo 👩‍⚕️.\r\n', '') + '- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo 👩‍⚕️.\r\n');
    assert.equal(files.get('transcripts/P1.md'), P1);
  } finally {
    await client.stop();
  }
});

test('marginalia.mergeCode: every #years becomes #first (one per group), the entry joins #first\'s memo', async () => {
  const { client, files } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  try {
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'marginalia.mergeCode', arguments: [{ from: 'years', into: 'first' }] }), { applied: true });
    assert.equal(files.get('transcripts/P1.md'), P1.replace('{#years #first}', '{#first}').replace('{#years}', '{#first}'));
    assert.equal(files.get('codebook.md'), CODEBOOK.replace('- #years: For years\r\n', '').replace('- #first\r\n', '- #first\r\n\r\n  Merged from #years: For years\r\n'));
  } finally {
    await client.stop();
  }
});

test('marginalia.newNode and marginalia.uncode', async () => {
  const { client, files } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  try {
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'marginalia.newNode', arguments: [{ parent: 'work', kind: 'theme', name: 'Making it work' }] }), { applied: true, id: 'making-it-work' });
    assert.equal(files.get('codebook.md'), `${CODEBOOK}\r\n## Making it work {#making-it-work}\r\n`);
    // The cursor on the group of the first extract (line 3): the whole coding goes, the words stay.
    await client.request('workspace/executeCommand', { command: 'marginalia.uncode', arguments: [{ uri: client.uri('transcripts/P1.md'), position: { line: 3, character: 14 }, code: null }] });
    assert.equal(files.get('transcripts/P1.md'), P1.replace('[I 👩‍⚕️ tell]{#years #first}', 'I 👩‍⚕️ tell'));
  } finally {
    await client.stop();
  }
});

test('invalid arguments are an error with a sentence, and no edit', async () => {
  const { client, edits } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  try {
    await assert.rejects(client.request('workspace/executeCommand', { command: 'marginalia.moveNode', arguments: [{ id: 'position', parent: 'cost' }] }), {
      message: 'The theme "Position" cannot move under #cost, which is inside it.',
    });
    await assert.rejects(client.request('workspace/executeCommand', { command: 'marginalia.mergeCode', arguments: [{ from: 'first', into: 'first' }] }), { message: '#first cannot be merged into itself.' });
    await assert.rejects(client.request('workspace/executeCommand', { command: 'marginalia.moveNode', arguments: [{ id: 'nope', parent: null }] }), { message: 'There is no theme or code "nope" in the codebook.' });
    assert.equal(edits.length, 0);
  } finally {
    await client.stop();
  }
});

test('code actions: uncode on a coding in a transcript; delete and move on a code in the codebook', async () => {
  const { client, root } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]));
  try {
    const at = (path: string, line: number, character: number): Promise<CodeAction[]> =>
      client.request('textDocument/codeAction', { textDocument: { uri: client.uri(path) }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } });
    const inTranscript = await at('transcripts/P1.md', 3, 18);
    assert.deepEqual(inTranscript.map((a) => a.title), ['Remove #years from this coding', 'Remove this coding (keep the words)']);
    assert.equal(applyTextEdits(P1, inTranscript[0].edit!.changes![client.uri('transcripts/P1.md')]), P1.replace('{#years #first}', '{#first}'));
    const inCodebook = await at('codebook.md', 5, 6);
    assert.deepEqual(inCodebook.map((a) => a.title), ['Delete the unused code #cost', 'Move #cost under Position', 'Move #cost under Position › Struggle', 'Move #cost under Making it work']);
    const codebook = readFileSync(join(root, 'codebook.md'), 'utf8');
    assert.equal(applyTextEdits(codebook, inCodebook[0].edit!.changes![client.uri('codebook.md')]), CODEBOOK.replace('  - #cost: We cost more\r\n', ''));
  } finally {
    await client.stop();
  }
});

test('renaming a code to an existing name offers the merge; the merge is the rename\'s edit', async () => {
  const { client } = await start(new Map([['codebook.md', CODEBOOK], ['transcripts/P1.md', P1]]), { window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: false } } } });
  const asked: string[] = [];
  client.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    asked.push(p.message);
    return { title: 'Merge' };
  });
  try {
    const edit = await client.at<WorkspaceEdit>('textDocument/rename', 'transcripts/P1.md', 5, 13, { newName: 'first' });
    assert.deepEqual(asked, ['#first already exists. Merge #years into #first? Every #years becomes #first and #years leaves the codebook.']);
    assert.equal(applyTextEdits(P1, edit.changes![client.uri('transcripts/P1.md')]), P1.replace('{#years #first}', '{#first}').replace('{#years}', '{#first}'));
  } finally {
    await client.stop();
  }
});

test('a client that resolves code actions gets the edit only for the action it chooses; a near name offers the merge', async () => {
  const files = new Map([['codebook.md', CODEBOOK.replace('- #first\r\n', '- #first\r\n- #Years: typo\r\n')], ['transcripts/P1.md', P1]]);
  const { client, root } = await start(files, { textDocument: { publishDiagnostics: {}, rename: { prepareSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } } });
  try {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('codebook.md') },
      range: { start: { line: 13, character: 4 }, end: { line: 13, character: 4 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.edit === undefined]), [
      ['Merge #Years into #years', true],
      ['Delete the unused code #Years', true],
      ['Move #Years under Position', true],
      ['Move #Years under Position › Struggle', true],
    ]);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const codebook = readFileSync(join(root, 'codebook.md'), 'utf8');
    assert.equal(applyTextEdits(codebook, resolved.edit!.changes![client.uri('codebook.md')]), CODEBOOK.replace('- #years: For years\r\n', '- #years: For years\r\n\r\n  Merged from #Years: typo\r\n'));
  } finally {
    await client.stop();
  }
});
