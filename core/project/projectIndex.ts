// The workspace index: one summary per file, kept up to date one file at a
// time. Parsing is a separate, pure step (fileSummary.ts) so it can run
// anywhere (a worker, a cache); the index only *applies* summaries: a
// transcript's contribution to the counts is subtracted and the new one added,
// so nothing per edit walks the whole project. Only the codebook's *shape*
// changing (ids or parents) recounts every transcript's stored segments —
// still without re-parsing anything.
//
// Paranoid mode (as in marksman) keeps every summary and, after each update,
// rebuilds a fresh index from them and throws on any difference.

import type { CodebookNode, ParsedCodebook } from '../codebook/parseCodebook';
import type { ParsedTranscript, Segment, CodeToken } from '../transcript/parseTranscript';
import type { Diagnostic, Position } from '../types';
import { CodeTree } from './codeTree';
import { CONFIG_FILE, DEFAULT_CONFIG, FileClassifier, type ProjectConfig, type FileRole, type ParsedConfig } from './config';
import { contributionOf, CountTable, type Contribution, type NodeCounts } from './counts';
import { summarizeFile, type FileSummary } from './fileSummary';
import { codebookDiagnostics, transcriptDiagnostics } from './projectDiagnostics';
import { UsageTable } from './usage';

export type { NodeCounts } from './counts';

export interface IndexChange {
  /** Files whose diagnostics may have changed (publish these). */
  diagnostics: Set<string>;
  /** Counts, the code tree or the uncategorised codes changed. */
  counts: boolean;
  /** marginalia.yml changed which files are transcripts: offer every file again. */
  reclassify: boolean;
}

interface TranscriptEntry {
  parsed: ParsedTranscript;
  contribution: Contribution;
}

export interface SegmentRef {
  path: string;
  caseId: string;
  segment: Segment;
}

export interface TokenRef {
  path: string;
  token: CodeToken;
}

export interface IndexOptions {
  /** Rebuild from scratch after every update and throw on any difference (tests). */
  paranoid?: boolean;
}

export class ProjectIndex {
  private config: ProjectConfig = DEFAULT_CONFIG;
  private classifier = new FileClassifier(DEFAULT_CONFIG);
  private configDiagnostics: Diagnostic[] = [];
  private hasConfig = false;
  private codebook: ParsedCodebook | undefined;
  private tree = new CodeTree(undefined);
  private readonly transcripts = new Map<string, TranscriptEntry>();
  private readonly counts_ = new CountTable();
  private readonly usage = new UsageTable();
  /** Paranoid mode: every summary applied, to rebuild from. */
  private readonly summaries: Map<string, FileSummary> | undefined;
  private revision_ = 0;
  /** Running total of segments in all transcripts (the tree's header needs no walk). */
  private segmentTotal = 0;
  /** path → the revision at which that file last changed (a loader checks nothing overtook it). */
  private readonly fileRevisions = new Map<string, number>();

  constructor(options: IndexOptions = {}) {
    this.summaries = options.paranoid ? new Map() : undefined;
  }

  // ---- updates -------------------------------------------------------------

  /** Grows by one with every update: a request can tell whether the index moved under it. */
  get revision(): number {
    return this.revision_;
  }

  /** The revision at which this file last changed, or 0. */
  fileRevision(path: string): number {
    return this.fileRevisions.get(path) ?? 0;
  }

  /** What a file is in this project, by its path relative to the root (with `/`). */
  classify(path: string): FileRole {
    return this.classifier.classify(path);
  }

  /** Parses a file as what it is in this project (the pure step; no index change). */
  summarize(path: string, text: string): FileSummary | undefined {
    return summarizeFile(this.classify(path), path, text);
  }

  /** Sets (adds or replaces) a file's text: parse, then apply. Files that are not part of the project are ignored. */
  update(path: string, text: string): IndexChange {
    return this.apply(path, this.summarize(path, text));
  }

  /** Forgets a file (deleted, renamed away, or no longer part of the project). */
  remove(path: string): IndexChange {
    return this.apply(path, undefined);
  }

  /**
   * Applies a file's summary (`undefined` removes the file). A summary made for
   * another role than the file has now (marginalia.yml changed meanwhile) is ignored.
   */
  apply(path: string, summary: FileSummary | undefined): IndexChange {
    const change: IndexChange = { diagnostics: new Set(), counts: false, reclassify: false };
    const role = this.classify(path);
    if (summary !== undefined && summary.role !== role) return change;
    this.revision_++;
    this.fileRevisions.set(path, this.revision_);
    switch (role) {
      case 'config':
        this.setConfig(summary?.role === 'config' ? summary.config : undefined, change);
        break;
      case 'codebook':
        this.setCodebook(summary?.role === 'codebook' ? summary.codebook : undefined, change);
        break;
      case 'transcript':
        this.setTranscript(path, summary?.role === 'transcript' ? summary.transcript : undefined, change);
        break;
      case 'other':
        break;
    }
    this.checkParanoid(path, summary, role);
    return change;
  }

  private setConfig(parsed: ParsedConfig | undefined, change: IndexChange): void {
    this.hasConfig = parsed !== undefined;
    this.configDiagnostics = parsed?.diagnostics ?? [];
    change.diagnostics.add(CONFIG_FILE);
    const previous = this.config;
    this.config = parsed?.config ?? DEFAULT_CONFIG;
    if (JSON.stringify(this.config) === JSON.stringify(previous)) return;
    // Which files are transcripts changed: start over, the host offers every file again.
    this.classifier = new FileClassifier(this.config);
    for (const path of this.transcripts.keys()) change.diagnostics.add(path);
    change.diagnostics.add(previous.codebook);
    this.transcripts.clear();
    this.segmentTotal = 0;
    this.counts_.clear();
    this.usage.clear();
    this.codebook = undefined;
    this.tree = new CodeTree(undefined);
    if (this.summaries) for (const p of [...this.summaries.keys()]) if (p !== CONFIG_FILE) this.summaries.delete(p);
    change.reclassify = true;
    change.counts = true;
  }

  private setCodebook(parsed: ParsedCodebook | undefined, change: IndexChange): void {
    const old = this.tree;
    this.codebook = parsed;
    this.tree = new CodeTree(parsed);
    change.diagnostics.add(this.config.codebook);
    change.counts = true;
    if (this.tree.shape() !== old.shape()) this.recountAll();
    // Uses of codes that became defined or undefined get new diagnostics.
    for (const id of new Set([...old.nodesById.keys(), ...this.tree.nodesById.keys()])) {
      if (old.has(id) === this.tree.has(id)) continue;
      for (const path of this.usage.files(id)) change.diagnostics.add(path);
    }
  }

  private setTranscript(path: string, parsed: ParsedTranscript | undefined, change: IndexChange): void {
    const old = this.transcripts.get(path);
    const crossed: string[] = [];
    if (old) {
      crossed.push(...this.counts_.apply(old.parsed.caseId, old.contribution, -1));
      this.usage.apply(path, old.parsed, -1);
      this.transcripts.delete(path);
      this.segmentTotal -= old.parsed.segments.length;
    }
    if (parsed) {
      const entry: TranscriptEntry = { parsed, contribution: contributionOf(parsed, this.tree) };
      this.transcripts.set(path, entry);
      this.segmentTotal += parsed.segments.length;
      crossed.push(...this.counts_.apply(parsed.caseId, entry.contribution, +1));
      this.usage.apply(path, parsed, +1);
    }
    change.diagnostics.add(path);
    change.counts = true;
    // A codebook node whose total crossed zero gains or loses its "unused" diagnostic.
    if (crossed.some((id) => this.tree.has(id))) change.diagnostics.add(this.config.codebook);
  }

  private recountAll(): void {
    this.counts_.clear();
    for (const entry of this.transcripts.values()) {
      entry.contribution = contributionOf(entry.parsed, this.tree);
      this.counts_.apply(entry.parsed.caseId, entry.contribution, +1);
    }
  }

  // ---- queries -------------------------------------------------------------

  get projectConfig(): ProjectConfig {
    return this.config;
  }

  get codebookPath(): string {
    return this.config.codebook;
  }

  get hasCodebook(): boolean {
    return this.codebook !== undefined;
  }

  /** Where the codebook text ends (undefined without a codebook). */
  get codebookEnd(): Position | undefined {
    return this.codebook?.end;
  }

  /** The parsed codebook (offsets, line endings), for edit plans. */
  get parsedCodebook(): ParsedCodebook | undefined {
    return this.codebook;
  }

  /** Every codebook node in document order (duplicates included). */
  codebookNodes(): readonly CodebookNode[] {
    return this.codebook?.nodes ?? [];
  }

  node(id: string): CodebookNode | undefined {
    return this.tree.node(id);
  }

  children(id: string | undefined): readonly CodebookNode[] {
    return this.tree.children(id);
  }

  /** The node and its ancestors, innermost first. */
  ancestors(id: string): readonly string[] {
    return this.tree.ancestors(id);
  }

  counts(id: string): NodeCounts {
    return this.counts_.get(id);
  }

  /** Codes used in transcripts but not in the codebook, sorted. */
  uncategorisedCodes(): string[] {
    return [...this.usage.names()].filter((id) => !this.tree.has(id)).sort();
  }

  /** Every code name used in transcripts. */
  usedCodes(): IterableIterator<string> {
    return this.usage.names();
  }

  /** How many `#name` tokens of this code the transcripts hold. */
  useCount(name: string): number {
    return this.usage.count(name);
  }

  /** How many transcripts and coded segments (extracts) the project has: running totals. */
  get transcriptCount(): number {
    return this.transcripts.size;
  }

  get extractCount(): number {
    return this.segmentTotal;
  }

  transcriptPaths(): string[] {
    return [...this.transcripts.keys()].sort();
  }

  transcript(path: string): ParsedTranscript | undefined {
    return this.transcripts.get(path)?.parsed;
  }

  /** Every `#name` token of a code across all transcripts, by file path then position. */
  tokensOf(name: string): TokenRef[] {
    const out: TokenRef[] = [];
    for (const path of [...this.usage.files(name)].sort()) {
      const tokens = this.transcripts.get(path)?.parsed.tokens.filter((t) => t.name === name) ?? [];
      tokens.sort((a, b) => a.start - b.start);
      for (const token of tokens) out.push({ path, token });
    }
    return out;
  }

  /**
   * Segments tagged with `id` (and, with `descendants`, with any code below it),
   * by file path then position. Costs only the files that use those codes.
   */
  segmentsOf(id: string, descendants = true, limit = Infinity): SegmentRef[] {
    const ids = descendants ? this.tree.descendantsAndSelf(id) : new Set([id]);
    const paths = new Set<string>();
    for (const code of ids) for (const path of this.usage.files(code)) paths.add(path);
    const out: SegmentRef[] = [];
    for (const path of [...paths].sort()) {
      const parsed = this.transcripts.get(path)!.parsed;
      for (const segment of parsed.segments) {
        if (out.length >= limit) return out;
        if (segment.codes.some((c) => ids.has(c))) out.push({ path, caseId: parsed.caseId, segment });
      }
    }
    return out;
  }

  // ---- diagnostics ---------------------------------------------------------

  /** Every file that can carry diagnostics now. */
  diagnosticPaths(): string[] {
    const paths = new Set(this.transcripts.keys());
    paths.add(this.config.codebook);
    if (this.hasConfig) paths.add(CONFIG_FILE);
    return [...paths].sort();
  }

  diagnostics(path: string): Diagnostic[] {
    if (path === CONFIG_FILE) return this.hasConfig ? this.configDiagnostics : [];
    if (path === this.config.codebook) return codebookDiagnostics(this.codebook, this.config.codebook, this.tree, this.counts_);
    const entry = this.transcripts.get(path);
    return entry ? transcriptDiagnostics(entry.parsed, this.tree, this.codebook !== undefined) : [];
  }

  // ---- paranoid mode -------------------------------------------------------

  /** A canonical description of everything the index derives (for comparisons). */
  snapshot(): string {
    const diagnostics = this.diagnosticPaths().map((p) => [p, this.diagnostics(p)] as const);
    return JSON.stringify({ extracts: this.segmentTotal, stats: this.counts_.snapshot(), usage: this.usage.snapshot(), diagnostics, uncategorised: this.uncategorisedCodes() });
  }

  private checkParanoid(path: string, summary: FileSummary | undefined, role: FileRole): void {
    if (!this.summaries) return;
    if (summary === undefined) this.summaries.delete(path);
    else if (role !== 'other') this.summaries.set(path, summary);
    const fresh = ProjectIndex.fromSummaries(this.summaries);
    const expected = fresh.snapshot();
    const actual = this.snapshot();
    if (expected !== actual) {
      throw new Error(`Paranoid check failed after updating ${path}:\nincremental: ${actual}\nfrom scratch: ${expected}`);
    }
  }

  /** Builds an index from scratch: the config first, then the codebook, then transcripts. */
  static build(files: Map<string, string>, options: IndexOptions = {}): ProjectIndex {
    const index = new ProjectIndex(options);
    for (const path of loadOrder(files.keys(), (p) => index.codebookPath === p)) index.update(path, files.get(path)!);
    return index;
  }

  private static fromSummaries(summaries: Map<string, FileSummary>): ProjectIndex {
    const index = new ProjectIndex();
    for (const path of loadOrder(summaries.keys(), (p) => index.codebookPath === p)) index.apply(path, summaries.get(path));
    return index;
  }
}

/**
 * The order a project is loaded in: marginalia.yml first (it says which file is
 * the codebook), then the codebook, then every other file. `isCodebook` is asked
 * after the config is known, so it must read the live index.
 */
export function* loadOrder(paths: Iterable<string>, isCodebook: (path: string) => boolean): Generator<string> {
  const all = [...paths];
  if (all.includes(CONFIG_FILE)) yield CONFIG_FILE;
  const codebook = all.find((p) => p !== CONFIG_FILE && isCodebook(p));
  if (codebook !== undefined) yield codebook;
  for (const p of all) if (p !== CONFIG_FILE && p !== codebook) yield p;
}
