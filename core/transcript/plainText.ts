// The plain-text projection of a transcript: the text as a reader sees it, with
// coding markup removed (and, on request, the front matter and markdown's
// backslash escapes), plus an offset map both ways between the source and the
// plain text. Intercoder agreement compares its characters; REFI-QDA export
// writes it as a source's `.txt` and maps every segment onto it; reports quote it.
//
// Offsets are UTF-16 code units. Source offsets count in the BOM-stripped
// source (as every other offset in the core); a byte-order mark is never part
// of either text. REFI-QDA counts Unicode code points: see CodePointIndex
// (core/text/codePoints.ts) to convert plain offsets to and from them.

import { markdownStructure } from '../text/markdownBlocks';
import { stripBom } from '../text/lineIndex';
import { parseTranscript, type ParsedTranscript, type Segment } from './parseTranscript';

export interface PlainTextOptions {
  /**
   * Also remove the YAML front matter with the line break that ends it (its
   * attributes are the case's, not text anyone reads or codes). Default: kept.
   */
  removeFrontMatter?: boolean;
  /**
   * Also remove the backslash of markdown escapes such as `\[`, `\*` or `\#` in
   * paragraphs and headings (not in code), so the text reads `[`, `*`, `#` as
   * a rendered page shows them. Default: kept.
   */
  unescape?: boolean;
}

export interface PlainSegment {
  kind: Segment['kind'];
  /** Distinct codes, in the order first written. */
  codes: string[];
  /** [start, end) of the extract in the plain text (UTF-16). */
  start: number;
  end: number;
  /** The parsed segment (same index as in `parsed.segments`). */
  segment: Segment;
}

export interface PlainTranscript {
  caseId: string;
  attributes: Record<string, unknown>;
  /** The transcript as parsed: segments, tokens, diagnostics. */
  parsed: ParsedTranscript;
  /** The source with its byte-order mark removed: what source offsets count in. */
  source: string;
  /** The plain text. */
  text: string;
  /** Every coded segment, in the parser's order, placed in `text`. */
  segments: PlainSegment[];
  /** The source regions removed from the plain text: sorted, disjoint [start, end). */
  removed: ReadonlyArray<readonly [number, number]>;
  /**
   * A source offset (BOM-stripped, UTF-16) → the plain offset. An offset inside
   * removed markup maps to where the markup was (the plain offset of the
   * character after it). Clamped into the text.
   */
  toPlain(sourceOffset: number): number;
  /**
   * A plain offset → the source offset. Where markup was removed the plain
   * offset stands for two source places: `'after'` (the default) is after the
   * markup, where the next character is — right for the start of an extract;
   * `'before'` is right after the previous character — right for an end.
   */
  toSource(plainOffset: number, side?: 'before' | 'after'): number;
}

/** Projects a transcript (its full source, a BOM allowed) onto plain text. */
export function plainTranscript(source: string, path: string, options: PlainTextOptions = {}): PlainTranscript {
  const text = stripBom(source);
  const parsed = parseTranscript(text, path, { markup: true });
  const regions: Array<[number, number]> = [];
  for (const m of parsed.markup ?? []) {
    if (m.kind === 'span') regions.push([m.open, m.open + 1], [m.close, m.groupEnd]);
    else regions.push([m.start, m.end]);
  }
  if (options.removeFrontMatter || options.unescape) {
    const structure = markdownStructure(text);
    const fm = structure.frontMatter;
    if (options.removeFrontMatter && fm) regions.push([fm.start, afterLineBreak(text, fm.end)]);
    if (options.unescape) for (const block of structure.blocks) regions.push(...escapes(text, block.start, block.end, block.excluded));
  }
  const map = new OffsetMap(text, regions);
  const segments = parsed.segments.map((segment) => ({
    kind: segment.kind,
    codes: segment.codes,
    start: map.toPlain(segment.start),
    end: map.toPlain(segment.end),
    segment,
  }));
  return {
    caseId: parsed.caseId,
    attributes: parsed.attributes,
    parsed,
    source: text,
    text: map.text,
    segments,
    removed: map.removed,
    toPlain: (offset) => map.toPlain(offset),
    toSource: (offset, side = 'after') => map.toSource(offset, side),
  };
}

function afterLineBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return text.charCodeAt(at) === 10 ? at + 1 : at;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The backslashes of escapes between `start` and `end`, outside the excluded (code, HTML) regions. */
function escapes(text: string, start: number, end: number, excluded: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let ex = 0;
  for (let i = text.indexOf('\\', start); i >= 0 && i < end; i = text.indexOf('\\', i)) {
    while (ex < excluded.length && excluded[ex][1] <= i) ex++;
    if (ex < excluded.length && excluded[ex][0] <= i) {
      i = excluded[ex][1];
      continue;
    }
    if (i + 1 < end && ASCII_PUNCTUATION.test(text[i + 1])) {
      out.push([i, i + 1]);
      i += 2;
    } else i++;
  }
  return out;
}

/**
 * A text with some regions removed, and the offset map between the two. Kept
 * pieces are stored with their plain offsets, so both directions are one
 * binary search.
 */
export class OffsetMap {
  /** The text with the regions removed. */
  readonly text: string;
  /** The removed regions, merged: sorted, disjoint, non-empty. */
  readonly removed: ReadonlyArray<readonly [number, number]>;
  // Kept piece k: source [src[k], src[k] + len[k]) is plain [plain[k], plain[k] + len[k]).
  private readonly src: number[] = [];
  private readonly plain: number[] = [];
  private readonly len: number[] = [];

  constructor(
    readonly source: string,
    regions: Array<readonly [number, number]>,
  ) {
    const sorted = regions.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    const removed: Array<[number, number]> = [];
    for (const [a, b] of sorted) {
      const last = removed[removed.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else removed.push([Math.max(0, a), Math.min(source.length, b)]);
    }
    this.removed = removed;
    const parts: string[] = [];
    let pos = 0;
    let plainPos = 0;
    const keep = (to: number): void => {
      if (to <= pos) return;
      this.src.push(pos);
      this.plain.push(plainPos);
      this.len.push(to - pos);
      parts.push(source.slice(pos, to));
      plainPos += to - pos;
    };
    for (const [a, b] of removed) {
      keep(a);
      pos = b;
    }
    keep(source.length);
    this.text = parts.join('');
  }

  toPlain(sourceOffset: number): number {
    const o = Math.max(0, Math.min(sourceOffset, this.source.length));
    // The last kept piece starting at or before o.
    const k = lastAtOrBefore(this.src, o);
    if (k < 0) return 0;
    return this.plain[k] + Math.min(o - this.src[k], this.len[k]);
  }

  toSource(plainOffset: number, side: 'before' | 'after' = 'after'): number {
    const p = Math.max(0, Math.min(plainOffset, this.text.length));
    if (side === 'after') {
      // The piece holding the character at p.
      const k = lastAtOrBefore(this.plain, p);
      if (k >= 0 && p < this.plain[k] + this.len[k]) return this.src[k] + (p - this.plain[k]);
      // p is the end of the plain text: after any trailing markup.
      return this.source.length;
    }
    if (p === 0) return 0;
    // The piece holding the character before p.
    const k = lastAtOrBefore(this.plain, p - 1);
    return this.src[k] + (p - this.plain[k]);
  }
}

/** The last index whose value is ≤ x in an ascending array, or -1. */
function lastAtOrBefore(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
