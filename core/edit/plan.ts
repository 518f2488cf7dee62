// Edit plans: what a refactoring changes, as plain data. A plan is a list of
// `{path, offset, length, newText}` replacements, offsets in UTF-16 code units
// into the file's BOM-stripped text (the core's currency). Front ends convert
// a plan once, at their edge (the server into an LSP WorkspaceEdit).

import { stripBom } from '../text/lineIndex';
import type { ProjectIndex } from '../project/projectIndex';

export interface TextEditPlan {
  /** The file, relative to the project root with `/`. */
  path: string;
  /** UTF-16 offset into the BOM-stripped text. */
  offset: number;
  /** UTF-16 code units replaced. */
  length: number;
  newText: string;
}

export interface EditPlan {
  edits: TextEditPlan[];
  /** Files that do not exist yet and are created (empty) before the edits apply. */
  create?: string[];
}

/** A refactoring that cannot be done; the message is a sentence for the analyst. */
export class EditRefused extends Error {}

/** The front end cancelled the request while the plan was computed. */
export class EditCancelled extends Error {}

/**
 * What plans are computed from: the index, and the current text of any
 * project file (the editor's unsaved text wins over the disk; a leading BOM
 * may be present and is ignored).
 */
export interface EditSource {
  index: ProjectIndex;
  text(path: string): string | undefined;
  /** Checked between files: true when the request was cancelled (the plan throws EditCancelled). */
  cancelled?: () => boolean;
}

/** One file's text without its BOM. */
export class PlanFile {
  readonly text: string;

  constructor(readonly path: string, raw: string) {
    this.text = stripBom(raw);
  }

  /** The file's own line break (the first one it uses), `\n` when it has none. */
  get eol(): string {
    return lineEnding(this.text);
  }
}

/** Reads the files a plan needs, once each. */
export class PlanFiles {
  private readonly files = new Map<string, PlanFile | undefined>();

  constructor(private readonly source: EditSource) {}

  get(path: string): PlanFile | undefined {
    if (!this.files.has(path)) {
      if (this.source.cancelled?.()) throw new EditCancelled('cancelled');
      const raw = this.source.text(path);
      this.files.set(path, raw === undefined ? undefined : new PlanFile(path, raw));
    }
    return this.files.get(path);
  }
}

export function lineEnding(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * Applies the edits of `plan` that touch `path` to that file's text (BOM kept
 * in front when present). Edits must not overlap; order does not matter.
 */
export function applyPlan(raw: string, path: string, plan: EditPlan): string {
  const bom = raw.length - stripBom(raw).length;
  const edits = plan.edits.filter((e) => e.path === path).sort((a, b) => b.offset - a.offset || b.length - a.length);
  let text = raw;
  for (const e of edits) text = text.slice(0, bom + e.offset) + e.newText + text.slice(bom + e.offset + e.length);
  return text;
}

/** Sorts edits by path then offset (stable output for tests and clients). */
export function sortEdits(edits: TextEditPlan[]): TextEditPlan[] {
  return edits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.offset - b.offset));
}

/**
 * Applies non-overlapping `edits` (offsets into `text`) and returns the change
 * as one edit: the smallest range that differs. For plans whose pieces touch
 * each other (a block cut out next to where another goes in).
 */
export function asOneEdit(path: string, text: string, edits: Array<{ offset: number; length: number; newText: string }>): TextEditPlan[] {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length)) result = result.slice(0, e.offset) + e.newText + result.slice(e.offset + e.length);
  if (result === text) return [];
  let prefix = 0;
  const shorter = Math.min(text.length, result.length);
  while (prefix < shorter && text.charCodeAt(prefix) === result.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair or a CRLF.
  while (prefix > 0 && (isLowSurrogate(text.charCodeAt(prefix)) || (text[prefix] === '\n' && text[prefix - 1] === '\r'))) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && text.charCodeAt(text.length - 1 - suffix) === result.charCodeAt(result.length - 1 - suffix)) suffix++;
  while (suffix > 0 && (isLowSurrogate(text.charCodeAt(text.length - suffix)) || (text[text.length - suffix] === '\n' && text[text.length - suffix - 1] === '\r'))) suffix--;
  return [{ path, offset: prefix, length: text.length - suffix - prefix, newText: result.slice(prefix, result.length - suffix) }];
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
