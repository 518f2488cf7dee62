// A persistent cache of file summaries, so a second start skips parsing the
// files that did not change. An entry is used only when its key matches: a hash
// of the parser's version, the core's own source (so any change to the parser
// invalidates it, even without a version bump), the file's role and path (the
// case id defaults to the file name) and its exact text. The cache file is
// written whole to a temporary name and renamed into place; anything that does
// not read back as a valid cache — truncated, corrupt, another version — is
// ignored, never trusted, and rebuilt.
//
// It lives outside the user's project (never in their git tree): VS Code's
// workspace storage for the extension, the user's cache folder for the CLI.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { PARSER_VERSION, type FileSummary } from '../core/project/fileSummary';
import type { FileRole } from '../core/project/config';

declare const __CORE_HASH__: string | undefined;
/** A hash of core/ at build time (scripts/build.mjs); empty when run unbundled. */
const CORE_HASH = typeof __CORE_HASH__ === 'string' ? __CORE_HASH__ : '';

const FORMAT = 'marginalia-parse-cache';

interface CacheFile {
  format: typeof FORMAT;
  parser: string;
  entries: Record<string, { key: string; summary: FileSummary }>;
}

export class ParseCache {
  private entries = new Map<string, { key: string; summary: FileSummary }>();
  private readonly used = new Map<string, { key: string; summary: FileSummary }>();
  /** Keys computed by `get` for files it missed, so `set` does not hash the text again. */
  private readonly missed = new Map<string, string>();
  private dirty = false;
  hits = 0;
  misses = 0;

  /** `file` undefined: a cache that remembers nothing (`--no-cache`). */
  constructor(readonly file: string | undefined) {
    if (file) this.entries = readCache(file);
  }

  private static key(path: string, role: FileRole, text: string): string {
    return createHash('sha1').update(`${parserId()}\u0000${role}\u0000${path}\u0000`).update(text).digest('hex');
  }

  /** The cached summary of this exact text, or undefined. */
  get(path: string, role: FileRole, text: string): FileSummary | undefined {
    if (!this.file) return undefined;
    const key = ParseCache.key(path, role, text);
    const entry = this.entries.get(path);
    if (entry && entry.key === key && entry.summary?.role === role) {
      this.used.set(path, entry);
      this.hits++;
      return entry.summary;
    }
    this.missed.set(path, key);
    this.misses++;
    return undefined;
  }

  set(path: string, role: FileRole, text: string, summary: FileSummary | undefined): void {
    if (!this.file || !summary) return;
    const key = this.missed.get(path) ?? ParseCache.key(path, role, text);
    this.missed.delete(path);
    this.used.set(path, { key, summary });
    this.dirty = true;
  }

  /** Writes the entries used since loading (files gone from the project drop out). Never throws. */
  save(): void {
    if (!this.file || (!this.dirty && this.used.size === this.entries.size)) return;
    const data: CacheFile = { format: FORMAT, parser: parserId(), entries: Object.fromEntries(this.used) };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
      this.entries = new Map(this.used);
      this.dirty = false;
    } catch {
      // A cache that cannot be written only costs the next start its speed.
    }
  }
}

function parserId(): string {
  return `${PARSER_VERSION}:${CORE_HASH}`;
}

function readCache(file: string): Map<string, { key: string; summary: FileSummary }> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (data.format !== FORMAT || data.parser !== parserId() || typeof data.entries !== 'object' || data.entries === null) return new Map();
    const out = new Map<string, { key: string; summary: FileSummary }>();
    for (const [path, entry] of Object.entries(data.entries)) {
      if (typeof entry?.key === 'string' && validSummary(entry.summary)) out.set(path, entry);
    }
    return out;
  } catch {
    return new Map();
  }
}

/** Enough of a summary's shape to be safe to apply (a hand-edited or damaged entry is dropped). */
function validSummary(s: unknown): s is FileSummary {
  if (typeof s !== 'object' || s === null) return false;
  const v = s as Record<string, any>;
  if (v.role === 'transcript') {
    const t = v.transcript;
    return typeof t === 'object' && t !== null && typeof t.caseId === 'string' && [t.segments, t.tokens, t.turns, t.diagnostics, t.lineStarts].every(Array.isArray);
  }
  if (v.role === 'codebook') return typeof v.codebook === 'object' && v.codebook !== null && Array.isArray(v.codebook.nodes) && Array.isArray(v.codebook.diagnostics);
  if (v.role === 'config') return typeof v.config === 'object' && v.config !== null && typeof v.config.config === 'object';
  return false;
}

/** The cache file of the project at `root` inside a cache folder. */
export function cacheFileIn(dir: string, root: string): string {
  return join(dir, `${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

/** Where the CLI keeps the cache of the project at `root` (the user's cache folder, not the project). */
export function cliCacheFile(root: string): string {
  return cacheFileIn(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'marginalia'), root);
}
