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
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { simpleMarkdownStructure } from './simpleMarkdown';

export interface TextBlock {
  kind: 'paragraph' | 'heading';
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
}

export interface MarkdownStructure {
  frontMatter?: { start: number; end: number; value: string };
  blocks: TextBlock[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** remark's full syntax tree (for the codebook, which is small). */
export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}

const micromarkOptions = { extensions: [frontmatter(['yaml'])] };
/**
 * micromark matches link and image brackets in quadratic time: a document with
 * this many `]` (say 100,000 coded spans) is read without link and image syntax,
 * which only matters for inline code or HTML inside a link destination or image
 * description. See docs/ROBUSTNESS.md.
 */
export const LINK_SYNTAX_BRACKET_LIMIT = 10_000;
const withoutLinks = { extensions: [frontmatter(['yaml']), { disable: { null: ['labelStartLink', 'labelStartImage', 'labelEnd'] } }] };

export function markdownStructure(text: string): MarkdownStructure {
  return simpleMarkdownStructure(text) ?? micromarkStructure(text);
}

/** `end` moved back over spaces and tabs (not before `start`). */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
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
      case 'atxHeadingText':
      case 'setextHeadingText':
        if (kind === 'exit' && block) block.end = trimEnd(text, block.start, token.end.offset);
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
