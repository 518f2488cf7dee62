// Round trip as a property (DESIGN.md §10): for generated projects, export then
// import gives the same code tree, cases and attributes, and per code the same
// extracts (words and case); exporting the imported project gives the same
// sources and selections.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProjectIndex } from '../../core/project/projectIndex';
import { exportProject } from '../../core/refi/exportProject';
import { importProject } from '../../core/refi/importProject';
import type { RefiCode, RefiProject } from '../../core/refi/model';
import { plainTranscript } from '../../core/transcript/plainText';
import { qdpxBytes, readQdpx } from '../../host/refi/qdpx';
import { generatedProject } from '../support/generatedProjects';

function exported(files: Map<string, string>): RefiProject {
  return exportProject({ name: 'study', index: ProjectIndex.build(files), textOf: (p) => files.get(p) }).project;
}

/** The code tree as names, children in name order (themes' leaf codes come before subthemes on import). */
function tree(codes: RefiCode[]): unknown[] {
  return codes.map((c) => [c.name, c.description ?? '', tree(c.children)]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Per code (by its path of labels): the sorted extracts as "case: words". */
function extractsByCode(files: Map<string, string>): Record<string, string[]> {
  const index = ProjectIndex.build(files);
  const pathOf = (id: string): string => {
    const labels: string[] = [];
    for (const a of index.ancestors(id)) {
      const node = index.node(a);
      labels.unshift(node ? node.label || node.id : a);
    }
    return labels.join(' › ');
  };
  const out: Record<string, string[]> = {};
  for (const path of index.transcriptPaths()) {
    const plain = plainTranscript(files.get(path)!, path, { removeFrontMatter: true, unescape: true });
    for (const s of plain.segments) for (const c of s.codes) (out[pathOf(c)] ??= []).push(`${plain.caseId}: ${plain.text.slice(s.start, s.end)}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

function cases(files: Map<string, string>): Record<string, Record<string, unknown>> {
  const index = ProjectIndex.build(files);
  return Object.fromEntries(index.transcriptPaths().map((p) => [index.transcript(p)!.caseId, index.transcript(p)!.attributes]));
}

/** Per source: its text and its selections as [start, end, code name] in code points. */
function selections(project: RefiProject): unknown {
  const names = new Map<string, string>();
  const walk = (codes: RefiCode[]): void => codes.forEach((c) => (names.set(c.guid, c.name), walk(c.children)));
  walk(project.codes);
  return project.sources.map((s) => ({
    name: s.name,
    text: s.text,
    selections: s.selections.flatMap((sel) => sel.codes.map((g) => [sel.start, sel.end, names.get(g)])).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  }));
}

test('export → import → export: same code tree, cases, attributes, extracts and selections', () => {
  fc.assert(
    fc.property(generatedProject, ({ files }) => {
      const first = exported(files);
      const imported = importProject(readQdpx(qdpxBytes(first)), { from: 'study.qdpx' });
      if ('error' in imported) assert.fail(imported.error);
      const back = new Map(imported.files.map((f) => [f.path, f.text]));
      const again = exported(back);
      assert.deepEqual(tree(again.codes), tree(first.codes));
      assert.deepEqual(cases(back), cases(files));
      assert.deepEqual(extractsByCode(back), extractsByCode(files));
      assert.deepEqual(selections(again), selections(first));
      assert.equal(imported.summary.crossingSplit, 0);
    }),
    { numRuns: 60 },
  );
});
