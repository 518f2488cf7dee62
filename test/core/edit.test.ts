// Edit plans (core/edit): exact offsets and bytes, CRLF, emoji and BOM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCodePlan, addCodeTargets, EditRefused, parseCodebook, renamePlan } from '../../core';
import { editProject as project, planned as applied } from '../support/editProject';

test('rename: offsets of the names only, in the BOM-stripped text; the BOM stays when applied', () => {
  const p = project({ 'codebook.md': '\uFEFF# T {#t}\r\n\r\n- #a: 😀 A\r\n', 'P1.md': '\uFEFF[x]{#a} 👩‍⚕️ [y]{#b #a}\r\n' });
  const plan = renamePlan(p, 'a', ' #new-a ');
  assert.deepEqual(plan.edits, [
    { path: 'P1.md', offset: 5, length: 1, newText: 'new-a' },
    { path: 'P1.md', offset: 22, length: 1, newText: 'new-a' },
    { path: 'codebook.md', offset: 15, length: 1, newText: 'new-a' },
  ]);
  assert.deepEqual(applied(p, plan), { 'P1.md': '\uFEFF[x]{#new-a} 👩‍⚕️ [y]{#b #new-a}\r\n', 'codebook.md': '\uFEFF# T {#t}\r\n\r\n- #new-a: 😀 A\r\n' });
});

test('rename refuses an invalid name and an existing one', () => {
  const p = project({ 'codebook.md': '- #a\n- #b\n', 'P1.md': '[x]{#a #c}\n' });
  assert.throws(() => renamePlan(p, 'a', 'two words'), new EditRefused('"two words" cannot be a code name: start with a letter or digit, then use letters, digits, - _ . or /.'));
  assert.throws(() => renamePlan(p, 'a', 'c'), new EditRefused('#c already exists: to make the two one code, merge #a into #c (marginalia.mergeCode).'));
  assert.deepEqual(renamePlan(p, 'a', '#a'), { edits: [] });
});

const CODEBOOK = [
  '# Position {#position}',
  '',
  'How OT and SP sit together.',
  '',
  '## Struggle {#struggle}',
  '',
  '- #role-blur: 😀 Roles blur',
  '  - #cost: We cost more',
  '',
  '  Memo of role-blur.',
  '- #years: For years',
  '',
  '# Making it work',
  '',
  'Definition only.',
  '',
  '## Ordered {#ordered}',
  '1. #first',
  '2. #second',
  '',
].join('\r\n');

test('add a code: one target per theme, in codebook order', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  assert.deepEqual(addCodeTargets(p).map((n) => n.id), ['position', 'struggle', 'making-it-work', 'ordered']);
});

test('add a code under a theme with codes: after its last code, same bullet and indentation, CRLF kept', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  const after = applied(p, addCodePlan(p, 'new', 'struggle'))['codebook.md'];
  assert.equal(after, CODEBOOK.replace('- #years: For years\r\n', '- #years: For years\r\n- #new\r\n'));
  const ordered = applied(p, addCodePlan(p, 'new', 'ordered'))['codebook.md'];
  assert.equal(ordered, CODEBOOK.replace('2. #second\r\n', '2. #second\r\n3. #new\r\n'));
  for (const [parent, text] of [['struggle', after], ['ordered', ordered]]) {
    const node = parseCodebook(text).nodes.find((n) => n.id === 'new');
    assert.equal(node?.parent, parent);
  }
});

test('add a code under a theme without codes: after its own text, before the next heading', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  const position = applied(p, addCodePlan(p, 'new', 'position'))['codebook.md'];
  assert.equal(position, CODEBOOK.replace('sit together.\r\n\r\n', 'sit together.\r\n\r\n- #new\r\n\r\n'));
  const work = applied(p, addCodePlan(p, 'new', 'making-it-work'))['codebook.md'];
  assert.equal(work, CODEBOOK.replace('Definition only.\r\n\r\n', 'Definition only.\r\n\r\n- #new\r\n\r\n'));
  assert.equal(parseCodebook(position).nodes.find((n) => n.id === 'new')?.parent, 'position');
  assert.equal(parseCodebook(work).nodes.find((n) => n.id === 'new')?.parent, 'making-it-work');
});

test('add a code at the end of the codebook, or to a new codebook; never a theme named Uncategorised', () => {
  const p = project({ 'codebook.md': '\uFEFF# Only {#only}\r\n\r\nText.' });
  assert.deepEqual(applied(p, addCodePlan(p, 'new', null)), { 'codebook.md': '\uFEFF# Only {#only}\r\n\r\nText.\r\n\r\n- #new\r\n' });
  const list = project({ 'codebook.md': '- #a\n- #b\n\n\n' });
  assert.deepEqual(applied(list, addCodePlan(list, 'new', null)), { 'codebook.md': '- #a\n- #b\n- #new\n' });
  const none = project({ 'P1.md': '[x]{#a}' });
  assert.deepEqual(addCodePlan(none, 'a', null), { create: ['codebook.md'], edits: [{ path: 'codebook.md', offset: 0, length: 0, newText: '- #a\n' }] });
  assert.throws(() => addCodePlan(p, 'new', 'nope'), EditRefused);
});
