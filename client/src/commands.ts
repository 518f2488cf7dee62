// The commands analysts use: code a selection, show a code's extracts, go to
// its codebook entry, rename it, create the codebook, refresh.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodingDiffRequest, GitRefsRequest, SegmentsRequest, type SegmentItem } from '../../server/src/protocol';
import { toRange, type ThemesItem, type ThemesTreeProvider } from './themesTree';
import { diffMarkdown } from '../../core';

const CODEBOOK_TEMPLATE = `# My first theme {#my-first-theme}

What this theme is about: write its definition here.

- #my-first-code: A short label for the code
  When to use this code, in a sentence or two.
`;

export function registerCommands(client: LanguageClient, themes: ThemesTreeProvider, refresh: () => Promise<void>): vscode.Disposable {
  const register = (id: string, fn: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, fn);
  return vscode.Disposable.from(
    register('marginalia.codeSelection', codeSelection),
    register('marginalia.showExtracts', (target?: ThemesItem | string, position?: vscode.Position) => showExtracts(client, target, position)),
    register('marginalia.goToCodebookEntry', (target?: ThemesItem) => goToCodebookEntry(target)),
    register('marginalia.renameCode', (target?: ThemesItem) => renameCode(target)),
    register('marginalia.createCodebook', () => createCodebook(themes)),
    register('marginalia.refresh', () => refresh()),
    register('marginalia.openExtract', (uri: string, range: SegmentItem['range']) => openExtract(uri, range)),
    register('marginalia.compareWithBranch', (ref?: string) => compareWithBranch(client, ref)),
  );
}

/** Wraps the selection as `[…]{#}` (or, with no selection, codes the paragraph) and opens completion. */
export async function codeSelection(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a transcript and select the words you want to code.');
    return;
  }
  const doc = editor.document;
  const selection = editor.selection;
  let cursor: vscode.Position;
  if (!selection.isEmpty) {
    const text = doc.getText(selection);
    const start = doc.offsetAt(selection.start);
    await editor.edit((b) => b.replace(selection, `[${text}]{#}`));
    cursor = doc.positionAt(start + text.length + 4);
  } else {
    // No selection: a paragraph code at the end of the paragraph under the cursor.
    let line = selection.active.line;
    if (doc.lineAt(line).isEmptyOrWhitespace) {
      void vscode.window.showInformationMessage('Put the cursor in a paragraph, or select the words you want to code.');
      return;
    }
    while (line + 1 < doc.lineCount && !doc.lineAt(line + 1).isEmptyOrWhitespace) line++;
    const end = doc.lineAt(line).range.end;
    await editor.edit((b) => b.insert(end, ' {#}'));
    cursor = end.translate(0, 3);
  }
  editor.selection = new vscode.Selection(cursor, cursor);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}

/** Where a command aimed at a code is pointed: a tree item, explicit arguments, or the cursor. */
function target(item?: ThemesItem | string, position?: vscode.Position): { uri: vscode.Uri; position: vscode.Position } | undefined {
  if (typeof item === 'string' && position) return { uri: vscode.Uri.parse(item), position: new vscode.Position(position.line, position.character) };
  if (item && typeof item === 'object' && item.type === 'node' && item.node.location) {
    return { uri: vscode.Uri.parse(item.node.location.uri), position: toRange(item.node.location.range).start.translate(0, 1) };
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, position: editor.selection.active } : undefined;
}

export async function showExtracts(client: LanguageClient, item?: ThemesItem | string, position?: vscode.Position): Promise<void> {
  if (item && typeof item === 'object' && item.type === 'node' && !item.node.location) {
    // An uncategorised code has no codebook entry to anchor a peek view: pick from a list.
    const segments = await client.sendRequest<SegmentItem[]>(SegmentsRequest, { folder: item.project.folder, id: item.node.id, descendants: false });
    const picked = await vscode.window.showQuickPick(
      segments.map((s) => ({ label: s.text, description: s.case, segment: s })),
      { title: `Extracts coded #${item.node.id}` },
    );
    if (picked) await openExtract(picked.segment.uri, picked.segment.range);
    return;
  }
  const at = target(item, position);
  if (!at) return;
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', at.uri, at.position);
  if (!locations || locations.length === 0) {
    void vscode.window.showInformationMessage('No extracts are coded with this code yet.');
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', at.uri, at.position, locations);
}

async function goToCodebookEntry(item?: ThemesItem): Promise<void> {
  if (item?.type === 'node' && item.node.location) {
    await vscode.window.showTextDocument(vscode.Uri.parse(item.node.location.uri), { selection: toRange(item.node.location.range) });
    return;
  }
  const at = target();
  if (!at) return;
  const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', at.uri, at.position);
  const first = found?.[0];
  if (!first) {
    void vscode.window.showInformationMessage('Put the cursor on a code (#name) that is in the codebook.');
    return;
  }
  const uri = 'uri' in first ? first.uri : first.targetUri;
  const range = 'range' in first ? first.range : first.targetSelectionRange ?? first.targetRange;
  await vscode.window.showTextDocument(uri, { selection: range });
}

async function renameCode(item?: ThemesItem): Promise<void> {
  if (item?.type === 'node' && item.node.location) {
    const range = toRange(item.node.location.range);
    const at = range.start.translate(0, 1);
    await vscode.window.showTextDocument(vscode.Uri.parse(item.node.location.uri), { selection: new vscode.Range(at, at) });
  }
  await vscode.commands.executeCommand('editor.action.rename');
}

async function createCodebook(themes: ThemesTreeProvider): Promise<void> {
  const project = themes.getProjects().find((p) => !p.hasCodebook) ?? themes.getProjects()[0];
  const uri = project ? vscode.Uri.parse(project.codebookUri) : vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'codebook.md');
  if (!uri) {
    void vscode.window.showInformationMessage('Open the folder that holds your transcripts first.');
    return;
  }
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CODEBOOK_TEMPLATE));
  }
  await vscode.window.showTextDocument(uri);
}

export async function openExtract(uri: string, range: SegmentItem['range']): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: toRange(range), preview: true });
}

/**
 * Opens the `marginalia diff <ref>` report (ref → the working files, unsaved edits
 * included) in the markdown preview; returns its text. The server computes the diff
 * from its live index; the client only asks and displays.
 */
export async function compareWithBranch(client: LanguageClient, ref?: string): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open the folder of your coding project first.');
    return undefined;
  }
  const uri = (active && active.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active) ? active : folder.uri).toString();
  try {
    if (!ref) {
      const refs = await client.sendRequest(GitRefsRequest, { uri });
      ref = await vscode.window.showQuickPick(['HEAD', ...refs], { title: 'Compare coding with branch…', placeHolder: 'The branch, tag or commit to compare your working files with' });
      if (!ref) return undefined;
    }
    const report = diffMarkdown(await client.sendRequest(CodingDiffRequest, { uri, ref }), ref, 'your working files');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    return report;
  } catch (e) {
    void vscode.window.showWarningMessage(`Could not compare with ${ref ?? 'a branch'}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
