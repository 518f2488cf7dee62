// Re-reads only the paragraph an edit touched. A keystroke changes one
// paragraph; when the whole transcript was read by the fast path (plain
// paragraphs and ATX headings: no lists, quotes, code, HTML, tables), blocks
// are separated by blank lines and read alone exactly as in context, so the
// paragraph between the blank lines around the edit is parsed by itself and
// spliced into the previous result, with everything after it shifted. Any
// other edit — across lines, near the start (front matter), outside the fast
// path — is a full parse. test/robustness/reparse.test.ts proves the result
// equal to a full parse over random edit sequences, and the server's paranoid
// mode checks every edit it makes.

import { LineMap, lineStartsOf } from '../text/lineIndex';
import type { Diagnostic } from '../types';
import { parseTranscript, type ParsedTranscript } from './parseTranscript';

const LONE_CR = /\r(?!\n)/;

/** The parse of `text`, reusing `prev` (the parse of `prevText`, the same file) where the edit allows. */
export function reparseTranscript(prev: ParsedTranscript, prevText: string, text: string, path: string): ParsedTranscript {
  const full = (): ParsedTranscript => parseTranscript(text, path);
  // Conflict markers change how the lines around them read (parseTranscript): read the whole file.
  if (text.includes('<<<<<<<')) return full();
  if (!prev.fastPath || prevText.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 0xfeff) return full();
  // Lines are found by \n below: a lone \r (old Mac line ends) takes the full parse.
  if (LONE_CR.test(text)) return full();
  // The changed region: old [p, oldEnd) became new [p, newEnd).
  const max = Math.min(prevText.length, text.length);
  let p = 0;
  while (p < max && prevText.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && prevText.charCodeAt(prevText.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = prevText.length - s;
  const newEnd = text.length - s;
  if (p === prevText.length && p === text.length) return prev;
  if (hasLineBreak(prevText, p, oldEnd) || hasLineBreak(text, p, newEnd)) return full();
  // The paragraph around the edit: from after the blank line before it to before the blank line after it.
  const ws = paragraphStart(text, p);
  const we = paragraphEnd(text, newEnd);
  if (ws <= 0 || we < 0) return full();
  const window = text.slice(ws, we);
  // A window that would read as front matter alone is not what it is in context.
  if (window.startsWith('---')) return full();
  const part = parseTranscript(window, path);
  if (!part.fastPath) return full();
  const delta = text.length - prevText.length;
  const oldWe = we - delta;

  // Split the previous results into before / inside / after the window.
  const segBefore = countBefore(prev.segments, ws);
  const segAfter = countBefore(prev.segments, oldWe);
  const prevLines = new LineMap(prev.lineStarts);
  const wsLine = prevLines.position(ws).line;
  const weLine = prevLines.position(oldWe).line;
  const shiftOffsets = <T extends { start: number; end: number }>(x: T, by: number): T => ({ ...x, start: x.start + by, end: x.end + by });
  const shiftLines = (d: Diagnostic, by: number): Diagnostic => ({
    ...d,
    range: { start: { line: d.range.start.line + by, character: d.range.start.character }, end: { line: d.range.end.line + by, character: d.range.end.character } },
  });
  const segments = [
    ...prev.segments.slice(0, segBefore),
    ...part.segments.map((x) => shiftOffsets(x, ws)),
    ...prev.segments.slice(segAfter).map((x) => shiftOffsets(x, delta)),
  ];
  const inserted = part.segments.length - (segAfter - segBefore);
  const tokens = [
    ...prev.tokens.filter((t) => t.start < ws),
    ...part.tokens.map((t) => ({ ...shiftOffsets(t, ws), segment: t.segment < 0 ? -1 : t.segment + segBefore })),
    ...prev.tokens.filter((t) => t.start >= oldWe).map((t) => ({ ...shiftOffsets(t, delta), segment: t.segment < 0 ? -1 : t.segment + inserted })),
  ];
  const turns = [
    ...prev.turns.filter((t) => t.start < ws),
    ...part.turns.map((t) => shiftOffsets(t, ws)),
    ...prev.turns.filter((t) => t.start >= oldWe).map((t) => shiftOffsets(t, delta)),
  ];
  // No line break changed: lines after the window keep their numbers and columns.
  const diagnostics = [
    ...prev.diagnostics.filter((d) => d.range.end.line < wsLine),
    ...part.diagnostics.map((d) => shiftLines(d, wsLine)),
    ...prev.diagnostics.filter((d) => d.range.start.line > weLine),
  ];
  return {
    caseId: prev.caseId,
    attributes: prev.attributes,
    segments,
    tokens,
    turns,
    diagnostics,
    lineStarts: lineStartsOf(text),
    fastPath: true,
  };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Blank in the fast path's sense: spaces only. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** The start of the line after the last blank line before `at`, or -1 when none comes first. */
function paragraphStart(text: string, at: number): number {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  while (lineStart > 0) {
    const prevEnd = text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    if (isBlank(text, prevStart, prevEnd)) return lineStart;
    lineStart = prevStart;
  }
  return -1;
}

/** The end of the last line before the next blank line at or after `at` (or the text's end), or -1. */
function paragraphEnd(text: string, at: number): number {
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) return text.length;
  for (;;) {
    const end = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const nextStart = lineEnd + 1;
    let nextEnd = text.indexOf('\n', nextStart);
    if (nextEnd < 0) nextEnd = text.length;
    const nextContentEnd = text.charCodeAt(nextEnd - 1) === 13 ? nextEnd - 1 : nextEnd;
    if (nextStart >= text.length || isBlank(text, nextStart, nextContentEnd)) return end;
    if (nextEnd >= text.length) return text.length;
    lineEnd = nextEnd;
  }
}

/** How many items start before `offset` (items are in document order). */
function countBefore(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let n = 0;
  while (n < items.length && items[n].start < offset) n++;
  return n;
}
