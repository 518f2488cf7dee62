// Rename a code or theme id in the codebook and in every transcript at once.
// Edits touch exactly the names, never a byte around them.

import { ResponseError, LSPErrorCodes, type CancellationToken, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isValidCodeName } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt, nameRange } from './codeAt';

export function prepareRename(project: Project, path: string, position: Position): { range: Range; placeholder: string } | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  if (at.node && !at.node.explicitId) throw slugIdError(at.node.label);
  return { range: nameRange(at.range, true), placeholder: at.id };
}

export function rename(project: Project, path: string, position: Position, newNameInput: string, token: CancellationToken): WorkspaceEdit | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  const index = project.index;
  const newName = newNameInput.trim().replace(/^#/, '');
  if (!isValidCodeName(newName)) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `"${newNameInput}" cannot be a code name: start with a letter or digit, then use letters, digits, - _ . or /.`);
  }
  if (newName === at.id) return { changes: {} };
  if (index.node(newName) || index.useCount(newName) > 0) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `#${newName} already exists: to merge two codes, recode their extracts instead of renaming.`);
  }
  if (at.node && !at.node.explicitId) throw slugIdError(at.node.label);
  const changes: Record<string, TextEdit[]> = {};
  const add = (file: string, range: Range): void => {
    (changes[project.uri(file)] ??= []).push({ range: nameRange(range, true), newText: newName });
  };
  // Every declaration with this id (duplicates too), so the codebook stays consistent.
  for (const node of index.codebookNodes()) if (node.id === at.id) add(index.codebookPath, node.idRange);
  for (const ref of index.tokensOf(at.id)) {
    if (token.isCancellationRequested) return null;
    add(ref.path, ref.token.range);
  }
  return { changes };
}

function slugIdError(label: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, `The theme "${label}" takes its id from its heading text: give the heading an id such as {#my-theme} first, then rename it.`);
}
