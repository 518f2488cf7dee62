// The counts of DESIGN.md §4, kept as running totals. Each transcript
// contributes per node a `direct` and a `total`; the index adds or subtracts a
// file's contribution when that file changes, so no update walks the project.

import type { ParsedTranscript } from '../transcript/parseTranscript';
import type { CodeTree } from './codeTree';

export interface NodeCounts {
  /** Segments tagged with this id. */
  direct: number;
  /** Distinct segments tagged with this id or any descendant. */
  total: number;
  /** Distinct cases among those segments. */
  cases: number;
}

/** One transcript's share of the counts: node id → its direct and total there. */
export type Contribution = Map<string, { direct: number; total: number }>;

export function contributionOf(parsed: ParsedTranscript, tree: CodeTree): Contribution {
  const contribution: Contribution = new Map();
  const bump = (id: string, field: 'direct' | 'total'): void => {
    let c = contribution.get(id);
    if (!c) contribution.set(id, (c = { direct: 0, total: 0 }));
    c[field]++;
  };
  for (const segment of parsed.segments) {
    const closure = new Set<string>();
    for (const code of segment.codes) {
      bump(code, 'direct');
      for (const a of tree.ancestors(code)) closure.add(a);
    }
    for (const id of closure) bump(id, 'total');
  }
  return contribution;
}

interface NodeTotals {
  direct: number;
  total: number;
  /** case id → number of transcripts of that case contributing segments. */
  caseFiles: Map<string, number>;
}

export class CountTable {
  private readonly byId = new Map<string, NodeTotals>();

  /**
   * Adds (sign +1) or removes (-1) one transcript's contribution. Returns
   * whether some node's total crossed zero (its "unused" diagnostic changes).
   */
  apply(caseId: string, contribution: Contribution, sign: 1 | -1): string[] {
    const crossed: string[] = [];
    for (const [id, c] of contribution) {
      let s = this.byId.get(id);
      if (!s) this.byId.set(id, (s = { direct: 0, total: 0, caseFiles: new Map() }));
      const before = s.total;
      s.direct += sign * c.direct;
      s.total += sign * c.total;
      if (c.total > 0) {
        const files = (s.caseFiles.get(caseId) ?? 0) + sign;
        if (files > 0) s.caseFiles.set(caseId, files);
        else s.caseFiles.delete(caseId);
      }
      if ((before === 0) !== (s.total === 0)) crossed.push(id);
      if (s.direct === 0 && s.total === 0) this.byId.delete(id);
    }
    return crossed;
  }

  clear(): void {
    this.byId.clear();
  }

  get(id: string): NodeCounts {
    const s = this.byId.get(id);
    return s ? { direct: s.direct, total: s.total, cases: s.caseFiles.size } : { direct: 0, total: 0, cases: 0 };
  }

  /** A canonical description (paranoid comparisons). */
  snapshot(): unknown {
    return [...this.byId.entries()]
      .map(([id, s]) => [id, s.direct, s.total, [...s.caseFiles.entries()].sort()] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}
