// The one way a project is loaded into an index, wherever its files come from:
// a folder on disk, a git ref, the editor's unsaved documents over the disk, or
// (later) files an importer is about to write. A reader lists and reads files;
// the loader decides, once, what each file is and in which order it goes in:
// the config first (it says which file is the codebook and which are
// transcripts), then the codebook, then the transcripts (core/project
// `loadOrder`). Files that should be part of the project but cannot be read are
// reported with the reason, as diagnostics on those files.

import { ProjectIndex, loadOrder } from '../core/project/projectIndex';
import { CONFIG_FILE } from '../core/project/config';
import { stripBom } from '../core/text/lineIndex';
import type { Diagnostic } from '../core/types';
import type { FileSummary } from '../core/project/fileSummary';
import { ParseCache } from './parseCache';
import { ParsePool, type ParseJob } from './parsePool';

/** Files larger than this are not indexed (a transcript is rarely over 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The text, or why the file is skipped (`missing` when it does not exist, e.g. deleted). */
export type ReadResult = { text: string } | { skipped: string; missing?: boolean };

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Where a project's files come from. Paths are relative to the project root, with `/`. */
export interface ProjectReader {
  /** Every file that may belong to the project (node_modules and dot-folders may be left out). */
  list(): string[];
  /** Reads some of the listed files (a batch, so a git reader asks git once). */
  read(paths: string[]): Map<string, ReadResult>;
}

/** The project's files from a map of texts (fixtures, importers, anything already in memory). */
export function textsReader(files: ReadonlyMap<string, string>): ProjectReader {
  return {
    list: () => [...files.keys()],
    read: (paths) => new Map(paths.map((p) => [p, files.has(p) ? { text: stripBom(files.get(p)!) } : { skipped: 'it does not exist', missing: true }])),
  };
}

/** `base` with some files' texts replaced or added (the editor's unsaved documents). */
export function overlayReader(base: ProjectReader, overlay: ReadonlyMap<string, string>): ProjectReader {
  return {
    list: () => [...new Set([...base.list(), ...overlay.keys()])],
    read: (paths) => {
      const out = base.read(paths.filter((p) => !overlay.has(p)));
      for (const p of paths) if (overlay.has(p)) out.set(p, decodeText(overlay.get(p)!));
      return out;
    },
  };
}

/** A file's bytes as project text, or why not: the same rules wherever the bytes come from. */
export function decodeFile(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { skipped: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'it is a binary file, not text' };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { skipped: 'it is not UTF-8 text (save it as UTF-8 to code it)' };
  }
}

/** Text already decoded (an editor's document) under the same size limit as files. */
export function decodeText(text: string): ReadResult {
  // A UTF-16 unit is one to three UTF-8 bytes: count the bytes only when in doubt.
  if (text.length * 3 > MAX_FILE_BYTES && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) return { skipped: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  return { text: stripBom(text) };
}

/** The diagnostic a skipped file carries, in the CLI and in the editor alike. */
export function skippedFileDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    message: `This file is skipped: ${reason}.`,
    code: 'unreadable-file',
  };
}

export interface LoadedProject {
  index: ProjectIndex;
  /** Files of the project that could not be read, with the reason. */
  skipped: SkippedFile[];
}

/** How a load went, file by file: yields after each file so an async caller can let others run. */
export function* loadSteps(reader: ProjectReader, index: ProjectIndex, skipped: SkippedFile[]): Generator<{ done: number; total: number }> {
  const files = reader.list();
  const feed = (path: string, result: ReadResult | undefined): void => {
    if (result === undefined) return;
    if ('text' in result) index.update(path, result.text);
    // Listed but missing is a dangling link (or a file deleted meanwhile): reported too.
    else skipped.push({ path, reason: result.skipped });
  };
  if (files.includes(CONFIG_FILE)) feed(CONFIG_FILE, reader.read([CONFIG_FILE]).get(CONFIG_FILE));
  // Now the config is known: classify once, then read what belongs to the project in batches.
  const wanted = [...loadOrder(files.filter((p) => p !== CONFIG_FILE && index.classify(p) !== 'other'), (p) => p === index.codebookPath)];
  for (let at = 0; at < wanted.length; at += READ_BATCH) {
    const batch = wanted.slice(at, at + READ_BATCH);
    const texts = reader.read(batch);
    for (const path of batch) feed(path, texts.get(path));
    yield { done: at + batch.length, total: wanted.length };
  }
}

const READ_BATCH = 50;

/** Loads a project into `index` (a new one by default). */
export function loadFrom(reader: ProjectReader, index = new ProjectIndex()): LoadedProject {
  const skipped: SkippedFile[] = [];
  const steps = loadSteps(reader, index, skipped);
  while (!steps.next().done);
  return { index, skipped };
}

export interface LoadOptions {
  /** Summaries of unchanged files from an earlier run (host/parseCache.ts); saved at the end. */
  cache?: ParseCache;
  /** Where parsing runs; by default a pool over every core, closed at the end. */
  pool?: ParsePool;
  /** Files read and parsed at once (tests make it small). */
  batch?: number;
}

/** Files handed to the parse pool at once: big enough to keep every core busy. */
const PARALLEL_BATCH = 200;

/**
 * Loads a project with every core: files are read in batches in this thread
 * while the previous batch is parsed on worker threads (or found in the cache),
 * and summaries are applied in load order (config, codebook, transcripts).
 * Other work runs between batches, so the language server stays responsive.
 */
export async function loadFromAsync(
  reader: ProjectReader,
  index = new ProjectIndex(),
  onProgress?: (done: number, total: number) => void,
  options: LoadOptions = {},
): Promise<LoadedProject> {
  const skipped: SkippedFile[] = [];
  const cache = options.cache ?? new ParseCache(undefined);
  const pool = options.pool ?? new ParsePool();
  try {
    const files = reader.list();
    if (files.includes(CONFIG_FILE)) {
      const config = reader.read([CONFIG_FILE]).get(CONFIG_FILE);
      if (config && 'text' in config) index.update(CONFIG_FILE, config.text);
      else if (config) skipped.push({ path: CONFIG_FILE, reason: config.skipped });
    }
    const wanted = [...loadOrder(files.filter((p) => p !== CONFIG_FILE && index.classify(p) !== 'other'), (p) => p === index.codebookPath)];
    let applied = Promise.resolve();
    let done = 0;
    const size = options.batch ?? PARALLEL_BATCH;
    for (let at = 0; at < wanted.length; at += size) {
      const batch = wanted.slice(at, at + size);
      const texts = reader.read(batch);
      const found = new Map<string, FileSummary>();
      // An editor may change a file while its batch is parsed: then its newer text has been applied and wins.
      const readAt = new Map(batch.map((p) => [p, index.fileRevision(p)]));
      const jobs: ParseJob[] = [];
      for (const path of batch) {
        const result = texts.get(path);
        if (result === undefined) continue;
        if (!('text' in result)) {
          skipped.push({ path, reason: result.skipped });
          continue;
        }
        const role = index.classify(path);
        const hit = cache.get(path, role, result.text);
        if (hit) found.set(path, hit);
        else jobs.push({ path, role, text: result.text });
      }
      const parsing = pool.summarize(jobs);
      await applied;
      applied = parsing.then((summaries) => {
        jobs.forEach((job, k) => {
          found.set(job.path, summaries[k]!);
          cache.set(job.path, job.role, job.text, summaries[k]);
        });
        for (const path of batch) if (found.has(path) && index.fileRevision(path) === readAt.get(path)) index.apply(path, found.get(path));
        done += batch.length;
        onProgress?.(done, wanted.length);
      });
      // Let other work (requests, edits) run while the batch is parsed.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await applied;
    onProgress?.(wanted.length, wanted.length);
    cache.save();
    return { index, skipped };
  } finally {
    if (!options.pool) await pool.close();
  }
}
