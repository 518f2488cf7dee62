// Rename a code or theme id in the codebook and in every transcript at once.
// Edits touch exactly the names, never a byte around them. A theme whose id is
// the slug of its heading keeps its heading text and gains an explicit {#id}.

import { ResponseError, LSPErrorCodes, type CancellationToken, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isValidCodeName, lineMapOf, normalizeCodeName } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt, nameRange } from './codeAt';

export function prepareRename(project: Project, path: string, position: Position): { range: Range; placeholder: string } | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  // A slug id has no `#` in the text: the whole heading text stands for it.
  const slug = at.node !== undefined && !at.node.explicitId;
  return { range: nameRange(at.range, !slug), placeholder: at.id };
}

export function rename(project: Project, path: string, position: Position, newNameInput: string, token: CancellationToken): WorkspaceEdit | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  const index = project.index;
  const newName = normalizeCodeName(newNameInput.trim().replace(/^#/, ''));
  if (!isValidCodeName(newName)) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `"${newNameInput}" cannot be a code name: start with a letter or digit, then use letters, digits, - _ . or /.`);
  }
  if (newName === at.id) return { changes: {} };
  if (index.node(newName) || index.useCount(newName) > 0) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `#${newName} already exists: to merge two codes, recode their extracts instead of renaming.`);
  }
  const changes: Record<string, TextEdit[]> = {};
  const add = (file: string, range: Range): void => {
    (changes[project.uri(file)] ??= []).push({ range: nameRange(range, true), newText: newName });
  };
  // Every declaration with this id (duplicates too), so the codebook stays consistent.
  for (const node of index.codebookNodes()) {
    if (node.id !== at.id) continue;
    if (node.explicitId) add(index.codebookPath, node.idRange);
    else (changes[project.uri(index.codebookPath)] ??= []).push({ range: { start: node.idRange.end, end: node.idRange.end }, newText: ` {#${newName}}` });
  }
  for (const ref of index.tokensOf(at.id)) {
    if (token.isCancellationRequested) return null;
    add(ref.path, lineMapOf(index.transcript(ref.path)!).range(ref.token.start, ref.token.end));
  }
  return { changes };
}
