// webvtt-parser ships no types: the part of its API the caption reader uses.
declare module 'webvtt-parser' {
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: unknown[]; errors: Array<{ message: string; line: number }> };
  }
}
