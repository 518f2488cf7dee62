// markdown-it plugin for VS Code's built-in preview: coded extracts are shown
// highlighted with their codes as small labels instead of raw `]{#code}`
// markup. The core's parser finds the markup (one implementation of the
// language); everything taken from the transcript stays markdown or is escaped.

import { parseTranscript, type CodingMarkup } from '../../core';

interface Token {
  type: string;
  content: string;
}
interface MarkdownIt {
  core: { ruler: { after(name: string, rule: string, fn: (state: { tokens: Token[] }) => void): void } };
  utils: { escapeHtml(s: string): string };
}

export function markdownItCoding(mdInput: unknown): unknown {
  const md = mdInput as MarkdownIt;
  md.core.ruler.after('block', 'marginalia_coding', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.content.includes('{#')) token.content = rewrite(token.content, md.utils.escapeHtml);
    }
  });
  return md;
}

/** Replaces coding markup in one paragraph's inline source with HTML tags. */
export function rewrite(source: string, escapeHtml: (s: string) => string): string {
  const markup = parseTranscript(source, 'preview.md', { markup: true }).markup ?? [];
  if (markup.length === 0) return source;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const labels = (m: CodingMarkup): string => escapeHtml(m.codes.map((c) => `#${c}`).join(' '));
  for (const m of markup) {
    if (m.kind === 'span') {
      edits.push({ start: m.open, end: m.open + 1, text: `<mark class="marginalia-extract" title="${labels(m)}">` });
      edits.push({ start: m.close, end: m.groupEnd, text: `<sup class="marginalia-codes">${labels(m)}</sup></mark>` });
    } else {
      edits.push({ start: m.start, end: m.end, text: `<span class="marginalia-codes marginalia-paragraph-codes">${labels(m)}</span>` });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
