import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, DocumentSymbol, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../support/lspClient';
import { applyTextEdits } from '../support/textEdits';
import { writeProject } from '../support/tempProject';

const root = writeProject(`
//- /codebook.md
# Position {#position}
## Struggle {#struggle}
- #role-blur: Roles blur
  - #cost: We cost more
# Making it work {#work}
//- /transcripts/P1.md
**Interviewer:** Hello?

**P1:** [They blur]{#role-blur} and [cost]{#cost #rol-blur}.

Not a turn. {#cost}
`);
const clientPromise = LspClient.start(root);
after(async () => (await clientPromise).stop());

type Tree = Array<string | [string, Tree]>;
const tree = (symbols: DocumentSymbol[]): Tree =>
  symbols.map((s) => (s.children && s.children.length > 0 ? [`${s.name} (${s.detail ?? ''})`, tree(s.children)] : `${s.name} (${s.detail ?? ''})`));

test('codebook outline is the theme tree with counts', async () => {
  const client = await clientPromise;
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('codebook.md') } });
  assert.deepEqual(tree(symbols), [
    ['Position (3 extracts · 1 case)', [['Struggle (3 extracts · 1 case)', [['#role-blur (Roles blur · 3 extracts · 1 case)', ['#cost (We cost more · 2 extracts · 1 case)']]]]]],
    'Making it work (0 extracts · 0 cases)',
  ]);
});

test('transcript outline: speaker turns holding their coded extracts', async () => {
  const client = await clientPromise;
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('transcripts/P1.md') } });
  assert.deepEqual(tree(symbols), ['Interviewer ()', ['P1 ()', ['#role-blur (They blur)', '#cost #rol-blur (cost)']], '#cost (Not a turn.)']);
});

test('workspace symbols: themes and codes matching the query', async () => {
  const client = await clientPromise;
  const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'co' });
  assert.deepEqual(symbols.map((s) => `${s.name} in ${s.containerName}`), ['#cost in Roles blur']);
  assert.equal((await client.request<SymbolInformation[]>('workspace/symbol', { query: '' })).length, 5);
});

test('code lens: counts above every codebook entry', async () => {
  const client = await clientPromise;
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('codebook.md') } });
  assert.deepEqual(lenses.map((l) => `${l.range.start.line}: ${l.command!.title}`), ['0: 3 extracts · 1 case', '1: 3 extracts · 1 case', '2: 3 extracts · 1 case', '3: 2 extracts · 1 case', '4: 0 extracts · 0 cases']);
  assert.equal(lenses[0].command!.command, 'marginalia.showExtracts');
});

test('quick fixes for an unknown code: change to the closest, add to the codebook under each theme or at its end', async () => {
  const client = await clientPromise;
  const range = { start: { line: 2, character: 51 }, end: { line: 2, character: 51 } };
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('transcripts/P1.md') }, range, context: { diagnostics: [], only: ['quickfix'] } });
  assert.deepEqual(actions.map((a) => a.title), [
    'Change to #role-blur',
    'Add #rol-blur to the codebook under Position',
    'Add #rol-blur to the codebook under Position › Struggle',
    'Add #rol-blur to the codebook under Making it work',
    'Add #rol-blur at the end of the codebook',
  ]);
  assert.deepEqual(actions[0].edit, { changes: { [client.uri('transcripts/P1.md')]: [{ range: { start: { line: 2, character: 50 }, end: { line: 2, character: 58 } }, newText: 'role-blur' }] } });
  const codebook = readFileSync(join(root, 'codebook.md'), 'utf8');
  const after = actions.slice(1).map((a) => applyTextEdits(codebook, (a.edit as WorkspaceEdit).changes![client.uri('codebook.md')]));
  assert.deepEqual(after, [
    codebook.replace('## Struggle', '\n- #rol-blur\n\n## Struggle'),
    codebook.replace('  - #cost: We cost more\n', '  - #cost: We cost more\n- #rol-blur\n'),
    codebook.replace('{#work}\n', '{#work}\n\n- #rol-blur\n'),
    codebook.replace('{#work}\n', '{#work}\n\n- #rol-blur\n'),
  ]);
  assert.ok(after.every((text) => !text.includes('Uncategorised')));
});

test('add to the codebook keeps a CRLF codebook CRLF', async () => {
  const crlfRoot = writeProject(new Map([['codebook.md', '# Theme {#t}\r\n\r\n- #a: 😀 A\r\n'], ['transcripts/P1.md', '[x]{#b}\r\n']]));
  const crlf = await LspClient.start(crlfRoot);
  try {
    const range = { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } };
    const actions = await crlf.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: crlf.uri('transcripts/P1.md') }, range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a) => a.title), ['Add #b to the codebook under Theme', 'Add #b at the end of the codebook']);
    assert.deepEqual((actions[0].edit as WorkspaceEdit).changes, {
      [crlf.uri('codebook.md')]: [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } }, newText: '\r\n- #b' }],
    });
  } finally {
    await crlf.stop();
  }
});

test('semantic tokens: coded-span brackets (nested, multi-line) and codes, undefined ones marked', async () => {
  const client = await clientPromise;
  client.open('transcripts/P5.md', '[a [b]{#cost}\nc]{#role-blur #nope}');
  await client.diagnosticsOf('transcripts/P5.md', (d) => d.length === 1);
  const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: client.uri('transcripts/P5.md') } });
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    decoded.push(`${line}:${character}+${data[i + 2]} ${['bracket', 'code'][data[i + 3]]}${data[i + 4] ? ' undefined' : ''}`);
  }
  assert.deepEqual(decoded, ['0:0+1 bracket', '0:3+1 bracket', '0:5+1 bracket', '0:7+5 code', '1:1+1 bracket', '1:3+10 code', '1:14+5 code undefined']);
});
