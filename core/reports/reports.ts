// The three reports of DESIGN.md §11, computed from the index's stored
// segments (nothing is re-parsed): the quote bank, the code-by-case matrix and
// code co-occurrence. Each costs time proportional to the selected transcripts'
// segments (co-occurrence: plus the overlapping pairs it counts).

import type { ProjectIndex } from '../project/projectIndex';
import { projectStats, type ProjectStats } from '../project/stats';
import type { NodeCounts } from '../project/counts';
import { lineMapOf, type Segment } from '../transcript/parseTranscript';
import type { Range } from '../types';
import { naturalCompare, type CaseCondition, type CaseSelection } from './cases';

/** What every report says about its scope. */
export interface ReportScope {
  /** The conditions that chose the cases (empty: every case). */
  where: CaseCondition[];
  /** The cases covered, in natural order (P2 before P10). */
  cases: string[];
  transcripts: number;
  extracts: number;
}

/** A node of the code tree as reports list it: codebook order, then uncategorised codes. */
export interface ReportNode {
  id: string;
  kind: 'theme' | 'code';
  label: string;
  /** 0 for top-level nodes (uncategorised codes are top level). */
  depth: number;
  parent: string | null;
  /** False for a code used in transcripts but not in the codebook. */
  defined: boolean;
}

export interface Quote {
  text: string;
  case: string;
  file: string;
  /** The extract (LSP positions, 0-based). */
  range: Range;
}

export interface QuoteBankNode extends ReportNode {
  /** Extracts coded with this node itself (its descendants' are under them). */
  quotes: Quote[];
}

export interface QuoteBank extends ReportScope {
  /** Nodes with at least one extract in their subtree, in codebook order; uncategorised codes last. */
  nodes: QuoteBankNode[];
}

export interface MatrixRow extends ReportNode {
  /** Case → the node's `total` extracts in that case (DESIGN.md §4); every case of the scope, zeros included. */
  counts: Record<string, number>;
  /** Over all the scope's cases. */
  total: number;
}

export interface CaseMatrix extends ReportScope {
  rows: MatrixRow[];
}

export interface CooccurrencePair {
  a: string;
  b: string;
  count: number;
  /** With `{ examples: n }`: where (up to n of) the pairs overlap — the shared characters. */
  examples?: Array<{ case: string; file: string; range: Range }>;
}

export interface Cooccurrence extends ReportScope {
  /** Codes that occur in the scope, sorted by id (the heatmap's axes). */
  codes: string[];
  /** Pairs with a count above zero, by a then b. */
  pairs: CooccurrencePair[];
}

/** Segments of one transcript in a report's scope. */
interface ScopedTranscript {
  path: string;
  caseId: string;
  segments: readonly Segment[];
  lineStarts: readonly number[];
}

function scoped(index: ProjectIndex, selection: CaseSelection): ScopedTranscript[] {
  return selection.paths.flatMap((path) => {
    const t = index.transcript(path);
    return t ? [{ path, caseId: t.caseId, segments: t.segments, lineStarts: t.lineStarts }] : [];
  });
}

function scopeOf(transcripts: readonly ScopedTranscript[], selection: CaseSelection): ReportScope {
  const cases = [...new Set(transcripts.map((t) => t.caseId))].sort(naturalCompare);
  const extracts = transcripts.reduce((n, t) => n + t.segments.length, 0);
  return { where: selection.where, cases, transcripts: transcripts.length, extracts };
}

/** Every node in tree order (depth first, codebook order), then the uncategorised codes. */
export function reportNodes(index: ProjectIndex): ReportNode[] {
  const out: ReportNode[] = [];
  const walk = (parent: string | undefined, depth: number): void => {
    for (const node of index.children(parent)) {
      // A duplicate id (an error) keeps its own row under its key, `id (2)`, as in the Themes tree.
      out.push({ id: node.key, kind: node.kind, label: node.label, depth, parent: node.parentKey ?? null, defined: true });
      walk(node.key, depth + 1);
    }
  };
  walk(undefined, 0);
  for (const id of index.uncategorisedCodes()) out.push({ id, kind: 'code', label: '', depth: 0, parent: null, defined: false });
  return out;
}

/** Ids a segment counts for in `total`: its codes and all their ancestors, each once. */
function closure(index: ProjectIndex, segment: Segment): Set<string> {
  const ids = new Set<string>();
  for (const code of segment.codes) for (const id of index.ancestors(code)) ids.add(id);
  return ids;
}

/** The quote bank: each node with the extracts coded with it, in codebook order. */
export function quoteBank(index: ProjectIndex, selection: CaseSelection): QuoteBank {
  const transcripts = scoped(index, selection);
  const direct = new Map<string, Array<{ quote: Quote; order: [string, string, number] }>>();
  const inSubtree = new Set<string>();
  for (const t of transcripts) {
    const lines = lineMapOf(t);
    for (const segment of t.segments) {
      const quote: Quote = { text: segment.text, case: t.caseId, file: t.path, range: lines.range(segment.start, segment.end) };
      for (const code of segment.codes) {
        let list = direct.get(code);
        if (!list) direct.set(code, (list = []));
        list.push({ quote, order: [t.caseId, t.path, segment.start] });
      }
      for (const id of closure(index, segment)) inSubtree.add(id);
    }
  }
  const nodes: QuoteBankNode[] = [];
  for (const node of reportNodes(index)) {
    if (!inSubtree.has(node.id)) continue;
    const list = direct.get(node.id) ?? [];
    list.sort((x, y) => naturalCompare(x.order[0], y.order[0]) || naturalCompare(x.order[1], y.order[1]) || x.order[2] - y.order[2]);
    nodes.push({ ...node, quotes: list.map((x) => x.quote) });
  }
  return { ...scopeOf(transcripts, selection), nodes };
}

/** The code-by-case matrix: per node and case, the distinct extracts tagged with the node or a descendant. */
export function caseMatrix(index: ProjectIndex, selection: CaseSelection): CaseMatrix {
  const transcripts = scoped(index, selection);
  const scope = scopeOf(transcripts, selection);
  const cells = new Map<string, Map<string, number>>();
  for (const t of transcripts) {
    for (const segment of t.segments) {
      for (const id of closure(index, segment)) {
        let row = cells.get(id);
        if (!row) cells.set(id, (row = new Map()));
        row.set(t.caseId, (row.get(t.caseId) ?? 0) + 1);
      }
    }
  }
  const rows = reportNodes(index).map<MatrixRow>((node) => {
    const row = cells.get(node.id);
    const counts: Record<string, number> = {};
    let total = 0;
    for (const c of scope.cases) {
      const n = row?.get(c) ?? 0;
      counts[c] = n;
      total += n;
    }
    return { ...node, counts, total };
  });
  return { ...scope, rows };
}

/**
 * Co-occurrence: for codes a < b, the ordered pairs of segments (s coded a,
 * t coded b, one transcript) whose extracts share at least one character; one
 * segment carrying both counts once. Codes as written, no roll-up. A sweep over
 * each transcript's segments sorted by start meets exactly the overlapping pairs.
 */
export function cooccurrence(index: ProjectIndex, selection: CaseSelection, options: { examples?: number } = {}): Cooccurrence {
  const transcripts = scoped(index, selection);
  const counts = new Map<string, number>();
  const examples = new Map<string, NonNullable<CooccurrencePair['examples']>>();
  const codes = new Set<string>();
  let where: (() => { case: string; file: string; range: Range }) | undefined;
  const bump = (x: string, y: string): void => {
    if (x === y) return;
    const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!options.examples || !where) return;
    let list = examples.get(key);
    if (!list) examples.set(key, (list = []));
    if (list.length < options.examples) list.push(where());
  };
  for (const t of transcripts) {
    const lines = lineMapOf(t);
    const sorted = t.segments.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
    let active: Segment[] = [];
    for (const s of sorted) {
      for (const code of s.codes) codes.add(code);
      // One segment with both codes: the pair (s, s).
      where = () => ({ case: t.caseId, file: t.path, range: lines.range(s.start, s.end) });
      for (let i = 0; i < s.codes.length; i++) for (let j = i + 1; j < s.codes.length; j++) bump(s.codes[i], s.codes[j]);
      // Earlier segments still open at s.start share s's first character.
      active = active.filter((o) => o.end > s.start);
      for (const o of active) {
        where = () => ({ case: t.caseId, file: t.path, range: lines.range(s.start, Math.min(o.end, s.end)) });
        for (const x of o.codes) for (const y of s.codes) bump(x, y);
      }
      active.push(s);
    }
  }
  const pairs = [...counts.entries()]
    .map(([key, count]) => {
      const [a, b] = key.split('\u0000');
      const list = examples.get(key);
      return list ? { a, b, count, examples: list } : { a, b, count };
    })
    .sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
  return { ...scopeOf(transcripts, selection), codes: [...codes].sort(), pairs };
}

/** §4 counts over the selected cases only (`stats --where`, the filtered Themes tree). */
export interface ScopedCounts {
  counts(id: string): NodeCounts;
  /** Distinct extracts and cases coded with any of these ids (the *Uncategorised* group). */
  distinct(ids: readonly string[]): NodeCounts;
  transcripts: number;
  extracts: number;
}

export function scopedCounts(index: ProjectIndex, selection: CaseSelection): ScopedCounts {
  const transcripts = scoped(index, selection);
  const table = new Map<string, { direct: number; total: number; cases: Set<string> }>();
  for (const t of transcripts) {
    for (const segment of t.segments) {
      const direct = new Set(segment.codes);
      for (const id of closure(index, segment)) {
        let c = table.get(id);
        if (!c) table.set(id, (c = { direct: 0, total: 0, cases: new Set() }));
        if (direct.has(id)) c.direct++;
        c.total++;
        c.cases.add(t.caseId);
      }
    }
  }
  return {
    counts(id) {
      const c = table.get(id);
      return { direct: c?.direct ?? 0, total: c?.total ?? 0, cases: c?.cases.size ?? 0 };
    },
    distinct(ids) {
      const wanted = new Set(ids);
      let total = 0;
      const cases = new Set<string>();
      for (const t of transcripts) {
        for (const segment of t.segments) {
          if (!segment.codes.some((c) => wanted.has(c))) continue;
          total++;
          cases.add(t.caseId);
        }
      }
      return { direct: 0, total, cases: cases.size };
    },
    transcripts: transcripts.length,
    extracts: transcripts.reduce((n, t) => n + t.segments.length, 0),
  };
}

/**
 * `marginalia stats --where …`: the stats of the selected cases only — their
 * transcripts and extracts, and every node's counts (§4) over them.
 */
export function scopedStats(index: ProjectIndex, selection: CaseSelection): ProjectStats {
  const full = projectStats(index);
  const paths = new Set(selection.paths);
  const counts = scopedCounts(index, selection);
  return {
    cases: full.cases.filter((c) => paths.has(c.file)),
    nodes: full.nodes.map((n) => ({ ...n, ...counts.counts(n.id) })),
    segments: full.segments.filter((s) => paths.has(s.file)),
  };
}
