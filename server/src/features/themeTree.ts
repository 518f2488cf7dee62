// The theme tree for the client's view: the codebook hierarchy with counts,
// an *Uncategorised* group for codes not in the codebook, and the segments of
// one node on demand.

import type { CancellationToken } from 'vscode-languageserver';
import { lineMapOf, type CaseCondition } from '../../../core';
import { treeScope } from './report';
import type { Project } from '../workspace/project';
import { Chunks } from '../chunks';
import type { SegmentItem, ThemeTreeNode, ThemeTreeProject } from '../protocol';

export function themeTree(project: Project, token: CancellationToken, where: readonly CaseCondition[] = []): ThemeTreeProject | null {
  const index = project.index;
  const scope = treeScope(project, where);
  const codebookUri = project.uri(index.codebookPath);
  const build = (parent: string | undefined): ThemeTreeNode[] =>
    index.children(parent).map((node) => ({
      // The key: the id, or `id (2)` for a second node with an id already used (an error), which keeps its own children.
      id: node.key,
      kind: node.kind,
      label: node.label,
      definition: node.definition,
      defined: true,
      ...(scope?.counts.counts(node.key) ?? index.counts(node.key)),
      location: { uri: codebookUri, range: node.idRange },
      children: build(node.key),
    }));
  const nodes = build(undefined);
  if (token.isCancellationRequested) return null;
  const uncategorised = index.uncategorisedCodes();
  if (uncategorised.length > 0) {
    const children = uncategorised.map<ThemeTreeNode>((id) => ({ id, kind: 'code', label: '', definition: '', defined: false, ...(scope?.counts.counts(id) ?? index.counts(id)), children: [] }));
    nodes.push({
      id: '',
      kind: 'uncategorised',
      label: 'Uncategorised',
      definition: 'Codes used in transcripts but not yet in the codebook.',
      defined: false,
      ...(scope?.counts.distinct(uncategorised) ?? distinctCounts(project, uncategorised)),
      children,
    });
  }
  return {
    folder: project.uri(''),
    name: project.name,
    hasCodebook: index.hasCodebook,
    codebookUri,
    // Running totals of the index (or of the chosen cases): the tree request walks no transcripts.
    transcripts: scope?.counts.transcripts ?? index.transcriptCount,
    extracts: scope?.counts.extracts ?? index.extractCount,
    nodes,
    filter: scope?.description,
  };
}

export async function segmentsOfNode(project: Project, id: string, descendants: boolean, token: CancellationToken, where: readonly CaseCondition[] = []): Promise<SegmentItem[]> {
  const chunks = new Chunks(token, [project]);
  const out: SegmentItem[] = [];
  const paths = treeScope(project, where)?.paths;
  for (const ref of project.index.segmentsOf(id, descendants)) {
    if (paths && !paths.has(ref.path)) continue;
    await chunks.step();
    out.push({
      uri: project.uri(ref.path),
      file: ref.path,
      case: ref.caseId,
      codes: ref.segment.codes,
      text: ref.segment.text,
      range: lineMapOf(project.index.transcript(ref.path)!).range(ref.segment.start, ref.segment.end),
    });
  }
  return out;
}

/** Distinct segments and cases over several codes (a segment with two of them counts once). */
function distinctCounts(project: Project, ids: string[]): { direct: number; total: number; cases: number } {
  const segments = new Set<object>();
  const cases = new Set<string>();
  for (const id of ids) {
    for (const ref of project.index.segmentsOf(id, false)) {
      segments.add(ref.segment);
      cases.add(ref.caseId);
    }
  }
  return { direct: 0, total: segments.size, cases: cases.size };
}
