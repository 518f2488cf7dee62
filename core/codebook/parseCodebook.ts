// Parses codebook.md: headings are themes, list items that start with `#name`
// are codes (DESIGN.md §3). Returns flat nodes in document order plus
// diagnostics; never throws.

import { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { List, ListItem, Nodes } from 'mdast';
import { CODE_NAME_SOURCE, invisibleCharacter, normalizeCodeName } from '../codeName';
import { LineIndex, stripBom } from '../text/lineIndex';
import { headingTextEnd, parseMarkdownTree } from '../text/markdownBlocks';
import type { Diagnostic, Position, Range } from '../types';

export interface CodebookNode {
  /** In Unicode NFC (see normalizeCodeName); `idRange` covers it as written. */
  id: string;
  kind: 'theme' | 'code';
  /** The heading text, or the text after `#name` on its first line. */
  label: string;
  /** Paragraphs under a theme's heading; the rest of a code's first paragraph. */
  definition: string;
  /** Further paragraphs of a code's list item. */
  memo: string;
  /** The parent's id. */
  parent: string | undefined;
  /**
   * Tells nodes apart when an id is used twice (an error): the id itself for the
   * first node with it, `id (2)`, `id (3)`… for later ones. Never a code name.
   */
  key: string;
  /** The parent's `key`: a duplicate's children stay under it, not under the first node with that id. */
  parentKey: string | undefined;
  /** Heading depth for themes (1–6); for codes, the depth of the theme above plus nesting. */
  depth: number;
  /** Where the id is written: `#name`, the heading's `{#id}`, or the heading text when the id is a slug. */
  idRange: Range;
  /** Whether the id is written out (renaming a slug id would have to rewrite the heading). */
  explicitId: boolean;
  /** The whole heading line or list item. */
  range: Range;
  /** The same places as UTF-16 offsets (after a byte-order mark), for edit plans. */
  idStart: number;
  idEnd: number;
  start: number;
  end: number;
}

export interface ParsedCodebook {
  nodes: CodebookNode[];
  diagnostics: Diagnostic[];
  /** The end of the document (where new entries are appended). */
  end: Position;
  /** The text's length (the end as an offset). */
  length: number;
  /** The line ending the file mostly uses, for text that edits insert. */
  eol: '\n' | '\r\n';
}

const CODE_ITEM = new RegExp(`^#(${CODE_NAME_SOURCE})`, 'u');
const TASK_ITEM = new RegExp(`^\\[[ xX]\\][ \\t]+#(${CODE_NAME_SOURCE})`, 'u');
const HEADING_ID = new RegExp(`\\{#(${CODE_NAME_SOURCE})\\}[ \\t#]*$`, 'u');

export function parseCodebook(source: string): ParsedCodebook {
  // A byte-order mark is not part of the text: positions count from after it (micromark drops it too).
  const text = stripBom(source);
  const lines = new LineIndex(text);
  const tree = parseMarkdownTree(text);
  const nodes: CodebookNode[] = [];
  const headingStack: CodebookNode[] = [];
  let currentTheme: CodebookNode | undefined;
  const hints: Diagnostic[] = [];
  /** An id that holds an invisible character names may contain (U+034F…): a different code from the one it looks like. */
  const hintInvisible = (written: string, range: Range): void => {
    const invisible = invisibleCharacter(written);
    if (invisible) hints.push({ range, severity: 'info', message: `${written} contains an invisible ${invisible}, so it is a different code from the one it looks like. Delete it.`, code: 'invisible-character' });
  };
  const occurrences = new Map<string, number>();
  const keyFor = (id: string): string => {
    const n = (occurrences.get(id) ?? 0) + 1;
    occurrences.set(id, n);
    return n === 1 ? id : `${id} (${n})`;
  };

  const visitList = (list: List, parent: CodebookNode | undefined): void => {
    for (const item of list.children) visitItem(item, parent);
  };

  const visitItem = (item: ListItem, parent: CodebookNode | undefined): void => {
    const [first, ...rest] = item.children;
    let node: CodebookNode | undefined;
    if (first && first.type === 'paragraph' && first.position && item.position) {
      const start = first.position.start.offset!;
      const source = text.slice(start, first.position.end.offset!);
      const m = CODE_ITEM.exec(source);
      const after = m ? source.slice(m[0].length) : '';
      const task = TASK_ITEM.exec(source);
      if (task) {
        // `- [ ] #task …` looks like a code but is a task list item.
        const at = start + task[0].length - task[1].length - 1;
        hints.push({ range: lines.range(at, at + 1 + task[1].length), severity: 'info', message: notACodeMessage(task[1], '', true), code: 'not-a-code' });
      } else if (m && /^[^\s:–—,;]/.test(after)) {
        // Looks like a code but is not one: say which character a name cannot hold.
        const word = /^[^\s:]*/.exec(source)![0];
        hints.push({ range: lines.range(start, start + word.length), severity: 'info', message: notACodeMessage(m[1], after, false), code: 'not-a-code' });
      } else if (m) {
        const [firstLine, ...more] = source.split(/\r\n|\r|\n/);
        const label = firstLine.slice(m[0].length).replace(/^\s*[:–—-]?\s*/, '').trim();
        node = {
          id: normalizeCodeName(m[1]),
          kind: 'code',
          label,
          definition: more.map((l) => l.trim()).join(' ').trim(),
          memo: rest.filter((c) => c.type === 'paragraph').map((c) => toString(c)).join('\n\n'),
          parent: parent?.id,
          key: '',
          parentKey: parent?.key,
          depth: (parent?.depth ?? 0) + 1,
          idRange: lines.range(start, start + m[0].length),
          explicitId: true,
          range: lines.range(item.position.start.offset!, item.position.end.offset!),
          idStart: start,
          idEnd: start + m[0].length,
          start: item.position.start.offset!,
          end: item.position.end.offset!,
        };
        node.key = keyFor(node.id);
        nodes.push(node);
        hintInvisible(m[0], node.idRange);
      }
    }
    for (const child of item.children) if (child.type === 'list') visitList(child, node ?? parent);
  };

  const visitTop = (child: Nodes): void => {
    if (child.type === 'heading' && child.position) {
      const start = child.position.start.offset!;
      const end = child.position.end.offset!;
      // The heading's text: without a setext underline (`===`, `---`) or an ATX closing sequence.
      const source = text.slice(start, headingTextEnd(text, start, end));
      const idMatch = HEADING_ID.exec(source);
      let label = toString(child).trim();
      let id: string;
      let idStart: number;
      let idEnd: number;
      if (idMatch) {
        id = normalizeCodeName(idMatch[1]);
        label = label.replace(HEADING_ID, '').trim();
        idStart = start + idMatch.index + 1;
        idEnd = idStart + 1 + idMatch[1].length;
      } else {
        id = normalizeCodeName(slug(label));
        idStart = start + (/^#*[ \t]*/.exec(source)?.[0].length ?? 0);
        idEnd = idStart + source.slice(idStart - start).replace(/[ \t#]*$/, '').length;
        // A trailing {#…} that is not an id: the slug is used instead; say why.
        const group = /\{#[^{}]*\}(?=[ \t#]*$)/.exec(source);
        if (group && id !== '') hints.push({ range: lines.range(start + group.index, start + group.index + group[0].length), severity: 'info', message: notAnIdMessage(group[0], id), code: 'not-an-id' });
      }
      const idRange = lines.range(idStart, idEnd);
      if (id === '') return; // an empty heading names no theme
      if (idMatch) hintInvisible(text.slice(idStart, idEnd), idRange);
      while (headingStack.length > 0 && headingStack[headingStack.length - 1].depth >= child.depth) headingStack.pop();
      const parent = headingStack[headingStack.length - 1];
      currentTheme = {
        id,
        kind: 'theme',
        label,
        definition: '',
        memo: '',
        parent: parent?.id,
        key: keyFor(id),
        parentKey: parent?.key,
        depth: child.depth,
        idRange,
        explicitId: Boolean(idMatch),
        range: lines.range(start, end),
        idStart,
        idEnd,
        start,
        end,
      };
      headingStack.push(currentTheme);
      nodes.push(currentTheme);
    } else if (child.type === 'paragraph') {
      if (currentTheme) {
        const para = toString(child).replace(/\s+/g, ' ').trim();
        currentTheme.definition = currentTheme.definition ? `${currentTheme.definition}\n\n${para}` : para;
      }
    } else if (child.type === 'list') {
      visitList(child, currentTheme);
    }
  };
  for (const child of tree.children) visitTop(child);

  const diagnostics: Diagnostic[] = hints;
  const first = new Map<string, CodebookNode>();
  for (const node of nodes) {
    const earlier = first.get(node.id);
    if (!earlier) {
      first.set(node.id, node);
      continue;
    }
    diagnostics.push({
      range: node.idRange,
      severity: 'error',
      message: `The id "${node.id}" is already used by the ${earlier.kind} "${earlier.label || earlier.id}" on line ${earlier.range.start.line + 1}: ids must be unique in a codebook${node.explicitId ? '' : ` (give this heading its own id with {#another-id})`}.`,
      code: 'duplicate-id',
    });
  }
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return { nodes, diagnostics, end: lines.position(text.length), length: text.length, eol: crlf >= 0 && crlf + 1 === lf ? '\r\n' : '\n' };
}

/** Why a list item starting with `#name` is not a code, and how to make it one. */
function notACodeMessage(name: string, after: string, task: boolean): string {
  if (task) return `This list item is not a code: it is a task list item ("[ ] "). Remove "[ ] " to make #${name} a code.`;
  const invisible = invisibleCharacter(after.slice(0, 2));
  if (invisible) return `This list item is not a code: #${name} is followed by an invisible ${invisible} (often pasted from a PDF or a web page). Delete it.`;
  const rest = /^[^\s:]*/.exec(after)![0];
  const fixed = `${name}${rest}`.replace(/[^\p{L}\p{N}\p{M}\-_./]+/gu, '-').replace(/-+$/, '');
  const char = [...after][0];
  return `This list item is not a code: "${char}" cannot be part of a code name (letters, digits, - _ . / only), and a code's name must be followed by a space, ":" or "–". Write it as #${fixed} or "#${name}: ${rest} …".`;
}

/** Why a heading's trailing `{#…}` is not its id (the slug `id` is used instead). */
function notAnIdMessage(group: string, id: string): string {
  const invisible = invisibleCharacter(group);
  if (invisible) return `${group} is not an id: it contains an invisible ${invisible} (often pasted from a PDF or a web page), so this theme's id is "${id}" (from its text). Delete it.`;
  const names = group.match(/#[^\s#}]+/g) ?? [];
  if (names.length > 1) return `A theme has one id: ${group} is not one, so this theme's id is "${id}" (from its text). Write one id, as in {${names[0]}}.`;
  return `${group} is not an id (a letter or digit, then letters, digits, - _ . /), so this theme's id is "${id}" (from its text).`;
}
