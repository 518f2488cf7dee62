// What code or theme is under the cursor: a `#name` in a transcript, or an
// entry in the codebook. Every navigation feature starts here.

import { countsLine, lineMapOf, rangeContains, type CodebookNode, type Position, type Range } from '../../../core';
import type { Project } from '../workspace/project';

export interface CodeAt {
  /** The code or theme id. */
  id: string;
  /** Where the name is written at the cursor (covers `#name`, or the heading text for a slug id). */
  range: Range;
  /** The codebook entry, when the id is defined. */
  node: CodebookNode | undefined;
  where: 'transcript' | 'codebook';
}

export function codeAt(project: Project, path: string, position: Position): CodeAt | undefined {
  const index = project.index;
  if (path === index.codebookPath) {
    for (const node of index.codebookNodes()) {
      const hit = rangeContains(node.idRange, position) || (node.kind === 'theme' && rangeContains(node.range, position));
      if (hit) return { id: node.id, range: node.idRange, node: index.node(node.id), where: 'codebook' };
    }
    return undefined;
  }
  const transcript = index.transcript(path);
  if (!transcript) return undefined;
  const lines = lineMapOf(transcript);
  for (const token of transcript.tokens) {
    const range = lines.range(token.start, token.end);
    if (rangeContains(range, position)) return { id: token.name, range, node: index.node(token.name), where: 'transcript' };
  }
  return undefined;
}

/** "Theme › Subtheme › #code" */
export function themePath(project: Project, id: string): string {
  const index = project.index;
  return [...index.ancestors(id)]
    .reverse()
    .map((a) => {
      const node = index.node(a);
      return node?.kind === 'theme' ? node.label : `#${a}`;
    })
    .join(' › ');
}

/** "12 extracts · 5 cases" for a node. */
export function nodeCountsLine(project: Project, id: string): string {
  return countsLine(project.index.counts(id));
}

/** The range of the name without its `#` (what rename replaces). */
export function nameRange(range: Range, hasHash: boolean): Range {
  return hasHash ? { start: { line: range.start.line, character: range.start.character + 1 }, end: range.end } : range;
}
