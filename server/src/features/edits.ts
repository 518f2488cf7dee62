// The one converter from the core's edit plans to LSP: offsets into the
// BOM-stripped text become positions in the document the editor holds (a
// leading BOM, when the editor's text has one, is counted back in).

import { CancellationToken, LSPErrorCodes, ResponseError, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { EditCancelled, EditRefused, LineIndex, lineMapOf, stripBom, type EditPlan, type EditSource } from '../../../core';
import { Chunks } from '../chunks';
import type { Project } from '../workspace/project';

/** What the core's plans read: the live index and the editor's view of every file. */
export function editSource(project: Project, token?: CancellationToken): EditSource {
  return { index: project.index, text: (path) => project.text(path), cancelled: () => token?.isCancellationRequested ?? false };
}

/**
 * The plan as an LSP edit. Positions are counted in the text the editor holds:
 * an open document's own text (a leading BOM counted back in), else the file
 * as the editor will read it (BOM dropped), whose line starts the index keeps.
 */
export async function toWorkspaceEdit(project: Project, plan: EditPlan, token: CancellationToken = CancellationToken.None): Promise<WorkspaceEdit> {
  const chunks = new Chunks(token, [project], 50);
  const byPath = new Map<string, TextEdit[]>();
  const paths = [...new Set(plan.edits.map((e) => e.path))];
  for (const path of paths) {
    await chunks.step();
    const range = rangesOf(project, path, plan.create?.includes(path) ?? false);
    byPath.set(path, plan.edits.filter((e) => e.path === path).map((e) => ({ range: range(e.offset, e.offset + e.length), newText: e.newText })));
  }
  chunks.check();
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

/** Offsets (BOM-stripped) → LSP range in the document the editor will edit. */
function rangesOf(project: Project, path: string, created: boolean): (start: number, end: number) => Range {
  const transcript = project.isOpen(path) || created ? undefined : project.index.transcript(path);
  if (transcript) {
    const lines = lineMapOf(transcript);
    return (start, end) => lines.range(start, end);
  }
  const raw = created ? '' : (project.text(path) ?? '');
  const bom = raw.length - stripBom(raw).length;
  const lines = new LineIndex(raw);
  return (start, end) => lines.range(bom + start, bom + end);
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
