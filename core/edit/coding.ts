// Coding groups in a transcript's text, for plans that change codings
// (merge, uncode): the `#name` tokens of one `{#…}` group and its braces.

import type { CodeToken, ParsedTranscript } from '../transcript/parseTranscript';

export interface Group {
  tokens: CodeToken[];
  /** The offset of `{`, or -1 when the text does not show one before the first name. */
  open: number;
  /** The offset after `}`, or -1 when the group is not closed. */
  close: number;
}

/** The coding groups of a transcript: tokens side by side with only whitespace between them. */
export function groupsOf(text: string, parsed: ParsedTranscript): Group[] {
  const tokens = [...parsed.tokens].sort((a, b) => a.start - b.start);
  const groups: Group[] = [];
  for (const token of tokens) {
    const last = groups.at(-1);
    const prev = last?.tokens.at(-1);
    if (last && prev && /^\s*$/.test(text.slice(prev.end, token.start))) last.tokens.push(token);
    else groups.push({ tokens: [token], open: -1, close: -1 });
  }
  for (const g of groups) {
    let i = g.tokens[0].start;
    while (i > 0 && /\s/.test(text[i - 1])) i--;
    g.open = text[i - 1] === '{' ? i - 1 : -1;
    let j = g.tokens.at(-1)!.end;
    while (j < text.length && /\s/.test(text[j])) j++;
    g.close = text[j] === '}' ? j + 1 : -1;
  }
  return groups;
}

/**
 * The text from the group's first name to its last with some tokens renamed
 * (`rename` returns the new name) or left out (it returns undefined); the
 * whitespace before each kept name stays as written.
 */
export function rewriteGroup(text: string, group: Group, rename: (token: CodeToken) => string | undefined): { start: number; end: number; newText: string } {
  const parts: string[] = [];
  group.tokens.forEach((token, i) => {
    const name = rename(token);
    if (name === undefined) return;
    const gap = i === 0 ? '' : text.slice(group.tokens[i - 1].end, token.start);
    parts.push(`${parts.length === 0 ? '' : gap || ' '}#${name}`);
  });
  return { start: group.tokens[0].start, end: group.tokens.at(-1)!.end, newText: parts.join('') };
}
