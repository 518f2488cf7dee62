// Runs inside VS Code's real extension host (code-server), with the full
// `vscode` API, on a copy of the sample study. Reports every test to a JSON
// file the outer node:test reads; throws (exit code 1) if any failed.

import * as vscode from 'vscode';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ThemeTreeRequest, type RefiResult, type ThemeTreeProject } from '../../../server/src/protocol';
import { PLAIN_MD, PLAIN_TXT, ZOOM_MD, ZOOM_VTT } from '../../import/fixtures';
import type { MarginaliaApi } from '../../../client/src/extension';
import type { ThemesItem } from '../../../client/src/themesTree';

type Test = { name: string; fn: () => Promise<void> };
const tests: Test[] = [];
const test = (name: string, fn: () => Promise<void>): void => void tests.push({ name, fn });

function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Resolves when `check` holds, re-checked on `event`; a safety timeout only. */
async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, event: vscode.Event<unknown>, what: string, ms = 20_000): Promise<T> {
  const first = await check();
  if (first) return first;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = event(async () => {
      const v = await check();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

let api: MarginaliaApi;
const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
const file = (p: string): vscode.Uri => vscode.Uri.joinPath(folder(), p);

async function treeRows(items?: ThemesItem[], depth = 0, maxDepth = 1): Promise<string[]> {
  const list = items ?? ((await api.themes.getChildren()) as ThemesItem[]);
  const rows: string[] = [];
  for (const item of list) {
    const t = api.themes.getTreeItem(item);
    rows.push(`${'  '.repeat(depth)}${t.label} (${t.description})`);
    if (depth < maxDepth && item.type === 'node' && item.node.kind === 'theme') rows.push(...(await treeRows((await api.themes.getChildren(item)) as ThemesItem[], depth + 1, maxDepth)));
  }
  return rows;
}

test('the Themes tree shows Table 1 with extract counts', async () => {
  assertEqual(await treeRows(), [
    'Position and Identity (27 extracts · 10 cases)',
    '  #defining-sp (1 extract · 1 case — Social prescribing is connecting people to non-clinical activities.)',
    '  The struggle to position occupational therapy and social prescribing alongside each other (10 extracts · 6 cases)',
    '  The emotional response to identity challenge (5 extracts · 4 cases)',
    '  Creating distinct positions (11 extracts · 5 cases)',
    'Making it work (11 extracts · 8 cases)',
    '  Managing workflow (8 extracts · 5 cases)',
    '  Imagining a positive future (3 extracts · 3 cases)',
  ], 'tree');
});

test('a code expands to its extracts; an extract opens its transcript at the span', async () => {
  const top = (await api.themes.getChildren()) as ThemesItem[];
  const sub = (await api.themes.getChildren(top[1])) as ThemesItem[];
  const workflow = (await api.themes.getChildren(sub[0])) as ThemesItem[];
  const delegation = workflow.find((i) => i.type === 'node' && i.node.id === 'delegation')!;
  const extracts = (await api.themes.getChildren(delegation)) as ThemesItem[];
  assertEqual(extracts.length, 1, 'extracts of #delegation');
  const item = api.themes.getTreeItem(extracts[0]);
  assertEqual(item.description, 'P07', 'case of the extract');
  await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
  const editor = vscode.window.activeTextEditor!;
  assertEqual(vscode.workspace.asRelativePath(editor.document.uri), 'transcripts/P07.md', 'opened transcript');
  if (!editor.document.getText(editor.selection).startsWith('And like I could see social prescribers')) throw new Error(`selection is "${editor.document.getText(editor.selection)}"`);
});

test('Open Report: a webview beside the editor with the three reports of the sample study', async () => {
  await vscode.commands.executeCommand('marginalia.openReport');
  const report = (await until(() => api.report()?.shown, api.onDidRefreshReport, 'the report data'))!;
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
  assertEqual(tabs.map((t) => t.label), ['Marginalia Report'], 'webview tabs');
  assertEqual(report.matrix.cases, ['P01', 'P02', 'P03', 'P05', 'P06', 'P07', 'P09', 'P10', 'P11', 'P12', 'P13', 'P14', 'P15', 'P17'], 'matrix columns');
  const row = report.matrix.rows.find((r) => r.id === 'position-and-identity')!;
  assertEqual([row.total, report.matrix.cases.map((c) => row.counts[c]).join(' ')], [27, '3 0 3 0 5 0 6 2 2 1 1 1 0 3'], 'Position and Identity by case');
  assertEqual(report.attributes.map((a) => a.name), ['case', 'band', 'participant', 'role', 'setting'], 'filter attributes');
});

test('the report filter restricts to cases with an attribute; live refresh follows an unsaved edit', async () => {
  const panel = api.report()!;
  await panel.setFilter([{ attribute: 'setting', value: 'primary care' }]);
  assertEqual(panel.shown!.matrix.cases.length, 10, 'primary care cases');
  await panel.setFilter([]);
  const doc = await vscode.workspace.openTextDocument(file('transcripts/P02.md'));
  const before = panel.shown!.matrix.rows.find((r) => r.id === 'delegation')!.counts.P02;
  const length = doc.getText().length;
  const added = '\n**P02:** [We hand it over]{#delegation}\n';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.positionAt(length), added);
  await vscode.workspace.applyEdit(edit);
  const after = await until(() => {
    const n = panel.shown?.matrix.rows.find((r) => r.id === 'delegation')?.counts.P02;
    return n !== undefined && n !== before && n;
  }, api.onDidRefreshReport, 'the report after the edit');
  assertEqual(after, before + 1, '#delegation in P02 after the edit');
  // Take the words out again (the later tests count the sample study as it is).
  const undo = new vscode.WorkspaceEdit();
  undo.delete(doc.uri, new vscode.Range(doc.positionAt(length), doc.positionAt(length + added.length)));
  await vscode.workspace.applyEdit(undo);
  await until(() => panel.shown?.matrix.rows.find((r) => r.id === 'delegation')?.counts.P02 === before, api.onDidRefreshReport, 'the report after the undo');
});

test('Filter by Case Attribute…: the Themes tree counts the chosen cases only, and says so', async () => {
  await vscode.commands.executeCommand('marginalia.filterThemes', [{ attribute: 'role', value: 'Other role (job title withheld to protect anonymity)' }]);
  assertEqual((await treeRows()).filter((r) => !r.startsWith(' ')), ['Position and Identity (5 extracts · 3 cases)', 'Making it work (3 extracts · 2 cases)'], 'filtered tree');
  assertEqual(api.themes.getProjects()[0].filter, 'role = Other role (job title withheld to protect anonymity)', 'the view says which cases');
  await vscode.commands.executeCommand('marginalia.filterThemes', []);
  assertEqual((await treeRows()).filter((r) => !r.startsWith(' ')), ['Position and Identity (27 extracts · 10 cases)', 'Making it work (11 extracts · 8 cases)'], 'tree without the filter');
});

test('Export Quote Bank… (markdown, HTML) and Export Matrix… (CSV) to given paths', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-export-'));
  await vscode.commands.executeCommand('marginalia.exportQuoteBank', join(dir, 'quotes.md'));
  const md = readFileSync(join(dir, 'quotes.md'), 'utf8');
  if (!md.startsWith('# Quote bank\n\nAll cases: 14 cases · 14 transcripts · ')) throw new Error(`quote bank starts ${JSON.stringify(md.slice(0, 80))}`);
  if (!md.includes('\n#### #which-is-which — When I put them together – which is one, which is the other?\n\n- “the minute you ask me')) throw new Error('no #which-is-which section');
  await vscode.commands.executeCommand('marginalia.exportQuoteBank', join(dir, 'quotes.html'));
  const html = readFileSync(join(dir, 'quotes.html'), 'utf8');
  if (!html.includes('<h1>Quote bank</h1>') || /<script/i.test(html)) throw new Error('HTML quote bank');
  await vscode.commands.executeCommand('marginalia.exportMatrix', join(dir, 'matrix.csv'));
  const csv = readFileSync(join(dir, 'matrix.csv'), 'utf8').split('\r\n');
  assertEqual(csv.slice(0, 2), ['id,kind,label,P01,P02,P03,P05,P06,P07,P09,P10,P11,P12,P13,P14,P15,P17', 'position-and-identity,theme,Position and Identity,3,0,3,0,5,0,6,2,2,1,1,1,0,3'], 'matrix CSV');
});

test('diagnostics: the deliberately unused code is a warning in the codebook', async () => {
  const diagnostics = await until(() => {
    const d = vscode.languages.getDiagnostics(file('codebook.md'));
    return d.length > 0 && d;
  }, vscode.languages.onDidChangeDiagnostics, 'codebook diagnostics');
  assertEqual(diagnostics.map((d) => `${d.range.start.line}:${d.severity} ${d.message}`), ['90:1 #lead-and-manage is not used in any transcript yet.'], 'codebook diagnostics');
});

test('completion after {# offers the codebook, most used first', async () => {
  const doc = await vscode.workspace.openTextDocument(file('transcripts/P02.md'));
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((b) => b.insert(end, '\n\n**P02:** [new words]{#'));
  const at = doc.lineAt(doc.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '#');
  const byRank = [...list.items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
  const labels = byRank.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const expected of ['#which-is-which', '#more-medical', '#lead-and-manage']) if (!labels.includes(expected)) throw new Error(`${expected} not offered`);
  // #more-medical codes three extracts, more than any other code of the study.
  assertEqual(labels[0], '#more-medical', 'the most used code first');
  await vscode.commands.executeCommand('undo');
});

test('typing a use updates counts and clears the unused warning, before saving', async () => {
  const doc = await vscode.workspace.openTextDocument(file('transcripts/P17.md'));
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((b) => b.insert(end, '\n\n**P17:** [We can lead]{#lead-and-manage}'));
  await until(() => vscode.languages.getDiagnostics(file('codebook.md')).length === 0, vscode.languages.onDidChangeDiagnostics, 'the warning to clear');
  const row = await until(
    async () => (await treeRows()).find((r) => r === 'Making it work (12 extracts · 9 cases)'),
    api.themes.onDidChangeTreeData,
    'the tree to count the new extract',
  );
  assertEqual(row, 'Making it work (12 extracts · 9 cases)', 'updated count');
  if (!doc.isDirty) throw new Error('the document should still be unsaved');
});

test('Code selection wraps the selection as [...]{#} with the cursor after #', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'I was tired all day.' });
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(0, 6, 0, 11);
  await vscode.commands.executeCommand('marginalia.codeSelection');
  assertEqual(doc.getText(), 'I was [tired]{#} all day.', 'text');
  assertEqual([editor.selection.active.line, editor.selection.active.character], [0, 15], 'cursor');
  await vscode.commands.executeCommand('hideSuggestWidget');
});

test('hover and go to definition on a code in a transcript', async () => {
  const doc = await vscode.workspace.openTextDocument(file('transcripts/P14.md'));
  const line = doc.getText().split('\n').findIndex((l) => l.includes('{#step-down}'));
  const character = doc.lineAt(line).text.indexOf('#step-down') + 2;
  const pos = new vscode.Position(line, character);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  const text = (hovers[0].contents[0] as vscode.MarkdownString).value;
  if (!text.startsWith('**#step-down** — Delegation is seen as a step down in intensity')) throw new Error(`hover: ${text}`);
  const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, pos);
  assertEqual(vscode.workspace.asRelativePath(defs[0].uri), 'codebook.md', 'definition file');
});

test('rename a code across the codebook and transcripts in one edit', async () => {
  const doc = await vscode.workspace.openTextDocument(file('codebook.md'));
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('- #cost-comparison'));
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(line, 4), 'similar-but-costly');
  const touched = edit.entries().map(([uri, edits]) => `${vscode.workspace.asRelativePath(uri)}:${edits.length}`).sort();
  assertEqual(touched, ['codebook.md:1', 'transcripts/P09.md:1'], 'files touched');
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
  if (!doc.getText().includes('- #similar-but-costly: They look similar')) throw new Error('codebook not renamed');
});

test('the markdown preview shows coded extracts highlighted with their codes', async () => {
  const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'It was [hard <b>work</b>]{#effort} today. {#day}');
  const expected = '>It was <mark class="marginalia-extract" title="#effort">hard <b>work</b><sup class="marginalia-codes">#effort</sup></mark> today.';
  if (!html.includes(expected)) throw new Error(`rendered: ${html}`);
  if (!html.includes('<span class="marginalia-codes marginalia-paragraph-codes">#day</span>')) throw new Error(`rendered: ${html}`);
});

test('Compare coding with branch: the diff report against HEAD, with the rename and the new extract', async () => {
  const report = await vscode.commands.executeCommand<string>('marginalia.compareWithBranch', 'HEAD');
  if (!report?.startsWith('## Coding changes: `HEAD` → `your working files`')) throw new Error(`report: ${report}`);
  for (const expected of ['| renamed | `#cost-comparison` → `#similar-but-costly` |', '- **P17** `#lead-and-manage`', '  > We can lead']) {
    if (!report.includes(expected)) throw new Error(`missing "${expected}" in:\n${report}`);
  }
});

test('Import Transcripts: caption and text files become transcripts, the first opens, the server lists them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-import-'));
  writeFileSync(join(dir, 'zoom.vtt'), ZOOM_VTT);
  writeFileSync(join(dir, 'P2.txt'), PLAIN_TXT);
  const transcripts = async (): Promise<number> => (await api.client.sendRequest<ThemeTreeProject[]>(ThemeTreeRequest, {}))[0].transcripts;
  const before = await transcripts();
  const written = await vscode.commands.executeCommand<vscode.Uri[]>('marginalia.importTranscripts', [join(dir, 'zoom.vtt'), join(dir, 'P2.txt')]);
  assertEqual(written.map((u) => vscode.workspace.asRelativePath(u)), ['transcripts/zoom.md', 'transcripts/P2.md'], 'transcripts written');
  const editor = vscode.window.activeTextEditor!;
  assertEqual(vscode.workspace.asRelativePath(editor.document.uri), 'transcripts/zoom.md', 'the first new transcript is open');
  assertEqual(editor.document.getText(), ZOOM_MD, 'its text');
  assertEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(written[1])), PLAIN_MD, 'the second transcript');
  assertEqual(await transcripts(), before + 2, 'transcripts the server counts');
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', written[0]);
  if (!symbols?.length) throw new Error('the new transcript has no speaker turns in its outline');
  assertEqual(vscode.languages.getDiagnostics(written[0]), [], 'diagnostics of the new transcript');
});

test('Export Project (REFI-QDA) and Import REFI-QDA Project, with paths instead of dialogs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-refi-'));
  const file = join(dir, 'study.qdpx');
  const exported = await vscode.commands.executeCommand<RefiResult>('marginalia.exportRefi', { file });
  // Earlier tests imported two transcripts into the sample study: every transcript the server has is exported.
  const transcripts = (await api.client.sendRequest<ThemeTreeProject[]>(ThemeTreeRequest, {}))[0].transcripts;
  const wrote = new RegExp(`^Wrote study\\.qdpx: ${transcripts} transcripts, \\d+ cases, \\d+ codes and \\d+ coded extracts\\.$`);
  if (!exported?.ok || !wrote.test(exported.message)) throw new Error(`export: ${JSON.stringify(exported)}`);
  if (readFileSync(file).subarray(0, 2).toString() !== 'PK') throw new Error('the export is not a zip archive');
  const into = join(dir, 'imported');
  const imported = await vscode.commands.executeCommand<RefiResult>('marginalia.importRefi', { file, into });
  if (!imported?.ok) throw new Error(`import: ${JSON.stringify(imported)}`);
  assertEqual(imported.files.length, transcripts + 1, 'files written (the codebook and every transcript)');
  for (const f of ['codebook.md', 'transcripts/P09.md']) if (!existsSync(join(into, f))) throw new Error(`${f} was not written`);
});

/** The tree item of a theme or code (themes are searched, codes are not opened). */
async function treeItem(id: string, items?: ThemesItem[]): Promise<ThemesItem | undefined> {
  for (const item of items ?? ((await api.themes.getChildren()) as ThemesItem[])) {
    if (item.type !== 'node') continue;
    if (item.node.id === id) return item;
    if (item.node.kind === 'theme') {
      const found = await treeItem(id, (await api.themes.getChildren(item)) as ThemesItem[]);
      if (found) return found;
    }
  }
  return undefined;
}

test('drag a code onto another theme: the codebook moves it there in one edit, one undo restores it', async () => {
  const doc = await vscode.workspace.openTextDocument(file('codebook.md'));
  await vscode.window.showTextDocument(doc);
  const before = doc.getText();
  const entry = '- #delegation: Occupational therapists delegate to social prescribers.';
  const transfer = new vscode.DataTransfer();
  await api.dragAndDrop.handleDrag([(await treeItem('delegation'))!], transfer);
  await api.dragAndDrop.handleDrop((await treeItem('positive-future'))!, transfer);
  const lines = doc.getText().split(/\r?\n/);
  assertEqual(lines.filter((l) => l.startsWith('- #delegation')), [entry], 'the entry, once');
  const heading = (start: string): number => lines.findIndex((l) => l.startsWith(start));
  const at = lines.indexOf(entry);
  if (!(at > heading('## Imagining a positive future'))) throw new Error(`#delegation is at line ${at}, not under Imagining a positive future:\n${doc.getText()}`);
  await until(async () => {
    const future = await treeItem('positive-future');
    return future?.type === 'node' && future.node.children.some((c) => c.id === 'delegation');
  }, api.themes.onDidChangeTreeData, 'the tree to show #delegation under Imagining a positive future');
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('undo');
  if (doc.getText() !== before) throw new Error('one undo did not restore the codebook byte for byte');
});

test('Move to Theme… refuses a move under its own subtheme, and changes nothing', async () => {
  const doc = await vscode.workspace.openTextDocument(file('codebook.md'));
  const before = doc.getText();
  const result = await vscode.commands.executeCommand('marginalia.moveToTheme', 'making-it-work', 'managing-workflow');
  assertEqual(result, undefined, 'the result of a refused move');
  if (doc.getText() !== before) throw new Error('the codebook changed');
});

test('Merge Code into… with explicit codes: the transcripts use only the target code', async () => {
  const uris = await vscode.workspace.findFiles('transcripts/*.md');
  const docs = await Promise.all(uris.map((u) => vscode.workspace.openTextDocument(u)));
  const codebook = await vscode.workspace.openTextDocument(file('codebook.md'));
  const originals = new Map([...docs, codebook].map((d) => [d, d.getText()]));
  // #delegation (P07) into #step-down (P14).
  const result = await vscode.commands.executeCommand<{ applied: boolean }>('marginalia.mergeInto', 'delegation', 'step-down');
  assertEqual(result?.applied, true, 'applied');
  try {
    assertEqual(docs.filter((d) => /#delegation\b/.test(d.getText())).map((d) => vscode.workspace.asRelativePath(d.uri)), [], 'transcripts still using #delegation');
    const p07 = docs.find((d) => d.uri.path.endsWith('/P07.md'))!;
    if (p07.getText().split('{#step-down}').length !== originals.get(p07)!.split('{#delegation}').length) throw new Error(`P07 does not use #step-down where it used #delegation:\n${p07.getText()}`);
    if (codebook.getText().includes('- #delegation')) throw new Error('#delegation is still in the codebook');
  } finally {
    // Restore every file, so no other test depends on the order.
    const restore = new vscode.WorkspaceEdit();
    for (const [d, text] of originals) if (d.getText() !== text) restore.replace(d.uri, new vscode.Range(d.positionAt(0), d.positionAt(d.getText().length)), text);
    await vscode.workspace.applyEdit(restore);
  }
});

test('New Code… with an explicit theme and name: the server makes its id, one undo removes it', async () => {
  const doc = await vscode.workspace.openTextDocument(file('codebook.md'));
  const before = doc.getText();
  const result = await vscode.commands.executeCommand<{ applied: boolean; id?: string }>('marginalia.newCode', 'managing-workflow', 'Shared caseloads');
  assertEqual(result, { applied: true, id: 'shared-caseloads' }, 'result');
  const lines = doc.getText().split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith('- #shared-caseloads'));
  if (!(at > lines.findIndex((l) => l.startsWith('## Managing workflow')) && at < lines.findIndex((l) => l.startsWith('## Imagining a positive future')))) throw new Error(`#shared-caseloads is not under Managing workflow:\n${doc.getText()}`);
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('undo');
  if (doc.getText() !== before) throw new Error('one undo did not restore the codebook byte for byte');
});

export async function run(): Promise<void> {
  const results: Array<{ name: string; ok: boolean; error?: string }> = [];
  try {
    const extension = vscode.extensions.getExtension<MarginaliaApi>('marginalia.marginalia');
    if (!extension) throw new Error('the Marginalia extension is not loaded');
    api = await extension.activate();
    await api.ready;
    await until(async () => (await api.themes.getChildren() as ThemesItem[]).length > 0, api.themes.onDidChangeTreeData, 'the first tree');
  } catch (e) {
    results.push({ name: 'activation', ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
  if (results.length === 0) {
    for (const t of tests) {
      try {
        await t.fn();
        results.push({ name: t.name, ok: true });
      } catch (e) {
        results.push({ name: t.name, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      }
    }
  }
  writeFileSync(process.env.MARGINALIA_E2E_RESULTS ?? join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} VS Code test(s) failed: ${failed.map((f) => f.name).join('; ')}`);
}
