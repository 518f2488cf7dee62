// Codebook refactorings (DESIGN.md §12): move a node with its children and
// memo, merge a code into another, add a theme or code, delete an unused
// code, and uncode. Each is a plan; every byte it does not need to change
// stays as it was, line endings included.

import { slug } from 'github-slugger';
import { isValidCodeName } from '../codeName';
import type { CodebookNode } from '../codebook/parseCodebook';
import { addCodePlan, insertUnder } from './addCode';
import { CodebookText } from './codebookText';
import { groupsOf, rewriteGroup } from './coding';
import { asOneEdit, EditRefused, PlanFiles, sortEdits, type EditPlan, type EditSource, type TextEditPlan } from './plan';
import { idExists } from './rename';

type Edit = { offset: number; length: number; newText: string };

function codebookOf(source: EditSource): { book: CodebookText; path: string } {
  const path = source.index.codebookPath;
  const file = source.index.hasCodebook ? new PlanFiles(source).get(path) : undefined;
  if (!file) throw new EditRefused('There is no codebook yet: create it first.');
  return { book: CodebookText.of(file, source.index.codebookNodes()), path };
}

function nodeOf(book: CodebookText, id: string): CodebookNode {
  const node = book.node(id);
  if (!node) throw new EditRefused(`There is no theme or code "${id}" in the codebook.`);
  return node;
}

const nameOf = (node: CodebookNode): string => (node.kind === 'code' ? `#${node.id}` : `the theme "${node.label || node.id}"`);

/** The block a node occupies (its item with nested codes and memo, or its section) and the range to cut it out with. */
function blockOf(book: CodebookText, node: CodebookNode): { block: string; indent: string; cut: Edit } {
  const { text } = book;
  const lineStart = book.lineStart(node.start);
  const end = node.kind === 'code' ? node.end : book.trimmedEnd(book.sectionEnd(node));
  const indent = node.kind === 'code' ? book.lineBefore(node.start) : '';
  const lines = text.slice(lineStart, end).split(/(\r\n|\r|\n)/);
  // Lines after the first lose the item's own indentation (as far as they have it).
  const block = lines.map((l, i) => (i === 0 ? l.slice(indent.length) : i % 2 === 0 ? stripIndent(l, indent.length) : l)).join('');
  const nextSibling = node.kind === 'code' ? book.nodes.find((n) => n.start >= end && n.parent === node.parent && n.kind === 'code') : undefined;
  const between = nextSibling ? text.slice(end, book.lineStart(nextSibling.start)) : undefined;
  let cut: Edit;
  if (nextSibling && between !== undefined && /^\s*$/.test(between)) {
    // Not the last item of its list: its lines go, the list around it stays.
    const next = book.lineStart(nextSibling.start);
    cut = { offset: lineStart, length: next - lineStart, newText: '' };
  } else {
    const before = book.trimmedEnd(lineStart);
    if (before > 0) cut = { offset: before, length: end - before, newText: '' };
    else {
      let after = end;
      while (after < text.length && /\s/.test(text[after])) after++;
      cut = { offset: 0, length: after, newText: '' };
    }
  }
  return { block, indent, cut };
}

function stripIndent(line: string, n: number): string {
  let i = 0;
  while (i < n && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

function indentBlock(block: string, indent: string): string {
  return block
    .split(/(\r\n|\r|\n)/)
    .map((l, i) => (i % 2 === 1 || l === '' ? l : indent + l))
    .join('');
}

/** `marginalia.moveNode`: the node with everything under it becomes the last child of `parent` (null: the top level). */
export function movePlan(source: EditSource, id: string, parent: string | null): EditPlan {
  const { book, path } = codebookOf(source);
  const node = nodeOf(book, id);
  const target = parent === null ? undefined : nodeOf(book, parent);
  const subtree = book.subtree(node);
  if (target && subtree.includes(target)) throw new EditRefused(`${capitalise(nameOf(node))} cannot move under ${target === node ? 'itself' : `${nameOf(target)}, which is inside it`}.`);
  if (node.kind === 'theme' && target?.kind === 'code') throw new EditRefused(`A theme can only move under another theme or to the top level, not under the code #${target.id}.`);
  const { block, cut } = blockOf(book, node);
  // The codebook without the block, with the other nodes' offsets moved accordingly.
  const rest = book.text.slice(0, cut.offset) + book.text.slice(cut.offset + cut.length);
  const shift = (o: number): number => (o <= cut.offset ? o : o >= cut.offset + cut.length ? o - cut.length : cut.offset);
  const others = book.nodes.filter((n) => !subtree.includes(n)).map((n) => ({ ...n, start: shift(n.start), end: shift(n.end), idStart: shift(n.idStart), idEnd: shift(n.idEnd) }));
  const after = new CodebookText(rest, book.eol, others);
  const newTarget = target && after.node(target.id)!;
  let insert: Edit;
  if (node.kind === 'code') {
    if (newTarget) {
      const e = insertUnder(after, path, newTarget, (indent) => indentBlock(block, indent));
      insert = e;
    } else {
      insert = insertTopLevel(after, block);
    }
  } else {
    const depth = (newTarget?.depth ?? 0) + 1;
    const releveled = relevel(book, node, subtree, block, depth - node.depth);
    const sectionEnd = newTarget ? after.sectionEnd(newTarget) : rest.length;
    const content = after.trimmedEnd(sectionEnd);
    const atEnd = sectionEnd === rest.length;
    insert = { offset: content, length: sectionEnd - content, newText: `${content > 0 ? after.eol + after.eol : ''}${releveled}${atEnd ? after.eol : after.eol + after.eol}` };
  }
  const moved = rest.slice(0, insert.offset) + insert.newText + rest.slice(insert.offset + insert.length);
  return { edits: asOneEdit(path, book.text, [{ offset: 0, length: book.text.length, newText: moved }]) };
}

/** Inserts a code item at the top level: after the last top-level code, else before the first heading. */
function insertTopLevel(book: CodebookText, block: string): Edit {
  const last = book.lastCodeChild(undefined);
  const first = book.nodes[0];
  if (last) return { offset: last.end, length: 0, newText: `${book.eol}${block}` };
  if (first) return { offset: book.lineStart(first.start), length: 0, newText: `${block}${book.eol}${book.eol}` };
  const content = book.trimmedEnd(book.text.length);
  return { offset: content, length: book.text.length - content, newText: `${content > 0 ? book.eol + book.eol : ''}${block}${book.eol}` };
}

/** A theme's section with every heading in it `delta` levels deeper (or higher). */
function relevel(book: CodebookText, node: CodebookNode, subtree: CodebookNode[], block: string, delta: number): string {
  if (delta === 0) return block;
  const base = book.lineStart(node.start);
  const edits: Edit[] = [];
  for (const n of subtree) {
    if (n.kind !== 'theme') continue;
    const at = book.lineStart(n.start) - base;
    const m = /^( {0,3})(#{1,6})(?=[ \t\r\n]|$)/.exec(block.slice(at, at + 10));
    if (!m) throw new EditRefused(`The heading "${n.label}" is underlined (a setext heading): write it with # marks to move it.`);
    const level = m[2].length + delta;
    if (level > 6) throw new EditRefused(`Moving ${nameOf(node)} there would make "${n.label}" a level ${level} heading; markdown stops at 6.`);
    edits.push({ offset: at + m[1].length, length: m[2].length, newText: '#'.repeat(level) });
  }
  let out = block;
  for (const e of edits.reverse()) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** `marginalia.newNode`: a theme (heading) or code (list item) named `name`, with a valid id not yet used. */
export function newNodePlan(source: EditSource, parent: string | null, kind: 'theme' | 'code', nameInput: string): { id: string; plan: EditPlan } {
  const name = nameInput.trim().replace(/^#/, '');
  if (name === '' || /[\r\n]/.test(name)) throw new EditRefused('A theme or code needs a name on one line.');
  const base = isValidCodeName(slug(name)) ? slug(name) : name;
  if (!isValidCodeName(base)) throw new EditRefused(`"${nameInput}" has no letters or digits to make an id from.`);
  let id = base;
  for (let n = 2; idExists(source, id); n++) id = `${base}-${n}`;
  const label = name === id ? '' : name;
  if (kind === 'code') {
    // A new code at the top level goes before the first heading (after it, it would belong to that theme).
    if (parent !== null || !source.index.hasCodebook) return { id, plan: addCodePlan(source, id, parent, label) };
    const { book, path } = codebookOf(source);
    return { id, plan: { edits: [{ path, ...insertTopLevel(book, `- #${id}${label ? `: ${label}` : ''}`) }] } };
  }
  const index = source.index;
  const path = index.codebookPath;
  if (!index.hasCodebook) {
    if (parent !== null) throw new EditRefused(`There is no theme or code "${parent}" in the codebook.`);
    return { id, plan: { create: [path], edits: [{ path, offset: 0, length: 0, newText: `# ${name} {#${id}}\n` }] } };
  }
  const { book } = codebookOf(source);
  const target = parent === null ? undefined : nodeOf(book, parent);
  if (target?.kind === 'code') throw new EditRefused(`A theme can only go under another theme or at the top level, not under the code #${target.id}.`);
  const depth = (target?.depth ?? 0) + 1;
  if (depth > 6) throw new EditRefused('Markdown headings stop at level 6: put the new theme higher up.');
  const sectionEnd = target ? book.sectionEnd(target) : book.text.length;
  const content = book.trimmedEnd(sectionEnd);
  const atEnd = sectionEnd === book.text.length;
  const heading = `${'#'.repeat(depth)} ${name} {#${id}}`;
  return { id, plan: { edits: [{ path, offset: content, length: sectionEnd - content, newText: `${content > 0 ? book.eol + book.eol : ''}${heading}${atEnd ? book.eol : book.eol + book.eol}` }] } };
}

/** Delete a code no extract uses (with nothing under it) from the codebook. */
export function deletePlan(source: EditSource, id: string): EditPlan {
  const { book, path } = codebookOf(source);
  const node = nodeOf(book, id);
  if (book.subtree(node).length > 1) throw new EditRefused(`${capitalise(nameOf(node))} has codes under it: move or delete them first.`);
  const used = source.index.counts(id).total;
  if (used > 0) throw new EditRefused(`${capitalise(nameOf(node))} codes ${used === 1 ? '1 extract' : `${used} extracts`}: uncode or merge them first.`);
  const { cut } = blockOf(book, node);
  return { edits: [{ path, ...cut }] };
}

/**
 * `marginalia.mergeCode`: every `#from` becomes `#into` (a group keeps one
 * `#into`); `#from`'s entry leaves the codebook and its text is appended to
 * `#into`'s memo ("Merged from #from: …").
 */
export function mergePlan(source: EditSource, from: string, into: string): EditPlan {
  const index = source.index;
  if (from === into) throw new EditRefused(`#${from} cannot be merged into itself.`);
  if (!idExists(source, from)) throw new EditRefused(`There is no code #${from}.`);
  if (!idExists(source, into)) throw new EditRefused(`There is no code #${into} to merge into: to give #${from} a new name, rename it.`);
  const files = new PlanFiles(source);
  const edits: TextEditPlan[] = [];
  // Transcripts: every group that holds #from.
  const paths = new Set(index.tokensOf(from).map((t) => t.path));
  for (const path of paths) {
    const file = files.get(path);
    const parsed = index.transcript(path);
    if (!file || !parsed) continue;
    for (const group of groupsOf(file.text, parsed)) {
      if (!group.tokens.some((t) => t.name === from)) continue;
      // A group keeps one #into: the first #from becomes it unless the group has it already.
      let present = group.tokens.some((t) => t.name === into);
      const change = rewriteGroup(file.text, group, (t) => {
        if (t.name !== from) return t.name;
        if (present) return undefined;
        present = true;
        return into;
      });
      edits.push({ path, offset: change.start, length: change.end - change.start, newText: change.newText });
    }
  }
  // The codebook.
  const fromNode = index.codebookNodes().find((n) => n.id === from);
  if (fromNode) {
    const { book, path } = codebookOf(source);
    const node = nodeOf(book, from);
    if (node.kind === 'theme') throw new EditRefused(`${capitalise(nameOf(node))} is a theme: move its codes instead of merging it.`);
    if (book.subtree(node).length > 1) throw new EditRefused(`#${from} has codes under it: move them first, then merge.`);
    const target = book.node(into);
    if (!target) {
      // Into a code not in the codebook yet: #from's entry becomes #into's.
      edits.push({ path, offset: node.idStart + 1, length: node.idEnd - node.idStart - 1, newText: into });
    } else {
      const { block: raw, cut } = blockOf(book, node);
      // The entry's own text, its continuation lines without the item's text indentation.
      const own = book.contentIndent(node).length - book.lineBefore(node.start).length;
      const block = raw.split(/(\r\n|\r|\n)/).map((l, i) => (i > 0 && i % 2 === 0 ? stripIndent(l, own) : l)).join('');
      const memo = `Merged from ${block.slice(block.indexOf('#')).replace(new RegExp(`^#${escapeRegExp(from)}[ \\t]*[:–—-]?[ \\t]*`, 'u'), `#${from}: `).replace(/: $/, '.')}`;
      const indent = target.kind === 'code' ? book.contentIndent(target) : '';
      const paragraph = `${book.eol}${book.eol}${indentBlock(memo, indent)}`;
      edits.push(...asOneEdit(path, book.text, [cut, { offset: target.end, length: 0, newText: paragraph }]));
    }
  }
  return { edits: sortEdits(edits) };
}

/**
 * `marginalia.uncode`: removes `#code` from the coding group at `offset` in a
 * transcript, or (`code` null, or the group's only code) the whole coding —
 * brackets and group — keeping the extract's words.
 */
export function uncodePlan(source: EditSource, path: string, offset: number, code: string | null): EditPlan {
  const parsed = source.index.transcript(path);
  const file = new PlanFiles(source).get(path);
  if (!parsed || !file) throw new EditRefused(`${path} is not a transcript of this project.`);
  const text = file.text;
  const groups = groupsOf(text, parsed);
  const inGroup = (g: (typeof groups)[number]): boolean => (g.open >= 0 ? g.open : g.tokens[0].start) <= offset && offset <= (g.close >= 0 ? g.close : g.tokens.at(-1)!.end);
  let group = groups.find(inGroup);
  if (!group) {
    // On the extract itself: the innermost coded extract around the offset.
    const spans = parsed.segments.map((s, i) => ({ s, i })).filter(({ s }) => s.start <= offset && offset <= s.end);
    spans.sort((a, b) => a.s.end - a.s.start - (b.s.end - b.s.start));
    const inner = spans[0];
    group = inner && groups.find((g) => g.tokens.some((t) => t.segment === inner.i));
  }
  if (!group) throw new EditRefused('There is no coding here.');
  const g = group;
  if (code !== null && !g.tokens.some((t) => t.name === code)) throw new EditRefused(`This coding has no #${code}.`);
  if (code !== null && g.tokens.some((t) => t.name !== code)) {
    const change = rewriteGroup(text, g, (t) => (t.name === code ? undefined : t.name));
    return { edits: [{ path, offset: change.start, length: change.end - change.start, newText: change.newText }] };
  }
  // The whole coding goes.
  if (g.open < 0 || g.close < 0) throw new EditRefused('This coding is not closed with "}": finish or delete it by hand.');
  const segment = g.tokens[0].segment >= 0 ? parsed.segments[g.tokens[0].segment] : undefined;
  if (segment?.kind === 'span' && text[segment.start - 1] === '[' && text.slice(segment.end, g.open) === ']') {
    return { edits: [{ path, offset: segment.start - 1, length: 1, newText: '' }, { path, offset: segment.end, length: g.close - segment.end, newText: '' }] };
  }
  let start = g.open;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r') start = g.open;
  return { edits: [{ path, offset: start, length: g.close - start, newText: '' }] };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function escapeRegExp(s: string): string {
  // Outside a character class only these are special; with the u flag a needless escape (\-) is an error.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
