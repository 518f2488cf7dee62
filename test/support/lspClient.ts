// Drives the real language server (`marginalia lsp --stdio`) as a child
// process over JSON-RPC, as an editor does. Waits on events, never on sleeps.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { WorkDoneProgress, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { PROJECT_ROOT } from './tempProject';

/** A safety net only: a test fails after this long instead of hanging. */
const DEFAULT_WAIT_LIMIT_MS = 20_000;

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every diagnostics publication, in order (with the document version when the server gives it). */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';
  waitLimitMs = DEFAULT_WAIT_LIMIT_MS;

  private constructor(readonly root: string, readonly child: ChildProcess, readonly connection: MessageConnection) {}

  static async start(root: string, options: { capabilities?: object; paranoid?: boolean; nodeArgs?: string[]; waitLimitMs?: number; initializationOptions?: object } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(PROJECT_ROOT, 'bin/marginalia.js'), 'lsp', '--stdio'], {
      env: { ...process.env, MARGINALIA_PARANOID: options.paranoid === false ? '0' : '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(root, child, connection);
    if (options.waitLimitMs) client.waitLimitMs = options.waitLimitMs;
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      client.published.push(p);
      client.wake();
    });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      client.wake();
    });
    // vscode-jsonrpc routes $/progress by token, so listen on each token the server creates.
    connection.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
      connection.onProgress(WorkDoneProgress.type, p.token, (value) => {
        client.notifications.push({ method: '$/progress', params: { token: p.token, value } });
        client.wake();
      });
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'project' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: {}, rename: { prepareSupport: true } },
        ...options.capabilities,
      },
    });
    await connection.sendNotification('initialized', {});
    // Indexing is done when the progress ends.
    await client.waitFor(() => client.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'));
    return client;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `predicate` holds, re-checked after every message from the server. */
  async waitFor(predicate: () => boolean, what = 'a condition'): Promise<void> {
    const deadline = Date.now() + this.waitLimitMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the diagnostics of `path` satisfy `predicate`, and returns them. */
  async diagnosticsOf(path: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    await this.waitFor(() => this.diagnostics.has(this.uri(path)) && predicate(this.diagnostics.get(this.uri(path))!), `diagnostics of ${path}`);
    return this.diagnostics.get(this.uri(path))!;
  }

  open(path: string, text: string): void {
    this.versions.set(path, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'markdown', version: 1, text } });
  }

  change(path: string, text: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  edit(path: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ range, text }] });
  }

  close(path: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Asks a request at `$0`-style coordinates in `path`. */
  at<R>(method: string, path: string, line: number, character: number, extra: object = {}): Promise<R> {
    return this.request<R>(method, { textDocument: { uri: this.uri(path) }, position: { line, character }, ...extra });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
