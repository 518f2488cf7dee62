// Marginalia: Export Project (REFI-QDA)… and Import REFI-QDA Project…: the
// language server does the work (it has the live index and the unsaved text);
// this file asks where, and says what happened. Both accept their paths as an
// argument so they run without dialogs too (tests, other extensions).

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRefiRequest, ImportRefiRequest, ThemeTreeRequest, type RefiResult, type ThemeTreeProject } from '../../server/src/protocol';

export interface ExportRefiArgs {
  /** Where to write (.qdpx or .qdc). */
  file?: string;
  /** The project's folder URI; default: the only project, or the one picked. */
  folder?: string;
}

export interface ImportRefiArgs {
  /** The .qdpx or .qdc file. */
  file?: string;
  /** The folder to create the project in. */
  into?: string;
  force?: boolean;
}

const FILTERS = { 'REFI-QDA project': ['qdpx'], 'REFI-QDA codebook': ['qdc'] };

export function registerRefiCommands(client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('marginalia.exportRefi', async (args?: ExportRefiArgs): Promise<RefiResult | undefined> => {
      let folder = args?.folder;
      if (!folder) {
        const projects = await client.sendRequest<ThemeTreeProject[]>(ThemeTreeRequest, {});
        if (projects.length === 0) {
          void vscode.window.showErrorMessage('There is no Marginalia project open to export.');
          return undefined;
        }
        const pick = projects.length === 1 ? projects[0] : (await vscode.window.showQuickPick(projects.map((p) => ({ label: p.name, project: p })), { title: 'Export which project?' }))?.project;
        if (!pick) return undefined;
        folder = pick.folder;
      }
      let file = args?.file;
      if (!file) {
        const base = vscode.Uri.parse(folder);
        const target = await vscode.window.showSaveDialog({
          title: 'Export Project (REFI-QDA)',
          defaultUri: vscode.Uri.joinPath(base, '..', `${path.basename(base.fsPath)}.qdpx`),
          filters: FILTERS,
          saveLabel: 'Export',
        });
        if (!target) return undefined;
        file = target.fsPath;
      }
      const result = await client.sendRequest<RefiResult>(ExportRefiRequest, { folder, file });
      if (result.ok) void vscode.window.showInformationMessage(result.message);
      else void vscode.window.showErrorMessage(result.message);
      return result;
    }),
    vscode.commands.registerCommand('marginalia.importRefi', async (args?: ImportRefiArgs): Promise<RefiResult | undefined> => {
      let file = args?.file;
      if (!file) {
        const picked = await vscode.window.showOpenDialog({ title: 'Import REFI-QDA Project', filters: FILTERS, canSelectMany: false, openLabel: 'Import' });
        if (!picked?.[0]) return undefined;
        file = picked[0].fsPath;
      }
      let into = args?.into;
      if (!into) {
        const suggested = path.join(path.dirname(file), path.basename(file, path.extname(file)));
        into = await vscode.window.showInputBox({
          title: 'Import REFI-QDA Project',
          prompt: 'The folder for the new Marginalia project (created if it does not exist)',
          value: suggested,
          valueSelection: [path.dirname(suggested).length + 1, suggested.length],
        });
        if (!into) return undefined;
      }
      const result = await client.sendRequest<RefiResult>(ImportRefiRequest, { file, into, force: args?.force });
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.message);
        return result;
      }
      if (!args?.into) {
        const open = 'Open Folder';
        void vscode.window.showInformationMessage(result.message, open).then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(into!), { forceNewWindow: true });
        });
      } else void vscode.window.showInformationMessage(result.message);
      return result;
    }),
  );
}
