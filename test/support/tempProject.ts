// Writes a fixture project to a fresh temporary folder.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFixture } from './fixture';

export function writeProject(source: string | Map<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-'));
  const files = typeof source === 'string' ? parseFixture(source).files : source;
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export const PROJECT_ROOT: string = __PROJECT_ROOT__;
