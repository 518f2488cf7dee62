// Which cases a report covers (DESIGN.md §11 `--where attr=value`): the
// transcripts whose front-matter attributes equal the given values, all
// conditions holding. Values compare as strings, so `band=7` matches `band: 7`.

import type { ProjectIndex } from '../project/projectIndex';

export interface CaseCondition {
  attribute: string;
  value: string;
}

/** The transcripts a report covers, by path (sorted), and the conditions that chose them. */
export interface CaseSelection {
  paths: string[];
  where: CaseCondition[];
}

/** Reads `attr=value` (the value may hold `=`); a sentence when it cannot. */
export function parseCondition(text: string): CaseCondition | string {
  const eq = text.indexOf('=');
  const attribute = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || attribute === '') return `"${text}" is not a condition: write attribute=value, for example role=manager.`;
  return { attribute, value: text.slice(eq + 1).trim() };
}

/** An attribute's value as the filter compares it (the case id is the attribute `case`). */
export function attributeValue(attributes: Record<string, unknown>, caseId: string, attribute: string): string | undefined {
  if (attribute === 'case') return caseId;
  if (!Object.prototype.hasOwnProperty.call(attributes, attribute)) return undefined;
  const v = attributes[attribute];
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Every attribute the cases have (`case` first), each with its distinct values in natural order. */
export function caseAttributes(index: ProjectIndex): Map<string, string[]> {
  const values = new Map<string, Set<string>>([['case', new Set()]]);
  for (const path of index.transcriptPaths()) {
    const t = index.transcript(path)!;
    values.get('case')!.add(t.caseId);
    for (const name of Object.keys(t.attributes)) {
      let set = values.get(name);
      if (!set) values.set(name, (set = new Set()));
      set.add(attributeValue(t.attributes, t.caseId, name)!);
    }
  }
  const names = [...values.keys()].filter((n) => n !== 'case').sort(naturalCompare);
  return new Map(['case', ...names].map((n) => [n, [...values.get(n)!].sort(naturalCompare)]));
}

/**
 * The transcripts whose case matches every condition. An attribute no case has,
 * or a value no case has, is a sentence instead (a typo would otherwise give an
 * empty report that looks like a finding).
 */
export function selectCases(index: ProjectIndex, where: readonly CaseCondition[]): CaseSelection | string {
  const all = index.transcriptPaths();
  if (where.length === 0) return { paths: all, where: [] };
  const attributes = caseAttributes(index);
  for (const c of where) {
    const values = attributes.get(c.attribute);
    if (!values || (c.attribute !== 'case' && values.length === 0)) {
      const known = [...attributes.keys()];
      return `No case has the attribute "${c.attribute}"; the attributes are ${known.map((k) => `"${k}"`).join(', ')}.`;
    }
    if (!values.includes(c.value)) {
      return `No case has ${c.attribute} = "${c.value}"; its values are ${values.map((v) => `"${v}"`).join(', ')}.`;
    }
  }
  const paths = all.filter((path) => {
    const t = index.transcript(path)!;
    return where.every((c) => attributeValue(t.attributes, t.caseId, c.attribute) === c.value);
  });
  return { paths, where: [...where] };
}

/** "role = manager and band = 7" */
export function describeConditions(where: readonly CaseCondition[]): string {
  return where.map((c) => `${c.attribute} = ${c.value}`).join(' and ');
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** P2 before P10; ties broken by code units so the order is total. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
