// A transcript's text as a reader sees it, for REFI-QDA export: front matter,
// coding markup and markdown's backslash escapes removed (`\[laughs\]` reads
// `[laughs]`); all other markdown stays as written. Each coded segment's
// [start, end) is given in UTF-16 offsets of that text.

import { LineIndex, stripBom } from '../text/lineIndex';
import { markdownStructure } from '../text/markdownBlocks';
import { parseTranscript } from '../transcript/parseTranscript';

export interface ReaderSegment {
  codes: string[];
  start: number;
  end: number;
}

export interface ReaderText {
  caseId: string;
  attributes: Record<string, unknown>;
  text: string;
  segments: ReaderSegment[];
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

export function readerText(source: string, path: string): ReaderText {
  const text = stripBom(source);
  const parsed = parseTranscript(text, path, { markup: true });
  const structure = markdownStructure(text);
  const removed: Array<[number, number]> = [];
  if (structure.frontMatter) {
    let end = structure.frontMatter.end;
    const breaks = /^(?:\r\n|\r|\n)+/.exec(text.slice(end, end + 64));
    if (breaks) end += breaks[0].length;
    removed.push([0, end]);
  }
  for (const m of parsed.markup ?? []) {
    if (m.kind === 'span') removed.push([m.open, m.open + 1], [m.close, m.groupEnd]);
    else {
      // A trailing group and the spaces before it: the paragraph reads as if it were not there.
      let start = m.start;
      if (/^[ \t]*(\r|\n|$)/.test(text.slice(m.end, m.end + 256))) while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      removed.push([start, m.end]);
    }
  }
  // Backslash escapes, where markdown reads them (paragraphs and headings, outside code and HTML).
  for (const block of structure.blocks) {
    let ex = 0;
    for (let i = text.indexOf('\\', block.start); i >= 0 && i < block.end; i = text.indexOf('\\', i)) {
      while (ex < block.excluded.length && block.excluded[ex][1] <= i) ex++;
      if (ex < block.excluded.length && block.excluded[ex][0] <= i) {
        i = block.excluded[ex][1];
        continue;
      }
      if (i + 1 < block.end && ASCII_PUNCTUATION.test(text[i + 1])) {
        removed.push([i, i + 1]);
        i += 2;
      } else i += 1;
    }
  }
  const projection = removeRanges(text, removed);
  const lines = new LineIndex(text);
  const segments = parsed.segments.map((s) => ({
    codes: s.codes,
    start: projection.map(lines.offset(s.range.start)),
    end: projection.map(lines.offset(s.range.end)),
  }));
  return { caseId: parsed.caseId, attributes: parsed.attributes, text: projection.text, segments };
}

/** The text without the given (possibly overlapping) ranges, and where each source offset lands in it. */
export function removeRanges(text: string, ranges: Array<[number, number]>): { text: string; map(offset: number): number } {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const before: number[] = [];
  let total = 0;
  const parts: string[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    before.push(total);
    total += b - a;
    parts.push(text.slice(pos, a));
    pos = b;
  }
  parts.push(text.slice(pos));
  const map = (offset: number): number => {
    let lo = 0;
    let hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid][0] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return offset;
    const [a, b] = merged[lo - 1];
    return offset - before[lo - 1] - (Math.min(offset, b) - a);
  };
  return { text: parts.join(''), map };
}

/**
 * UTF-16 offsets ↔ Unicode code points (REFI-QDA counts code points), for one text.
 * With `crlfAsOne`, code point positions count a CRLF as one character (ATLAS.ti does).
 */
export class CodePoints {
  /** UTF-16 offsets of the second unit of each surrogate pair (and of each CRLF's LF when crlfAsOne). */
  private readonly extra: number[] = [];
  /** The same, as code point positions (of the character that carries the extra unit). */
  private readonly extraAt: number[] = [];
  readonly length: number;

  constructor(readonly text: string, crlfAsOne = false) {
    let cp = 0;
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const crlf = crlfAsOne && c === 13 && text.charCodeAt(i + 1) === 10;
      if (pair || crlf) {
        this.extra.push(i + 1);
        this.extraAt.push(cp);
        i++;
      }
    }
    this.length = cp;
  }

  /** Code point position of a UTF-16 offset. */
  toCodePoint(offset: number): number {
    return offset - countBelow(this.extra, offset + 1);
  }

  /** UTF-16 offset of a code point position. */
  toOffset(cp: number): number {
    return cp + countBelow(this.extraAt, cp);
  }
}

/** How many sorted values are < x. */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
