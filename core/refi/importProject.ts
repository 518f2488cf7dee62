// REFI-QDA → a Marginalia project (DESIGN.md §10): codebook.md from the code
// tree, one transcript per text source with every selection coded at exactly
// its code points, cases and variables as front matter, notes as memos.
//
// Codebook mapping: a code with children whose parent is a theme (or that is
// top level) becomes a theme — a heading, `#` to `######` — and every other code
// a list item `- #id: name`, nested under its parent. Under a heading its leaf
// codes come first, then its subthemes (markdown puts every list item after a
// subheading under that subheading). A top-level code named *Uncategorised*
// (what Marginalia exports for codes used but not defined) is not written: its
// codes stay inductive codes.
//
// Transcripts: the source text, escaped so that it renders as itself
// (core/text/escapeMarkdown.ts), with `[`…`]{#code}` inserted at the
// selections' edges. A span cannot cross a blank line, so a selection over
// several paragraphs is coded paragraph by paragraph; selections that cross
// (neither holds the other) are split where they cross. Every transcript is
// parsed back before anything is written, and its text and extracts must be
// exactly the source's and the selections'.

import { stringify as stringifyYaml } from 'yaml';
import { escapeMarkdownParagraph, escapeMarkdownText, markdownHeading, normalizeParagraphText } from '../text/escapeMarkdown';
import { CodePointIndex } from '../text/codePoints';
import { plainTranscript } from '../transcript/plainText';
import { plural } from '../wording';
import { CodeIdAllocator } from './codeIds';
import { UNCATEGORISED } from './exportProject';
import { normalizeGuid } from './guid';
import type { RefiCode, RefiProject, RefiTextSource, VariableType } from './model';
import { attributeValue } from './variables';

export interface ImportedFile {
  path: string;
  text: string;
}

export interface ImportSummary {
  codes: number;
  transcripts: number;
  cases: number;
  extracts: number;
  /** Selections split where they crossed another. */
  crossingSplit: number;
  /** Selections over more than one paragraph, coded paragraph by paragraph. */
  paragraphSplit: number;
  /** What was not imported, one phrase each ("2 picture sources (…)"). */
  notImported: string[];
}

export type ImportProjectResult = { files: ImportedFile[]; summary: ImportSummary } | { error: string };

/** A blank line (CRLF, CR or LF endings). */
const PARAGRAPH_BREAK = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/;

interface CodeEntry {
  code: RefiCode;
  id: string;
  /** A theme (heading) rather than a list item. */
  heading: boolean;
  inductive: boolean;
}

/** Ids for every code, and which codes are themes. */
function planCodes(codes: RefiCode[]): { entries: Map<string, CodeEntry>; order: CodeEntry[] } {
  const ids = new CodeIdAllocator();
  const entries = new Map<string, CodeEntry>();
  const order: CodeEntry[] = [];
  const visit = (code: RefiCode, parent: CodeEntry | undefined, depth: number, inductive: boolean): void => {
    const heading = !inductive && code.children.length > 0 && (parent === undefined || parent.heading) && depth < 6;
    const entry: CodeEntry = { code, id: ids.allocate(code.name || 'code', parent?.id), heading, inductive };
    entries.set(normalizeGuid(code.guid), entry);
    order.push(entry);
    for (const child of code.children) visit(child, entry, depth + 1, inductive);
  };
  for (const code of codes) {
    if (isUncategorised(code)) {
      for (const child of code.children) visit(child, undefined, 0, true);
    } else visit(code, undefined, 0, false);
  }
  return { entries, order };
}

function isUncategorised(code: RefiCode): boolean {
  return code.name === UNCATEGORISED && code.children.every((c) => c.children.length === 0);
}

/** codebook.md for a code tree. */
export function codebookMarkdown(codes: RefiCode[], notes: Map<string, string>, entries: Map<string, CodeEntry>): string {
  const out: string[] = [];
  const entryOf = (c: RefiCode): CodeEntry => entries.get(normalizeGuid(c.guid))!;
  const memoOf = (c: RefiCode): string[] =>
    c.noteRefs.map((g) => notes.get(normalizeGuid(g)) ?? '').flatMap((t) => t.split(PARAGRAPH_BREAK)).map(normalizeParagraphText).filter((p) => p !== '');
  const item = (c: RefiCode, indent: string): void => {
    const e = entryOf(c);
    const label = oneLine(c.name);
    out.push(`${indent}- #${e.id}${label && label !== e.id ? `: ${label}` : ''}`);
    const [definition, ...more] = (c.description ?? '').split(PARAGRAPH_BREAK).map(oneLine).filter((p) => p !== '');
    if (definition) out.push(`${indent}  ${safeLineStart(definition)}`);
    const memo = [...more.map(escapeMarkdownParagraph), ...memoOf(c).map(escapeMarkdownParagraph)];
    for (const p of memo) out.push('', `${indent}  ${p.replace(/\n/g, `\n${indent}  `)}`);
    if (memo.length > 0 && c.children.length > 0) out.push('');
    for (const child of c.children) item(child, indent + '  ');
  };
  const section = (children: RefiCode[], depth: number): void => {
    const leaves = children.filter((c) => !entryOf(c).heading);
    if (leaves.length > 0) {
      for (const c of leaves) item(c, '');
      out.push('');
    }
    for (const c of children.filter((c) => entryOf(c).heading)) {
      const e = entryOf(c);
      const heading = markdownHeading(depth + 1, c.name || e.id);
      out.push(`${heading} {#${e.id}}`, '');
      const paragraphs = [...(c.description ?? '').split(PARAGRAPH_BREAK), ...memoOf(c)].map(normalizeParagraphText).filter((p) => p !== '');
      for (const p of paragraphs) out.push(escapeMarkdownParagraph(p), '');
      section(c.children, depth + 1);
    }
  };
  section(codes.filter((c) => !isUncategorised(c)), 0);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A definition line under a list item is read as written; it only must not
 * interrupt the item's paragraph (a heading, quote, list, fence, HTML block or
 * underline), which a leading backslash prevents.
 */
function safeLineStart(line: string): string {
  return /^(#{1,6}(\s|$)|>|[-+*](\s|$)|1[.)](\s|$)|```|~~~|<[a-zA-Z/!?]|[-=_*](\s*[-=_*])*\s*$)/.test(line) ? `\\${line}` : line;
}

/** File names for sources: their names made safe, unique ignoring case. */
function fileNames(sources: RefiTextSource[]): string[] {
  const taken = new Set<string>();
  return sources.map((s) => {
    const base = s.name.replace(/\.(txt|rtf|docx?|md)$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '') || 'source';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return `transcripts/${name}.md`;
  });
}

interface Span {
  start: number;
  end: number;
  codes: string[];
}

/** Selections as properly nested spans: same extent merged, crossings split, no span across a blank line. */
export function nestSpans(text: string, selections: Span[]): { spans: Span[]; crossingSplit: number; paragraphSplit: number } {
  // Paragraph breaks: a line break, then one or more blank lines.
  const breaks: Array<[number, number]> = [];
  const blank = /(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/g;
  for (let m; (m = blank.exec(text)); ) breaks.push([m.index, m.index + m[0].length]);
  let paragraphSplit = 0;
  const pieces: Span[] = [];
  for (const sel of selections) {
    let from = sel.start;
    let split = false;
    for (const [a, b] of breaks) {
      if (b <= from || a >= sel.end) continue;
      if (a > from) pieces.push({ start: from, end: a, codes: sel.codes });
      from = b;
      split = true;
    }
    if (from < sel.end) pieces.push({ start: from, end: sel.end, codes: sel.codes });
    if (split) paragraphSplit++;
  }
  // Whitespace-only extracts are no extracts; the rest trimmed of surrounding spaces only where needed.
  const kept = pieces.filter((p) => text.slice(p.start, p.end).trim() !== '');
  // Same extent: one span, all codes.
  const byExtent = new Map<string, Span>();
  for (const p of kept) {
    const key = `${p.start}:${p.end}`;
    const seen = byExtent.get(key);
    if (seen) for (const c of p.codes) !seen.codes.includes(c) && seen.codes.push(c);
    else byExtent.set(key, { start: p.start, end: p.end, codes: [...p.codes] });
  }
  const queue = [...byExtent.values()].sort(order);
  const out: Span[] = [];
  const outByExtent = new Map<string, Span>();
  const stack: Span[] = [];
  let crossingSplit = 0;
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    while (stack.length > 0 && stack[stack.length - 1].end <= s.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.end < s.end) {
      // Crosses `top`: the part inside it stays, the rest goes on from where top ends.
      crossingSplit++;
      const rest = { start: top.end, end: s.end, codes: s.codes };
      s.end = top.end;
      insertSorted(queue, rest, i + 1);
    }
    const same = outByExtent.get(`${s.start}:${s.end}`);
    if (same) {
      for (const c of s.codes) if (!same.codes.includes(c)) same.codes.push(c);
      continue;
    }
    out.push(s);
    outByExtent.set(`${s.start}:${s.end}`, s);
    stack.push(s);
  }
  // A split may leave only spaces on one side: that part codes nothing.
  return { spans: out.filter((s) => text.slice(s.start, s.end).trim() !== ''), crossingSplit, paragraphSplit };
}

function order(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

function insertSorted(queue: Span[], s: Span, from: number): void {
  let lo = from;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(queue[mid], s) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, s);
}

/** The transcript's body: the text escaped, with coding markup at the spans' edges. */
export function codedMarkdown(text: string, spans: Span[], escapeAllBrackets: boolean): string {
  // Markup goes in as one private-use character per edge position, escaped with the text, then replaced.
  let marker = 0xe000;
  while (text.includes(String.fromCharCode(marker))) marker++;
  const mark = String.fromCharCode(marker);
  const at = new Map<number, { closes: Span[]; opens: Span[] }>();
  const edge = (p: number) => at.get(p) ?? (at.set(p, { closes: [], opens: [] }), at.get(p)!);
  for (const s of spans) {
    edge(s.start).opens.push(s);
    edge(s.end).closes.push(s);
  }
  const positions = [...at.keys()].sort((a, b) => a - b);
  const markup = positions.map((p) => {
    const { closes, opens } = at.get(p)!;
    closes.sort((a, b) => b.start - a.start); // innermost first
    opens.sort((a, b) => b.end - a.end); // outermost first
    return closes.map((s) => `]{${s.codes.map((c) => `#${c}`).join(' ')}}`).join('') + '['.repeat(opens.length);
  });
  let withMarks = '';
  let pos = 0;
  for (const p of positions) {
    withMarks += text.slice(pos, p) + mark;
    pos = p;
  }
  withMarks += text.slice(pos);
  let escaped = escapeMarkdownText(withMarks);
  if (escapeAllBrackets) escaped = escaped.replace(/\\[\s\S]|[[\]]/g, (m) => (m.length === 2 ? m : `\\${m}`));
  const parts = escaped.split(mark);
  return parts.map((part, i) => (i === 0 ? part : markup[i - 1] + part)).join('');
}

export interface ImportOptions {
  /** The .qdpx or .qdc file's name, for messages. */
  from: string;
}

export function importProject(project: RefiProject, options: ImportOptions): ImportProjectResult {
  const { entries, order: codeOrder } = planCodes(project.codes);
  const notes = new Map(project.notes.map((n) => [normalizeGuid(n.guid), n.text]));
  const files: ImportedFile[] = [];
  const notImported: string[] = [];
  if (project.codes.length > 0) files.push({ path: 'codebook.md', text: codebookMarkdown(project.codes, notes, entries) });

  const variables = new Map(project.variables.map((v) => [normalizeGuid(v.guid), v]));
  const casesOf = new Map<string, RefiProject['cases']>();
  for (const c of project.cases) for (const s of c.sources) {
    const key = normalizeGuid(s);
    casesOf.set(key, [...(casesOf.get(key) ?? []), c]);
  }
  const crlfAsOne = /atlas/i.test(project.origin ?? '');
  const names = fileNames(project.sources);
  let extracts = 0;
  let crossingSplit = 0;
  let paragraphSplit = 0;
  let inSeveralCases = 0;
  let sourceNotes = 0;
  for (const [i, source] of project.sources.entries()) {
    const text = source.text.replace(/^\uFEFF+/, '');
    const toUtf16 = positionMap(text, crlfAsOne);
    const selections: Span[] = [];
    const whole = source.codes.length > 0 ? [{ guid: source.guid, start: 0, end: toUtf16.length, codes: source.codes, noteRefs: [] }] : [];
    for (const sel of [...source.selections, ...whole]) {
      if (!Number.isInteger(sel.start) || !Number.isInteger(sel.end) || sel.start < 0 || sel.end > toUtf16.length || sel.start > sel.end) {
        return { error: `${options.from}: a coded extract in the source "${source.name}" lies outside its text (positions ${sel.start}–${sel.end}, the text has ${toUtf16.length} characters); nothing was imported.` };
      }
      const codes: string[] = [];
      for (const g of sel.codes) {
        const entry = entries.get(normalizeGuid(g));
        if (!entry) return { error: `${options.from}: a coded extract in the source "${source.name}" refers to a code that is not in the codebook (${g}); nothing was imported.` };
        if (!codes.includes(entry.id)) codes.push(entry.id);
      }
      sourceNotes += sel.noteRefs.length;
      if (codes.length > 0) selections.push({ start: toUtf16.at(sel.start), end: toUtf16.at(sel.end), codes });
    }
    sourceNotes += source.noteRefs.length;
    const nested = nestSpans(text, selections);
    crossingSplit += nested.crossingSplit;
    paragraphSplit += nested.paragraphSplit;
    extracts += nested.spans.length;

    const cases = casesOf.get(normalizeGuid(source.guid)) ?? [];
    if (cases.length > 1) inSeveralCases++;
    const front: Record<string, unknown> = {};
    if (cases[0]?.name) front.case = cases[0].name;
    for (const v of [...(cases[0]?.values ?? []), ...source.values]) {
      const variable = variables.get(normalizeGuid(v.variable));
      if (!variable || variable.name === '' || variable.name === 'case') continue;
      front[variable.name] = attributeValue(v.value, variable.type as VariableType);
    }
    const head = Object.keys(front).length > 0 ? `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n` : '';
    let body = '';
    let ok = false;
    for (const strict of [false, true]) {
      body = codedMarkdown(text, nested.spans, strict);
      if (readsBack(head + body, names[i], text, nested.spans)) {
        ok = true;
        break;
      }
    }
    if (!ok) return { error: `${options.from}: the source "${source.name}" cannot be written as a markdown transcript that reads back exactly (its layout, such as indented lines, means something else in markdown); nothing was imported.` };
    files.push({ path: names[i], text: head + body });
  }

  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] as const) {
    const list = project.otherSources.filter((s) => s.kind === kind);
    if (list.length === 0) continue;
    const word = { PictureSource: 'picture', PDFSource: 'PDF', AudioSource: 'audio', VideoSource: 'video' }[kind];
    const regions = list.reduce((n, s) => n + s.selections, 0);
    notImported.push(`${plural(list.length, `${word} source`)} (${list.map((s) => s.name).join(', ')})${regions > 0 ? ` with ${plural(regions, 'coded region')}` : ''}`);
  }
  if (sourceNotes > 0) notImported.push(`${plural(sourceNotes, 'note')} on sources and extracts`);
  if (inSeveralCases > 0) notImported.push(`${plural(inSeveralCases, 'source')} in more than one case (the first case is kept)`);
  const caseNames = new Set(project.sources.map((s) => casesOf.get(normalizeGuid(s.guid))?.[0]?.name).filter(Boolean));
  return {
    files,
    summary: {
      codes: codeOrder.length,
      transcripts: project.sources.length,
      cases: caseNames.size,
      extracts,
      crossingSplit,
      paragraphSplit,
      notImported,
    },
  };
}

/** REFI-QDA positions (code points; with crlfAsOne a CRLF counts one) → UTF-16 offsets. */
function positionMap(text: string, crlfAsOne: boolean): { length: number; at(position: number): number } {
  if (!crlfAsOne || !text.includes('\r\n')) {
    const cps = new CodePointIndex(text);
    return { length: cps.length, at: (p) => cps.toUtf16(p) };
  }
  const normal = text.replace(/\r\n/g, '\n');
  const cps = new CodePointIndex(normal);
  // UTF-16 offsets in `normal` of each LF that was a CRLF.
  const crlfs: number[] = [];
  for (let i = 0, removed = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
      crlfs.push(i - removed);
      removed++;
    }
  }
  return {
    length: cps.length,
    at: (p) => {
      const u = cps.toUtf16(p);
      let lo = 0;
      let hi = crlfs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (crlfs[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return u + lo;
    },
  };
}

/** Whether the transcript parses back to exactly the source text with exactly these extracts. */
function readsBack(markdown: string, path: string, text: string, spans: Span[]): boolean {
  const plain = plainTranscript(markdown, path, { removeFrontMatter: true, unescape: true });
  if (plain.text !== text) return false;
  if (plain.parsed.diagnostics.some((d) => d.severity === 'error')) return false;
  const got = plain.segments.map((s) => `${s.start}:${s.end}:${s.codes.join(' ')}`).sort();
  const want = spans.map((s) => `${s.start}:${s.end}:${s.codes.join(' ')}`).sort();
  return got.length === want.length && got.every((g, k) => g === want[k]);
}

