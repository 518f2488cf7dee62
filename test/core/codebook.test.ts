import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectIndex, parseCodebook, projectStats } from '../../core';
import { formatStatsTable } from '../../cli/statsTable';

const CODEBOOK = `# Position and Identity {#position-and-identity}

How participants positioned occupational therapy (OT) next to social prescribing (SP).

## The struggle to position OT and SP alongside each other {#struggle-to-position}

- #role-blur: When I put them together – which is one, which is the other?
  Used when a participant cannot tell the two roles apart.

  Memo: seen mostly in primary care.
  - #cost-comparison: They look similar but we cost a lot more.
- #doing-it-for-years – This new thing focuses on what matters most.
- Not a code, just a note
  - #nested-under-note: still under the subtheme

## Creating distinct positions
`;

test('headings are themes, list items with #name are codes', () => {
  const { nodes, diagnostics } = parseCodebook(CODEBOOK);
  assert.deepEqual(
    nodes.map((n) => `${n.kind} ${n.id} < ${n.parent ?? '-'} | ${n.label}`),
    [
      'theme position-and-identity < - | Position and Identity',
      'theme struggle-to-position < position-and-identity | The struggle to position OT and SP alongside each other',
      'code role-blur < struggle-to-position | When I put them together – which is one, which is the other?',
      'code cost-comparison < role-blur | They look similar but we cost a lot more.',
      'code doing-it-for-years < struggle-to-position | This new thing focuses on what matters most.',
      'code nested-under-note < struggle-to-position | still under the subtheme',
      'theme creating-distinct-positions < position-and-identity | Creating distinct positions',
    ],
  );
  assert.deepEqual(diagnostics, []);
});

test('definitions and memos', () => {
  const { nodes } = parseCodebook(CODEBOOK);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.equal(byId.get('position-and-identity')!.definition, 'How participants positioned occupational therapy (OT) next to social prescribing (SP).');
  assert.equal(byId.get('role-blur')!.definition, 'Used when a participant cannot tell the two roles apart.');
  assert.equal(byId.get('role-blur')!.memo, 'Memo: seen mostly in primary care.');
});

test('id ranges point at #name and {#id}', () => {
  const { nodes } = parseCodebook(CODEBOOK);
  const r = (id: string) => {
    const n = nodes.find((x) => x.id === id)!;
    return `${n.idRange.start.line}:${n.idRange.start.character}-${n.idRange.end.line}:${n.idRange.end.character}`;
  };
  assert.equal(r('position-and-identity'), '0:25-0:47');
  assert.equal(r('role-blur'), '6:2-6:12');
  assert.equal(r('creating-distinct-positions'), '15:3-15:30');
});

test('duplicate ids are errors, also when two headings slug alike', () => {
  const { diagnostics } = parseCodebook('# Theme\n\n- #a\n- #a\n\n# Theme\n');
  assert.deepEqual(
    diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
    [
      'duplicate-id 3:2 The id "a" is already used by the code "a" on line 3: ids must be unique in a codebook.',
      'duplicate-id 5:2 The id "theme" is already used by the theme "Theme" on line 1: ids must be unique in a codebook (give this heading its own id with {#another-id}).',
    ],
  );
});

test('a CRLF codebook', () => {
  const { nodes } = parseCodebook('# T {#t}\r\n\r\n- #a: A\r\n  more\r\n');
  assert.deepEqual(nodes.map((n) => [n.id, n.label, n.definition]), [['t', 'T', ''], ['a', 'A', 'more']]);
});

test('setext headings are themes like ATX headings', () => {
  const { nodes, diagnostics } = parseCodebook('Position {#position}\n========\n\nDefinition.\n\n- #a: A\n\nThe struggle {#struggle}\n---\n\n- #b: B\n\nSlug Theme\n---\n');
  assert.deepEqual(
    nodes.map((n) => `${n.kind} ${n.id} < ${n.parent ?? '-'} | ${n.label} | ${n.definition} | ${n.idRange.start.line}:${n.idRange.start.character}-${n.idRange.end.line}:${n.idRange.end.character}`),
    [
      'theme position < - | Position | Definition. | 0:10-0:19',
      'code a < position | A |  | 5:2-5:4',
      'theme struggle < position | The struggle |  | 7:14-7:23',
      'code b < struggle | B |  | 10:2-10:4',
      'theme slug-theme < position | Slug Theme |  | 12:0-12:10',
    ],
  );
  assert.deepEqual(diagnostics, []);
});

test('ids are compared in Unicode NFC; id ranges cover the source as written', () => {
  const { nodes, diagnostics } = parseCodebook('# Caf\u00e9s {#cafe\u0301s}\n\n- #the\u0301: tea\n- #th\u00e9: again\n\n# Cre\u0300me\n');
  assert.deepEqual(
    nodes.map((n) => `${n.id} ${n.idRange.start.character}-${n.idRange.end.character}`),
    ['caf\u00e9s 9-16', 'th\u00e9 2-7', 'th\u00e9 2-6', 'cr\u00e8me 2-8'],
  );
  assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.line}`), ['duplicate-id 3']);
});

test('a duplicate id stays an error, and every node keeps its own place, children and counts', () => {
  const codebook = '# A {#a}\n\n- #x: code x\n  - #w: under the code\n\n# B {#x}\n\n- #y: code y\n';
  const index = ProjectIndex.build(new Map([
    ['codebook.md', codebook],
    ['P1.md', '[one]{#x} [two]{#y} [four]{#w}\n'],
    ['P2.md', '[three]{#y}\n'],
  ]), { paranoid: true });
  assert.deepEqual(index.diagnostics('codebook.md').map((d) => `${d.code} ${d.range.start.line}`), ['duplicate-id 5']);
  // The second #x (the heading) is its own node: #y stays under it, not under the code #x of theme A.
  const tree = (key: string | undefined): string[] =>
    index.children(key).map((n) => `${n.kind} ${n.id} ${index.counts(n.key).direct}/${index.counts(n.key).total}/${index.counts(n.key).cases} [${tree(n.key).join(', ')}]`);
  assert.deepEqual(tree(undefined), [
    'theme a 0/2/1 [code x 1/2/1 [code w 1/1/1 []]]',
    'theme x 0/2/2 [code y 2/2/2 []]',
  ]);
  assert.deepEqual(
    projectStats(index).nodes.map((n) => `${n.kind} ${n.id} < ${n.parent ?? '-'} ${n.direct}/${n.total}/${n.cases}`),
    ['theme a < - 0/2/1', 'code x < a 1/2/1', 'code w < x 1/1/1', 'theme x < - 0/2/2', 'code y < x 2/2/2'],
  );
  assert.deepEqual(index.ancestors('y'), ['y', 'x (2)']);
  assert.deepEqual(
    projectStats(index).nodes.filter((n) => n.key || n.parentKey).map((n) => `${n.id} ${n.key ?? '-'} ${n.parentKey ?? '-'}`),
    ['x x (2) -', 'y - x (2)'],
  );
  assert.equal(
    formatStatsTable(projectStats(index)),
    '2 transcripts · 4 extracts\n\nextracts  cases  node\n       2      1  A\n       2      1    #x\n       1      1      #w\n       2      2  B\n       2      2    #y\n',
  );
});

test('a code with the id of its own theme does not loop', () => {
  const index = ProjectIndex.build(new Map([['codebook.md', '# X {#x}\n\n- #x\n- #d\n'], ['P1.md', '[a]{#d}\n']]), { paranoid: true });
  assert.deepEqual(projectStats(index).nodes.map((n) => `${n.kind} ${n.id} < ${n.parent ?? '-'} ${n.total}`), ['theme x < - 1', 'code x < x 0', 'code d < x 1']);
  assert.ok(formatStatsTable(projectStats(index)).endsWith('       1      1  X\n       0      0    #x\n       1      1    #d\n'));
});

test('a task list item is not a code', () => {
  const { nodes } = parseCodebook('# T\n\n- [ ] #task: to do\n- [x] #done\n- #real\n');
  assert.deepEqual(nodes.map((n) => n.id), ['t', 'real']);
});

test('hint: list items that look like codes but are not', () => {
  const { nodes, diagnostics } = parseCodebook('# T\n\n- #paren(x): label\n- [ ] #task: to do\n- #role\u200bblur: label\n- #ok: fine\n- #a,b\n');
  assert.deepEqual(nodes.map((n) => n.id), ['t', 'ok', 'a']);
  assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code} @ ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`), [
    'info not-a-code @ 2:2-2:11 This list item is not a code: "(" cannot be part of a code name (letters, digits, - _ . / only), and a code\'s name must be followed by a space, ":" or "–". Write it as #paren-x or "#paren: (x) …".',
    'info not-a-code @ 3:6-3:11 This list item is not a code: it is a task list item ("[ ] "). Remove "[ ] " to make #task a code.',
    'info not-a-code @ 4:2-4:12 This list item is not a code: #role is followed by an invisible U+200B ZERO WIDTH SPACE (often pasted from a PDF or a web page). Delete it.',
  ]);
});

test('hint: a heading whose {#…} is not an id gets its slug, and says why', () => {
  const { nodes, diagnostics } = parseCodebook('# Theme {#a #b}\n\n## Sub {#role\u200bblur}\n\n## Other {#ok}\n');
  assert.deepEqual(nodes.map((n) => n.id), ['theme-a-b', 'sub-roleblur', 'ok']);
  assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code} @ ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`), [
    'info not-an-id @ 0:8-0:15 A theme has one id: {#a #b} is not one, so this theme\'s id is "theme-a-b" (from its text). Write one id, as in {#a}.',
    'info not-an-id @ 2:7-2:19 {#role\u200bblur} is not an id: it contains an invisible U+200B ZERO WIDTH SPACE (often pasted from a PDF or a web page), so this theme\'s id is "sub-roleblur" (from its text). Delete it.',
  ]);
});

test('hint: an id with an invisible mark in the codebook', () => {
  const { diagnostics } = parseCodebook('- #role\u034fblur: label\n');
  assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code} @ ${d.range.start.character}-${d.range.end.character} ${d.message}`), [
    'info invisible-character @ 2-12 #role\u034fblur contains an invisible U+034F COMBINING GRAPHEME JOINER, so it is a different code from the one it looks like. Delete it.',
  ]);
});
