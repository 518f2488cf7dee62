// Rename a code or theme id in the codebook and in every transcript at once,
// computed by the core's edit plan (core/edit/rename.ts).

import type { CancellationToken, Position, Range, WorkspaceEdit } from 'vscode-languageserver';
import { idExists, normaliseNewName, renamePlan } from '../../../core';
import { mergeAsRename } from './refactor';
import type { Project } from '../workspace/project';
import { codeAt, nameRange } from './codeAt';
import { editSource, planOrError, toWorkspaceEdit } from './edits';

export function prepareRename(project: Project, path: string, position: Position): { range: Range; placeholder: string } | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  // A slug id has no `#` in the text: the whole heading text stands for it.
  const slug = at.node !== undefined && !at.node.explicitId;
  return { range: nameRange(at.range, !slug), placeholder: at.id };
}

/**
 * The rename's edit. Renaming a code to a name that exists offers the merge:
 * `askMerge` asks the analyst (window/showMessageRequest) and, when they
 * agree, the merge is the rename's edit.
 */
export async function rename(
  project: Project,
  path: string,
  position: Position,
  newName: string,
  token: CancellationToken,
  askMerge?: (from: string, into: string) => Promise<boolean>,
): Promise<WorkspaceEdit | null> {
  const at = codeAt(project, path, position);
  if (!at) return null;
  const into = normaliseNewName(newName);
  if (askMerge && into !== at.id && at.node?.kind !== 'theme' && idExists(editSource(project), into) && (await askMerge(at.id, into))) {
    return mergeAsRename(project, at.id, into, token);
  }
  const plan = planOrError(() => renamePlan(editSource(project, token), at.id, newName));
  return plan.edits.length === 0 ? { changes: {} } : toWorkspaceEdit(project, plan, token);
}
