// Plain text → markdown that a reader (CommonMark, remark) and Marginalia's own
// parser read back as exactly that text: no headings, lists, quotes, code,
// HTML, links, emphasis, tables, entities or coding appear that were not there.
// Used by every importer (captions, Word, plain text, REFI-QDA). The rules are
// in docs/IMPORT.md; test/core/escapeMarkdown.test.ts proves them with
// generated text against remark and parseTranscript.
//
// Escaping only inserts backslashes (removing every inserted `\` gives back the
// input), so importers can map positions; `escapeMarkdownParagraph` also tidies
// whitespace that markdown would swallow or read as structure.

/** Always escaped: code, emphasis, strikethrough, tables, HTML/autolinks, and `\` itself. */
const ALWAYS = new Set(['\\', '`', '*', '_', '~', '|', '<']);

/** `&` that could start a character reference: `&#…`, `&name;`, or `&name` at the end. */
const REFERENCE_LIKE = /&(?:#|[A-Za-z0-9]*(?:;|$))/y;

export interface EscapeOptions {
  /**
   * The text starts a line (default true): a leading `#`, `>`, `-`, `+`, `=`, `1.` or
   * `1)` is escaped too. Escaping them mid-line is harmless, so leave it on when unsure.
   */
  lineStart?: boolean;
}

/**
 * Escapes a run of plain text for use inside a markdown paragraph. Every line start
 * inside the text is treated as a line start. It only inserts backslashes; leading
 * indentation of four or more spaces on the first line of a paragraph, trailing
 * double spaces and blank lines are the caller's to avoid (or use
 * {@link escapeMarkdownParagraph}).
 */
export function escapeMarkdownText(text: string, options: EscapeOptions = {}): string {
  const brackets = balancedBrackets(text);
  let out = '';
  let atLineStart = options.lineStart ?? true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (atLineStart) {
      atLineStart = false;
      // Skip the indentation (kept as written), then look at the line's first character.
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      out += text.slice(i, j);
      i = j;
      if (i >= n) break;
      const escapedStart = lineStartEscape(text, i);
      if (escapedStart !== undefined) {
        out += escapedStart.text;
        i = escapedStart.next;
        continue;
      }
    }
    const c = text[i];
    if (c === '\n' || c === '\r') {
      out += c;
      if (c === '\r' && text[i + 1] === '\n') {
        out += '\n';
        i++;
      }
      atLineStart = true;
    } else if (ALWAYS.has(c)) {
      out += '\\' + c;
    } else if (c === '[' || c === ']') {
      out += brackets.has(i) ? c : '\\' + c;
    } else if (c === '{') {
      // `{#` would be a coding group; a `{` at the end may meet a `#` the caller adds.
      out += i + 1 >= n || text[i + 1] === '#' ? '\\{' : c;
    } else if (c === '&') {
      // Only where it could start a character reference (`&amp;`, `&#39;`).
      // At the end of the text, a `;` the caller adds could complete one.
      REFERENCE_LIKE.lastIndex = i;
      out += REFERENCE_LIKE.test(text) ? '\\&' : c;
    } else if (c === '!' && text[i + 1] === '[') {
      out += '\\!';
    } else {
      out += c;
    }
    i++;
  }
  return out;
}

/** The escaped form of a line-start construct at `i`, if there is one. */
function lineStartEscape(text: string, i: number): { text: string; next: number } | undefined {
  const c = text[i];
  const after = text[i + 1];
  const endsToken = after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r';
  // Headings, block quotes: always at a line start.
  if (c === '#' || c === '>') return { text: '\\' + c, next: i + 1 };
  // Bullets (`- `, `+ `), thematic breaks and setext underlines (`---`, `===`).
  if ((c === '-' || c === '+') && (endsToken || /^[-+][ \t]*[-+]/.test(text.slice(i, i + 64)))) return { text: '\\' + c, next: i + 1 };
  if (c === '=') return { text: '\\=', next: i + 1 };
  // A GitHub table's delimiter row (`:---`, `-:`; pipes are always escaped) under a line.
  if (c === ':' || c === '-') {
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (/^:?-+:?[ \t]*$/.test(text.slice(i, end))) return { text: '\\' + c, next: i + 1 };
  }
  // Ordered list items: up to nine digits, then `.` or `)`, then a space or the end of the line.
  const ordered = /^(\d{1,9})([.)])(?=[ \t\r\n]|$)/.exec(text.slice(i, i + 12));
  if (ordered) return { text: ordered[1] + '\\' + ordered[2], next: i + ordered[0].length };
  return undefined;
}

/**
 * Offsets of `[` and `]` that may stay as written: pairs matched on one line whose
 * `]` is not followed by `(`, `[`, `{` or `:` (a link, a reference, coding, a link
 * definition) and not at the end of the text (the caller may append any of those).
 * Transcript notation such as `[laughs]` stays readable; every other bracket is escaped.
 */
function balancedBrackets(text: string): Set<number> {
  const keep = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') stack.length = 0;
    else if (c === '[') stack.push(i);
    else if (c === ']') {
      const open = stack.pop();
      const next = text[i + 1];
      if (open === undefined || next === undefined || next === '(' || next === '[' || next === '{' || next === ':') continue;
      // An image label would need `](`, excluded above; `![` is escaped anyway.
      keep.add(open);
      keep.add(i);
    }
  }
  return keep;
}

/**
 * A paragraph of plain text as markdown: line endings become `\n`, each line's
 * leading and trailing spaces and tabs are dropped (markdown ignores them, and
 * they could start a code block or a hard line break), blank lines are dropped
 * (they would split the paragraph), U+0000 is dropped, and the rest is escaped with
 * {@link escapeMarkdownText}. Renders back as {@link normalizeParagraphText} of the input.
 */
export function escapeMarkdownParagraph(text: string): string {
  return escapeMarkdownText(normalizeParagraphText(text));
}

/** The text a paragraph made by {@link escapeMarkdownParagraph} renders as. */
export function normalizeParagraphText(text: string): string {
  const lines: string[] = [];
  for (const raw of text.replace(/\u0000/g, '').split(/\r\n|\r|\n/)) {
    let line = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    // A byte-order mark at the very start of a document is not text to a markdown reader.
    if (lines.length === 0) line = line.replace(/^(?:\ufeff[ \t]*)+/, '');
    if (line !== '') lines.push(line);
  }
  return lines.join('\n');
}

/**
 * An ATX heading (`## text`) that renders as the given text: the text is one line,
 * escaped, and a trailing `#` run (which markdown would drop as a closing sequence)
 * is escaped too.
 */
export function markdownHeading(level: number, text: string): string {
  const line = normalizeParagraphText(text).replace(/\n/g, ' ');
  let body = escapeMarkdownText(line, { lineStart: false });
  body = body.replace(/(^|[ \t])(#+)$/, (_, space: string, hashes: string) => `${space}\\${hashes}`);
  // A heading's text may not start with what would read as structure inside it either.
  body = body.replace(/^(#)/, '\\$1');
  const marks = '#'.repeat(Math.min(6, Math.max(1, Math.round(level))));
  return body === '' ? marks : `${marks} ${body}`;
}
