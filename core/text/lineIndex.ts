// Converts UTF-16 offsets (JavaScript string indices) to LSP positions.
// Line breaks are \n, \r\n and a lone \r, exactly the three LSP recognises.
//
// The core keeps offsets; positions are made at the edges (server, CLI). A file
// summary carries only its line starts, so `LineMap` converts offsets to
// positions without the text; `LineIndex` adds the text for position → offset.

import type { Position, Range } from '../types';

/** Where each line starts (offset 0 first), for `\n`, `\r\n` and a lone `\r`. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case: \n only, found by the engine's own search (no per-character loop).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offsets → positions, from line starts alone (what a file summary keeps). */
export class LineMap {
  constructor(readonly starts: readonly number[]) {}

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** Offsets ↔ positions for a text in hand. */
export class LineIndex extends LineMap {
  constructor(readonly text: string) {
    super(lineStartsOf(text));
  }

  /** The offset of a position, clamped into the document (never throws). */
  offset(pos: Position): number {
    const starts = this.starts;
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const lineStart = starts[pos.line];
    const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    let lineEnd = next;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }
}

/**
 * Removes leading byte-order marks; positions are counted without them. All of
 * them: micromark would silently drop one more and shift every offset.
 */
export function stripBom(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 0xfeff) i++;
  return i === 0 ? text : text.slice(i);
}
