// Captions (WebVTT, SRT) → speaker turns. Speakers come from voice tags
// (`<v Name>`, Teams) or a `Name:` label at the start of a cue or line (Zoom,
// SRT); a cue without one continues the turn before it. Consecutive cues of one
// speaker join into one turn that keeps its start time. YouTube's rolling
// auto-captions repeat each line in the next cue: those repeats are dropped so
// every spoken word appears once.

import { acceptSpeakers, speakerLabel } from './speakers';
import type { ImportBlock } from './transcriptModel';

export interface CaptionCue {
  /** Seconds. */
  start: number;
  end: number;
  /** The speaker from a voice tag. */
  voice?: string;
  /** The cue's words, tags removed and entities decoded; lines separated by `\n`. */
  text: string;
  /** The cue had inline word timestamps (`<00:00:01.500>`), as rolling captions do. */
  wordTimestamps?: boolean;
}

/** Without speakers, a pause this long (seconds) starts a new paragraph. */
const PAUSE = 2;
/** Without speakers, a paragraph this long (seconds) ends at the next cue. */
const LONGEST = 60;

export function captionBlocks(cues: CaptionCue[]): { blocks: ImportBlock[]; duration?: number } {
  const cueLines = cues.map((c) => c.text.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  const fresh = isRolling(cues, cueLines) ? dropRepeats(cueLines) : cueLines;

  const labels: string[] = [];
  let labelledCues = 0;
  for (const lines of fresh) {
    lines.forEach((l, n) => {
      const label = speakerLabel(l);
      if (label) labels.push(label.name);
      if (label && n === 0) labelledCues++;
    });
  }
  const withText = fresh.filter((lines) => lines.length > 0).length;
  const speakers = acceptSpeakers(labels, cues.flatMap((c) => (c.voice ? [c.voice] : [])), labelledCues >= 2 && labelledCues * 2 >= withText);

  const blocks: ImportBlock[] = [];
  let turn: { speaker?: string; start: number; last: number; words: string[] } | undefined;
  const close = (): void => {
    if (turn && turn.words.length > 0) blocks.push({ kind: 'paragraph', speaker: turn.speaker, start: turn.start, runs: [{ text: turn.words.join(' ') }] });
    turn = undefined;
  };
  const say = (speaker: string | undefined, changed: boolean, cue: CaptionCue, words: string): void => {
    const sameSpeaker = turn && (!changed || turn.speaker === speaker);
    const paused = turn && turn.speaker === undefined && (cue.start - turn.last >= PAUSE || cue.start - turn.start >= LONGEST);
    if (!turn || !sameSpeaker || paused) {
      const carried = changed ? speaker : turn?.speaker;
      close();
      turn = { speaker: carried, start: cue.start, last: cue.end, words: [] };
    }
    turn!.words.push(words);
    turn!.last = cue.end;
  };
  cues.forEach((cue, k) => {
    for (const [n, line] of fresh[k].entries()) {
      if (n === 0 && cue.voice) {
        say(cue.voice, true, cue, line);
        continue;
      }
      const label = cue.voice ? undefined : speakerLabel(line);
      if (label && speakers.has(label.name)) say(label.name, true, cue, line.slice(label.length));
      else say(undefined, false, cue, line);
    }
  });
  close();
  const duration = cues.length > 0 ? Math.max(...cues.map((c) => c.end)) : undefined;
  return { blocks: blocks.filter((b) => b.runs.some((r) => r.text.trim() !== '')), duration };
}

/**
 * Rolling captions: word timestamps, or most two-line cues starting with the line the cue
 * before ended with (a speaker who says "Yes." twice in two cues is not that).
 */
function isRolling(cues: CaptionCue[], lines: string[][]): boolean {
  if (cues.some((c) => c.wordTimestamps)) return true;
  if (cues.some((c) => c.voice)) return false;
  let repeats = 0;
  let multiLine = 0;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].length < 2) continue;
    multiLine++;
    const prev = lines[k - 1];
    if (prev.length > 0 && lines[k][0] === prev[prev.length - 1]) repeats++;
  }
  return repeats >= 2 && repeats * 2 >= multiLine;
}

/** Each cue without the leading lines that repeat the end of what was already said. */
function dropRepeats(cueLines: string[][]): string[][] {
  const said: string[] = [];
  return cueLines.map((lines) => {
    let skip = 0;
    for (let k = Math.min(lines.length, said.length); k > 0; k--) {
      if (lines.slice(0, k).every((l, j) => l === said[said.length - k + j])) {
        skip = k;
        break;
      }
    }
    const fresh = lines.slice(skip);
    said.push(...fresh);
    return fresh;
  });
}
