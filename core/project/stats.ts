// The project's numbers in the shape of `marginalia stats --json` (DESIGN.md §7).
// The CLI prints it; the server's tree view is built from the same queries.

import { lineMapOf } from '../transcript/parseTranscript';
import type { Range } from '../types';
import type { ProjectIndex } from './projectIndex';

export interface CaseStats {
  case: string;
  file: string;
  attributes: Record<string, unknown>;
  segments: number;
}

export interface NodeStatsRow {
  id: string;
  kind: 'theme' | 'code';
  label: string;
  parent: string | null;
  defined: boolean;
  direct: number;
  total: number;
  cases: number;
  /** Only on a later node whose id is already used (an error): `id (2)`, how `parentKey` names it. */
  key?: string;
  /** Only when the parent is such a node: its `key` (`parent` alone would name the first node with that id). */
  parentKey?: string;
}

export interface SegmentRow {
  file: string;
  case: string;
  codes: string[];
  text: string;
  range: Range;
}

export interface ProjectStats {
  cases: CaseStats[];
  nodes: NodeStatsRow[];
  segments: SegmentRow[];
}

export function projectStats(index: ProjectIndex): ProjectStats {
  const cases: CaseStats[] = [];
  const segments: SegmentRow[] = [];
  for (const file of index.transcriptPaths()) {
    const t = index.transcript(file)!;
    cases.push({ case: t.caseId, file, attributes: t.attributes, segments: t.segments.length });
    const lines = lineMapOf(t);
    for (const s of t.segments) segments.push({ file, case: t.caseId, codes: s.codes, text: s.text, range: lines.range(s.start, s.end) });
  }
  const nodes: NodeStatsRow[] = [];
  // Every node, a duplicate id too (with its own children's counts: see CodeTree).
  for (const node of index.codebookNodes()) {
    const row: NodeStatsRow = { id: node.id, kind: node.kind, label: node.label, parent: node.parent ?? null, defined: true, ...index.counts(node.key) };
    if (node.key !== node.id) row.key = node.key;
    if (node.parentKey !== node.parent) row.parentKey = node.parentKey;
    nodes.push(row);
  }
  for (const id of index.uncategorisedCodes()) {
    nodes.push({ id, kind: 'code', label: '', parent: null, defined: false, ...index.counts(id) });
  }
  return { cases, nodes, segments };
}
