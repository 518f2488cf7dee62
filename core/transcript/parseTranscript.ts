// Parses one transcript into what every feature needs: coded segments, the
// code tokens (for hover, definition, references, rename) and speaker turns
// (for outlines). Parsing never throws: whatever the input, it returns
// results plus diagnostics.

import { parse as parseYaml } from 'yaml';
import { CODE_NAME_SOURCE, INVISIBLE_CLASS, invisibleCharacter, normalizeCodeName } from '../codeName';
import { LineIndex, LineMap, stripBom } from '../text/lineIndex';
import { micromarkStructure, type TextBlock } from '../text/markdownBlocks';
import { simpleMarkdownStructure } from '../text/simpleMarkdown';
import type { Diagnostic } from '../types';

// Every offset below is a UTF-16 offset into the transcript's text after its
// byte-order mark; make positions with `lineMapOf(parsed)` at the edges.

export interface Segment {
  kind: 'span' | 'paragraph';
  /** Distinct codes, in the order first written. */
  codes: string[];
  /** The extract: inside the brackets, or the paragraph without its trailing group. Unique in a file (see `segmentId`). */
  start: number;
  end: number;
  /** The extract with coding markup removed and whitespace collapsed. */
  text: string;
}

export interface CodeToken {
  /** The code name without `#`, in Unicode NFC (see normalizeCodeName). */
  name: string;
  /** Covers `#name` as written in the source. */
  start: number;
  end: number;
  /** Index into `segments`, or -1 when the group codes nothing (an error). */
  segment: number;
}

export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
}

/** Where coding markup sits, as UTF-16 offsets (only with `{ markup: true }`, for renderers). */
export type CodingMarkup =
  | { kind: 'span'; open: number; close: number; groupEnd: number; codes: string[] }
  | { kind: 'paragraph'; start: number; end: number; codes: string[] };

export interface ParseOptions {
  /** Also return the offsets of coding markup (the markdown preview rewrites it). */
  markup?: boolean;
}

export interface ParsedTranscript {
  caseId: string;
  attributes: Record<string, unknown>;
  segments: Segment[];
  tokens: CodeToken[];
  turns: SpeakerTurn[];
  diagnostics: Diagnostic[];
  /** Where each line starts: enough to turn any offset above into a position. */
  lineStarts: number[];
  /** The whole text was read by the linear fast path (plain paragraphs and headings only). */
  fastPath?: true;
  markup?: CodingMarkup[];
}

/** Offsets of a parsed transcript → positions (the edges' converter). */
export function lineMapOf(parsed: { lineStarts: readonly number[] }): LineMap {
  return new LineMap(parsed.lineStarts);
}

/**
 * A segment's id, stable as long as the text before it is: the file and where
 * the extract starts (no two segments of a file start at the same offset).
 */
export function segmentId(path: string, segment: Pick<Segment, 'start'>): string {
  return `${path}@${segment.start}`;
}

const NAME_AT = new RegExp(`^#(${CODE_NAME_SOURCE})$`, 'u');
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SYNTAX_CHAR = /[[\]{\\]/g;
const SPEAKER = /\*\*([^*\r\n]{1,80}?):?\*\*/y;

/** The case id a transcript gets when its front matter names none. */
export function defaultCaseId(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function parseTranscript(source: string, path: string, options: ParseOptions = {}): ParsedTranscript {
  // A byte-order mark is not part of the text: positions count from after it (micromark drops it too).
  const text = stripBom(source);
  const lines = new LineIndex(text);
  const conflicts = conflictRegions(text);
  // Marker lines are blanked (same length, offsets unchanged) before markdown reads the text:
  // `=======` would otherwise make the line above a setext heading and swallow its coding.
  const readable = conflicts.length > 0 ? blankMarkerLines(text, conflicts) : text;
  const simple = conflicts.length > 0 ? undefined : simpleMarkdownStructure(text);
  const structure = simple ?? micromarkStructure(readable);
  const result: ParsedTranscript = {
    caseId: defaultCaseId(path),
    attributes: {},
    segments: [],
    tokens: [],
    turns: [],
    diagnostics: [],
    lineStarts: lines.starts as number[],
    // Read by the fast path: an edit inside one paragraph may be re-read alone (reparse.ts).
    ...(simple ? { fastPath: true as const } : {}),
    // Only when asked: summaries stay plain JSON (no undefined members).
    ...(options.markup ? { markup: [] } : {}),
  };
  if (structure.frontMatter) readFrontMatter(structure.frontMatter, lines, result);
  for (const region of conflicts) {
    const first = lines.position(region.markers[0][0]).line;
    const last = lines.position(region.markers[region.markers.length - 1][0]).line;
    result.diagnostics.push({
      range: lines.range(region.markers[0][0], region.markers[0][1]),
      severity: 'error',
      message: `Unresolved merge conflict (lines ${first + 1}–${last + 1}): git could not merge this passage. Keep the words and codings you want, then delete the <<<<<<<, ======= and >>>>>>> lines. Until then the codings of both sides are counted.`,
      code: 'merge-conflict',
    });
  }
  for (const block of structure.blocks) scanBlock(text, block, lines, result);
  for (const [from, to] of structure.indentedCode ?? []) hintCodingInCode(text, from, to, lines, result);
  return result;
}

/** A git conflict: its marker lines ([start, end) of each, without the line break), in order. */
interface ConflictRegion {
  markers: Array<[number, number]>;
}

const MARKER_LINE = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?$/gm;

/**
 * Git's conflict markers: a `<<<<<<<` line, then `=======` (after an optional diff3
 * `|||||||` base), then `>>>>>>>`, each at a line start. Lone `=======` lines are
 * ordinary markdown (a setext underline) and stay so.
 */
export function conflictRegions(text: string): ConflictRegion[] {
  if (!text.includes('<<<<<<<')) return [];
  const regions: ConflictRegion[] = [];
  let open: ConflictRegion | undefined;
  let sawSeparator = false;
  MARKER_LINE.lastIndex = 0;
  for (let m = MARKER_LINE.exec(text); m; m = MARKER_LINE.exec(text)) {
    let end = m.index + m[0].length;
    if (text.charCodeAt(end - 1) === 13 /* \r */) end--;
    const kind = m[1][0];
    if (kind === '<') {
      open = { markers: [[m.index, end]] };
      sawSeparator = false;
    } else if (open && kind === '|' && !sawSeparator) open.markers.push([m.index, end]);
    else if (open && kind === '=' && !sawSeparator) {
      open.markers.push([m.index, end]);
      sawSeparator = true;
    } else if (open && kind === '>' && sawSeparator) {
      open.markers.push([m.index, end]);
      regions.push(open);
      open = undefined;
    }
  }
  return regions;
}

function blankMarkerLines(text: string, regions: ConflictRegion[]): string {
  let out = '';
  let at = 0;
  for (const { markers } of regions) {
    for (const [start, end] of markers) {
      out += text.slice(at, start) + ' '.repeat(end - start);
      at = end;
    }
  }
  return out + text.slice(at);
}

const CODING_IN_CODE = new RegExp(`\\{#${CODE_NAME_SOURCE}[^}\\r\\n]*\\}?`, 'gu');

/** An indented paragraph that became a code block: say why its coding is ignored. */
function hintCodingInCode(text: string, from: number, to: number, lines: LineIndex, out: ParsedTranscript): void {
  CODING_IN_CODE.lastIndex = from;
  const m = CODING_IN_CODE.exec(text);
  if (!m || m.index >= to) return;
  out.diagnostics.push({
    range: lines.range(m.index, Math.min(m.index + m[0].length, to)),
    severity: 'info',
    message: 'This coding is ignored: the paragraph is indented by 4 spaces or a tab, so markdown reads it as a code block. Remove the indentation to code it.',
    code: 'coding-in-code-block',
  });
}

function readFrontMatter(fm: { start: number; end: number; value: string }, lines: LineIndex, out: ParsedTranscript): void {
  let data: unknown;
  try {
    data = parseYaml(fm.value);
  } catch (e) {
    // yaml counts positions inside the front matter and ends its first line with "at line 2, column 5:".
    const pos = (e as { pos?: [number, number] }).pos;
    const valueStart = lines.text.indexOf(fm.value, fm.start);
    const at = pos && valueStart >= 0 ? lines.range(valueStart + pos[0], valueStart + Math.max(pos[0], pos[1])) : lines.range(fm.start, fm.end);
    const reason = firstLine(e).replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/[\s:]+$/, '');
    out.diagnostics.push({
      range: at,
      severity: 'warning',
      message: `The front matter is not valid YAML, so this transcript's case attributes are ignored: ${reason}.`,
      code: 'invalid-front-matter',
    });
    return;
  }
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.diagnostics.push({
      range: lines.range(fm.start, fm.end),
      severity: 'warning',
      message: 'The front matter should be a list of attributes such as "case: P09" and "role: Primary care OT"; it is ignored.',
      code: 'invalid-front-matter',
    });
    return;
  }
  const attributes: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const caseValue = attributes.case;
  delete attributes.case;
  if (typeof caseValue === 'string' || typeof caseValue === 'number') {
    if (String(caseValue).trim() !== '') out.caseId = String(caseValue).trim();
  } else if (caseValue !== undefined && caseValue !== null) {
    out.diagnostics.push({
      range: lines.range(fm.start, fm.end),
      severity: 'warning',
      message: `"case" should be a name such as P09; the file name "${out.caseId}" is used instead.`,
      code: 'invalid-front-matter',
    });
  }
  out.attributes = attributes;
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0];
}

interface OpenBracket {
  offset: number;
}

interface Group {
  start: number;
  end: number;
  names: Array<{ name: string; start: number; end: number }>;
  valid: boolean;
}

/** Scans one paragraph, heading or table row. */
function scanBlock(text: string, block: TextBlock, lines: LineIndex, out: ParsedTranscript): void {
  const { start, end, excluded } = block;
  const stack: OpenBracket[] = [];
  // Coding markup inside this block: removed from extract texts.
  const markup: Array<[number, number]> = [];
  const spans: Array<{ open: number; close: number; group: Group }> = [];
  const bareGroups: Group[] = [];
  // In a table row each cell is read on its own: an extract never crosses a cell boundary.
  const cells = block.cells;
  let cell = 0;
  let scopeEnd = cells ? cells[0][1] : end;
  let ex = 0;
  let i = start;
  while (i < end) {
    // Jump to the next character that can matter; everything else is plain text.
    SYNTAX_CHAR.lastIndex = i;
    const next = SYNTAX_CHAR.exec(text);
    if (!next || next.index >= end) break;
    i = next.index;
    if (cells && i >= scopeEnd) {
      while (cell < cells.length && cells[cell][1] <= i) cell++;
      if (cell >= cells.length) break;
      stack.length = 0;
      scopeEnd = cells[cell][1];
      if (i < cells[cell][0]) {
        i = cells[cell][0];
        continue;
      }
    }
    while (ex < excluded.length && excluded[ex][1] <= i) ex++;
    if (ex < excluded.length && excluded[ex][0] <= i) {
      i = excluded[ex][1];
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += i + 1 < scopeEnd && ASCII_PUNCTUATION.test(text[i + 1]) ? 2 : 1;
      continue;
    }
    if (c === 91 /* [ */) {
      stack.push({ offset: i });
      i++;
      continue;
    }
    if (c === 93 /* ] */) {
      const opener = stack.pop();
      if (isGroupStart(text, i + 1, scopeEnd, excluded, ex)) {
        const group = readGroup(text, i + 1, scopeEnd, lines, out);
        if (!opener) {
          out.diagnostics.push({
            range: lines.range(i, group.end),
            severity: 'error',
            message: cells
              ? 'This coding has no opening "[" in its table cell: an extract cannot run across cells, so code each cell on its own (or the whole row with {#code} at its end).'
              : 'This coding has no opening "[" in its paragraph: put "[" where the extract starts.',
            code: 'unmatched-bracket',
          });
          recordTokens(group, -1, out);
          markup.push([i, i + 1], [group.start, group.end]);
        } else if (text.slice(opener.offset + 1, i).trim() === '') {
          out.diagnostics.push({
            range: lines.range(opener.offset, group.end),
            severity: 'error',
            message: 'This coded extract is empty: put the words you are coding between "[" and "]".',
            code: 'empty-extract',
          });
          recordTokens(group, -1, out);
          markup.push([opener.offset, opener.offset + 1], [i, i + 1], [group.start, group.end]);
        } else {
          spans.push({ open: opener.offset, close: i, group });
          markup.push([opener.offset, opener.offset + 1], [i, i + 1], [group.start, group.end]);
        }
        i = group.end;
        continue;
      }
      i++;
      continue;
    }
    if (c === 123 /* { */ && isGroupStart(text, i, scopeEnd, excluded, ex)) {
      const group = readGroup(text, i, scopeEnd, lines, out);
      bareGroups.push(group);
      markup.push([group.start, group.end]);
      i = group.end;
      continue;
    }
    if (c === 123 /* { */) hintSpacedGroup(text, i, scopeEnd, lines, out);
    i++;
  }

  markup.sort((a, b) => a[0] - b[0]);

  // In a heading, a trailing {#id} is the heading's id, not coding.
  let blockEnd = end;
  if (block.kind === 'heading' && bareGroups.length > 0) {
    const last = bareGroups[bareGroups.length - 1];
    if (text.slice(last.end, end).trim() === '') {
      bareGroups.pop();
      blockEnd = last.start;
      // Several codes cannot be an id: the analyst meant to code the heading.
      if (last.valid && last.names.length > 1) {
        const names = last.names.map((n) => `#${n.name}`);
        const atx = /^#{1,6}(?:[ \t]+|$)/.exec(text.slice(start, last.start))?.[0].length ?? 0;
        const title = extractText(text, start + atx, last.start, markup, block.quoteDepth) || 'the words';
        out.diagnostics.push({
          range: lines.range(last.start, last.end),
          severity: 'info',
          message: `A group at the end of a heading is the heading's id, not coding, so this heading is not coded with ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}: to code its words, write [${title}]${text.slice(last.start, last.end)}.`,
          code: 'heading-group',
        });
      }
    }
  }

  // Segments are stored in document order: the paragraph first, then spans by opening bracket.
  const validBare = bareGroups.filter((g) => g.valid);
  for (const g of bareGroups) if (!g.valid) recordTokens(g, -1, out);
  if (validBare.length > 0) {
    // The extract is the paragraph without its trailing coding group(s).
    let extractEnd = blockEnd;
    for (let k = bareGroups.length - 1; k >= 0; k--) {
      const g = bareGroups[k];
      if (text.slice(g.end, extractEnd).trim() !== '') break;
      extractEnd = g.start;
    }
    while (extractEnd > start && /\s/.test(text[extractEnd - 1])) extractEnd--;
    const index = out.segments.length;
    out.segments.push({
      kind: 'paragraph',
      codes: distinct(validBare.flatMap((g) => g.names.map((n) => n.name))),
      start,
      end: extractEnd,
      text: extractText(text, start, extractEnd, markup, block.quoteDepth),
    });
    for (const g of validBare) {
      recordTokens(g, index, out);
      out.markup?.push({ kind: 'paragraph', start: g.start, end: g.end, codes: g.names.map((n) => n.name) });
    }
  }

  spans.sort((a, b) => a.open - b.open);
  for (const span of spans) {
    if (!span.group.valid) continue;
    const index = out.segments.length;
    out.segments.push({
      kind: 'span',
      codes: distinct(span.group.names.map((n) => n.name)),
      start: span.open + 1,
      end: span.close,
      text: extractText(text, span.open + 1, span.close, markup, block.quoteDepth),
    });
    recordTokens(span.group, index, out);
    out.markup?.push({ kind: 'span', open: span.open, close: span.close, groupEnd: span.group.end, codes: distinct(span.group.names.map((n) => n.name)) });
  }

  SPEAKER.lastIndex = start;
  const speaker = block.kind === 'paragraph' && text.charCodeAt(start) === 42 ? SPEAKER.exec(text) : null;
  if (speaker && speaker.index + speaker[0].length <= end) {
    out.turns.push({ speaker: speaker[1].trim(), start, end });
  }
}

const SPACED_GROUP = new RegExp(`\\{([\\s${INVISIBLE_CLASS}]+)(#${CODE_NAME_SOURCE}(?:\\s+#${CODE_NAME_SOURCE})*)\\s*\\}`, 'uy');

/** `{ #a}`: a space (or an invisible character) after `{` makes the group plain text. Say so. */
function hintSpacedGroup(text: string, at: number, end: number, lines: LineIndex, out: ParsedTranscript): void {
  SPACED_GROUP.lastIndex = at;
  const m = SPACED_GROUP.exec(text);
  if (!m || at + m[0].length > end) return;
  const fixed = `{${m[2].split(/\s+/).join(' ')}}`;
  const invisible = invisibleCharacter(m[1]);
  out.diagnostics.push({
    range: lines.range(at, at + m[0].length),
    severity: 'info',
    message: invisible
      ? `This is plain text, not coding: there is an invisible ${invisible} between "{" and "#". Delete it: ${fixed}.`
      : `This is plain text, not coding: a coding group starts with "{#" and no space between them, as in ${fixed}.`,
    code: 'spaced-group',
  });
}

function isGroupStart(text: string, at: number, end: number, excluded: Array<[number, number]>, ex: number): boolean {
  if (at + 1 >= end || text.charCodeAt(at) !== 123 || text.charCodeAt(at + 1) !== 35) return false;
  for (let k = ex; k < excluded.length && excluded[k][0] <= at + 1; k++) {
    if (excluded[k][1] > at) return false;
  }
  return true;
}

/** Reads `{#a #b}` starting at `{`. Anything but `#name` items and whitespace makes it malformed. */
function readGroup(text: string, at: number, end: number, lines: LineIndex, out: ParsedTranscript): Group {
  // The group ends at the first `}`; a bracket or another `{` first means it was never closed.
  let close = at + 2;
  while (close < end && !'{}[]'.includes(text[close])) close++;
  if (close >= end || text[close] !== '}') {
    // Unclosed: the group is only `{#name`, so the rest of the paragraph is still read.
    let stop = at + 2;
    while (stop < end && !/[\s{}[\]]/.test(text[stop])) stop++;
    out.diagnostics.push({
      range: lines.range(at, stop),
      severity: 'error',
      message: 'This coding group is not closed: add "}" after the last code, as in {#code}.',
      code: 'unclosed-group',
    });
    return { start: at, end: stop, names: [], valid: false };
  }
  const inner = text.slice(at + 1, close);
  const names: Group['names'] = [];
  let valid = true;
  const item = /\S+/g;
  let m: RegExpExecArray | null;
  let bad: string | undefined;
  while ((m = item.exec(inner))) {
    const name = NAME_AT.exec(m[0]);
    if (!name) {
      valid = false;
      bad = m[0];
      break;
    }
    const s = at + 1 + m.index;
    names.push({ name: normalizeCodeName(name[1]), start: s, end: s + m[0].length });
  }
  if (names.length === 0) valid = false;
  if (!valid) {
    // Say which invisible character (pasted from a PDF or a web page) breaks it, if one does.
    const invisible = invisibleCharacter(inner);
    const where = bad !== undefined && invisibleCharacter(bad) ? bad : 'it';
    out.diagnostics.push({
      range: lines.range(at, close + 1),
      severity: 'error',
      message: invisible
        ? `This coding group is malformed: ${where} contains an invisible ${invisible} (often pasted from a PDF or a web page). Delete it.`
        : `This coding group is malformed: write codes as #name separated by spaces, as in {#role-blur #identity-threat}.`,
      code: 'malformed-group',
    });
    names.length = 0;
  } else {
    for (const n of names) {
      const invisible = invisibleCharacter(n.name);
      if (!invisible) continue;
      out.diagnostics.push({
        range: lines.range(n.start, n.end),
        severity: 'info',
        message: `${text.slice(n.start, n.end)} contains an invisible ${invisible}, so it is a different code from the one it looks like. Delete it.`,
        code: 'invisible-character',
      });
    }
  }
  return { start: at, end: close + 1, names, valid };
}

function recordTokens(group: Group, segment: number, out: ParsedTranscript): void {
  for (const n of group.names) out.tokens.push({ name: n.name, start: n.start, end: n.end, segment });
}

function distinct(names: string[]): string[] {
  return [...new Set(names)];
}

/** The source between `from` and `to` without coding markup, whitespace collapsed. */
function extractText(text: string, from: number, to: number, markup: Array<[number, number]>, quoteDepth: number): string {
  // Markup is sorted and disjoint: start at the first piece that ends after `from`.
  let lo = 0;
  let hi = markup.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markup[mid][1] <= from) lo = mid + 1;
    else hi = mid;
  }
  let s = '';
  let pos = from;
  for (let k = lo; k < markup.length && markup[k][0] < to; k++) {
    const [a, b] = markup[k];
    if (a > pos) s += text.slice(pos, a);
    pos = Math.max(pos, b);
  }
  if (pos < to) s += text.slice(pos, to);
  if (quoteDepth > 0) {
    const marker = new RegExp(`(\\r\\n|\\r|\\n)[ \\t]{0,3}(?:>[ \\t]?){0,${quoteDepth}}`, 'g');
    s = s.replace(marker, '$1');
  }
  return s.replace(/\s+/g, ' ').trim();
}
