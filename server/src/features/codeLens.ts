// Code lens in the codebook: "12 extracts · 5 cases" above every theme and code.

import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import type { Project } from '../workspace/project';
import { nodeCountsLine } from './codeAt';

/** The client command that lists a node's extracts (references of the id). */
export const SHOW_EXTRACTS_COMMAND = 'marginalia.showExtracts';

export function codeLenses(project: Project, path: string, token: CancellationToken): CodeLens[] | null {
  const index = project.index;
  if (path !== index.codebookPath) return null;
  const out: CodeLens[] = [];
  for (const node of index.codebookNodes()) {
    if (token.isCancellationRequested) return null;
    out.push({
      range: node.idRange,
      command: { title: nodeCountsLine(project, node.key), command: SHOW_EXTRACTS_COMMAND, arguments: [project.uri(path), node.idRange.start] },
    });
  }
  return out;
}
