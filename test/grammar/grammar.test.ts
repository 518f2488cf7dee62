// The injection grammar, tested with vscode-tmgrammar-test against a stand-in
// markdown host grammar (VS Code's own is not on npm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/tempProject';

test('coded-span brackets, coding groups and code names get their scopes', () => {
  const r = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js'),
      '-g', 'test/grammar/markdown-host.tmLanguage.json',
      '-g', 'syntaxes/marginalia.injection.tmLanguage.json',
      'test/grammar/coding.test.md',
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /coding\.test\.md run successfuly/);
});
