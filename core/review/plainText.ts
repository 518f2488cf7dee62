// A transcript's text with coding markup removed, and where each coded segment
// lies in it: the units (characters) that intercoder agreement compares.

import { LineIndex } from '../text/lineIndex';
import { parseTranscript } from '../transcript/parseTranscript';

export interface PlainTranscript {
  caseId: string;
  /** The transcript with every coded-span bracket and coding group removed. */
  text: string;
  /** Per coded segment: its codes and [start, end) in `text`. */
  segments: Array<{ codes: string[]; start: number; end: number }>;
}

export function plainTranscript(source: string, path: string): PlainTranscript {
  const parsed = parseTranscript(source, path, { markup: true });
  const removed: Array<[number, number]> = [];
  for (const m of parsed.markup ?? []) {
    if (m.kind === 'span') removed.push([m.open, m.open + 1], [m.close, m.groupEnd]);
    else removed.push([m.start, m.end]);
  }
  removed.sort((a, b) => a[0] - b[0]);
  // Prefix sums of removed characters let any source offset map to the plain text.
  const starts = removed.map((r) => r[0]);
  const removedBefore: number[] = [];
  let total = 0;
  for (const [a, b] of removed) {
    removedBefore.push(total);
    total += b - a;
  }
  const toPlain = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return offset;
    const [a, b] = removed[lo - 1];
    return offset - removedBefore[lo - 1] - (Math.min(offset, b) - a);
  };
  let text = '';
  let pos = 0;
  for (const [a, b] of removed) {
    text += source.slice(pos, a);
    pos = b;
  }
  text += source.slice(pos);
  const lines = new LineIndex(source);
  const segments = parsed.segments.map((s) => ({
    codes: s.codes,
    start: toPlain(lines.offset(s.range.start)),
    end: toPlain(lines.offset(s.range.end)),
  }));
  return { caseId: parsed.caseId, text, segments };
}
