// A deterministic synthetic coding project for the benchmark: 1,000
// transcripts of ~7,000 words, ~300 codes in 10 themes, ~35 coded spans per
// transcript with transcript notation, some paragraph codes, and one
// 10,000-word transcript for editing. Fixed seed: every run is the same.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the and social prescribing occupational therapy role people work patients community activities really ' +
  'think know like because what matters health team support time would could clinical link worker service ' +
  'feel different always never those sort things just also which other about with have been doing years').split(' ');
const NOTATION = ['[laughs]', '[inaudible 00:12:03]', '[sic]', '[pause]', '[crosstalk]'];

export interface GeneratedProject {
  root: string;
  codes: string[];
  editFile: string;
  /** A 30,000-word focus-group-sized transcript, edited too. */
  bigEditFile: string;
  bytes: number;
  files: number;
}

export function generateProject(root: string, transcripts = 1000, wordsPerTranscript = 7000): GeneratedProject {
  const random = rng(20261125);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'transcripts'), { recursive: true });

  const codes: string[] = [];
  const book: string[] = [];
  for (let t = 0; t < 10; t++) {
    book.push(`# Theme ${t + 1} {#theme-${t + 1}}`, '', `What theme ${t + 1} is about.`, '');
    for (let s = 0; s < 3; s++) {
      book.push(`## Subtheme ${t + 1}.${s + 1} {#sub-${t + 1}-${s + 1}}`, '');
      for (let c = 0; c < 10; c++) {
        const id = `code-${t + 1}-${s + 1}-${c + 1}`;
        codes.push(id);
        book.push(`- #${id}: Label of ${id}`, `  Definition of ${id}, when to use it.`);
      }
      book.push('');
    }
  }
  let bytes = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(join(root, path), text);
    bytes += Buffer.byteLength(text);
  };
  write('codebook.md', book.join('\n'));

  const transcript = (n: number, words: number): string => {
    const lines = ['---', `case: P${String(n).padStart(4, '0')}`, `band: ${5 + (n % 3)}`, `role: ${pick(['Primary care OT', 'Community OT', 'Link worker'])}`, '---', `# Interview ${n}`, ''];
    let written = 0;
    const spans = 35;
    const spanEvery = Math.max(1, Math.floor(words / 60 / spans));
    let turn = 0;
    while (written < words) {
      const speaker = turn++ % 2 === 0 ? 'Interviewer' : `P${n}`;
      const sentenceCount = 3 + Math.floor(random() * 5);
      const parts: string[] = [];
      for (let s = 0; s < sentenceCount; s++) {
        const len = 6 + Math.floor(random() * 10);
        const sentence: string[] = [];
        for (let w = 0; w < len; w++) sentence.push(pick(WORDS));
        if (random() < 0.15) sentence.splice(Math.floor(random() * len), 0, pick(NOTATION));
        parts.push(sentence.join(' ') + '.');
        written += len;
      }
      let body = parts.join(' ');
      if (speaker !== 'Interviewer' && turn % spanEvery === 0) {
        // Code one sentence, sometimes with a nested span or two codes.
        const i = Math.floor(random() * parts.length);
        const codesHere = random() < 0.3 ? `#${pick(codes)} #${pick(codes)}` : `#${pick(codes)}`;
        let inner = parts[i];
        if (random() < 0.2) {
          const words2 = inner.split(' ');
          words2[1] = `[${words2[1]}]{#${pick(codes)}}`;
          inner = words2.join(' ');
        }
        parts[i] = `[${inner}]{${codesHere}}`;
        body = parts.join(' ');
      }
      if (speaker !== 'Interviewer' && random() < 0.02) body += ` {#${pick(codes)}}`;
      // Wrap at ~90 columns like a real transcript.
      const wrapped: string[] = [];
      let line = `**${speaker}:**`;
      for (const word of body.split(' ')) {
        if (line.length + word.length > 90) {
          wrapped.push(line);
          line = word;
        } else line += ` ${word}`;
      }
      wrapped.push(line);
      lines.push(...wrapped, '');
    }
    return lines.join('\n');
  };
  // Five codes stay unused, so the codebook has "unused" warnings to clear.
  const usable = codes.slice(0, -5);
  codes.length = 0;
  codes.push(...usable);
  for (let n = 1; n <= transcripts; n++) write(`transcripts/P${String(n).padStart(4, '0')}.md`, transcript(n, wordsPerTranscript));
  const editFile = 'transcripts/edit-me.md';
  write(editFile, transcript(0, 10_000));
  const bigEditFile = 'transcripts/edit-me-30k.md';
  write(bigEditFile, transcript(100_000, 30_000));
  return { root, codes, editFile, bigEditFile, bytes, files: transcripts + 3 };
}
