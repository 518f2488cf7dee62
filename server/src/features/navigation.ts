// Go to definition (a use → its codebook entry) and find all references
// (code retrieval: every extract coded with the code, across all transcripts).

import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import { lineMapOf } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt } from './codeAt';

export function definition(project: Project, path: string, position: Position, token: CancellationToken): Location | null {
  const at = codeAt(project, path, position);
  if (!at?.node || token.isCancellationRequested) return null;
  return { uri: project.uri(project.index.codebookPath), range: at.node.idRange };
}

export function references(project: Project, path: string, position: Position, includeDeclaration: boolean, token: CancellationToken): Location[] | null {
  const at = codeAt(project, path, position);
  if (!at) return null;
  const out: Location[] = [];
  if (includeDeclaration && at.node) out.push({ uri: project.uri(project.index.codebookPath), range: at.node.idRange });
  for (const ref of project.index.tokensOf(at.id)) {
    if (token.isCancellationRequested) return null;
    const transcript = project.index.transcript(ref.path)!;
    // The extract itself is the useful location for retrieval; a coding in error has only its token.
    const at = ref.token.segment >= 0 ? transcript.segments[ref.token.segment] : ref.token;
    out.push({ uri: project.uri(ref.path), range: lineMapOf(transcript).range(at.start, at.end) });
  }
  return out;
}
