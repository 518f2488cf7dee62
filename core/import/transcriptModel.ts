// What every importer produces before it becomes markdown: a list of blocks
// (speaker turns, headings, list items) made of runs of plain text. Turning
// that into a transcript is one function, so every format gets the same front
// matter, turn layout and escaping (DESIGN.md §9, docs/IMPORT.md).

import { stringify as stringifyYaml } from 'yaml';
import { escapeMarkdownText, markdownHeading, normalizeParagraphText } from '../text/escapeMarkdown';
import { parseMarkdownTree } from '../text/markdownBlocks';
import { toString } from 'mdast-util-to-string';

/** A run of plain text, with Word's emphasis when there is some. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ImportBlock {
  kind: 'paragraph' | 'heading' | 'item';
  /** The speaker of a turn (paragraphs only). */
  speaker?: string;
  /** Seconds from the start of the recording where the turn starts. */
  start?: number;
  /** Heading level 1–6, or list depth from 0. */
  level?: number;
  runs: TextRun[];
}

export interface ImportedTranscript {
  /** The case: the input's file name without extension. */
  caseId: string;
  /** The input's file name. */
  source: string;
  /** The recording's length in seconds, when known (captions). */
  duration?: number;
  blocks: ImportBlock[];
}

/** `[hh:mm:ss]` without the brackets; hours always shown. */
export function formatTimestamp(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds + 1e-6));
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** The markdown transcript: front matter, then one paragraph per block. */
export function transcriptMarkdown(t: ImportedTranscript): string {
  const front: Record<string, string> = { case: t.caseId, source: t.source };
  if (t.duration !== undefined) front.duration = formatTimestamp(t.duration);
  const out = [`---\n${stringifyYaml(front, { lineWidth: 0 })}---`];
  // A nested list item needs a parent: deeper than one below the item before, it would be a code block.
  let depth = -1;
  for (const block of t.blocks) {
    const level = block.kind === 'item' ? Math.min(Math.max(0, block.level ?? 0), depth + 1) : block.level;
    const md = blockMarkdown({ ...block, level });
    if (md === undefined) continue;
    out.push(md);
    depth = block.kind === 'item' ? level! : -1;
  }
  return out.join('\n\n') + '\n';
}

function plain(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

function blockMarkdown(block: ImportBlock): string | undefined {
  if (block.kind === 'heading') {
    const text = normalizeParagraphText(plain(block.runs));
    return text === '' ? undefined : markdownHeading(block.level ?? 1, text);
  }
  let prefix = '';
  if (block.speaker !== undefined) prefix += `**${escapeMarkdownText(block.speaker, { lineStart: false })}:** `;
  if (block.start !== undefined) prefix += `[${formatTimestamp(block.start)}] `;
  const body = inlineMarkdown(block.runs, prefix === '');
  if (body === '' && prefix === '') return undefined;
  const text = (prefix + body).trimEnd();
  if (block.kind === 'item') return `${'  '.repeat(block.level ?? 0)}- ${text.replace(/\n/g, '\n' + '  '.repeat((block.level ?? 0) + 1))}`;
  return text;
}

/**
 * The runs as markdown: bold and italic as `**…**` and `*…*` where markdown reads them
 * back exactly (checked with remark); otherwise the plain text, so no word is ever
 * changed for the sake of emphasis.
 */
export function inlineMarkdown(runs: TextRun[], lineStart: boolean): string {
  const text = normalizeParagraphText(plain(runs));
  const fallback = escapeMarkdownText(text, { lineStart });
  if (!runs.some((r) => (r.bold || r.italic) && r.text.trim() !== '') || text.includes('\n')) return fallback;
  // Merge neighbours with the same emphasis, so `**a** **b**` is one `**a b**`.
  const merged: TextRun[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  let md = '';
  for (const r of merged) {
    const esc = escapeMarkdownText(r.text.replace(/[\r\n]+/g, ' '), { lineStart: lineStart && md.trim() === '' });
    const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(esc)!;
    md += mark === '' || m[2] === '' ? esc : `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
  }
  md = md.replace(/^[ \t]+|[ \t]+$/g, '');
  // Checked after a word, as it will stand after a speaker label.
  const tree = parseMarkdownTree(`x ${md}`);
  const same = tree.children.length === 1 && tree.children[0].type === 'paragraph' && toString(tree) === `x ${text}`;
  return same ? md : fallback;
}
