// The reference for core/text/markdownBlocks.ts: the same structure computed
// from remark's full syntax tree (mdast). Differential tests prove the fast
// event-based version finds exactly the same regions.

import type { Nodes } from 'mdast';
import { headingTextEnd, parseMarkdownTree, type MarkdownStructure } from '../../core/text/markdownBlocks';

export function referenceMarkdownStructure(text: string): MarkdownStructure {
  const tree = parseMarkdownTree(text);
  // remark's offsets count from after a leading byte-order mark.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
        const end = node.type === 'heading' ? headingTextEnd(source, p.start.offset!, p.end.offset!) : p.end.offset!;
        result.blocks.push({ kind: node.type, start: p.start.offset!, end, quoteDepth, excluded });
        return;
      }
      case 'tableRow': {
        // A table row: its non-empty cells' text, without the `|` and padding.
        const cells: Array<[number, number]> = [];
        const excluded: Array<[number, number]> = [];
        for (const cell of node.children) {
          const p = cell.position;
          if (!p) continue;
          const content = cellText(source, p.start.offset!, p.end.offset!);
          if (content) cells.push(content);
          collectExcluded(cell, excluded);
        }
        if (cells.length > 0) result.blocks.push({ kind: 'row', start: cells[0][0], end: cells[cells.length - 1][1], quoteDepth, excluded, cells });
        return;
      }
      case 'code': {
        // Indented code (not fenced) is reported: the parser hints at coding inside it.
        const p = node.position;
        if (p && !/^ {0,3}(```|~~~)/.test(source.slice(p.start.offset!, p.end.offset!))) (result.indentedCode ??= []).push([p.start.offset!, p.end.offset!]);
        return;
      }
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

/** A cell's text from its source (`| text |`): without the dividers and padding; undefined when empty. */
function cellText(text: string, start: number, end: number): [number, number] | undefined {
  let s = start;
  let e = end;
  if (text[s] === '|') s++;
  // remark's last cell of a row may end after the closing `|` and the spaces after it.
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e > s && text[e - 1] === '|') {
    let backslashes = 0;
    while (e - 2 - backslashes >= s && text[e - 2 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) e--;
  }
  while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return e > s ? [s, e] : undefined;
}
