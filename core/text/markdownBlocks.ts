// The markdown structure Marginalia needs, computed by remark (CommonMark)
// and flattened: the blocks that may hold coding (paragraphs and headings) and,
// inside them, the regions that are never coding (inline code, inline HTML and
// HTML comments). Fenced/indented code blocks, HTML blocks and front matter are
// simply not blocks. Nothing of the syntax tree is kept after this function.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes } from 'mdast';

export interface TextBlock {
  kind: 'paragraph' | 'heading';
  start: number;
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

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}

export function markdownStructure(text: string): MarkdownStructure {
  const tree = parseMarkdownTree(text);
  const result: MarkdownStructure = { blocks: [] };
  const visit = (node: Nodes, quoteDepth: number): void => {
    switch (node.type) {
      case 'yaml': {
        const p = node.position;
        if (p) result.frontMatter = { start: p.start.offset!, end: p.end.offset!, value: node.value };
        return;
      }
      case 'paragraph':
      case 'heading': {
        const p = node.position;
        if (!p) return;
        const excluded: Array<[number, number]> = [];
        collectExcluded(node, excluded);
        result.blocks.push({ kind: node.type, start: p.start.offset!, end: p.end.offset!, quoteDepth, excluded });
        return;
      }
      case 'code':
      case 'html':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) {
          const depth = node.type === 'blockquote' ? quoteDepth + 1 : quoteDepth;
          for (const child of node.children) visit(child as Nodes, depth);
        }
    }
  };
  visit(tree, 0);
  return result;
}

function collectExcluded(node: Nodes, out: Array<[number, number]>): void {
  if (node.type === 'inlineCode' || node.type === 'html') {
    const p = node.position;
    if (p) out.push([p.start.offset!, p.end.offset!]);
    return;
  }
  if ('children' in node) for (const child of node.children) collectExcluded(child as Nodes, out);
}
