// Intercoder agreement statistics: percent agreement, Cohen's kappa and
// Krippendorff's alpha (nominal). Pure arithmetic on counts, so the same code
// serves character-level coding comparisons and the published worked examples.

/** Two coders' binary decisions over the same units, as a 2×2 table of counts. */
export interface BinaryTable {
  /** Units neither coder coded. */
  neither: number;
  /** Units only coder A coded. */
  onlyA: number;
  /** Units only coder B coded. */
  onlyB: number;
  /** Units both coders coded. */
  both: number;
}

export function percentAgreement(t: BinaryTable): number {
  const n = t.neither + t.onlyA + t.onlyB + t.both;
  return n === 0 ? NaN : (t.neither + t.both) / n;
}

/** Cohen's kappa for a 2×2 table (NaN when the expected agreement is 1: nothing to compare). */
export function cohensKappa(t: BinaryTable): number {
  return cohensKappaFromMatrix([
    [t.both, t.onlyA],
    [t.onlyB, t.neither],
  ]);
}

/** Cohen's kappa from a square confusion matrix: rows coder A's categories, columns coder B's. */
export function cohensKappaFromMatrix(m: number[][]): number {
  const k = m.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      n += m[i][j];
      rows[i] += m[i][j];
      cols[j] += m[i][j];
    }
    agree += m[i][i];
  }
  if (n === 0) return NaN;
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] / n) * (cols[i] / n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data. `units` lists, per unit, the value each
 * coder gave (null: missing). Units with fewer than two values are not pairable
 * and are left out, as Krippendorff prescribes.
 */
export function krippendorffAlphaNominal(units: Array<Array<string | number | null>>): number {
  const histogram = new Map<string, number>();
  for (const unit of units) {
    const counts = new Map<string, number>();
    for (const v of unit) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    const key = JSON.stringify([...counts.entries()].sort());
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
  }
  return alphaFromUnitPatterns([...histogram].map(([key, times]) => ({ counts: new Map<string, number>(JSON.parse(key)), times })));
}

/**
 * Alpha from unit *patterns*: how many units had each distribution of values.
 * Character-level coding has millions of units but only a handful of patterns.
 */
export function alphaFromUnitPatterns(patterns: Array<{ counts: Map<string, number>; times: number }>): number {
  // Coincidence matrix o[c][k] = Σ_units Σ_{c≠k pairs} / (m_u − 1).
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, v: number): void => {
    let row = o.get(c);
    if (!row) o.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + v);
  };
  for (const { counts, times } of patterns) {
    let m = 0;
    for (const n of counts.values()) m += n;
    if (m < 2) continue;
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs > 0) add(c, k, (times * pairs) / (m - 1));
      }
    }
  }
  const nc = new Map<string, number>();
  let n = 0;
  for (const [c, row] of o) {
    let sum = 0;
    for (const v of row.values()) sum += v;
    nc.set(c, sum);
    n += sum;
  }
  if (n <= 1) return NaN;
  let observed = 0;
  for (const [c, row] of o) for (const [k, v] of row) if (c !== k) observed += v;
  let expected = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expected += a * b;
  expected /= n - 1;
  return expected === 0 ? NaN : 1 - observed / expected;
}
