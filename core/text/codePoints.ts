// UTF-16 offsets (JavaScript string indices, what the core counts in) to and
// from Unicode code point offsets (what REFI-QDA's startPosition/endPosition
// count). They differ only after characters outside the Basic Multilingual
// Plane (emoji, some CJK), which take two UTF-16 code units and one code point.
// A CRLF is two of each; a byte-order mark is not part of the text.

export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every surrogate pair, ascending. */
  private readonly pairs: number[] = [];
  /** The text's length in code points. */
  readonly length: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.pairs.push(i++);
      }
    }
    this.length = text.length - this.pairs.length;
  }

  /**
   * A UTF-16 offset → the code point offset. An offset between the two halves
   * of a pair (never a real position) counts that character as passed.
   */
  toCodePoint(utf16: number): number {
    const u = Math.max(0, Math.min(utf16, this.text.length));
    // Each pair that ends at or before u saves one; a pair split by u counts as passed.
    return u - countBelow(this.pairs, u - 1);
  }

  /** A code point offset → the UTF-16 offset (clamped into the text). */
  toUtf16(codePoint: number): number {
    let cp = Math.max(0, Math.min(codePoint, this.length));
    // Find how many pairs lie before the code point: pair k sits at code point pairs[k] - k.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    cp += lo;
    return cp;
  }
}

/** How many values are < x in an ascending array. */
function countBelow(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The code point offset of a UTF-16 offset in `text` (one-off; build a CodePointIndex for many). */
export function codePointOffset(text: string, utf16: number): number {
  return new CodePointIndex(text).toCodePoint(utf16);
}

/** The UTF-16 offset of a code point offset in `text` (one-off; build a CodePointIndex for many). */
export function utf16Offset(text: string, codePoint: number): number {
  return new CodePointIndex(text).toUtf16(codePoint);
}
