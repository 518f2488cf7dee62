// The report view's data (DESIGN.md §11): the quote bank, the code-by-case
// matrix and co-occurrence of the chosen cases, from the live index.

import { caseAttributes, caseMatrix, cooccurrence, describeConditions, quoteBank, scopedCounts, selectCases, type CaseCondition, type ScopedCounts } from '../../../core';
import type { Project } from '../workspace/project';
import type { ReportData } from '../protocol';

/** How many places per co-occurring pair the view can open. */
const EXAMPLES = 20;

export function reportData(project: Project, where: readonly CaseCondition[]): ReportData {
  const index = project.index;
  const attributes = [...caseAttributes(index)].map(([name, values]) => ({ name, values }));
  let selection = selectCases(index, where);
  let problem: string | undefined;
  if (typeof selection === 'string') {
    // A filter that no longer matches (the attribute was edited away): say so, show every case.
    problem = selection;
    selection = selectCases(index, []) as Exclude<typeof selection, string>;
  }
  return {
    folder: project.uri(''),
    name: project.name,
    attributes,
    where: selection.where,
    problem,
    quotes: quoteBank(index, selection),
    matrix: caseMatrix(index, selection),
    cooccurrence: cooccurrence(index, selection, { examples: EXAMPLES }),
  };
}

/** The Themes tree restricted to cases (its view-title filter); undefined without conditions. */
export function treeScope(project: Project, where: readonly CaseCondition[]): { counts: ScopedCounts; paths: Set<string>; description: string } | undefined {
  if (where.length === 0) return undefined;
  const selection = selectCases(project.index, where);
  // A condition no case meets any more still filters (to nothing), and says so.
  const chosen = typeof selection === 'string' ? { paths: [], where: [...where] } : selection;
  return { counts: scopedCounts(project.index, chosen), paths: new Set(chosen.paths), description: describeConditions(where) };
}
