// The one converter from the core's edit plans to LSP: offsets into the
// BOM-stripped text become positions in the document the editor holds (a
// leading BOM, when the editor's text has one, is counted back in).

import { LSPErrorCodes, ResponseError, type CancellationToken, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { EditCancelled, EditRefused, LineIndex, stripBom, type EditPlan, type EditSource } from '../../../core';
import type { Project } from '../workspace/project';

/** What the core's plans read: the live index and the editor's view of every file. */
export function editSource(project: Project, token?: CancellationToken): EditSource {
  return { index: project.index, text: (path) => project.text(path), cancelled: () => token?.isCancellationRequested ?? false };
}

export function toWorkspaceEdit(project: Project, plan: EditPlan): WorkspaceEdit {
  const byPath = new Map<string, TextEdit[]>();
  const paths = [...new Set(plan.edits.map((e) => e.path))];
  for (const path of paths) {
    const raw = plan.create?.includes(path) ? '' : (project.text(path) ?? '');
    const bom = raw.length - stripBom(raw).length;
    const lines = new LineIndex(raw);
    byPath.set(
      path,
      plan.edits.filter((e) => e.path === path).map((e) => ({ range: lines.range(bom + e.offset, bom + e.offset + e.length), newText: e.newText })),
    );
  }
  if (plan.create?.length) {
    return {
      documentChanges: [
        ...plan.create.map((path) => ({ kind: 'create' as const, uri: project.uri(path), options: { ignoreIfExists: true } })),
        ...paths.map((path) => ({ textDocument: { uri: project.uri(path), version: null }, edits: byPath.get(path)! })),
      ],
    };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const path of paths) changes[project.uri(path)] = byPath.get(path)!;
  return { changes };
}

/** Runs a plan: a refused edit becomes an LSP error with the core's sentence; a cancelled one, a cancellation. */
export function planOrError(compute: () => EditPlan): EditPlan {
  try {
    return compute();
  } catch (e) {
    if (e instanceof EditRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
    if (e instanceof EditCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    throw e;
  }
}
