// A linear fast path for the markdown most transcripts are made of: front
// matter, ATX headings, blank lines and paragraphs of speech with brackets and
// coding. On anything else — lists, quotes, code, HTML, tabs, backticks, `<`,
// setext underlines, link definitions, tables (`|`, or a line starting with
// `:`) — it answers `undefined` and the caller
// uses micromark. Where it answers, it finds exactly what remark finds:
// test/robustness/markdownDifferential.test.ts compares them on thousands of
// generated documents.

import type { MarkdownStructure, TextBlock } from './markdownBlocks';

/** A line that starts a block the fast path does not handle (after up to 3 spaces). */
const COMPLEX_START = /^ {0,3}(?:[->`~<=|:]|[*+_](?:[ \t]|$)|\d{1,9}[.)]|[*_](?:\s*[-*_]){2,}\s*$|\[[^\]]*\]:)/;
const ATX = /^( {0,3})(#{1,6})(?: +|$)/;

export function simpleMarkdownStructure(text: string): MarkdownStructure | undefined {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || text.includes('`') || text.includes('<') || text.includes('\u0000')) return undefined;
  // A `|` may make a GitHub table (with a delimiter row such as `|---|`, `:--` or `--:`).
  if (text.includes('|')) return undefined;
  // A link reference definition's label may span lines: leave any `]:` to micromark.
  if (text.includes(']:')) return undefined;
  const result: MarkdownStructure = { blocks: [] };
  const n = text.length;
  const cr = text.includes('\r');
  let pos = 0;

  // Front matter: `---` on the first line, up to the next `---` line.
  if (text.startsWith('---')) {
    const firstEnd = lineEnd(text, 0);
    if (firstEnd !== 3) return undefined;
    let at = nextLine(text, firstEnd);
    let closing = -1;
    while (at < n) {
      const e = lineEnd(text, at);
      if (text.slice(at, e) === '---') {
        closing = at;
        break;
      }
      at = nextLine(text, e);
    }
    if (closing < 0) return undefined;
    const valueStart = nextLine(text, firstEnd);
    const valueEnd = closing > valueStart ? lineEndBefore(text, closing) : valueStart;
    const value = text.slice(valueStart, valueEnd);
    // Blank lines inside or around the value are read differently by the extension: not on the fast path.
    if (value.split(/\r\n|\r|\n/).some((l) => l.trim() === '')) return undefined;
    result.frontMatter = { start: 0, end: closing + 3, value };
    pos = nextLine(text, closing + 3);
  }

  let paragraph: TextBlock | undefined;
  while (pos < n) {
    // Without a \r in the text a line ends at the next \n: the engine's own search, not a loop.
    const nl = cr ? -1 : text.indexOf('\n', pos);
    const end = cr ? lineEnd(text, pos) : nl < 0 ? n : nl;
    const first = text.charCodeAt(pos);
    if (isLetter(first) && paragraph) {
      // The common case: speech continuing a paragraph. No block starts with a letter.
      paragraph.end = end;
      pos = nextLine(text, end);
      continue;
    }
    const line = text.slice(pos, end);
    if (/^ *$/.test(line)) {
      // Blank in markdown's sense: spaces only (tabs never reach here; other Unicode spaces are text).
      paragraph = undefined;
    } else if (!isLetter(first) && COMPLEX_START.test(line)) {
      return undefined;
    } else {
      const atx = first === 35 || first === 32 ? ATX.exec(line) : null;
      if (atx) {
        paragraph = undefined;
        const start = pos + atx[1].length;
        const content = line.slice(atx[0].length);
        // Closing sequences and trailing spaces have their own rules: not on the fast path.
        if (content === '' || /[ #]$/.test(line) || /^#+$/.test(content)) return undefined;
        result.blocks.push({ kind: 'heading', start, end, quoteDepth: 0, excluded: [] });
      } else if (paragraph) {
        paragraph.end = end;
      } else {
        const indent = /^ */.exec(line)![0].length;
        if (indent >= 4) return undefined; // indented code
        paragraph = { kind: 'paragraph', start: pos + indent, end, quoteDepth: 0, excluded: [] };
        result.blocks.push(paragraph);
      }
    }
    pos = nextLine(text, end);
  }
  return result;
}

/** ASCII letters and everything beyond ASCII: no markdown block starts with these. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 128;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function nextLine(text: string, end: number): number {
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return end < text.length ? end + 1 : end;
}

/** The end of the line before the one starting at `lineStart`. */
function lineEndBefore(text: string, lineStart: number): number {
  let i = lineStart;
  if (text.charCodeAt(i - 1) === 10) i--;
  if (text.charCodeAt(i - 1) === 13) i--;
  return i;
}
