// The workspace index: one entry per file, kept up to date one file at a time.
// Updating a transcript re-parses that file only and applies the difference of
// its contribution to the counts; nothing per edit walks the whole project.
// Only the codebook's *structure* changing (ids or parents) recounts every
// transcript's stored segments — still without re-parsing anything.
//
// Paranoid mode (as in marksman) keeps every text and, after each update,
// rebuilds a fresh index from scratch and throws on any difference.

import { closestName } from '../codeName';
import { parseCodebook, type CodebookNode, type ParsedCodebook } from '../codebook/parseCodebook';
import { parseTranscript, type ParsedTranscript, type Segment, type CodeToken } from '../transcript/parseTranscript';
import type { Diagnostic, Position } from '../types';
import { CONFIG_FILE, DEFAULT_CONFIG, FileClassifier, parseConfig, type ProjectConfig, type FileRole } from './config';

export interface NodeCounts {
  /** Segments tagged with this id. */
  direct: number;
  /** Distinct segments tagged with this id or any descendant. */
  total: number;
  /** Distinct cases among those segments. */
  cases: number;
}

export interface IndexChange {
  /** Files whose diagnostics may have changed (publish these). */
  diagnostics: Set<string>;
  /** Counts, the code tree or the uncategorised codes changed. */
  counts: boolean;
  /** marginalia.yml changed which files are transcripts: offer every file again. */
  reclassify: boolean;
}

interface NodeStats {
  direct: number;
  total: number;
  /** case id → number of transcripts of that case contributing segments. */
  caseFiles: Map<string, number>;
}

interface TranscriptEntry {
  parsed: ParsedTranscript;
  /** node id → this file's contribution to that node's counts. */
  contribution: Map<string, { direct: number; total: number }>;
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
  private nodesById = new Map<string, CodebookNode>();
  private childrenById = new Map<string | undefined, CodebookNode[]>();
  private ancestorsById = new Map<string, string[]>();
  private readonly transcripts = new Map<string, TranscriptEntry>();
  private readonly stats = new Map<string, NodeStats>();
  /** code name → file → number of `#name` tokens there. */
  private readonly usage = new Map<string, Map<string, number>>();
  private readonly texts: Map<string, string> | undefined;

  constructor(options: IndexOptions = {}) {
    this.texts = options.paranoid ? new Map() : undefined;
  }

  // ---- updates -------------------------------------------------------------

  /** What a file is in this project, by its path relative to the root (with `/`). */
  classify(path: string): FileRole {
    return this.classifier.classify(path);
  }

  /** Sets (adds or replaces) a file's text. Files that are not part of the project are ignored. */
  update(path: string, text: string): IndexChange {
    const change = this.apply(path, text);
    this.afterUpdate(path, text);
    return change;
  }

  /** Forgets a file (deleted, renamed away, or no longer part of the project). */
  remove(path: string): IndexChange {
    const change = this.apply(path, undefined);
    this.afterUpdate(path, undefined);
    return change;
  }

  private apply(path: string, text: string | undefined): IndexChange {
    const change: IndexChange = { diagnostics: new Set(), counts: false, reclassify: false };
    switch (this.classify(path)) {
      case 'config':
        this.setConfig(text, change);
        break;
      case 'codebook':
        this.setCodebook(text === undefined ? undefined : parseCodebook(text), change);
        break;
      case 'transcript':
        this.setTranscript(path, text === undefined ? undefined : parseTranscript(text, path), change);
        break;
      case 'other':
        break;
    }
    return change;
  }

  private setConfig(text: string | undefined, change: IndexChange): void {
    const parsed = text === undefined ? { config: DEFAULT_CONFIG, diagnostics: [] } : parseConfig(text);
    this.hasConfig = text !== undefined;
    this.configDiagnostics = parsed.diagnostics;
    change.diagnostics.add(CONFIG_FILE);
    const previous = this.config;
    this.config = parsed.config;
    if (JSON.stringify(parsed.config) === JSON.stringify(previous)) return;
    // Which files are transcripts changed: start over, the host offers every file again.
    this.classifier = new FileClassifier(parsed.config);
    for (const path of this.transcripts.keys()) change.diagnostics.add(path);
    change.diagnostics.add(previous.codebook);
    this.transcripts.clear();
    this.stats.clear();
    this.usage.clear();
    this.codebook = undefined;
    this.rebuildTree();
    if (this.texts) for (const p of [...this.texts.keys()]) if (p !== CONFIG_FILE) this.texts.delete(p);
    change.reclassify = true;
    change.counts = true;
  }

  private setCodebook(parsed: ParsedCodebook | undefined, change: IndexChange): void {
    const oldIds = new Set(this.nodesById.keys());
    const oldShape = this.treeShape();
    this.codebook = parsed;
    this.rebuildTree();
    change.diagnostics.add(this.config.codebook);
    change.counts = true;
    if (this.treeShape() !== oldShape) this.recountAll();
    // Uses of codes that became defined or undefined get new diagnostics.
    const newIds = new Set(this.nodesById.keys());
    for (const id of new Set([...oldIds, ...newIds])) {
      if (oldIds.has(id) === newIds.has(id)) continue;
      for (const path of this.usage.get(id)?.keys() ?? []) change.diagnostics.add(path);
    }
  }

  private setTranscript(path: string, parsed: ParsedTranscript | undefined, change: IndexChange): void {
    const old = this.transcripts.get(path);
    const crossings = { zero: false };
    if (old) {
      this.applyContribution(old, -1, crossings);
      this.applyUsage(path, old.parsed, -1);
      this.transcripts.delete(path);
    }
    if (parsed) {
      const entry: TranscriptEntry = { parsed, contribution: this.contributionOf(parsed) };
      this.transcripts.set(path, entry);
      this.applyContribution(entry, +1, crossings);
      this.applyUsage(path, parsed, +1);
    }
    change.diagnostics.add(path);
    change.counts = true;
    if (crossings.zero) change.diagnostics.add(this.config.codebook);
  }

  // ---- counting ------------------------------------------------------------

  private rebuildTree(): void {
    this.nodesById = new Map();
    this.childrenById = new Map();
    for (const node of this.codebook?.nodes ?? []) {
      if (this.nodesById.has(node.id)) continue; // a duplicate id: the first one counts
      this.nodesById.set(node.id, node);
      const siblings = this.childrenById.get(node.parent) ?? [];
      siblings.push(node);
      this.childrenById.set(node.parent, siblings);
    }
    this.ancestorsById = new Map();
    for (const id of this.nodesById.keys()) {
      const chain: string[] = [];
      const seen = new Set<string>();
      for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = this.nodesById.get(cur)?.parent) {
        seen.add(cur);
        chain.push(cur);
      }
      this.ancestorsById.set(id, chain);
    }
  }

  private treeShape(): string {
    const parts: string[] = [];
    for (const [id, node] of this.nodesById) parts.push(`${id}\u0000${node.parent ?? ''}`);
    return parts.join('\u0001');
  }

  private contributionOf(parsed: ParsedTranscript): TranscriptEntry['contribution'] {
    const contribution: TranscriptEntry['contribution'] = new Map();
    const bump = (id: string, field: 'direct' | 'total'): void => {
      let c = contribution.get(id);
      if (!c) contribution.set(id, (c = { direct: 0, total: 0 }));
      c[field]++;
    };
    for (const segment of parsed.segments) {
      const closure = new Set<string>();
      for (const code of segment.codes) {
        bump(code, 'direct');
        for (const a of this.ancestorsById.get(code) ?? [code]) closure.add(a);
      }
      for (const id of closure) bump(id, 'total');
    }
    return contribution;
  }

  private applyContribution(entry: TranscriptEntry, sign: 1 | -1, crossings: { zero: boolean }): void {
    const caseId = entry.parsed.caseId;
    for (const [id, c] of entry.contribution) {
      let s = this.stats.get(id);
      if (!s) this.stats.set(id, (s = { direct: 0, total: 0, caseFiles: new Map() }));
      const before = s.total;
      s.direct += sign * c.direct;
      s.total += sign * c.total;
      if (c.total > 0) {
        const files = (s.caseFiles.get(caseId) ?? 0) + sign;
        if (files > 0) s.caseFiles.set(caseId, files);
        else s.caseFiles.delete(caseId);
      }
      if ((before === 0) !== (s.total === 0) && this.nodesById.has(id)) crossings.zero = true;
      if (s.direct === 0 && s.total === 0) this.stats.delete(id);
    }
  }

  private applyUsage(path: string, parsed: ParsedTranscript, sign: 1 | -1): void {
    for (const token of parsed.tokens) {
      let files = this.usage.get(token.name);
      if (!files) this.usage.set(token.name, (files = new Map()));
      const n = (files.get(path) ?? 0) + sign;
      if (n > 0) files.set(path, n);
      else files.delete(path);
      if (files.size === 0) this.usage.delete(token.name);
    }
  }

  private recountAll(): void {
    this.stats.clear();
    const ignore = { zero: false };
    for (const entry of this.transcripts.values()) {
      entry.contribution = this.contributionOf(entry.parsed);
      this.applyContribution(entry, +1, ignore);
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

  /** Every codebook node in document order (duplicates included). */
  codebookNodes(): readonly CodebookNode[] {
    return this.codebook?.nodes ?? [];
  }

  node(id: string): CodebookNode | undefined {
    return this.nodesById.get(id);
  }

  children(id: string | undefined): readonly CodebookNode[] {
    return this.childrenById.get(id) ?? [];
  }

  /** The node and its ancestors, innermost first. */
  ancestors(id: string): readonly string[] {
    return this.ancestorsById.get(id) ?? [id];
  }

  counts(id: string): NodeCounts {
    const s = this.stats.get(id);
    return s ? { direct: s.direct, total: s.total, cases: s.caseFiles.size } : { direct: 0, total: 0, cases: 0 };
  }

  /** Codes used in transcripts but not in the codebook, sorted. */
  uncategorisedCodes(): string[] {
    return [...this.usage.keys()].filter((id) => !this.nodesById.has(id)).sort();
  }

  /** Every code name used in transcripts. */
  usedCodes(): IterableIterator<string> {
    return this.usage.keys();
  }

  /** How many `#name` tokens of this code the transcripts hold. */
  useCount(name: string): number {
    let n = 0;
    for (const count of this.usage.get(name)?.values() ?? []) n += count;
    return n;
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
    for (const path of [...(this.usage.get(name)?.keys() ?? [])].sort()) {
      const tokens = this.transcripts.get(path)?.parsed.tokens.filter((t) => t.name === name) ?? [];
      tokens.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      for (const token of tokens) out.push({ path, token });
    }
    return out;
  }

  /**
   * Segments tagged with `id` (and, with `descendants`, with any code below it),
   * by file path then position. Costs only the files that use those codes.
   */
  segmentsOf(id: string, descendants = true, limit = Infinity): SegmentRef[] {
    const ids = new Set([id]);
    if (descendants) {
      const queue = [id];
      while (queue.length > 0) {
        for (const child of this.children(queue.pop())) {
          if (ids.has(child.id)) continue;
          ids.add(child.id);
          queue.push(child.id);
        }
      }
    }
    const paths = new Set<string>();
    for (const code of ids) for (const path of this.usage.get(code)?.keys() ?? []) paths.add(path);
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
    if (path === this.config.codebook) return this.codebookDiagnostics();
    const entry = this.transcripts.get(path);
    if (!entry) return [];
    const out = [...entry.parsed.diagnostics];
    for (const token of entry.parsed.tokens) {
      if (this.nodesById.has(token.name) || !this.codebook) continue;
      const suggestion = closestName(token.name, this.nodesById.keys());
      out.push({
        range: token.range,
        severity: 'warning',
        message: suggestion
          ? `#${token.name} is not in the codebook — did you mean #${suggestion}?`
          : `#${token.name} is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.`,
        code: 'unknown-code',
        data: suggestion ? { name: token.name, suggestion } : { name: token.name },
      });
    }
    return sortDiagnostics(out);
  }

  private codebookDiagnostics(): Diagnostic[] {
    if (!this.codebook) {
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'info',
        message: `There is no codebook yet: create ${this.config.codebook} to define your themes and codes. Until then every code is uncategorised.`,
        code: 'no-codebook',
      }];
    }
    const out = [...this.codebook.diagnostics];
    for (const node of this.codebook.nodes) {
      if (this.nodesById.get(node.id) !== node || this.counts(node.id).total > 0) continue;
      const leaf = node.kind === 'code' && this.children(node.id).length === 0;
      out.push(leaf
        ? { range: node.idRange, severity: 'warning', message: `#${node.id} is not used in any transcript yet.`, code: 'unused-code' }
        : { range: node.idRange, severity: 'info', message: `No extract is coded with "${node.label || node.id}" or any code under it yet.`, code: node.kind === 'theme' ? 'unused-theme' : 'unused-code' });
    }
    return sortDiagnostics(out);
  }

  // ---- paranoid mode -------------------------------------------------------

  /** A canonical description of everything the index derives (for comparisons). */
  snapshot(): string {
    const stats = [...this.stats.entries()]
      .map(([id, s]) => [id, s.direct, s.total, [...s.caseFiles.entries()].sort()] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const usage = [...this.usage.entries()].map(([code, files]) => [code, [...files.entries()].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const diagnostics = this.diagnosticPaths().map((p) => [p, this.diagnostics(p)] as const);
    return JSON.stringify({ stats, usage, diagnostics, uncategorised: this.uncategorisedCodes() });
  }

  private afterUpdate(path: string, text: string | undefined): void {
    if (!this.texts) return;
    if (text === undefined) this.texts.delete(path);
    else if (this.classify(path) !== 'other') this.texts.set(path, text);
    const fresh = ProjectIndex.build(this.texts);
    const expected = fresh.snapshot();
    const actual = this.snapshot();
    if (expected !== actual) {
      throw new Error(`Paranoid check failed after updating ${path}:\nincremental: ${actual}\nfrom scratch: ${expected}`);
    }
  }

  /** Builds an index from scratch: the config first, then the codebook, then transcripts. */
  static build(files: Map<string, string>, options: IndexOptions = {}): ProjectIndex {
    const index = new ProjectIndex(options);
    const config = files.get(CONFIG_FILE);
    if (config !== undefined) index.update(CONFIG_FILE, config);
    const codebook = files.get(index.codebookPath);
    if (codebook !== undefined) index.update(index.codebookPath, codebook);
    for (const [path, text] of files) if (path !== CONFIG_FILE && path !== index.codebookPath) index.update(path, text);
    return index;
  }
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
