// Codebook refactorings over LSP (DESIGN.md §12): the `workspace/executeCommand`
// commands, code actions for the same where the cursor is, and the merge that
// renaming to an existing name offers. The edits are the core's plans
// (core/edit/refactor.ts); the server only converts and sends them.

import { CodeActionKind, LSPErrorCodes, ResponseError, type CancellationToken, type CodeAction, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { closestName, deletePlan, lineMapOf, mergePlan, movePlan, newNodePlan, uncodePlan, type EditPlan, type ParsedTranscript } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt, themePath } from './codeAt';
import { editSource, planOrError, toWorkspaceEdit } from './edits';

export const REFACTOR_COMMANDS = ['marginalia.moveNode', 'marginalia.mergeCode', 'marginalia.newNode', 'marginalia.uncode', 'marginalia.deleteCode'];

/** What a command changes: the edit to send with workspace/applyEdit, its undo label, and what the client may want back. */
export interface CommandEdit {
  project: Project;
  plan: EditPlan;
  label: string;
  result?: Record<string, unknown>;
}

const invalid = (message: string): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestFailed, message);

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${what} is missing: give it as a string.`);
  return value.trim().replace(/^#/, '');
}

/**
 * The plan of a refactoring command. `projectOf` finds the project: by the
 * `folder` argument (a workspace folder URI), by a document URI, or else the
 * first project that knows the id.
 */
export function commandPlan(
  command: string,
  args: unknown,
  projects: readonly Project[],
  locate: (uri: string) => { project: Project; path: string } | undefined,
  token: CancellationToken,
): CommandEdit {
  const a = (Array.isArray(args) ? args[0] : args) as Record<string, unknown> | undefined;
  if (!a || typeof a !== 'object') throw invalid(`${command} needs its arguments as one object (see the Marginalia documentation).`);
  const byFolder = typeof a.folder === 'string' ? projects.find((p) => p.uri('') === a.folder) : undefined;
  const knowing = (id: string): Project | undefined => byFolder ?? projects.find((p) => p.index.node(id) || p.index.useCount(id) > 0) ?? projects[0];
  const run = (project: Project | undefined, compute: (source: ReturnType<typeof editSource>) => EditPlan): EditPlan => {
    if (!project) throw invalid('There is no Marginalia project open.');
    return planOrError(() => compute(editSource(project, token)));
  };
  switch (command) {
    case 'marginalia.moveNode': {
      const id = text(a.id, 'The id of the theme or code to move');
      const parent = a.parent === null || a.parent === undefined ? null : text(a.parent, 'The new parent');
      const project = knowing(id);
      return { project: project!, plan: run(project, (s) => movePlan(s, id, parent)), label: `Move ${id}` };
    }
    case 'marginalia.mergeCode': {
      const from = text(a.from, 'The code to merge ("from")');
      const into = text(a.into, 'The code to merge into ("into")');
      const project = knowing(from);
      return { project: project!, plan: run(project, (s) => mergePlan(s, from, into)), label: `Merge #${from} into #${into}` };
    }
    case 'marginalia.newNode': {
      const kind = a.kind === 'theme' || a.kind === 'code' ? a.kind : undefined;
      if (!kind) throw invalid('The kind of the new node must be "theme" or "code".');
      const name = typeof a.name === 'string' ? a.name : '';
      const parent = a.parent === null || a.parent === undefined ? null : text(a.parent, 'The parent');
      const project = byFolder ?? (parent === null ? projects[0] : knowing(parent));
      let id = '';
      const plan = run(project, (s) => {
        const made = newNodePlan(s, parent, kind, name);
        id = made.id;
        return made.plan;
      });
      return { project: project!, plan, label: `New ${kind} ${name}`, result: { id } };
    }
    case 'marginalia.uncode': {
      const uri = typeof a.uri === 'string' ? a.uri : '';
      const found = locate(uri);
      const transcript = found && found.project.index.transcript(found.path);
      if (!found || !transcript) throw invalid(`${uri || 'The document'} is not a transcript of an open Marginalia project.`);
      const position = a.position as Position | undefined;
      if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') throw invalid('The position (line and character) is missing.');
      const code = a.code === null || a.code === undefined ? null : text(a.code, 'The code');
      return { project: found.project, plan: run(found.project, (s) => uncodePlan(s, found.path, offsetOf(transcript, position), code)), label: code ? `Uncode #${code}` : 'Uncode' };
    }
    case 'marginalia.deleteCode': {
      const id = text(a.id, 'The code to delete');
      const project = knowing(id);
      return { project: project!, plan: run(project, (s) => deletePlan(s, id)), label: `Delete #${id}` };
    }
    default:
      throw invalid(`Marginalia has no command ${command}.`);
  }
}

function offsetOf(transcript: ParsedTranscript, position: Position): number {
  const starts = lineMapOf(transcript).starts;
  const line = Math.max(0, Math.min(position.line, starts.length - 1));
  return starts[line] + Math.max(0, position.character);
}

/** What a refactoring code action does, kept in its `data` until the client resolves its edit. */
interface RefactorData {
  refactor: { command: string; args: Record<string, unknown> };
}

/**
 * Code actions for the refactorings at the cursor: uncode in a transcript;
 * merge into a near name, move and delete in the codebook. With `lazy` (the
 * client resolves code actions) the edit is computed only for the action
 * chosen (`resolveRefactorAction`); otherwise now, and an action that cannot
 * be done is not offered.
 */
export async function refactorActions(project: Project, path: string, range: Range, lazy: boolean, token: CancellationToken): Promise<CodeAction[]> {
  const index = project.index;
  const out: CodeAction[] = [];
  const folder = project.uri('');
  const offer = async (title: string, kind: string, command: string, args: Record<string, unknown>): Promise<void> => {
    const data: RefactorData = { refactor: { command, args: { ...args, folder } } };
    if (lazy) {
      out.push({ title, kind, data });
      return;
    }
    try {
      const change = commandPlan(command, data.refactor.args, [project], () => ({ project, path }), token);
      out.push({ title, kind, edit: await toWorkspaceEdit(project, change.plan, token) });
    } catch {
      // A refactoring that cannot be done here is simply not offered.
    }
  };
  const transcript = index.transcript(path);
  const at = codeAt(project, path, range.start);
  if (transcript) {
    const uri = project.uri(path);
    const offset = offsetOf(transcript, range.start);
    const inCoding = transcript.tokens.some((t) => t.start <= offset && offset <= t.end + 1) || transcript.segments.some((s) => s.start <= offset && offset <= s.end);
    if (!inCoding) return out;
    if (at) await offer(`Remove #${at.id} from this coding`, CodeActionKind.RefactorRewrite, 'marginalia.uncode', { uri, position: range.start, code: at.id });
    await offer('Remove this coding (keep the words)', CodeActionKind.RefactorRewrite, 'marginalia.uncode', { uri, position: range.start, code: null });
    if (at?.node?.kind === 'code') await offerMerge(project, at.id, offer);
    return out;
  }
  if (path !== index.codebookPath || !at?.node) return out;
  const node = at.node;
  if (node.kind === 'code') await offerMerge(project, node.id, offer);
  if (node.kind === 'code' && index.counts(node.id).total === 0 && index.children(node.id).length === 0) {
    await offer(`Delete the unused code #${node.id}`, CodeActionKind.RefactorRewrite, 'marginalia.deleteCode', { id: node.id });
  }
  for (const theme of index.codebookNodes()) {
    if (theme.kind !== 'theme' || theme.id === node.parent || index.ancestors(theme.id).includes(node.id) || index.node(theme.id) !== theme) continue;
    await offer(`Move ${node.kind === 'code' ? `#${node.id}` : `"${node.label}"`} under ${themePath(project, theme.id)}`, CodeActionKind.RefactorMove, 'marginalia.moveNode', { id: node.id, parent: theme.id });
  }
  return out;
}

/** "Merge #a into #b" when the codebook has a near name (a typo, another case). */
async function offerMerge(project: Project, id: string, offer: (title: string, kind: string, command: string, args: Record<string, unknown>) => Promise<void>): Promise<void> {
  const others = project.index.codebookNodes().filter((n) => n.kind === 'code' && n.id !== id).map((n) => n.id);
  const near = closestName(id, others);
  if (near) await offer(`Merge #${id} into #${near}`, CodeActionKind.RefactorRewrite, 'marginalia.mergeCode', { from: id, into: near });
}

/** Computes the edit of a refactoring code action the client chose. */
export async function resolveRefactorAction(
  action: CodeAction,
  projects: readonly Project[],
  locate: (uri: string) => { project: Project; path: string } | undefined,
  token: CancellationToken,
): Promise<CodeAction> {
  const data = action.data as RefactorData | undefined;
  if (!data?.refactor) return action;
  const change = commandPlan(data.refactor.command, data.refactor.args, projects, locate, token);
  return { ...action, edit: await toWorkspaceEdit(change.project, change.plan, token) };
}

/** Renaming #from to an existing #into: the merge, as the rename's edit (after the analyst agreed). */
export async function mergeAsRename(project: Project, from: string, into: string, token: CancellationToken): Promise<WorkspaceEdit> {
  return toWorkspaceEdit(project, planOrError(() => mergePlan(editSource(project, token), from, into)), token);
}
