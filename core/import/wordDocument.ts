// Word documents → blocks: paragraphs stay paragraphs, headings stay headings,
// list items stay list items, bold and italic stay emphasis. A speaker label at
// the start of a paragraph (`Interviewer:`, often bold) makes it a turn, and so
// does a speaker line of its own (`Speaker 1  0:03`, Word's own transcription)
// before the paragraph.

import { acceptSpeakers, speakerHeader, speakerLabel } from './speakers';
import type { ImportBlock, TextRun } from './transcriptModel';

export interface WordParagraph {
  kind: 'paragraph' | 'heading' | 'item';
  /** Heading level 1–6, or list depth from 0. */
  level?: number;
  runs: TextRun[];
}

export function wordBlocks(paragraphs: WordParagraph[]): ImportBlock[] {
  const text = (p: WordParagraph): string => p.runs.map((r) => r.text).join('').trim();
  const labels: string[] = [];
  const bold: string[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'paragraph') return;
    const header = isHeader(paragraphs, i) ? speakerHeader(text(p)) : undefined;
    if (header) return void labels.push(header.name);
    const label = speakerLabel(text(p));
    if (!label) return;
    labels.push(label.name);
    if (labelIsBold(p.runs, label.name)) bold.push(label.name);
  });
  const speakers = acceptSpeakers(labels, bold);

  const blocks: ImportBlock[] = [];
  let pending: { speaker: string; start: number } | undefined;
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'paragraph') {
      if (text(p) !== '') blocks.push({ kind: p.kind, level: p.level, runs: p.runs });
      return;
    }
    const t = text(p);
    if (t === '') return;
    const header = isHeader(paragraphs, i) ? speakerHeader(t) : undefined;
    if (header && speakers.has(header.name)) {
      pending = { speaker: header.name, start: header.start };
      return;
    }
    const label = speakerLabel(t);
    if (label && speakers.has(label.name)) {
      pending = undefined;
      const leading = p.runs.map((r) => r.text).join('').length - p.runs.map((r) => r.text).join('').trimStart().length;
      blocks.push({ kind: 'paragraph', speaker: label.name, start: label.start, runs: dropChars(p.runs, leading + label.length) });
      return;
    }
    blocks.push({ kind: 'paragraph', speaker: pending?.speaker, start: pending?.start, runs: p.runs });
    pending = undefined;
  });
  return blocks;
}

/** A speaker line is one followed by a paragraph of words. */
function isHeader(paragraphs: WordParagraph[], i: number): boolean {
  const next = paragraphs[i + 1];
  return next !== undefined && next.kind === 'paragraph' && next.runs.some((r) => r.text.trim() !== '');
}

function labelIsBold(runs: TextRun[], name: string): boolean {
  const first = runs.find((r) => r.text.trim() !== '');
  return !!first?.bold && first.text.trim().startsWith(name);
}

/** The runs without their first `n` characters. */
function dropChars(runs: TextRun[], n: number): TextRun[] {
  const out: TextRun[] = [];
  let left = n;
  for (const r of runs) {
    if (left >= r.text.length) {
      left -= r.text.length;
      continue;
    }
    out.push({ ...r, text: r.text.slice(left) });
    left = 0;
  }
  return out;
}
