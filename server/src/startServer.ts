// The language server: LSP in, core queries out. This file is the one
// boundary where URIs, LSP types and the core meet; features live one per
// file in ./features.

import { fileURLToPath } from 'node:url';
import { basename, sep } from 'node:path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  DiagnosticTag,
  FileChangeType,
  WatchKind,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
  type TextDocumentChangeEvent,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
import { guardNotification, guardRequest } from './errorBoundary';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodingDiff, Diagnostic, IndexChange } from '../../core';
import { Project, projectsOfFolder } from './workspace/project';
import { skippedFileDiagnostic } from '../../host/loader';
import { completion, resolveCompletion } from './features/completion';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { codeLenses } from './features/codeLens';
import { codeActions } from './features/codeActions';
import { commandPlan, REFACTOR_COMMANDS, refactorActions, resolveRefactorAction } from './features/refactor';
import { toWorkspaceEdit } from './features/edits';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semanticTokens';
import { segmentsOfNode, themeTree } from './features/themeTree';
import { editedParagraph, TypingGuard, TYPING_PAUSE_MS } from './typing';
import { CountsChangedNotification, SegmentsRequest, ServerStatusRequest, ThemeTreeRequest, type SegmentsParams, type ThemeTreeParams } from './protocol';
import { ImportTranscriptsRequest, type ImportTranscriptsParams } from './protocol';
import { importTranscripts } from './importRequest';
import { ExportRefiRequest, ImportRefiRequest, type ExportRefiParams, type ImportRefiParams } from './protocol';
import { ReportRequest, CodingDiffRequest, GitRefsRequest, type CodingDiffParams } from './protocol';
import { diffWithRef, projectAt, refsOf } from './workspace/review';
import { GitError } from '../../host/git';
import { reportData } from './features/report';
import { exportRefiRequest, importRefiRequest } from './features/refi';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
/** How long counts may settle before the tree view and code lenses are told. */
const COUNTS_DEBOUNCE_MS = 150;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const projects: Project[] = [];
  const paranoid = process.env.MARGINALIA_PARANOID === '1';
  let capabilities: InitializeParams['capabilities'] = {};
  let cacheDir: string | undefined;
  let folders: WorkspaceFolder[] = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  /** One debounce timer per project (workspace folder). */
  const countsTimers = new Map<Project, NodeJS.Timeout>();
  /** Holds back half-typed coding errors in the paragraph being edited (see typing.ts). */
  let typing = new TypingGuard<string>(TYPING_PAUSE_MS, () => undefined);

  const log = (message: string): void => connection.console.log(message);

  /** The project holding a URI and the file's path inside it. */
  const locate = (uri: string): { project: Project; path: string } | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    let fsPath: string;
    try {
      fsPath = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    let best: { project: Project; path: string } | undefined;
    for (const project of projects) {
      const path = project.relativePath(fsPath);
      if (path !== undefined && (!best || project.root.length > best.project.root.length)) best = { project, path };
    }
    return best;
  };

  const toLsp = (d: Diagnostic): LspDiagnostic => ({
    range: d.range,
    severity: SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    source: 'marginalia',
    data: d.data,
    tags: d.code === 'unused-code' || d.code === 'unused-theme' ? [DiagnosticTag.Unnecessary] : undefined,
  });

  const publish = (project: Project, paths: Iterable<string>): void => {
    for (const path of paths) {
      const diagnostics = project.index.diagnostics(path).map(toLsp);
      const skipped = project.skipped.get(path);
      if (skipped) {
        diagnostics.push(toLsp(skippedFileDiagnostic(skipped)));
      }
      if (diagnostics.length > 0) project.published.add(path);
      else project.published.delete(path);
      const uri = project.uri(path);
      void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: typing.filter(uri, diagnostics) });
    }
  };

  const countsChanged = (project: Project): void => {
    clearTimeout(countsTimers.get(project));
    countsTimers.set(project, setTimeout(() => {
      countsTimers.delete(project);
      void connection.sendNotification(CountsChangedNotification, { folder: project.uri('') });
      if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, COUNTS_DEBOUNCE_MS));
  };

  /** (Re)loads every file of a project; requests on it wait until the index is whole again. */
  const loadProject = async (project: Project): Promise<void> => {
    const loading = indexProject(project);
    project.loading = loading;
    try {
      await loading;
    } finally {
      if (project.loading === loading) project.loading = undefined;
    }
  };

  const indexProject = async (project: Project): Promise<void> => {
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(`Marginalia: indexing ${project.name}`, 0, 'reading transcripts', false);
    const touched = await project.loadAll((done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done} of ${total} transcripts`), cacheDir);
    progress?.done();
    publish(project, touched);
    log(`Indexed ${project.index.transcriptPaths().length} transcripts in ${project.root}`);
    for (const s of project.skippedFiles()) log(`Skipped ${s.path}: ${s.reason}`);
  };

  const applyChange = async (project: Project, change: IndexChange): Promise<void> => {
    if (change.reclassify) {
      await loadProject(project);
    } else {
      publish(project, change.diagnostics);
    }
    if (change.counts || change.reclassify) countsChanged(project);
  };

  // Every handler, requests and notifications alike, runs behind the one error boundary.
  const handle = guardRequest(connection.console, ready);
  const notification = guardNotification(connection.console, ready);

  /** Waits until no project is reloading (for requests about every project). */
  const allLoaded = async (): Promise<void> => {
    while (projects.some((p) => p.loading)) await Promise.all(projects.map((p) => p.loading));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    // Where the client lets us keep the parse cache (VS Code: the workspace storage), never the project.
    const options = (params.initializationOptions ?? {}) as { cacheDir?: unknown; typingPauseMs?: unknown };
    cacheDir = typeof options.cacheDir === 'string' ? options.cacheDir : undefined;
    const pause = typeof options.typingPauseMs === 'number' && options.typingPauseMs >= 0 ? options.typingPauseMs : TYPING_PAUSE_MS;
    typing = new TypingGuard<string>(pause, (uri) => {
      const found = locate(uri);
      if (found) publish(found.project, [found.path]);
    });
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(fileURLToPath(params.rootUri)) }] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['#', '{'], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorMove], resolveProvider: true },
        executeCommandProvider: { commands: REFACTOR_COMMANDS },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'marginalia', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*.markdown' }, { globPattern: '**/marginalia.yml' }, { globPattern: '**/*', kind: WatchKind.Delete }],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(notification('didChangeWorkspaceFolders', async (event: WorkspaceFoldersChangeEvent) => {
        for (const removed of event.removed) {
          const root = fileURLToPath(removed.uri);
          for (let i = projects.length - 1; i >= 0; i--) {
            if (projects[i].root !== root && !projects[i].root.startsWith(root + sep)) continue;
            // Its files are no longer served: their diagnostics go with it.
            for (const path of projects[i].published) void connection.sendDiagnostics({ uri: projects[i].uri(path), diagnostics: [] });
            projects.splice(i, 1);
          }
        }
        for (const added of event.added) {
          const found = projectsFor(added);
          projects.push(...found);
          for (const project of found) await loadProject(project);
        }
      }));
    }
    try {
      for (const folder of folders) projects.push(...projectsFor(folder));
      for (const project of projects) await loadProject(project);
    } catch (e) {
      connection.console.error(`loading the projects failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      // Requests wait on this: a failed load must not leave the editor hanging.
      resolveReady();
    }
  });

  const projectsFor = (folder: WorkspaceFolder): Project[] => projectsOfFolder(fileURLToPath(folder.uri), folder.name, paranoid);

  documents.onDidChangeContent(notification('didChange', async (event: TextDocumentChangeEvent<TextDocument>) => {
    const found = locate(event.document.uri);
    if (!found) return;
    found.project.rememberUri(found.path, event.document.uri);
    // Opening a document is not typing; a change is, in the paragraph it touched.
    const before = found.project.isOpen(found.path) ? found.project.text(found.path) : undefined;
    const paragraph = before === undefined ? undefined : editedParagraph(before, event.document);
    if (paragraph) typing.edited(event.document.uri, paragraph.startLine, paragraph.endLine);
    await applyChange(found.project, found.project.setOpen(found.path, event.document.getText()));
  }));

  documents.onDidClose(notification('didClose', async (event: TextDocumentChangeEvent<TextDocument>) => {
    typing.forget(event.document.uri);
    const found = locate(event.document.uri);
    if (found) await applyChange(found.project, found.project.close(found.path));
  }));

  connection.onDidChangeWatchedFiles(notification('didChangeWatchedFiles', async (params: DidChangeWatchedFilesParams) => {
    for (const change of params.changes) {
      const found = locate(change.uri);
      if (!found || found.project.isOpen(found.path)) continue;
      const result = found.project.refresh(found.path);
      if (change.type === FileChangeType.Deleted) result.diagnostics.add(found.path);
      await applyChange(found.project, result);
    }
  }));

  /** Runs `fn` on the project holding `uri` once that project is not reloading. */
  const withDocument = async <R>(uri: string, fn: (project: Project, path: string) => R | Promise<R>, fallback: R): Promise<R> => {
    let found = locate(uri);
    while (found?.project.loading) {
      await found.project.loading;
      found = locate(uri);
    }
    return found ? fn(found.project, found.path) : fallback;
  };

  connection.onCompletion(
    handle('completion', (p, token) => withDocument(p.textDocument.uri, (project, path) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return null;
      const line = doc.getText({ start: { line: p.position.line, character: 0 }, end: { line: p.position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
      return completion(project, path, line, p.position, token, { itemDefaults: defaults.includes('editRange') && defaults.includes('data') });
    }, null), null),
  );
  connection.onCompletionResolve(
    handle('completionResolve', async (item: CompletionItem) => {
      await allLoaded();
      const folder = (item.data as { folder?: string } | undefined)?.folder;
      const project = projects.find((p) => p.uri('') === folder);
      return project ? resolveCompletion(project, item) : item;
    }, (item: CompletionItem) => item),
  );
  connection.onHover(handle('hover', (p, token) => withDocument(p.textDocument.uri, (project, path) => hover(project, path, p.position, token), null), null));
  connection.onDefinition(handle('definition', (p, token) => withDocument(p.textDocument.uri, (project, path) => definition(project, path, p.position, token), null), null));
  connection.onReferences(
    handle('references', (p, token) => withDocument(p.textDocument.uri, (project, path) => references(project, path, p.position, p.context.includeDeclaration, token), null), null),
  );
  connection.onPrepareRename(handle('prepareRename', (p) => withDocument(p.textDocument.uri, (project, path) => prepareRename(project, path, p.position), null), null));
  /** Asks whether renaming #from to the existing #into should merge them (when the client can ask). */
  const confirmMerge = async (from: string, into: string): Promise<boolean> => {
    const answer = await connection.window.showInformationMessage(`#${into} already exists. Merge #${from} into #${into}? Every #${from} becomes #${into} and #${from} leaves the codebook.`, { title: 'Merge' }, { title: 'Cancel' });
    return answer?.title === 'Merge';
  };
  connection.onRenameRequest(
    handle('rename', (p, token) => withDocument(p.textDocument.uri, (project, path) => rename(project, path, p.position, p.newName, token, capabilities.window?.showMessage ? confirmMerge : undefined), null), null),
  );
  connection.onDocumentSymbol(handle('documentSymbol', (p, token) => withDocument(p.textDocument.uri, (project, path) => documentSymbols(project, path, token), null), null));
  connection.onWorkspaceSymbol(handle('workspaceSymbol', async (p, token) => {
    await allLoaded();
    return workspaceSymbols(projects, p.query, token);
  }, []));
  connection.onCodeLens(handle('codeLens', (p, token) => withDocument(p.textDocument.uri, (project, path) => codeLenses(project, path, token), null), null));
  connection.languages.semanticTokens.on(
    handle('semanticTokens', async (p, token) => (await withDocument(p.textDocument.uri, (project, path) => semanticTokens(project, path, token), null)) ?? { data: [] }, { data: [] }),
  );
  connection.onCodeAction(
    handle('codeAction', (p, token) => withDocument(p.textDocument.uri, async (project, path) => {
      const only = p.context.only;
      const fixes = !only || only.some((k) => k.startsWith('quickfix')) ? ((await codeActions(project, path, p.range, token)) ?? []) : [];
      const lazy = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
      const refactors = !only || only.some((k) => k.startsWith('refactor')) ? await refactorActions(project, path, p.range, lazy, token) : [];
      return [...fixes, ...refactors];
    }, null), null),
  );
  connection.onCodeActionResolve(
    handle('codeActionResolve', async (action: CodeAction, token) => {
      await allLoaded();
      return resolveRefactorAction(action, projects, locate, token);
    }, (action: CodeAction) => action),
  );
  connection.onExecuteCommand(
    handle('executeCommand', async (p, token) => {
      await allLoaded();
      const change = commandPlan(p.command, p.arguments, projects, locate, token);
      if (change.plan.edits.length === 0) return { applied: true, ...change.result };
      const edit = await toWorkspaceEdit(change.project, change.plan, token);
      const applied = await connection.workspace.applyEdit({ label: change.label, edit });
      return { applied: applied.applied, ...change.result };
    }, null),
  );

  connection.onRequest(
    ThemeTreeRequest,
    handle('themeTree', async (p: ThemeTreeParams, token) => {
      await allLoaded();
      return projects.filter((project) => !p?.folder || project.uri('') === p.folder).map((project) => themeTree(project, token, p?.where));
    }, []),
  );
  connection.onRequest(
    SegmentsRequest,
    handle('segments', async (p: SegmentsParams, token) => {
      await allLoaded();
      const project = projects.find((x) => x.uri('') === p.folder);
      return project ? segmentsOfNode(project, p.id, p.descendants ?? true, token, p.where) : [];
    }, []),
  );

  connection.onRequest(
    ImportTranscriptsRequest,
    handle('importTranscripts', async (p: ImportTranscriptsParams) => {
      const result = await importTranscripts(p);
      // Indexed before the answer, not only when the file watcher reports them.
      for (const uri of result.results.flatMap((r) => r.written)) {
        const found = locate(uri);
        if (found && !found.project.isOpen(found.path)) await applyChange(found.project, found.project.refresh(found.path));
      }
      return result;
    }, { results: [] }),
  );
  const refiFailed = { ok: false, message: 'Marginalia could not do this; the Marginalia output channel says why.', files: [] };
  connection.onRequest(ExportRefiRequest, handle('exportRefi', (p: ExportRefiParams) => exportRefiRequest(projects, p), refiFailed));
  connection.onRequest(ImportRefiRequest, handle('importRefi', (p: ImportRefiParams) => importRefiRequest(p), refiFailed));

  // Compare Coding with Branch: git errors come back as one sentence for the user.
  const review = async <R>(uri: string, fn: (project: Project) => R): Promise<R> => {
    await allLoaded();
    const project = projectAt(projects, uri);
    if (!project) throw new ResponseError(ErrorCodes.InvalidParams, 'This file is not in a coding project.');
    try {
      return fn(project);
    } catch (e) {
      if (e instanceof GitError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
      throw e;
    }
  };
  connection.onRequest(CodingDiffRequest, handle('codingDiff', (p: CodingDiffParams) => review(p.uri, (project) => diffWithRef(project, p.ref)), undefined as unknown as CodingDiff));
  connection.onRequest(GitRefsRequest, handle('gitRefs', (p: { uri: string }) => review(p.uri, refsOf), [] as string[]));
  connection.onRequest(
    ReportRequest,
    handle('report', async (p) => {
      await allLoaded();
      const project = projects.find((x) => !p?.folder || x.uri('') === p.folder);
      return project ? reportData(project, p?.where ?? []) : null;
    }, null),
  );

  // For benchmarks and bug reports: what the server holds and how much memory it uses.
  connection.onRequest(
    ServerStatusRequest,
    handle('serverStatus', () => {
      if (typeof global.gc === 'function') global.gc();
      const memory = process.memoryUsage();
      return {
        projects: projects.map((p) => ({ root: p.root, transcripts: p.index.transcriptPaths().length })),
        heapUsed: memory.heapUsed,
        rss: memory.rss,
      };
    }, null),
  );

  documents.listen(connection);
  connection.listen();
}
