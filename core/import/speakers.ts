// Who is speaking: `Name: words` at the start of a cue, a line or a Word
// paragraph, and Otter's / Word's speaker lines (`Speaker 1  0:03`). A colon
// alone does not make a speaker ("So: here is the thing"): a label counts when
// it looks like a name and the document uses it at least twice, or it is a usual
// role (Interviewer, P2, Speaker 1…), or it was written in bold, or the document
// is labelled throughout.

/** A name: up to five words starting with a letter or digit; no sentence punctuation. */
const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.()&/-]*(?:[ \t][\p{L}\p{M}\p{N}'’.()&/-]+){0,4}`;
const LABEL = new RegExp(String.raw`^(?:\[(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)\][ \t]*)?(${NAME})[ \t]*:(?:[ \t]+|$)`, 'u');
/** `Speaker 1  0:03`, `Jane Smith  1:02:03`, `00:00:03 Speaker 1` on a line of its own. */
const HEADER_AFTER = new RegExp(String.raw`^(${NAME})[ \t]+(\d{1,2}:\d{2}(?::\d{2})?)$`, 'u');
const HEADER_BEFORE = new RegExp(String.raw`^(\d{1,2}:\d{2}(?::\d{2})?)[ \t]+(${NAME})$`, 'u');
const ROLE = /^(?:interviewer|interviewee|participant|respondent|moderator|facilitator|researcher|host|guest|speaker|unknown speaker)(?:[ \t]*[A-Za-z]?\d{0,3})$/i;
/** Short codes transcribers use: I, R, Q, A, INT, P2, P09, R1. */
const ROLE_CODE = /^[A-Z]{1,3}\d{0,3}$/;

export interface SpeakerLabel {
  name: string;
  /** Characters of the line taken by the label (with the colon and spaces after it). */
  length: number;
  /** A time written before the label, `[00:01:23] Name:`, in seconds. */
  start?: number;
}

/** A `Name:` label at the start of a line, if the line has one (not yet known to be a speaker). */
export function speakerLabel(line: string): SpeakerLabel | undefined {
  const m = LABEL.exec(line);
  if (!m) return undefined;
  const name = m[2].trim();
  if (name.length > 40 || /^\d+$/.test(name)) return undefined;
  return { name, length: m[0].length, start: m[1] === undefined ? undefined : parseClock(m[1]) };
}

/** An Otter or Word speaker line: a name and a time, nothing else. */
export function speakerHeader(line: string): { name: string; start: number } | undefined {
  const t = line.trim();
  const after = HEADER_AFTER.exec(t);
  if (after) return { name: after[1].trim(), start: parseClock(after[2]) };
  const before = HEADER_BEFORE.exec(t);
  if (before) return { name: before[2].trim(), start: parseClock(before[1]) };
  return undefined;
}

/** `1:02:03`, `0:03`, `00:01:23.5` → seconds. */
export function parseClock(s: string): number {
  const parts = s.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, p) => total * 60 + p, 0);
}

/**
 * Which of the labels found in a document are speakers: used twice or more, a usual
 * role, or (Word) written in bold — or every label, when the document is labelled
 * throughout (most cues or lines start with one, as in Zoom's captions), so someone
 * who speaks once is still a speaker.
 */
export function acceptSpeakers(labels: Iterable<string>, bold: Iterable<string> = [], labelledThroughout = false): Set<string> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const accepted = new Set<string>(bold);
  for (const [name, n] of counts) if (labelledThroughout || n >= 2 || ROLE.test(name) || ROLE_CODE.test(name)) accepted.add(name);
  return accepted;
}
