// What a change did to the analysis: extracts added, removed and recoded (per
// case), count changes per node, and codebook changes. Extracts are matched by
// case and normalised text, never by line, so reflowed transcripts are not
// reported as recoding.

import type { ProjectIndex } from '../project/projectIndex';
import type { NodeCounts } from '../project/projectIndex';
import type { CodebookNode } from '../codebook/parseCodebook';

export interface DiffSegment {
  case: string;
  file: string;
  text: string;
  codes: string[];
}

export interface RecodedSegment {
  case: string;
  file: string;
  text: string;
  before: string[];
  after: string[];
}

export interface NodeChange {
  id: string;
  label: string;
  before: NodeCounts;
  after: NodeCounts;
}

export interface CodebookChanges {
  added: Array<{ id: string; kind: string; label: string; parent: string | null }>;
  removed: Array<{ id: string; kind: string; label: string; parent: string | null }>;
  renamed: Array<{ from: string; to: string; label: string }>;
  moved: Array<{ id: string; from: string | null; to: string | null }>;
  relabelled: Array<{ id: string; before: string; after: string }>;
}

export interface CodingDiff {
  added: DiffSegment[];
  removed: DiffSegment[];
  recoded: RecodedSegment[];
  nodes: NodeChange[];
  codebook: CodebookChanges;
}

/** A segment with `coding`: its codes under their current names (renames applied), for matching. */
type Keyed = DiffSegment & { coding: string };

function segmentsByKey(index: ProjectIndex, rename: (codes: string[]) => string[]): Map<string, Keyed[]> {
  const out = new Map<string, Keyed[]>();
  for (const file of index.transcriptPaths()) {
    const t = index.transcript(file)!;
    for (const s of t.segments) {
      const key = `${t.caseId}\u0000${s.text}`;
      const list = out.get(key) ?? [];
      const codes = [...s.codes].sort();
      list.push({ case: t.caseId, file, text: s.text, codes, coding: rename(codes).join(' ') });
      out.set(key, list);
    }
  }
  return out;
}

const plain = ({ coding: _, ...s }: Keyed): DiffSegment => s;

export function codingDiff(before: ProjectIndex, after: ProjectIndex): CodingDiff {
  const codebook = codebookChanges(before, after);
  // A code renamed in the codebook is the same code: extracts that only carry its new
  // name are not recoded, and its counts are compared under the new name.
  const renamed = new Map(codebook.renamed.map((r) => [r.from, r.to]));
  const rename = (codes: string[]): string[] => [...new Set(codes.map((c) => renamed.get(c) ?? c))].sort();
  const a = segmentsByKey(before, rename);
  const b = segmentsByKey(after, rename);
  const added: DiffSegment[] = [];
  const removed: DiffSegment[] = [];
  const recoded: RecodedSegment[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = [...(a.get(key) ?? [])];
    const right = [...(b.get(key) ?? [])];
    // Identical codings first; what is left pairs up as recoded, the rest is added or removed.
    for (let i = left.length - 1; i >= 0; i--) {
      const j = right.findIndex((r) => r.coding === left[i].coding);
      if (j >= 0) {
        left.splice(i, 1);
        right.splice(j, 1);
      }
    }
    while (left.length > 0 && right.length > 0) {
      const l = left.shift()!;
      const r = right.shift()!;
      recoded.push({ case: r.case, file: r.file, text: r.text, before: l.codes, after: r.codes });
    }
    removed.push(...left.map(plain));
    added.push(...right.map(plain));
  }
  const order = (x: { case: string; text: string }, y: { case: string; text: string }): number => (x.case === y.case ? (x.text < y.text ? -1 : 1) : x.case < y.case ? -1 : 1);
  added.sort(order);
  removed.sort(order);
  recoded.sort(order);

  const ids = new Set<string>();
  for (const index of [before, after]) {
    for (const n of index.codebookNodes()) ids.add(n.id);
    for (const c of index.usedCodes()) ids.add(c);
  }
  const formerName = new Map(codebook.renamed.map((r) => [r.to, r.from]));
  const nodes: NodeChange[] = [];
  for (const id of ids) {
    // A renamed node is compared with itself under its old name; the old name is gone, not changed.
    if (renamed.has(id) && after.counts(id).total === 0 && !after.node(id)) continue;
    const x = before.counts(formerName.get(id) ?? id);
    const y = after.counts(id);
    if (x.direct === y.direct && x.total === y.total && x.cases === y.cases) continue;
    nodes.push({ id, label: after.node(id)?.label ?? before.node(id)?.label ?? '', before: x, after: y });
  }
  const position = new Map<string, number>();
  [...after.codebookNodes(), ...before.codebookNodes()].forEach((n, i) => position.has(n.id) || position.set(n.id, i));
  nodes.sort((p, q) => (position.get(p.id) ?? Infinity) - (position.get(q.id) ?? Infinity) || (p.id < q.id ? -1 : 1));

  return { added, removed, recoded, nodes, codebook };
}

function codebookChanges(before: ProjectIndex, after: ProjectIndex): CodebookChanges {
  const first = (index: ProjectIndex): Map<string, CodebookNode> => {
    const m = new Map<string, CodebookNode>();
    for (const n of index.codebookNodes()) if (!m.has(n.id)) m.set(n.id, n);
    return m;
  };
  const a = first(before);
  const b = first(after);
  const row = (n: CodebookNode) => ({ id: n.id, kind: n.kind, label: n.label, parent: n.parent ?? null });
  const removedNodes = [...a.values()].filter((n) => !b.has(n.id));
  const addedNodes = [...b.values()].filter((n) => !a.has(n.id));
  const renamed: CodebookChanges['renamed'] = [];
  // A node that disappeared and one that appeared with the same label and definition were renamed.
  for (const old of [...removedNodes]) {
    const i = addedNodes.findIndex((n) => n.kind === old.kind && n.label !== '' && n.label === old.label && n.definition === old.definition);
    if (i < 0) continue;
    renamed.push({ from: old.id, to: addedNodes[i].id, label: old.label });
    removedNodes.splice(removedNodes.indexOf(old), 1);
    addedNodes.splice(i, 1);
  }
  const moved: CodebookChanges['moved'] = [];
  const relabelled: CodebookChanges['relabelled'] = [];
  for (const [id, n] of b) {
    const o = a.get(id);
    if (!o) continue;
    if ((o.parent ?? null) !== (n.parent ?? null)) moved.push({ id, from: o.parent ?? null, to: n.parent ?? null });
    if (o.label !== n.label) relabelled.push({ id, before: o.label, after: n.label });
  }
  return { added: addedNodes.map(row), removed: removedNodes.map(row), renamed, moved, relabelled };
}
