// Starts the real server on a fixture project written to disk.

import { parseFixture, type Fixture } from './fixture';
import { LspClient } from './lspClient';
import { writeProject } from './tempProject';

export interface LspFixture {
  client: LspClient;
  fixture: Fixture;
  /** The `$0` cursor. */
  cursor: { path: string; line: number; character: number };
}

export async function startFixture(source: string): Promise<LspFixture> {
  const fixture = parseFixture(source);
  const root = writeProject(fixture.files);
  const client = await LspClient.start(root);
  return { client, fixture, cursor: fixture.cursor ?? { path: '', line: 0, character: 0 } };
}

/** Sends a request at the fixture's `$0` cursor, opening that file first. */
export async function atCursor<R>(f: LspFixture, method: string, extra: object = {}): Promise<R> {
  f.client.open(f.cursor.path, f.fixture.files.get(f.cursor.path)!);
  return f.client.at<R>(method, f.cursor.path, f.cursor.line, f.cursor.character, extra);
}
