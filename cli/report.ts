// `marginalia report quotes|matrix|cooccurrence` and `--where` (DESIGN.md §11):
// the core computes, this file only chooses and reads the arguments.

import {
  caseMatrix,
  cooccurrence,
  parseCondition,
  quoteBank,
  renderReport,
  selectCases,
  REPORT_FORMATS,
  REPORT_KINDS,
  type CaseCondition,
  type CaseSelection,
  type ProjectIndex,
  type ReportFormat,
  type ReportKind,
  type ReportModel,
} from '../core';

/** A usage problem: one sentence, exit 2. */
export class ReportUsageError extends Error {}

export function isReportKind(kind: string): kind is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(kind);
}

export function reportFormat(value: string | true | undefined): ReportFormat {
  const format = value === undefined ? 'md' : String(value);
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new ReportUsageError(`Unknown format "${format}": use md, csv, json or html.`);
  return format as ReportFormat;
}

/** The cases that `--where attr=value …` selects (all must hold). */
export function selectionOf(index: ProjectIndex, where: readonly string[]): CaseSelection {
  const conditions: CaseCondition[] = [];
  for (const w of where) {
    const c = parseCondition(w);
    if (typeof c === 'string') throw new ReportUsageError(c);
    conditions.push(c);
  }
  const selection = selectCases(index, conditions);
  if (typeof selection === 'string') throw new ReportUsageError(selection);
  return selection;
}

export function reportText(index: ProjectIndex, kind: ReportKind, format: ReportFormat, selection: CaseSelection): string {
  const model: ReportModel =
    kind === 'quotes'
      ? { kind, report: quoteBank(index, selection) }
      : kind === 'matrix'
        ? { kind, report: caseMatrix(index, selection) }
        : { kind, report: cooccurrence(index, selection) };
  return renderReport(model, format);
}
