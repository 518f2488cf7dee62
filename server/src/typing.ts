// Half-typed coding is not an error. While the analyst types `[…]{#`, `{#}`
// or the first letters of a code name, the paragraph being edited would flash
// "unclosed group", "malformed group" and "unknown code". The server holds
// those diagnostics back in that paragraph until the analyst pauses (no edit
// in the document for a moment) or edits elsewhere, then publishes them. The
// core stays pure: it reports everything; only publishing filters.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';

/** Diagnostics that half-typed coding produces. */
export const HELD_WHILE_TYPING: ReadonlySet<string> = new Set(['unclosed-group', 'malformed-group', 'unknown-code', 'unmatched-bracket', 'empty-extract']);

/** The default pause after which held diagnostics appear. */
export const TYPING_PAUSE_MS = 1000;

/** The longest paragraph (in lines, each way) searched for its edges. */
const MAX_PARAGRAPH_LINES = 500;

interface Typing<K> {
  key: K;
  startLine: number;
  endLine: number;
  timer: NodeJS.Timeout;
}

/** Remembers the one paragraph being typed in (keyed by document) and when to stop holding it back. */
export class TypingGuard<K> {
  private current: Typing<K> | undefined;

  constructor(private readonly pauseMs: number, private readonly republish: (key: K) => void) {}

  /** The analyst edited lines `startLine`–`endLine` (a paragraph) of the document `key`. */
  edited(key: K, startLine: number, endLine: number): void {
    const previous = this.current;
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      if (this.current?.timer !== timer) return;
      this.current = undefined;
      this.republish(key);
    }, this.pauseMs);
    this.current = { key, startLine, endLine, timer };
    // Moving on to another document shows what was held back there.
    if (previous && previous.key !== key) this.republish(previous.key);
  }

  /** The document closed or left the project: nothing is held for it any more. */
  forget(key: K): void {
    if (this.current?.key !== key) return;
    clearTimeout(this.current.timer);
    this.current = undefined;
  }

  /** The diagnostics to publish now for `key`. */
  filter(key: K, diagnostics: Diagnostic[]): Diagnostic[] {
    const c = this.current;
    if (!c || c.key !== key) return diagnostics;
    return diagnostics.filter((d) => !(HELD_WHILE_TYPING.has(String(d.code)) && d.range.end.line >= c.startLine && d.range.start.line <= c.endLine));
  }

  dispose(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
  }
}

/**
 * The lines of the paragraph(s) an edit touched: the changed region of the
 * new text (found by comparing it with the old one), widened to blank lines.
 */
export function editedParagraph(oldText: string, doc: TextDocument): { startLine: number; endLine: number } | undefined {
  const text = doc.getText();
  if (text === oldText) return undefined;
  const shorter = Math.min(text.length, oldText.length);
  let prefix = 0;
  while (prefix < shorter && text.charCodeAt(prefix) === oldText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && text.charCodeAt(text.length - 1 - suffix) === oldText.charCodeAt(oldText.length - 1 - suffix)) suffix++;
  const blank = (line: number): boolean => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).trim() === '';
  let startLine = doc.positionAt(prefix).line;
  let endLine = doc.positionAt(text.length - suffix).line;
  for (let n = 0; n < MAX_PARAGRAPH_LINES && startLine > 0 && !blank(startLine - 1); n++) startLine--;
  for (let n = 0; n < MAX_PARAGRAPH_LINES && endLine < doc.lineCount - 1 && !blank(endLine + 1); n++) endLine++;
  return { startLine, endLine };
}
