// Reads a coding project from disk for the CLI and the server (the core never
// does I/O). Skips what can never be a transcript and says why it skipped a
// file that should have been one.

import { readdirSync, readFileSync, statSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectIndex } from '../core/project/projectIndex';
import { cliCacheFile, ParseCache } from './parseCache';
import { decodeFile, loadFrom, loadFromAsync, MAX_FILE_BYTES, type LoadedProject, type ProjectReader, type ReadResult } from './loader';

export { MAX_FILE_BYTES } from './loader';
export type { LoadedProject, ReadResult, SkippedFile } from './loader';

/** Reads one project file as text, or says in the analyst's words why it cannot. */
export function readProjectFile(absPath: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(absPath);
    if (!stat.isFile()) return { skipped: 'it is not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { skipped: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = readFileSync(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { skipped: `it cannot be read (${code ?? 'unknown error'})`, missing: code === 'ENOENT' };
  }
  return decodeFile(bytes);
}
/** Every file path under `root`, relative with `/`, skipping node_modules, dot-folders and symlinked folders. */
export function listProjectFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const abs = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      let stat;
      try {
        stat = lstatSync(abs);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(abs, relPath);
      else if (stat.isFile() || stat.isSymbolicLink()) out.push(relPath);
    }
  };
  walk(root, '');
  return out;
}

/** The files of the project folder `root` on disk. */
export function diskReader(root: string): ProjectReader {
  return {
    list: () => listProjectFiles(root),
    read: (paths) => new Map(paths.map((p) => [p, readProjectFile(join(root, p))])),
  };
}

/**
 * Builds the index of the project at `root` on disk with every core, reusing
 * the summaries of unchanged files from the user's cache folder (`cache: false`
 * is the CLI's --no-cache).
 */
export function loadProjectFast(root: string, options: { cache?: boolean } = {}): Promise<LoadedProject> {
  return loadFromAsync(diskReader(root), new ProjectIndex(), undefined, { cache: new ParseCache(options.cache === false ? undefined : cliCacheFile(root)) });
}

/** Builds the index of the project at `root` on disk (see host/loader.ts). */
export function loadProject(root: string, index = new ProjectIndex()): LoadedProject {
  return loadFrom(diskReader(root), index);
}
