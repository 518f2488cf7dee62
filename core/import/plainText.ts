// Plain-text transcripts: `Interviewer:` / `P2:` lines, Otter's exports
// (`Speaker 1  0:03` on its own line, then the paragraph), `[00:01:23] Name:`
// lines. Every line is kept; lines without a speaker stay paragraphs as written.

import { acceptSpeakers, speakerHeader, speakerLabel } from './speakers';
import type { ImportBlock } from './transcriptModel';

export function plainTextBlocks(text: string): ImportBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const isBlank = (i: number): boolean => i >= lines.length || lines[i].trim() === '';
  // A speaker line is a header only when words follow it on the next line.
  const header = (i: number): ReturnType<typeof speakerHeader> => (isBlank(i + 1) ? undefined : speakerHeader(lines[i]));
  const names: string[] = [];
  let labelled = 0;
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!isBlank(i)) nonBlank++;
    const h = header(i);
    if (h) names.push(h.name);
    else {
      const l = speakerLabel(lines[i].trim());
      if (l) {
        names.push(l.name);
        labelled++;
      }
    }
  }
  const speakers = acceptSpeakers(names, [], labelled >= 2 && labelled * 2 >= nonBlank);

  const blocks: ImportBlock[] = [];
  let current: (ImportBlock & { text: string }) | undefined;
  let pending: { speaker: string; start: number } | undefined;
  const close = (): void => {
    if (current) blocks.push({ kind: 'paragraph', speaker: current.speaker, start: current.start, runs: [{ text: current.text }] });
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      close();
      continue;
    }
    const h = header(i);
    if (h && speakers.has(h.name)) {
      close();
      pending = { speaker: h.name, start: h.start };
      continue;
    }
    const label = speakerLabel(line);
    if (label && speakers.has(label.name)) {
      close();
      pending = undefined;
      current = { kind: 'paragraph', speaker: label.name, start: label.start, runs: [], text: line.slice(label.length) };
      continue;
    }
    if (current) current.text += '\n' + line;
    else {
      current = { kind: 'paragraph', speaker: pending?.speaker, start: pending?.start, runs: [], text: line };
      pending = undefined;
    }
  }
  close();
  if (pending) blocks.push({ kind: 'paragraph', speaker: pending.speaker, start: pending.start, runs: [] });
  return blocks;
}
