// Intercoder agreement between coders who coded the same transcripts on
// different branches: per code and overall, on characters of the transcript
// text as a reader sees it (coding markup and front matter removed), as NVivo
// and QualCoder compute it. Whitespace runs and line endings count as one space,
// as `diff` compares extracts: re-wrapping a line, converting to CRLF or the
// space left before a paragraph code never makes two versions incomparable.
//
// Each coder's coding of one code is a list of intervals, so the counts come
// from a sweep over interval edges: linear in segments, not in characters.

import { OffsetMap, plainTranscript } from '../transcript/plainText';
import { alphaFromUnitPatterns, cohensKappa, percentAgreement, type BinaryTable } from './agreement';

export interface CoderFiles {
  name: string;
  /** Transcript path → text (only transcripts). */
  transcripts: Map<string, string>;
  /** Ids defined in this coder's codebook (to tell a code nobody applied from an unknown one). */
  codebook?: Iterable<string>;
}

export interface CodeAgreement {
  code: string;
  /** Characters coded by each coder. */
  coded: number[];
  /** Two coders only. */
  percent?: number;
  kappa?: number;
  alpha: number;
}

export interface AgreementReport {
  coders: string[];
  compared: string[];
  /** Transcripts left out, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
  /** Characters compared (whitespace runs counted once). */
  units: number;
  codes: CodeAgreement[];
  /** Codes asked for (`codes` option) that no coder applied in the compared transcripts: not in `codes` nor `overall`. */
  notApplied: string[];
  overall: Omit<CodeAgreement, 'code'>;
  /** Options naming a code or case the project does not have: a usage error for the caller. */
  unknown: { codes: string[]; cases: string[] };
}

export interface AgreementOptions {
  codes?: string[];
  cases?: string[];
}

/** One coder's version of one transcript: normalised text and, per code, sorted disjoint intervals in it. */
interface Version {
  caseId: string;
  text: string;
  byCode: Map<string, Array<[number, number]>>;
}

function readVersion(source: string, file: string): Version {
  const plain = plainTranscript(source, file, { removeFrontMatter: true });
  // Every whitespace run becomes its first character (then a space); runs at either end go.
  const regions: Array<[number, number]> = [];
  const t = plain.text;
  for (const m of t.matchAll(/\s+/g)) {
    const a = m.index;
    const b = a + m[0].length;
    regions.push(a === 0 || b === t.length ? [a, b] : [a + 1, b]);
  }
  const map = new OffsetMap(t, regions);
  const byCode = new Map<string, Array<[number, number]>>();
  for (const s of plain.segments) {
    const start = map.toPlain(s.start);
    const end = map.toPlain(s.end);
    if (end <= start) continue;
    for (const code of s.codes) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push([start, end]);
    }
  }
  for (const [code, list] of byCode) byCode.set(code, merge(list));
  return { caseId: plain.caseId, text: map.text.replace(/\s/g, ' '), byCode };
}

function merge(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of list) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function agreement(coders: CoderFiles[], options: AgreementOptions = {}): AgreementReport {
  const skipped: AgreementReport['skipped'] = [];
  const files = [...coders[0].transcripts.keys()].filter((f) => coders.every((c) => c.transcripts.has(f))).sort();
  const known = { codes: new Set<string>(), cases: new Set<string>() };
  for (const c of coders) for (const id of c.codebook ?? []) known.codes.add(id);
  const versionsOf = new Map<string, Version[]>();
  const missing: string[] = [];
  for (const c of coders) {
    for (const [f, source] of c.transcripts) {
      // Read every version once, also of transcripts not compared, to know every case and code.
      if (files.includes(f)) continue;
      const v = readVersion(source, f);
      known.cases.add(v.caseId);
      for (const code of v.byCode.keys()) known.codes.add(code);
      if (!missing.includes(f)) missing.push(f);
    }
  }
  for (const file of files) {
    const versions = coders.map((c) => readVersion(c.transcripts.get(file)!, file));
    versionsOf.set(file, versions);
    for (const v of versions) {
      known.cases.add(v.caseId);
      for (const code of v.byCode.keys()) known.codes.add(code);
    }
  }
  const unknown = {
    codes: (options.codes ?? []).filter((c) => !known.codes.has(c)),
    cases: (options.cases ?? []).filter((c) => !known.cases.has(c)),
  };

  for (const f of missing.sort()) {
    skipped.push({ file: f, reason: `not in every coder's version (missing for ${coders.filter((x) => !x.transcripts.has(f)).map((x) => x.name).join(', ')})` });
  }
  const compared: Array<{ file: string; versions: Version[] }> = [];
  for (const file of files) {
    const versions = versionsOf.get(file)!;
    if (options.cases && !options.cases.includes(versions[0].caseId)) continue;
    if (versions.some((v) => v.text !== versions[0].text)) {
      skipped.push({ file, reason: 'its text (without coding) differs between the coders, so characters cannot be compared' });
      continue;
    }
    compared.push({ file, versions });
  }
  const applied = new Set<string>();
  for (const { versions } of compared) for (const v of versions) for (const c of v.byCode.keys()) applied.add(c);
  const asked = [...new Set(options.codes ?? applied)].sort();
  const codes = asked.filter((c) => applied.has(c));
  const notApplied = asked.filter((c) => !applied.has(c));
  let units = 0;
  for (const { versions } of compared) units += versions[0].text.length;

  const m = coders.length;
  const perCode: CodeAgreement[] = [];
  const pooledByCount = new Array<number>(m + 1).fill(0);
  const pooledTable: BinaryTable = { neither: 0, onlyA: 0, onlyB: 0, both: 0 };
  const pooledCoded = new Array<number>(m).fill(0);
  for (const code of codes) {
    // byCount[k] = characters that exactly k coders coded with this code.
    const byCount = new Array<number>(m + 1).fill(0);
    const table: BinaryTable = { neither: 0, onlyA: 0, onlyB: 0, both: 0 };
    const coded = new Array<number>(m).fill(0);
    for (const { versions } of compared) sweep(versions, code, byCount, coded, table);
    byCount.forEach((n, k) => (pooledByCount[k] += n));
    coded.forEach((n, c) => (pooledCoded[c] += n));
    for (const key of Object.keys(table) as Array<keyof BinaryTable>) pooledTable[key] += table[key];
    perCode.push({
      code,
      coded,
      ...(m === 2 ? { percent: percentAgreement(table), kappa: cohensKappa(table) } : {}),
      alpha: alphaFromUnitPatterns(patterns(byCount, m)),
    });
  }
  return {
    coders: coders.map((c) => c.name),
    compared: compared.map((c) => c.file),
    skipped,
    units,
    codes: perCode,
    notApplied,
    overall: {
      coded: pooledCoded,
      ...(m === 2 ? { percent: percentAgreement(pooledTable), kappa: cohensKappa(pooledTable) } : {}),
      alpha: alphaFromUnitPatterns(patterns(pooledByCount, m)),
    },
    unknown,
  };
}

/** Adds one transcript's characters for one code: how many coders coded each, per coder, and (two coders) the 2×2 table. */
function sweep(versions: Version[], code: string, byCount: number[], coded: number[], table: BinaryTable): void {
  const length = versions[0].text.length;
  const edges: Array<{ at: number; coder: number; delta: 1 | -1 }> = [];
  versions.forEach((v, coder) => {
    for (const [a, b] of v.byCode.get(code) ?? []) edges.push({ at: a, coder, delta: 1 }, { at: b, coder, delta: -1 });
  });
  edges.sort((x, y) => x.at - y.at);
  const active = new Array<boolean>(versions.length).fill(false);
  let k = 0;
  let pos = 0;
  const add = (to: number): void => {
    const n = to - pos;
    if (n <= 0) return;
    byCount[k] += n;
    active.forEach((on, c) => on && (coded[c] += n));
    if (versions.length === 2) {
      if (active[0] && active[1]) table.both += n;
      else if (active[0]) table.onlyA += n;
      else if (active[1]) table.onlyB += n;
      else table.neither += n;
    }
    pos = to;
  };
  for (const e of edges) {
    add(e.at);
    active[e.coder] = e.delta === 1;
    k += e.delta;
  }
  add(length);
}

function patterns(byCount: number[], m: number): Array<{ counts: Map<string, number>; times: number }> {
  return byCount.map((times, k) => ({ counts: new Map([['1', k], ['0', m - k]].filter(([, n]) => (n as number) > 0) as Array<[string, number]>), times }));
}
