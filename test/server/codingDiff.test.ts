// Compare Coding with Branch over LSP: the server diffs a git ref against its
// live index (unsaved edits included) and answers a typed request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import { CodingDiffRequest, GitRefsRequest } from '../../server/src/protocol';

test('the coding diff from HEAD to the live project, unsaved edits included; git problems as one sentence', async () => {
  const root = writeProject('//- /codebook.md\n- #a: A\n//- /P1.md\n[one]{#a} two\n');
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=c@example.org', '-c', 'user.name=C', 'commit', '-q', '-m', 'first');
  const client = await LspClient.start(root);
  try {
    client.open('P1.md', '[one]{#a} [two]{#a}\n');
    const uri = client.uri('P1.md');
    await client.diagnosticsOf('P1.md');
    const diff = await client.connection.sendRequest(CodingDiffRequest, { uri, ref: 'HEAD' });
    assert.deepEqual(diff.added, [{ case: 'P1', file: 'P1.md', text: 'two', codes: ['a'] }]);
    assert.deepEqual(await client.connection.sendRequest(GitRefsRequest, { uri }), ['main']);
    await assert.rejects(client.connection.sendRequest(CodingDiffRequest, { uri, ref: 'nope' }), { message: '"nope" is not a branch, tag or commit in this repository.' });
  } finally {
    await client.stop();
  }
});
