// The reference for core/text/markdownBlocks.ts: the same structure computed
// from remark's full syntax tree (mdast). Differential tests prove the fast
// event-based version finds exactly the same regions.

import type { Nodes } from 'mdast';
import { parseMarkdownTree, type MarkdownStructure } from '../../core/text/markdownBlocks';

export function referenceMarkdownStructure(text: string): MarkdownStructure {
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
        // A heading ends with its text: not its closing #s, trailing spaces or setext underline.
        const last = node.type === 'heading' ? node.children[node.children.length - 1] : undefined;
        const end = node.type === 'heading' ? (last?.position?.end.offset ?? p.start.offset!) : p.end.offset!;
        result.blocks.push({ kind: node.type, start: p.start.offset!, end, quoteDepth, excluded });
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
