import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeIdAllocator, codeIdFromName } from '../../core/refi/codeIds';
import { variableType, attributeValue } from '../../core/refi/variables';
import { exportProject } from '../../core/refi/exportProject';
import { indexFixture } from '../support/fixture';

test('code ids from names other tools give codes', () => {
  assert.equal(codeIdFromName('CAT - Peer Mentoring (informal)'), 'cat-peer-mentoring-informal');
  assert.equal(codeIdFromName('03 Accès aux soins'), '03-accès-aux-soins');
  assert.equal(codeIdFromName('  «Ça va?»  '), 'ça-va');
  assert.equal(codeIdFromName('???'), 'code');
  const ids = new CodeIdAllocator();
  assert.equal(ids.allocate('Support', 'family'), 'support');
  assert.equal(ids.allocate('Support', 'work'), 'work/support'); // same name under another parent
  assert.equal(ids.allocate('support!'), 'support-2'); // two names that slug alike, no parent
  assert.equal(ids.allocate('Support', 'work'), 'work/support-2');
});

test('variable types are the narrowest every value allows', () => {
  assert.equal(variableType([7, 9]), 'Integer');
  assert.equal(variableType([7, 9.5]), 'Float');
  assert.equal(variableType([true, false, undefined]), 'Boolean');
  assert.equal(variableType(['2024-03-01', '2023-12-31']), 'Date');
  assert.equal(variableType(['2024-02-30']), 'Text');
  assert.equal(variableType([7, 'seven']), 'Text');
  assert.equal(variableType([]), 'Text');
  assert.equal(attributeValue('7', 'Integer'), 7);
  assert.equal(attributeValue('2.5', 'Float'), 2.5);
  assert.equal(attributeValue('true', 'Boolean'), true);
  assert.equal(attributeValue('007', 'Text'), '007');
});

const PROJECT = `
//- /codebook.md
# Position {#position}

How they positioned OT.

- #role-blur: Which is which?
  Used when roles blur.

  A memo paragraph.
  - #cost: Cost
- #plain
//- /transcripts/P1.md
---
case: P01
band: 7
senior: true
---
😀 [one 😀]{#role-blur} and [two]{#new-code}\r
\r
Second paragraph. {#cost}
//- /transcripts/P2.md
---
band: 8.5
interviewed: 2024-03-01
---
[Three]{#position}
`;

test('export: code tree, sources, selections in code points, cases with typed variables, stable GUIDs', () => {
  const { index, fixture } = indexFixture(PROJECT);
  const run = () => exportProject({ name: 'study', index, textOf: (p) => fixture.files.get(p) });
  const { project, unreadable } = run();
  assert.deepEqual(unreadable, []);
  const tree = (codes: typeof project.codes): unknown => codes.map((c) => [c.name, c.description ?? '', c.children.length ? tree(c.children) : []]);
  assert.deepEqual(tree(project.codes), [
    ['Position', 'How they positioned OT.', [
      ['Which is which?', 'Used when roles blur.', [['Cost', '', []]]],
      ['plain', '', []],
    ]],
    ['Uncategorised', 'Codes used in transcripts but not defined in the codebook (inductive codes).', [['new-code', '', []]]],
  ]);
  assert.deepEqual(project.notes.map((n) => n.text), ['A memo paragraph.']);
  assert.equal(project.codes[0].children[0].noteRefs[0], project.notes[0].guid);

  const extracts = project.sources.map((s) => {
    const chars = [...s.text];
    return [s.name, s.selections.map((sel) => [chars.slice(sel.start, sel.end).join(''), sel.start, sel.end])];
  });
  assert.deepEqual(extracts, [
    ['P1', [['one 😀', 2, 7], ['two', 12, 15], ['Second paragraph.', 19, 36]]],
    ['P2', [['Three', 0, 5]]],
  ]);
  assert.equal(project.sources[0].text, '😀 one 😀 and two\r\n\r\nSecond paragraph. \n');

  assert.deepEqual(project.variables.map((v) => [v.name, v.type]), [['band', 'Float'], ['senior', 'Boolean'], ['interviewed', 'Date']]);
  assert.deepEqual(project.cases.map((c) => [c.name, c.values.map((v) => v.value), c.sources.length]), [['P01', ['7', 'true'], 1], ['P2', ['8.5', '2024-03-01'], 1]]);
  assert.deepEqual(run(), { project, unreadable });
});
