// The VS Code extension: starts the bundled language server and adds what
// analysts see — the Themes tree, the coding commands, the status bar and the
// markdown preview of coded extracts. All language logic is in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CountsChangedNotification, ThemeTreeRequest, type ThemeTreeProject } from '../../server/src/protocol';
import { ThemesTreeProvider } from './themesTree';
import { plural } from '../../core';
import { registerCommands } from './commands';
import { registerReportCommands, ReportPanel } from './reportView';
import { filterThemes } from './themesFilter';
import type { CaseCondition } from '../../core';
import { registerImportCommand } from './importCommand';
import { markdownItCoding } from './previewPlugin';
import { registerRefiCommands } from './refiCommands';
import { registerRefactorCommands, ThemesDragAndDrop } from './refactorCommands';

let client: LanguageClient | undefined;

export interface MarginaliaApi {
  client: LanguageClient;
  themes: ThemesTreeProvider;
  /** Resolves when the server has indexed every folder. */
  ready: Promise<void>;
  /** The open report view, if any (tests). */
  report: () => ReportPanel | undefined;
  onDidRefreshReport: vscode.Event<unknown>;
  /** Drag and drop in the Themes tree (tests call it directly). */
  dragAndDrop: ThemesDragAndDrop;
}

export async function activate(context: vscode.ExtensionContext): Promise<MarginaliaApi & { extendMarkdownIt: (md: unknown) => unknown }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const output = vscode.window.createOutputChannel('Marginalia', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    // The server keeps its parse cache in this workspace's storage, outside the project.
    initializationOptions: { cacheDir: context.storageUri ? path.join(context.storageUri.fsPath, 'parse-cache') : undefined },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('marginalia', 'Marginalia', serverOptions, clientOptions);

  const themes = new ThemesTreeProvider(client);
  const dragAndDrop = new ThemesDragAndDrop(client);
  const view = vscode.window.createTreeView('marginalia.themes', { treeDataProvider: themes, showCollapseAll: true, dragAndDropController: dragAndDrop });
  const status = vscode.window.createStatusBarItem('marginalia.summary', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Marginalia';
  status.command = 'marginalia.themes.focus';
  status.tooltip = 'Show the Themes tree';

  const refreshSummary = async (): Promise<void> => {
    const projects = await client!.sendRequest<ThemeTreeProject[]>(ThemeTreeRequest, { where: themes.where });
    view.description = projects.find((p) => p.filter)?.filter;
    const transcripts = projects.reduce((n, p) => n + p.transcripts, 0);
    const extracts = projects.reduce((n, p) => n + p.extracts, 0);
    status.text = `$(book) ${plural(transcripts, 'transcript')} · ${plural(extracts, 'extract')}`;
    status.show();
    void vscode.commands.executeCommand('setContext', 'marginalia.noCodebook', projects.length > 0 && projects.every((p) => !p.hasCodebook));
    themes.setProjects(projects);
  };

  context.subscriptions.push(output, view, status, registerCommands(client, themes, refreshSummary), registerRefiCommands(client));
  context.subscriptions.push(registerImportCommand(client), registerRefactorCommands(client, themes));
  context.subscriptions.push(registerReportCommands(context, client));
  context.subscriptions.push(vscode.commands.registerCommand('marginalia.filterThemes', (where?: CaseCondition[]) => filterThemes(client!, themes, refreshSummary, where)));
  const ready = client.start().then(async () => {
    context.subscriptions.push(client!.onNotification(CountsChangedNotification, () => {
      // One handler per notification in the client: the report view refreshes from here too.
      void refreshSummary();
      void ReportPanel.current?.refresh();
    }));
    await refreshSummary();
  });
  ready.catch((e) => output.appendLine(`Marginalia could not start: ${e instanceof Error ? e.message : String(e)}`));
  return { client, themes, ready, report: () => ReportPanel.current, onDidRefreshReport: ReportPanel.onDidRefresh, dragAndDrop, extendMarkdownIt: (md: unknown) => markdownItCoding(md) };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
