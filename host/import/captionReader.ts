/// <reference path="./vendor.d.ts" />
// WebVTT and SRT files → caption cues, read with webvtt-parser (the W3C's
// WebVTT parser, with its full table of character references). An SRT file is
// WebVTT without the header and with commas in its times, so it is read the same
// way after those two differences are undone.

import { WebVTTParser } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import type { CaptionCue } from '../../core/import/captions';
import { ImportError } from './decodeText';

interface CueNode {
  type: 'text' | 'object' | 'timestamp';
  name?: string;
  value?: string | number;
  children?: CueNode[];
}

const parser = new WebVTTParser(entities);

export function readCaptions(text: string, name: string, format: 'vtt' | 'srt'): CaptionCue[] {
  let vtt = text.replace(/^\ufeff/, '');
  if (format === 'srt') {
    if (!/-->/.test(vtt)) throw new ImportError(`${name} has no captions: an SRT file holds numbered cues with times such as "00:00:01,000 --> 00:00:04,000".`);
    const lines = vtt.split(/\r\n|\r|\n/).map((l) => (l.includes('-->') ? l.replace(/(\d),(\d)/g, '$1.$2') : l));
    vtt = `WEBVTT\n\n${lines.join('\n')}`;
  } else if (!/^WEBVTT(?:[ \t]|$)/m.test(vtt.split(/\r\n|\r|\n/, 1)[0])) {
    throw new ImportError(`${name} is not a WebVTT file: its first line should be "WEBVTT".`);
  }
  const tree = parser.parse(vtt) as { cues: Array<{ startTime: number; endTime: number; tree: { children: CueNode[] } }> };
  if (tree.cues.length === 0) throw new ImportError(`${name} has no captions to import (no cues with times such as "00:00:01.000 --> 00:00:04.000").`);
  return tree.cues.map((cue) => {
    let voice: string | undefined;
    let wordTimestamps = false;
    const walk = (nodes: CueNode[]): string =>
      nodes
        .map((n) => {
          if (n.type === 'text') return String(n.value ?? '');
          if (n.type === 'timestamp') {
            wordTimestamps = true;
            return '';
          }
          if (n.name === 'v' && voice === undefined && typeof n.value === 'string' && n.value.trim() !== '') voice = n.value.trim();
          return walk(n.children ?? []);
        })
        .join('');
    const text = walk(cue.tree.children);
    return { start: cue.startTime, end: cue.endTime, voice, text, wordTimestamps };
  });
}
