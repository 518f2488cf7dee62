// *Marginalia: Import Transcripts…*: pick Word, caption or text files, import
// them into the project's transcripts/ folder (asking before overwriting), and
// open the first new transcript. The language server does the reading and
// writing (the same code as `marginalia import`); the Themes tree and counts
// follow through the server's file watching. Other commands and tests can pass
// the files as an argument instead of using the picker.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportTranscriptsRequest, type ImportTranscriptsParams, type ImportTranscriptsResult } from '../../server/src/protocol';
import { plural } from '../../core';

export function registerImportCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.importTranscripts', (files?: Array<string | vscode.Uri>) => importTranscripts(client, files));
}

/** Imports the files (or the ones picked); resolves with the URIs of the transcripts written. */
async function importTranscripts(client: LanguageClient, files?: Array<string | vscode.Uri>): Promise<vscode.Uri[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Open the folder of your project first: transcripts are imported into its transcripts/ folder.');
    return [];
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Import the transcripts into which project?' });
  if (!folder) return [];
  let inputs = (files ?? []).map((f) => (typeof f === 'string' ? vscode.Uri.file(f) : f));
  if (inputs.length === 0) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: 'Import',
      title: 'Import transcripts (Word, WebVTT, SRT, plain text)',
      filters: { Transcripts: ['docx', 'vtt', 'srt', 'txt'], 'REFI-QDA projects': ['qdpx', 'qdc'], 'All files': ['*'] },
    });
    if (!picked) return [];
    inputs = picked;
  }
  const into = vscode.Uri.joinPath(folder.uri, 'transcripts');
  const send = (paths: string[], force: boolean): Promise<ImportTranscriptsResult> =>
    client.sendRequest<ImportTranscriptsResult>(ImportTranscriptsRequest, { files: paths, into: into.fsPath, force } satisfies ImportTranscriptsParams);

  const first = await send(inputs.map((u) => u.fsPath), false);
  const results = first.results.filter((r) => !r.existing?.length);
  const blocked = first.results.filter((r) => r.existing?.length);
  if (blocked.length > 0) {
    const names = blocked.flatMap((r) => r.existing!).map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)));
    const answer = await vscode.window.showWarningMessage(
      `${names.join(', ')} ${names.length === 1 ? 'already exists' : 'already exist'}. Overwrite ${names.length === 1 ? 'it' : 'them'} with the imported ${names.length === 1 ? 'transcript' : 'transcripts'}?`,
      { modal: true },
      'Overwrite',
    );
    if (answer === 'Overwrite') results.push(...(await send(blocked.map((r) => r.input), true)).results);
  }

  const errors = results.filter((r) => r.error).map((r) => r.error!);
  for (const e of errors) void vscode.window.showErrorMessage(e);
  const written = results.flatMap((r) => r.written.map((u) => vscode.Uri.parse(u)));
  if (written.length > 0) {
    // The server has indexed them: bring the tree and status bar up to date, then open the first.
    await vscode.commands.executeCommand('marginalia.refresh');
    await vscode.window.showTextDocument(written[0]);
    const notes = results.flatMap((r) => r.notes);
    void vscode.window.showInformationMessage(`Imported ${plural(written.length, 'transcript')} into ${vscode.workspace.asRelativePath(into)}/${notes.length ? ` (${notes.join('; ')})` : ''}.`);
  }
  return written;
}
