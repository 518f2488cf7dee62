// Go to definition (a use → its codebook entry) and find all references
// (code retrieval: every extract coded with the code or theme, or with anything
// under it, across all transcripts — the extracts its counts count).

import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import { lineMapOf } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt } from './codeAt';
import { Chunks } from '../chunks';

export function definition(project: Project, path: string, position: Position, token: CancellationToken): Location | null {
  const at = codeAt(project, path, position);
  if (!at?.node || token.isCancellationRequested) return null;
  return { uri: project.uri(project.index.codebookPath), range: at.node.idRange };
}

export async function references(project: Project, path: string, position: Position, includeDeclaration: boolean, token: CancellationToken): Promise<Location[] | null> {
  const at = codeAt(project, path, position);
  if (!at) return null;
  const index = project.index;
  const out: Location[] = [];
  if (includeDeclaration && at.node) out.push({ uri: project.uri(index.codebookPath), range: at.node.idRange });
  // The extracts the hover counts (`total`): coded with the id or with anything under it.
  const found: Array<{ path: string; start: number; end: number }> = index.segmentsOf(at.id, true).map((ref) => ({ path: ref.path, start: ref.segment.start, end: ref.segment.end }));
  const chunks = new Chunks(token, [project]);
  // A coding in error has no extract, only its token.
  for (const ref of index.tokensOf(at.id)) if (ref.token.segment < 0) found.push({ path: ref.path, start: ref.token.start, end: ref.token.end });
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  for (const f of found) {
    await chunks.step();
    out.push({ uri: project.uri(f.path), range: lineMapOf(index.transcript(f.path)!).range(f.start, f.end) });
  }
  return out;
}
