import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import { ReportRequest, type ReportData, type SegmentItem, type ThemeTreeProject } from '../../server/src/protocol';

const PROJECT = `
//- /codebook.md
# Position {#position}
- #role-blur: Roles blur
- #cost: Cost
//- /transcripts/P1.md
---
case: P01
band: 7
---
[They [blur]{#cost}]{#role-blur}
//- /transcripts/P2.md
---
case: P02
band: 6
---
[Also]{#cost}
`;

const cells = (d: ReportData): string[] => d.matrix.rows.map((r) => `${r.id} ${d.matrix.cases.map((c) => `${c}=${r.counts[c]}`).join(' ')}`);

test('report request: the three reports from the live index, filtered by a case attribute, unsaved edits included', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  try {
    const all = await client.request<ReportData>(ReportRequest.method, {});
    assert.deepEqual(all.attributes, [{ name: 'case', values: ['P01', 'P02'] }, { name: 'band', values: ['6', '7'] }]);
    assert.deepEqual(cells(all), ['position P01=2 P02=1', 'role-blur P01=1 P02=0', 'cost P01=1 P02=1']);
    assert.deepEqual(all.cooccurrence.pairs, [{ a: 'cost', b: 'role-blur', count: 1, examples: [{ case: 'P01', file: 'transcripts/P1.md', range: { start: { line: 4, character: 7 }, end: { line: 4, character: 11 } } }] }]);
    assert.deepEqual(all.quotes.nodes.map((n) => `${n.id}: ${n.quotes.map((q) => q.text).join(', ')}`), ['position: ', 'role-blur: They blur', 'cost: blur, Also']);

    const band6 = await client.request<ReportData>(ReportRequest.method, { where: [{ attribute: 'band', value: '6' }] });
    assert.deepEqual([band6.where, band6.problem, band6.matrix.cases], [[{ attribute: 'band', value: '6' }], undefined, ['P02']]);

    const unknown = await client.request<ReportData>(ReportRequest.method, { where: [{ attribute: 'band', value: '9' }] });
    assert.deepEqual([unknown.where, unknown.problem, unknown.matrix.cases], [[], 'No case has band = "9"; its values are "6", "7".', ['P01', 'P02']]);

    client.open('transcripts/P2.md', '---\ncase: P02\nband: 6\n---\n[Also]{#cost #role-blur}\n');
    await client.diagnosticsOf('transcripts/P2.md');
    const edited = await client.request<ReportData>(ReportRequest.method, {});
    assert.deepEqual(cells(edited), ['position P01=2 P02=1', 'role-blur P01=1 P02=1', 'cost P01=1 P02=1']);
    assert.deepEqual(edited.cooccurrence.pairs.map((p) => p.count), [2]);
  } finally {
    await client.stop();
  }
});

test('theme tree and segments with a case filter: counts and extracts of the chosen cases, the filter named', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  try {
    const where = [{ attribute: 'band', value: '6' }];
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', { where });
    assert.deepEqual(project.nodes.map((n) => `${n.id} ${n.total}/${n.cases} [${n.children.map((c) => `${c.id} ${c.total}/${c.cases}`).join(', ')}]`), ['position 1/1 [role-blur 0/0, cost 1/1]']);
    assert.deepEqual([project.transcripts, project.extracts, project.filter], [1, 1, 'band = 6']);
    const segments = await client.request<SegmentItem[]>('marginalia/segments', { folder: project.folder, id: 'cost', where });
    assert.deepEqual(segments.map((s) => `${s.case} ${s.text}`), ['P02 Also']);
    const [unfiltered] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    assert.deepEqual([unfiltered.nodes[0].total, unfiltered.filter], [3, undefined]);
  } finally {
    await client.stop();
  }
});
