// A workspace folder without a project at its top but with projects below it
// serves each of them, as if each were a workspace folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

test('a workspace folder with two projects below serves each with its own codebook', async () => {
  const root = writeProject(`
//- /study a/codebook.md
- #a: A
//- /study a/P1.md
[one]{#a} [two]{#b}
//- /study b/codebook.md
- #b: B
//- /study b/P1.md
[one]{#a} [two]{#b}
//- /notes.md
Not a transcript of either study.
`);
  const client = await LspClient.start(root);
  try {
    const codes = async (path: string): Promise<string[]> => (await client.diagnosticsOf(path)).map((d) => `${d.code} ${String(d.message).split(' ')[0]}`);
    assert.deepEqual(await codes('study a/P1.md'), ['unknown-code #b']);
    assert.deepEqual(await codes('study b/P1.md'), ['unknown-code #a']);
    // Neither codebook is a transcript of anything: no diagnostics on them at all.
    const tree = await client.request<Array<{ folder: string; nodes: unknown[] }>>('marginalia/themeTree', {});
    assert.equal(tree.length, 2);
  } finally {
    await client.stop();
  }
});
