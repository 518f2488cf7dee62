// The markdown structure Marginalia needs, from CommonMark as remark reads it:
// the blocks that may hold coding (paragraphs and headings) and, inside them,
// the regions that are never coding (inline code, inline HTML and HTML
// comments). Fenced/indented code blocks, HTML blocks and front matter are
// simply not blocks.
//
// Transcripts in the plain shape most transcripts have go through a linear
// fast path (simpleMarkdown.ts); the rest are read from micromark's event
// stream — the tokenizer under remark — without building remark's syntax tree.
// test/robustness/markdownDifferential.test.ts proves it finds exactly what
// the tree-based reference finds. The codebook, which needs the tree, uses
// parseMarkdownTree.

import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { simpleMarkdownStructure } from './simpleMarkdown';

export interface TextBlock {
  /** A `row` is one row of a GitHub table (header or body; never the delimiter row). */
  kind: 'paragraph' | 'heading' | 'row';
  /** For a row, where its first non-empty cell's text starts. */
  start: number;
  /**
   * For a heading, the end of its text (trailing spaces, a closing `#` sequence
   * and a setext underline are not part of it); for an empty heading, `start`.
   */
  end: number;
  /** How many block quotes hold this block (their `>` markers are not text). */
  quoteDepth: number;
  /** Sorted, disjoint [start, end) offsets inside the block that are never coding. */
  excluded: Array<[number, number]>;
  /** For a row: the text of each non-empty cell, [start, end) without the `|` and padding. */
  cells?: Array<[number, number]>;
}

export interface MarkdownStructure {
  frontMatter?: { start: number; end: number; value: string };
  blocks: TextBlock[];
  /** Indented code blocks (never coding), only when there are any: the parser hints at coding inside them. */
  indentedCode?: Array<[number, number]>;
}

/**
 * GitHub tables, exactly as remark-gfm reads them (the same micromark and mdast
 * table extensions remark-gfm uses). The rest of GFM (autolinks, task lists,
 * footnotes, strikethrough) is not read: transcripts are CommonMark plus tables.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml']);

/** remark's full syntax tree (for the codebook, which is small). */
export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}

const micromarkOptions = { extensions: [gfmTable(), frontmatter(['yaml'])] };
/**
 * micromark matches link and image brackets in quadratic time: a document with
 * this many `]` (say 100,000 coded spans) is read without link and image syntax,
 * which only matters for inline code or HTML inside a link destination or image
 * description. See docs/ROBUSTNESS.md.
 */
export const LINK_SYNTAX_BRACKET_LIMIT = 10_000;
const withoutLinks = {
  extensions: [gfmTable(), frontmatter(['yaml']), { disable: { null: ['labelStartLink', 'labelStartImage', 'labelEnd'] } }],
};

export function markdownStructure(text: string): MarkdownStructure {
  return simpleMarkdownStructure(text) ?? micromarkStructure(text);
}

/**
 * Where a heading's text ends, by CommonMark's rules, given the heading's extent:
 * without a setext underline, an ATX closing sequence or trailing spaces; an empty
 * heading ends where it starts. For the codebook, which reads remark's tree, and
 * for the differential test's reference (micromark's tokens say it directly).
 */
export function headingTextEnd(text: string, start: number, end: number): number {
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
  if (lastBreak >= start) {
    // Setext: the text is every line but the underline.
    let e = lastBreak;
    if (text.charCodeAt(e) === 10 && text.charCodeAt(e - 1) === 13) e--;
    while (e > start && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    return e;
  }
  const line = text.slice(start, end);
  const open = /^#{1,6}[ \t]*/.exec(line)![0].length;
  let content = line.slice(open).replace(/[ \t]+$/, '');
  if (/^#*$/.test(content)) return start;
  content = content.replace(/[ \t]+#+$/, '').replace(/[ \t]+$/, '');
  return start + open + content.length;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** The structure from micromark's event stream (every CommonMark construct). */
export function micromarkStructure(text: string): MarkdownStructure {
  let brackets = 0;
  for (let i = text.indexOf(']'); i >= 0 && brackets <= LINK_SYNTAX_BRACKET_LIMIT; i = text.indexOf(']', i + 1)) brackets++;
  const options = brackets > LINK_SYNTAX_BRACKET_LIMIT ? withoutLinks : micromarkOptions;
  const events = postprocess(parse(options).document().write(preprocess()(text, undefined, true)));
  const result: MarkdownStructure = { blocks: [] };
  let quoteDepth = 0;
  // remark flattens an image's label into plain alt text: nothing inside it is inline code or HTML.
  let imageDepth = 0;
  let block: TextBlock | undefined;
  let yamlValueStart = -1;
  let yamlValueEnd = -1;
  let lineSuffixStart = -1;
  let lineSuffixEnd = -1;
  for (const [kind, token] of events) {
    // Front matter token names come from an extension, outside micromark's own type map.
    switch (token.type as string) {
      case 'blockQuote':
        quoteDepth += kind === 'enter' ? 1 : -1;
        break;
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading':
        if (kind === 'enter') {
          const heading = token.type !== 'paragraph';
          block = { kind: heading ? 'heading' : 'paragraph', start: token.start.offset, end: heading ? token.start.offset : token.end.offset, quoteDepth, excluded: [] };
          result.blocks.push(block);
        } else block = undefined;
        break;
      case 'codeIndented':
        if (kind === 'enter') (result.indentedCode ??= []).push([token.start.offset, token.end.offset]);
        break;
      case 'tableRow':
        if (kind === 'enter') block = { kind: 'row', start: -1, end: -1, quoteDepth, excluded: [], cells: [] };
        else {
          if (block && block.cells!.length > 0) result.blocks.push(block);
          block = undefined;
        }
        break;
      case 'tableContent':
        // Also in the delimiter row, which is not a tableRow: no block there.
        if (kind === 'exit' && block?.kind === 'row') {
          if (block.start < 0) block.start = token.start.offset;
          block.end = token.end.offset;
          block.cells!.push([token.start.offset, token.end.offset]);
        }
        break;
      case 'atxHeadingText':
      case 'setextHeadingText':
        // A heading ends with its text: trailing spaces (a setext heading's line suffix) are not part of it.
        if (kind === 'exit' && block) block.end = lineSuffixStart >= 0 && lineSuffixEnd === token.end.offset ? lineSuffixStart : token.end.offset;
        break;
      case 'lineSuffix':
        if (kind === 'enter') {
          lineSuffixStart = token.start.offset;
          lineSuffixEnd = token.end.offset;
        }
        break;
      case 'image':
        imageDepth += kind === 'enter' ? 1 : -1;
        break;
      case 'codeText':
      case 'htmlText':
        if (kind === 'enter' && block && imageDepth === 0) block.excluded.push([token.start.offset, token.end.offset]);
        break;
      case 'yamlValue':
        if (kind === 'enter') {
          if (yamlValueStart < 0) yamlValueStart = token.start.offset;
          yamlValueEnd = token.end.offset;
        }
        break;
      case 'yaml':
        if (kind === 'exit') {
          const value = yamlValueStart < 0 ? '' : text.slice(yamlValueStart, yamlValueEnd);
          result.frontMatter = { start: token.start.offset, end: token.end.offset, value };
        }
        break;
    }
  }
  return result;
}
