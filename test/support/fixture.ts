// Data-driven fixtures, as in rust-analyzer: one string holds a whole project,
// each file introduced by a `//- /path` line; `$0` marks the cursor.

import { ProjectIndex } from '../../core';
import { loadFrom, textsReader } from '../../host/loader';

export interface Fixture {
  files: Map<string, string>;
  cursor?: { path: string; line: number; character: number };
}

export function parseFixture(source: string): Fixture {
  const files = new Map<string, string>();
  let cursor: Fixture['cursor'];
  const parts = source.split(/^\/\/- \//m);
  if (parts[0].trim() !== '') files.set('transcripts/P1.md', parts[0]);
  for (const part of parts.slice(1)) {
    const nl = part.indexOf('\n');
    const path = part.slice(0, nl).trim();
    let text = part.slice(nl + 1);
    const at = text.indexOf('$0');
    if (at >= 0) {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      cursor = { path, line, character: at - (before.lastIndexOf('\n') + 1) };
      text = before + text.slice(at + 2);
    }
    files.set(path, text);
  }
  return { files, cursor };
}

/** A paranoid index of the fixture (every update is checked against a rebuild), loaded as a project is. */
export function indexFixture(source: string): { index: ProjectIndex; fixture: Fixture } {
  const fixture = parseFixture(source);
  const { index } = loadFrom(textsReader(fixture.files), new ProjectIndex({ paranoid: true }));
  return { index, fixture };
}
