// Intercoder agreement between coders who coded the same transcripts on
// different branches: per code and overall, on characters of the transcript
// text with coding markup removed (as NVivo and QualCoder compute it).

import { plainTranscript, type PlainTranscript } from '../transcript/plainText';
import { alphaFromUnitPatterns, cohensKappa, percentAgreement, type BinaryTable } from './agreement';

export interface CoderFiles {
  name: string;
  /** Transcript path → text (only transcripts). */
  transcripts: Map<string, string>;
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
  units: number;
  codes: CodeAgreement[];
  overall: Omit<CodeAgreement, 'code'>;
}

export interface AgreementOptions {
  codes?: string[];
  cases?: string[];
}

export function agreement(coders: CoderFiles[], options: AgreementOptions = {}): AgreementReport {
  const skipped: AgreementReport['skipped'] = [];
  const files = [...coders[0].transcripts.keys()].filter((f) => coders.every((c) => c.transcripts.has(f))).sort();
  for (const c of coders) {
    for (const f of c.transcripts.keys()) if (!files.includes(f) && !skipped.some((s) => s.file === f)) skipped.push({ file: f, reason: `not in every coder's version (missing for ${coders.filter((x) => !x.transcripts.has(f)).map((x) => x.name).join(', ')})` });
  }
  const compared: Array<{ file: string; versions: PlainTranscript[] }> = [];
  for (const file of files) {
    const versions = coders.map((c) => plainTranscript(c.transcripts.get(file)!, file));
    if (options.cases && !options.cases.includes(versions[0].caseId)) continue;
    if (versions.some((v) => v.text !== versions[0].text)) {
      skipped.push({ file, reason: 'its text (without coding) differs between the coders, so characters cannot be compared' });
      continue;
    }
    compared.push({ file, versions });
  }
  const allCodes = new Set<string>();
  for (const { versions } of compared) for (const v of versions) for (const s of v.segments) for (const c of s.codes) allCodes.add(c);
  const codes = (options.codes ?? [...allCodes]).sort();
  let units = 0;
  for (const { versions } of compared) units += versions[0].text.length;

  const m = coders.length;
  const perCode: CodeAgreement[] = [];
  const pooledPatterns = new Map<number, number>();
  const pooledTable: BinaryTable = { neither: 0, onlyA: 0, onlyB: 0, both: 0 };
  const pooledCoded = new Array<number>(m).fill(0);
  for (const code of codes) {
    // byCount[k] = characters that exactly k coders coded with this code.
    const byCount = new Array<number>(m + 1).fill(0);
    const table: BinaryTable = { neither: 0, onlyA: 0, onlyB: 0, both: 0 };
    const coded = new Array<number>(m).fill(0);
    for (const { versions } of compared) {
      const length = versions[0].text.length;
      const marks = versions.map((v) => {
        const mask = new Uint8Array(length);
        for (const s of v.segments) if (s.codes.includes(code)) mask.fill(1, s.start, s.end);
        return mask;
      });
      for (let i = 0; i < length; i++) {
        let k = 0;
        for (let c = 0; c < m; c++) {
          if (marks[c][i]) {
            k++;
            coded[c]++;
          }
        }
        byCount[k]++;
        if (m === 2) {
          const a = marks[0][i];
          const b = marks[1][i];
          if (a && b) table.both++;
          else if (a) table.onlyA++;
          else if (b) table.onlyB++;
          else table.neither++;
        }
      }
    }
    const patterns = byCount.map((times, k) => ({ counts: new Map([['1', k], ['0', m - k]].filter(([, n]) => (n as number) > 0) as Array<[string, number]>), times }));
    byCount.forEach((times, k) => pooledPatterns.set(k, (pooledPatterns.get(k) ?? 0) + times));
    coded.forEach((n, c) => (pooledCoded[c] += n));
    for (const key of Object.keys(table) as Array<keyof BinaryTable>) pooledTable[key] += table[key];
    perCode.push({
      code,
      coded,
      ...(m === 2 ? { percent: percentAgreement(table), kappa: cohensKappa(table) } : {}),
      alpha: alphaFromUnitPatterns(patterns),
    });
  }
  const overallPatterns = [...pooledPatterns].map(([k, times]) => ({ counts: new Map([['1', k], ['0', m - k]].filter(([, n]) => (n as number) > 0) as Array<[string, number]>), times }));
  return {
    coders: coders.map((c) => c.name),
    compared: compared.map((c) => c.file),
    skipped,
    units,
    codes: perCode,
    overall: {
      coded: pooledCoded,
      ...(m === 2 ? { percent: percentAgreement(pooledTable), kappa: cohensKappa(pooledTable) } : {}),
      alpha: alphaFromUnitPatterns(overallPatterns),
    },
  };
}
