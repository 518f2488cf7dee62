// Half-typed coding does not flash errors: in the paragraph being edited,
// unclosed and malformed groups and unknown (partial) names are held back
// until the analyst pauses or edits elsewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';

const FILES = '//- /codebook.md\n# T {#t}\n- #a: A\n//- /transcripts/P1.md\n[x]{#a}\n//- /transcripts/P2.md\nOther.\n';
const show = (list: Diagnostic[]): string[] => list.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

/** The publication for `path` at document version `version` (waits for it). */
async function publication(client: LspClient, path: string, version: number, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<string[]> {
  const find = (): PublishDiagnosticsParams | undefined => client.published.find((p) => p.uri === client.uri(path) && p.version === version && predicate(p.diagnostics));
  await client.waitFor(() => find() !== undefined, `diagnostics of ${path} at version ${version}`);
  return show(find()!.diagnostics);
}

test('while typing, the edited paragraph shows no half-typed coding errors; other paragraphs and other documents do', async () => {
  const client = await LspClient.start(writeProject(FILES), { initializationOptions: { typingPauseMs: 600_000 } });
  try {
    // Opening is not typing: what the file holds is reported at once.
    client.open('transcripts/P1.md', 'Before [y]{#b}\n\nSome text.\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 1), ['0:11 unknown-code']);
    // Typing `]{#` (unclosed), then `{#}` (what Code Selection inserts), then a partial name.
    client.change('transcripts/P1.md', 'Before [y]{#b}\n\nSome [text]{#\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 2), ['0:11 unknown-code']);
    client.change('transcripts/P1.md', 'Before [y]{#b}\n\nSome [text]{#}\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 3), ['0:11 unknown-code']);
    client.change('transcripts/P1.md', 'Before [y]{#b}\n\nSome [text]{#a #ro}\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 4), ['0:11 unknown-code']);
    // Editing another paragraph shows the one left behind and holds the new one.
    client.change('transcripts/P1.md', 'Before [y]{#b} [z]{#\n\nSome [text]{#a #ro}\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 5), ['2:15 unknown-code']);
    // Editing another document shows everything held back in this one.
    client.open('transcripts/P2.md', 'Other.\n');
    client.change('transcripts/P2.md', 'Other [w]{#\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 5, (d) => d.length === 3), ['0:11 unknown-code', '0:18 unclosed-group', '2:15 unknown-code']);
    assert.deepEqual(await publication(client, 'transcripts/P2.md', 2), []);
  } finally {
    await client.stop();
  }
});

test('held-back errors appear once the analyst pauses', async () => {
  const client = await LspClient.start(writeProject(FILES), { initializationOptions: { typingPauseMs: 200 } });
  try {
    client.open('transcripts/P1.md', 'Some text.\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 1), []);
    client.change('transcripts/P1.md', 'Some [text]{#}\n');
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 2), []);
    // No further edit: the pause republishes the same version with the error.
    assert.deepEqual(await publication(client, 'transcripts/P1.md', 2, (d) => d.length > 0), ['0:11 malformed-group']);
  } finally {
    await client.stop();
  }
});
