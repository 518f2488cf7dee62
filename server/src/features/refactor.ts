// Codebook refactorings over LSP (DESIGN.md §12): the `workspace/executeCommand`
// commands, code actions for the same where the cursor is, and the merge that
// renaming to an existing name offers. The edits are the core's plans
// (core/edit/refactor.ts); the server only converts and sends them.

import { CodeActionKind, LSPErrorCodes, ResponseError, type CancellationToken, type CodeAction, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { deletePlan, lineMapOf, mergePlan, movePlan, newNodePlan, uncodePlan, type EditPlan, type ParsedTranscript } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt, themePath } from './codeAt';
import { editSource, planOrError, toWorkspaceEdit } from './edits';

export const REFACTOR_COMMANDS = ['marginalia.moveNode', 'marginalia.mergeCode', 'marginalia.newNode', 'marginalia.uncode'];

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
    default:
      throw invalid(`Marginalia has no command ${command}.`);
  }
}

function offsetOf(transcript: ParsedTranscript, position: Position): number {
  const starts = lineMapOf(transcript).starts;
  const line = Math.max(0, Math.min(position.line, starts.length - 1));
  return starts[line] + Math.max(0, position.character);
}

/** Code actions for the refactorings at the cursor: uncode in a transcript; move and delete in the codebook. */
export async function refactorActions(project: Project, path: string, range: Range, token: CancellationToken): Promise<CodeAction[]> {
  const index = project.index;
  const out: CodeAction[] = [];
  const source = editSource(project, token);
  const action = async (title: string, kind: string, plan: () => EditPlan): Promise<void> => {
    try {
      out.push({ title, kind, edit: await toWorkspaceEdit(project, plan(), token) });
    } catch {
      // A refactoring that cannot be done here is simply not offered.
    }
  };
  const transcript = index.transcript(path);
  if (transcript) {
    const at = codeAt(project, path, range.start);
    const offset = offsetOf(transcript, range.start);
    if (at) await action(`Remove #${at.id} from this coding`, CodeActionKind.RefactorRewrite, () => uncodePlan(source, path, offset, at.id));
    await action('Remove this coding (keep the words)', CodeActionKind.RefactorRewrite, () => uncodePlan(source, path, offset, null));
    return out;
  }
  if (path !== index.codebookPath) return out;
  const at = codeAt(project, path, range.start);
  if (!at?.node) return out;
  const node = at.node;
  if (node.kind === 'code' && index.counts(node.id).total === 0) await action(`Delete the unused code #${node.id}`, CodeActionKind.RefactorRewrite, () => deletePlan(source, node.id));
  for (const theme of index.codebookNodes()) {
    if (theme.kind !== 'theme' || theme.id === node.parent || theme.id === node.id || index.ancestors(theme.id).includes(node.id)) continue;
    await action(`Move ${node.kind === 'code' ? `#${node.id}` : `"${node.label}"`} under ${themePath(project, theme.id)}`, CodeActionKind.RefactorMove, () => movePlan(source, node.id, theme.id));
  }
  return out;
}

/** Renaming #from to an existing #into: the merge, as the rename's edit (after the analyst agreed). */
export async function mergeAsRename(project: Project, from: string, into: string, token: CancellationToken): Promise<WorkspaceEdit> {
  return toWorkspaceEdit(project, planOrError(() => mergePlan(editSource(project, token), from, into)), token);
}
