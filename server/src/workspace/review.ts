// Reviewing coding through git from the editor: the coding diff from a ref to
// the live project (the server's index, unsaved edits included), so the
// client only asks and displays.

import { fileURLToPath } from 'node:url';
import { codingDiff, type CodingDiff } from '../../../core';
import { gitProject, gitRefs, loadProjectAtRef } from '../../../host/git';
import type { Project } from './project';

/** The project a file or folder URI belongs to: the one holding it, else the first below it. */
export function projectAt(projects: readonly Project[], uri: string): Project | undefined {
  let fsPath: string;
  try {
    fsPath = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  let best: Project | undefined;
  for (const p of projects) {
    if ((p.root === fsPath || p.relativePath(fsPath) !== undefined) && (!best || p.root.length > best.root.length)) best = p;
  }
  return best ?? projects.find((p) => p.root.startsWith(fsPath));
}

export function diffWithRef(project: Project, ref: string): CodingDiff {
  return codingDiff(loadProjectAtRef(gitProject(project.root), ref).index, project.index);
}

export function refsOf(project: Project): string[] {
  return gitRefs(gitProject(project.root));
}
