// REFI-QDA test helpers: schema validation with a real validator (xmllint,
// Debian's libxml2-utils) against the official schemas vendored in
// test/fixtures/refi/, and reading a .qdpx's entries.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PROJECT_ROOT } from './tempProject';

export const SCHEMAS = {
  project: join(PROJECT_ROOT, 'test/fixtures/refi/Project.xsd'),
  codebook: join(PROJECT_ROOT, 'test/fixtures/refi/Codebook.xsd'),
};

/** xmllint's complaints about `xml` against a schema; [] when it validates. */
export function schemaErrors(xml: string, schema: keyof typeof SCHEMAS): string[] {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMAS[schema], '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed to validate REFI-QDA files (apt-get install libxml2-utils): ${r.error.message}`);
  if (r.status === 0) return [];
  return r.stderr.split('\n').filter((l) => l.trim() !== '' && !/validates$/.test(l));
}

/** The text entries of a zip (name → text). */
export function zipEntries(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}
