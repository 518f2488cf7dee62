// Rename a code, then rename it back: every file is restored byte for byte,
// whatever the line endings, byte-order marks, emoji and markup around the names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CancellationToken, type WorkspaceEdit } from 'vscode-languageserver';
import { lineMapOf } from '../../core';
import { applyTextEdits } from '../support/textEdits';
import { Project } from '../../server/src/workspace/project';
import { rename } from '../../server/src/features/rename';

async function renameEverywhere(project: Project, files: Map<string, string>, from: string, to: string): Promise<void> {
  const token = project.index.tokensOf(from)[0];
  const at = lineMapOf(project.index.transcript(token.path)!).position(token.token.start);
  const edit: WorkspaceEdit | null = await rename(project, token.path, at, to, CancellationToken.None);
  assert.ok(edit?.changes);
  for (const [path, text] of files) {
    const changed = applyTextEdits(text, edit.changes[project.uri(path)] ?? []);
    files.set(path, changed);
    project.setOpen(path, changed);
  }
}

const PIECES = ['[x]{#a}', '[y]{#a #b}', ' {#a}', '😀', '👩‍⚕️', 'é', '\r\n', '\n', '\r', '\n\n', ' ', 'text', '[laughs]', '#a', '`#a`', '<!-- #a -->', '{#a, #b}', ']{#a}', '\\[', '---\r\ncase: P1\r\n---\r\n'];

test('rename then rename back restores every file byte for byte', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 25 })).map(([bom, p]) => `${bom ? '\uFEFF' : ''}[first]{#a}\r\n${p.join('')}`), { minLength: 1, maxLength: 3 }), async (transcripts) => {
      const project = new Project('/nonexistent/project', 'fuzz', true);
      const files = new Map<string, string>([['codebook.md', '# Theme {#t}\r\n\r\n- #a: 😀 A code\r\n- #b: B\r\n']]);
      transcripts.forEach((t, i) => files.set(`transcripts/P${i}.md`, t));
      for (const [path, text] of files) project.setOpen(path, text);
      const before = new Map(files);
      await renameEverywhere(project, files, 'a', 'renamed-code');
      assert.equal(project.index.useCount('a'), 0);
      await renameEverywhere(project, files, 'renamed-code', 'a');
      assert.deepEqual(files, before);
    }),
    { numRuns: 300 },
  );
});
