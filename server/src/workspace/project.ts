// One coding project = one workspace folder: its index, fed from disk and
// overlaid by the editor's unsaved documents. All paths inside are relative
// to the folder with `/`; URIs exist only at this boundary.

import { basename, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseTranscript, ProjectIndex, reparseTranscript, type IndexChange } from '../../../core';
import { diskReader, readProjectFile, type SkippedFile } from '../../../host/projectFiles';
import { decodeText, loadFromAsync, overlayReader } from '../../../host/loader';
import { cacheFileIn, ParseCache } from '../../../host/parseCache';
import { projectRoots } from '../../../host/findProject';

/**
 * The projects a workspace folder holds: itself when it has a marginalia.yml or
 * codebook.md at its top (or no project anywhere below: transcripts without a
 * codebook yet), else each project found below it, as if each were a
 * workspace folder of its own.
 */
export function projectsOfFolder(root: string, name: string, paranoid = false): Project[] {
  return projectRoots(root, { walkUp: false }).map((r) => new Project(r, r === root ? name : `${name}/${relative(root, r).split(sep).join('/') || basename(r)}`, paranoid));
}

export class Project {
  readonly index: ProjectIndex;
  /** Unsaved editor text wins over the file on disk. */
  private readonly open = new Map<string, string>();
  /** The URI the editor used for a path, so published diagnostics match its documents. */
  private readonly uris = new Map<string, string>();
  readonly skipped = new Map<string, string>();
  /** Paths whose last published diagnostics were not empty: cleared when they leave the project. */
  readonly published = new Set<string>();

  /** Set while the project (re)loads every file: requests wait for it, so none sees a half-built index. */
  loading: Promise<void> | undefined;

  constructor(readonly root: string, readonly name: string, private readonly paranoid = false) {
    this.index = new ProjectIndex({ paranoid });
  }

  /** The path relative to the root with `/`, or undefined when outside this project. */
  relativePath(fsPath: string): string | undefined {
    const rel = relative(this.root, fsPath);
    if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) return undefined;
    return rel.split(sep).join('/');
  }

  uri(path: string): string {
    return this.uris.get(path) ?? pathToFileURL(join(this.root, path)).href;
  }

  rememberUri(path: string, uri: string): void {
    this.uris.set(path, uri);
  }

  /** Changes with every change of the index (a request that spans awaits compares it). */
  get revision(): number {
    return this.index.revision;
  }

  /** Reads every project file (the editor's unsaved text over the disk), in batches so the server stays responsive. */
  async loadAll(onProgress?: (done: number, total: number) => void, cacheDir?: string): Promise<Set<string>> {
    // Files published before (some may just have left the project: excluded, deleted) are published again.
    const before = new Set([...this.published, ...this.index.diagnosticPaths(), ...this.skipped.keys()]);
    const cache = new ParseCache(cacheDir ? cacheFileIn(cacheDir, this.root) : undefined);
    const { skipped } = await loadFromAsync(overlayReader(diskReader(this.root), this.open), this.index, onProgress, { cache });
    this.skipped.clear();
    for (const s of skipped) this.skipped.set(s.path, s.reason);
    return new Set([...before, ...this.index.diagnosticPaths(), ...this.skipped.keys()]);
  }

  /** The editor opened or changed a document. */
  setOpen(path: string, text: string): IndexChange {
    const before = this.open.get(path);
    this.open.set(path, text);
    return this.updateOpen(path, text, before);
  }

  /** Indexes an open document's text, unless it is over the size limit files on disk have. */
  private updateOpen(path: string, text: string, before?: string): IndexChange {
    const decoded = decodeText(text);
    if ('skipped' in decoded) {
      this.skipped.set(path, decoded.skipped);
      const change = this.index.remove(path);
      change.diagnostics.add(path);
      return change;
    }
    this.skipped.delete(path);
    // A keystroke re-reads only the paragraph it touched, when the text before it is the one indexed.
    const prev = before !== undefined && this.index.classify(path) === 'transcript' ? this.index.transcript(path) : undefined;
    if (prev && before !== undefined) {
      const transcript = reparseTranscript(prev, before, text, path);
      if (this.paranoid) {
        const fresh = parseTranscript(text, path);
        if (!isDeepStrictEqual(fresh, transcript)) throw new Error(`Paranoid check failed: re-reading one paragraph of ${path} differs from a full parse`);
      }
      return this.index.apply(path, { role: 'transcript', transcript });
    }
    return this.index.update(path, text);
  }

  /** The editor closed a document: the file on disk is the truth again. */
  close(path: string): IndexChange {
    this.open.delete(path);
    return this.refresh(path);
  }

  /** The file's text as the editor sees it: its unsaved text, else the file on disk (undefined when unreadable). */
  text(path: string): string | undefined {
    const open = this.open.get(path);
    if (open !== undefined) return open;
    const result = readProjectFile(join(this.root, path));
    return 'text' in result ? result.text : undefined;
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  /**
   * Re-reads one file from disk (created, changed or deleted), unless the editor
   * holds it. A folder (deleted or created with its files) re-reads every file
   * of the project known under it.
   */
  refresh(path: string): IndexChange {
    const under = `${path}/`;
    const inside = [...new Set([...this.index.transcriptPaths(), ...this.skipped.keys(), ...this.published])].filter((p) => p.startsWith(under));
    if (inside.length > 0) {
      const change: IndexChange = { diagnostics: new Set(), counts: false, reclassify: false };
      for (const p of inside) {
        const c = this.refreshFile(p);
        for (const d of c.diagnostics) change.diagnostics.add(d);
        change.counts ||= c.counts;
        change.reclassify ||= c.reclassify;
      }
      return change;
    }
    return this.refreshFile(path);
  }

  private refreshFile(path: string): IndexChange {
    const open = this.open.get(path);
    if (open !== undefined) return this.updateOpen(path, open);
    if (this.index.classify(path) === 'other') return { diagnostics: new Set(), counts: false, reclassify: false };
    const result = readProjectFile(join(this.root, path));
    if ('text' in result) {
      this.skipped.delete(path);
      return this.index.update(path, result.text);
    }
    const change = this.index.remove(path);
    if (result.missing) this.skipped.delete(path);
    else this.skipped.set(path, result.skipped);
    change.diagnostics.add(path);
    return change;
  }

  /** A file's current text: the editor's unsaved text, else the file on disk (undefined when unreadable). */
  textOf(path: string): string | undefined {
    const open = this.open.get(path);
    if (open !== undefined) return open;
    const result = readProjectFile(join(this.root, path));
    return 'text' in result ? result.text : undefined;
  }

  skippedFiles(): SkippedFile[] {
    return [...this.skipped].map(([path, reason]) => ({ path, reason }));
  }
}
