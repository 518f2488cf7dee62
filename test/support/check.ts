// In-process feature checks, as in rust-analyzer: a fixture (one string,
// `//- /path` file headers, `$0` cursor) becomes an in-memory project (no disk,
// no server process); a feature runs at the cursor; its result is rendered as a
// short text and compared with the expected text written in the test.
//
// Update mode: `UPDATE_EXPECT=1 npm test` rewrites every expected text that no
// longer matches in the test file itself (the test passes the old literal, the
// helper finds it in the file and writes the new one), so a deliberate change of
// output is one command and a reviewed diff. Never in CI.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrder } from '../../core';
import { Project } from '../../server/src/workspace/project';
import { parseFixture } from './fixture';
import { PROJECT_ROOT } from './tempProject';

export interface FeatureFixture {
  project: Project;
  files: Map<string, string>;
  /** The `$0` cursor: file, 0-based line and UTF-16 character. */
  cursor: { path: string; line: number; character: number };
}

/** A paranoid in-memory project holding the fixture's files as if open in an editor. */
export function projectOf(source: string): FeatureFixture {
  const { files, cursor } = parseFixture(source);
  const project = new Project('/in-memory/project', 'fixture', true);
  const order = [...loadOrder(files.keys(), (p) => p === project.index.codebookPath)];
  for (const path of order) project.setOpen(path, files.get(path)!);
  return { project, files, cursor: cursor ?? { path: order[order.length - 1], line: 0, character: 0 } };
}

/**
 * Compares a rendered result with the expected text. `testFile` is the test's
 * path from the project root, for update mode.
 */
export function expectText(testFile: string, actual: string, expected: string): void {
  if (actual === expected) return;
  if (process.env.UPDATE_EXPECT === '1' && !process.env.CI) {
    const path = join(PROJECT_ROOT, testFile);
    const source = readFileSync(path, 'utf8');
    const old = quote(expected);
    const at = source.indexOf(old);
    if (at >= 0) {
      writeFileSync(path, source.slice(0, at) + quote(actual) + source.slice(at + old.length));
      return;
    }
  }
  assert.equal(actual, expected);
}

/** A string as a single-quoted TypeScript literal (how expected texts are written). */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
