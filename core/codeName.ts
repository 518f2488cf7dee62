// The one definition of what a code name is (DESIGN.md §2): `#`, then a letter
// or digit, then letters, digits, `-`, `_`, `.`, `/` (Unicode letters allowed).

export const CODE_NAME_SOURCE = String.raw`[\p{L}\p{N}][\p{L}\p{N}\p{M}\-_./]*`;
const WHOLE_NAME = new RegExp(`^${CODE_NAME_SOURCE}$`, 'u');

const NON_ASCII = /[^\0-\x7f]/;

/**
 * A code name as Marginalia compares it: Unicode NFC, so `#café` typed as one
 * character (NFC) and as `e` plus a combining accent (NFD, as macOS and PDFs
 * paste it) are the same code. Files keep their bytes: parsers report names in
 * NFC while ranges cover the source as written.
 */
export function normalizeCodeName(name: string): string {
  return NON_ASCII.test(name) ? name.normalize('NFC') : name;
}

/** True when `name` (without `#`) is a valid code name. */
export function isValidCodeName(name: string): boolean {
  return WHOLE_NAME.test(name);
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest known name for a mistyped one: same name in another case first,
 * then the smallest edit distance (at most a third of the name, at least 1).
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    if (d >= Math.min(name.length, candidate.length)) continue; // nothing in common
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Characters that print as nothing: zero-width spaces and joiners, direction marks, soft hyphens, fillers. */
export const INVISIBLE_CLASS = String.raw`\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\u180B-\u180E`;
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** The first invisible character in `text`, named as Unicode does ("U+200B ZERO WIDTH SPACE"), if any. */
export function invisibleCharacter(text: string): string | undefined {
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = INVISIBLE_NAMES[code] ?? (code >= 0xfe00 && code <= 0xfe0f ? `VARIATION SELECTOR-${code - 0xfe00 + 1}` : 'an invisible formatting character');
  return `U+${hex} ${name}`;
}
