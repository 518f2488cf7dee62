import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import type { SegmentItem, ThemeTreeNode, ThemeTreeProject } from '../../server/src/protocol';

const PROJECT = `
//- /codebook.md
# Position {#position}
Theme definition.
- #role-blur: Roles blur
# Work {#work}
//- /transcripts/P1.md
---
case: P01
---
[They blur]{#role-blur} and [free]{#free #loose}
`;

const show = (nodes: ThemeTreeNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind} ${n.id || '-'} "${n.label}" ${n.total}/${n.cases}`, ...show(n.children, depth + 1)]);

test('theme tree: hierarchy with counts and an Uncategorised group', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  try {
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    assert.deepEqual(show(project.nodes), [
      'theme position "Position" 1/1',
      '  code role-blur "Roles blur" 1/1',
      'theme work "Work" 0/0',
      'uncategorised - "Uncategorised" 1/1',
      '  code free "" 1/1',
      '  code loose "" 1/1',
    ]);
    assert.equal(project.nodes[0].definition, 'Theme definition.');
    assert.deepEqual([project.transcripts, project.extracts, project.hasCodebook], [1, 2, true]);
  } finally {
    await client.stop();
  }
});

test('segments of a node on demand: quote, case, file, range', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  try {
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    const segments = await client.request<SegmentItem[]>('marginalia/segments', { folder: project.folder, id: 'position' });
    assert.deepEqual(segments, [
      { uri: client.uri('transcripts/P1.md'), file: 'transcripts/P1.md', case: 'P01', codes: ['role-blur'], text: 'They blur', range: { start: { line: 3, character: 1 }, end: { line: 3, character: 10 } } },
    ]);
  } finally {
    await client.stop();
  }
});

test('a notification tells the client when counts change', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  try {
    client.open('transcripts/P1.md', '[x]{#work}');
    await client.waitFor(() => client.notifications.some((n) => n.method === 'marginalia/countsChanged'), 'countsChanged');
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    assert.deepEqual(show(project.nodes), ['theme position "Position" 0/0', '  code role-blur "Roles blur" 0/0', 'theme work "Work" 1/1']);
  } finally {
    await client.stop();
  }
});
