// An in-memory project for edit plans: the index and the files' texts, as a
// front end holds them, and plans applied to both.

import { applyPlan, loadOrder, ProjectIndex, type EditPlan, type EditSource } from '../../core';

export interface EditProject extends EditSource {
  files: Map<string, string>;
}

export function editProject(files: Record<string, string>): EditProject {
  const index = new ProjectIndex({ paranoid: true });
  const map = new Map(Object.entries(files));
  for (const path of loadOrder(map.keys(), (p) => p === index.codebookPath)) index.update(path, map.get(path)!);
  return { index, files: map, text: (path) => map.get(path) };
}

/** The files a plan changes, as they are after it (the project itself is not changed). */
export function planned(p: EditProject, plan: EditPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of new Set(plan.edits.map((e) => e.path))) out[path] = applyPlan(p.files.get(path) ?? '', path, plan);
  return out;
}

/** Applies a plan to the project's files and index; returns the changed files. */
export function applyToProject(p: EditProject, plan: EditPlan): Record<string, string> {
  const out = planned(p, plan);
  for (const [path, text] of Object.entries(out)) {
    p.files.set(path, text);
    p.index.update(path, text);
  }
  return out;
}
