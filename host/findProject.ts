// Where a coding project is. A folder holds a project when it has a
// `marginalia.yml` or a `codebook.md` at its top. From a folder inside a
// project, the project is the nearest such folder above (as git finds its
// repository and eslint its configuration); a folder with no project at or
// above it may hold one or more projects further down (a repository whose
// study lives in `my study/`), each served on its own.

import { existsSync, readdirSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG } from '../core/project/config';

/** The files that make a folder a project's root. */
export const PROJECT_MARKERS = [CONFIG_FILE, DEFAULT_CONFIG.codebook];

/** Does `folder` hold a project at its top? */
export function isProjectRoot(folder: string): boolean {
  return PROJECT_MARKERS.some((name) => existsSync(join(folder, name)));
}

/**
 * The nearest folder at or above `folder` that holds a project, or undefined.
 * The walk stops at the top of a git repository (the folder holding `.git`):
 * a project never spans repositories.
 */
export function findProjectRoot(folder: string): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The project roots below `folder` (not `folder` itself), sorted: the walk does
 * not enter a project it found, nor node_modules, dot-folders or symlinked folders.
 */
export function findProjectsBelow(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const abs = join(dir, name);
      try {
        if (!lstatSync(abs).isDirectory()) continue;
      } catch {
        continue;
      }
      if (isProjectRoot(abs)) out.push(abs);
      else walk(abs);
    }
  };
  walk(resolve(folder));
  return out;
}

/**
 * The projects a folder stands for: the one at or above it; else those below
 * it; else the folder itself (transcripts without a codebook yet are a project too).
 * `walkUp: false` (a workspace folder) does not look above.
 */
export function projectRoots(folder: string, options: { walkUp?: boolean } = {}): string[] {
  const root = resolve(folder);
  const found = options.walkUp === false ? (isProjectRoot(root) ? root : undefined) : findProjectRoot(root);
  if (found) return [found];
  const below = findProjectsBelow(root);
  return below.length > 0 ? below : [root];
}
