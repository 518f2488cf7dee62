// Marginalia: Open Report — the quote bank, the code-by-case matrix and
// co-occurrence (DESIGN.md §11) in a webview beside the editor. The server
// computes the data from its live index; the webview script (client/webview/)
// draws it with DOM text nodes only, under a strict Content-Security-Policy,
// and asks this side to open extracts; extension.ts refreshes it when the
// server says counts changed. Also the two exports.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest, type ReportData } from '../../server/src/protocol';
import { renderReport, type ReportFormat } from '../../core';
import type { CaseCondition } from '../../core';
import { toRange } from './themesTree';

type RangeLike = { start: { line: number; character: number }; end: { line: number; character: number } };
export interface ExtractRef {
  file: string;
  case: string;
  text?: string;
  range: RangeLike;
}

/** What the webview asks of the extension. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'filter'; where: CaseCondition[] }
  | { type: 'open'; extract: ExtractRef }
  | { type: 'openMany'; title: string; extracts: ExtractRef[] };

export class ReportPanel {
  static current: ReportPanel | undefined;
  private static readonly refreshed = new vscode.EventEmitter<ReportData | null>();
  /** Fires after new data went to the webview (tests wait on it). */
  static readonly onDidRefresh = ReportPanel.refreshed.event;
  private where: CaseCondition[] = [];
  private data: ReportData | null = null;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, client: LanguageClient): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('marginalia.report', 'Marginalia Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist')],
    });
    ReportPanel.current = new ReportPanel(panel, context, client);
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'activity.svg');
    panel.webview.html = reportHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The data last shown (tests and exports read it). */
  get shown(): ReportData | null {
    return this.data;
  }

  get filter(): readonly CaseCondition[] {
    return this.where;
  }

  async setFilter(where: CaseCondition[]): Promise<void> {
    this.where = where;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    this.data = await this.client.sendRequest(ReportRequest, { where: this.where });
    await this.panel.webview.postMessage({ type: 'data', data: this.data });
    ReportPanel.refreshed.fire(this.data);
  }

  private async receive(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.refresh();
      case 'filter':
        return this.setFilter(m.where);
      case 'open':
        return openExtract(this.data, m.extract);
      case 'openMany': {
        if (m.extracts.length === 1) return openExtract(this.data, m.extracts[0]);
        const pick = await vscode.window.showQuickPick(
          m.extracts.map((e) => ({ label: e.text ? `“${e.text.length > 100 ? e.text.slice(0, 99) + '…' : e.text}”` : `${e.file}:${e.range.start.line + 1}`, description: `${e.case} · ${e.file}:${e.range.start.line + 1}`, extract: e })),
          { title: m.title, placeHolder: 'Open an extract' },
        );
        if (pick) return openExtract(this.data, pick.extract);
        return;
      }
    }
  }

  private dispose(): void {
    ReportPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens the transcript in the first editor column and selects the extract. */
async function openExtract(data: ReportData | null, extract: ExtractRef): Promise<void> {
  const folder = data ? vscode.Uri.parse(data.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder, ...extract.file.split('/'));
  const range = toRange(extract.range);
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

/** The page: no inline styles or scripts; one script by nonce, styles from media/. */
export function reportHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'reportView.js'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; font-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${n}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>Marginalia Report</title>
</head>
<body>
<header>
  <div role="tablist" aria-label="Reports">
    <button role="tab" id="tab-quotes" aria-controls="quotes" aria-selected="true">Quote bank</button>
    <button role="tab" id="tab-matrix" aria-controls="matrix" aria-selected="false">Code-by-case matrix</button>
    <button role="tab" id="tab-cooccurrence" aria-controls="cooccurrence" aria-selected="false">Co-occurrence</button>
  </div>
  <div class="filter">
    <label for="attribute">Cases</label>
    <select id="attribute"><option value="">All cases</option></select>
    <select id="value" hidden></select>
  </div>
  <p id="scope" class="scope"></p>
  <p id="problem" class="problem" hidden></p>
</header>
<main>
  <section id="quotes" role="tabpanel" aria-labelledby="tab-quotes"><p class="empty">Loading…</p></section>
  <section id="matrix" role="tabpanel" aria-labelledby="tab-matrix" hidden></section>
  <section id="cooccurrence" role="tabpanel" aria-labelledby="tab-cooccurrence" hidden></section>
</main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

// ---- exports ----------------------------------------------------------------

async function exportReport(client: LanguageClient, kind: 'quotes' | 'matrix', target: string | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const where = [...(ReportPanel.current?.filter ?? [])];
  let uri = typeof target === 'string' ? vscode.Uri.file(target) : target;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const filters: Record<string, string[]> = kind === 'quotes' ? { Markdown: ['md'], HTML: ['html'] } : { CSV: ['csv'] };
    uri = await vscode.window.showSaveDialog({
      title: kind === 'quotes' ? 'Export Quote Bank' : 'Export Code-by-Case Matrix',
      defaultUri: folder ? vscode.Uri.joinPath(folder, kind === 'quotes' ? 'quote-bank.md' : 'matrix.csv') : undefined,
      filters,
    });
    if (!uri) return undefined;
  }
  const data = await client.sendRequest(ReportRequest, { where });
  if (!data) {
    void vscode.window.showWarningMessage('Open the folder that holds your transcripts to export a report.');
    return undefined;
  }
  const format: ReportFormat = kind === 'matrix' ? 'csv' : uri.path.toLowerCase().endsWith('.html') || uri.path.toLowerCase().endsWith('.htm') ? 'html' : 'md';
  const text = kind === 'quotes' ? renderReport({ kind, report: data.quotes }, format) : renderReport({ kind, report: data.matrix }, format);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (typeof target !== 'string') void vscode.window.showInformationMessage(`Exported the ${kind === 'quotes' ? 'quote bank' : 'code-by-case matrix'} to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}

export function registerReportCommands(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('marginalia.openReport', () => ReportPanel.show(context, client)),
    vscode.commands.registerCommand('marginalia.exportQuoteBank', (target?: string | vscode.Uri) => exportReport(client, 'quotes', target)),
    vscode.commands.registerCommand('marginalia.exportMatrix', (target?: string | vscode.Uri) => exportReport(client, 'matrix', target)),
  );
}
