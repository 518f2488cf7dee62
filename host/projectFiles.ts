// Reads a coding project from disk for the CLI and the server (the core never
// does I/O). Skips what can never be a transcript and says why it skipped a
// file that should have been one.

import { readdirSync, readFileSync, statSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { stripBom } from '../core/text/lineIndex';
import { CONFIG_FILE } from '../core/project/config';
import { ProjectIndex } from '../core/project/projectIndex';

/** Files larger than this are not indexed (a transcript is rarely over 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SkippedFile {
  path: string;
  reason: string;
}

/** The text, or why the file is skipped (`missing` when it does not exist, e.g. deleted). */
export type ReadResult = { text: string } | { skipped: string; missing?: boolean };

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
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'it is a binary file, not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { skipped: 'it is not UTF-8 text (save it as UTF-8 to code it)' };
  }
  return { text: stripBom(text) };
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

export interface LoadedProject {
  index: ProjectIndex;
  skipped: SkippedFile[];
}

/** Builds the index of the project at `root`: the config first, so it decides what the other files are. */
export function loadProject(root: string, index = new ProjectIndex()): LoadedProject {
  const skipped: SkippedFile[] = [];
  const files = listProjectFiles(root);
  const feed = (path: string): void => {
    if (index.classify(path) === 'other') return;
    const result = readProjectFile(join(root, path));
    if ('text' in result) index.update(path, result.text);
    else skipped.push({ path, reason: result.skipped });
  };
  if (files.includes(CONFIG_FILE)) feed(CONFIG_FILE);
  const codebook = index.codebookPath;
  if (files.includes(codebook)) feed(codebook);
  for (const path of files) if (path !== CONFIG_FILE && path !== codebook) feed(path);
  return { index, skipped };
}
