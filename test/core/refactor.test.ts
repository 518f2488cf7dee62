// Codebook refactorings as edit plans (DESIGN.md §12): exact bytes on CRLF
// and emoji files, refusals with a sentence, and the properties of issue 17.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deletePlan, EditRefused, mergePlan, movePlan, newNodePlan, parseCodebook, uncodePlan } from '../../core';
import { applyToProject as apply, editProject as project } from '../support/editProject';

const CODEBOOK = [
  '# Position {#position}',
  '',
  'How OT sits.',
  '',
  '## Struggle {#struggle}',
  '',
  '- #role-blur: 😀 Roles blur',
  '  - #cost: We cost more',
  '',
  '  Memo of role-blur.',
  '- #years: For years',
  '',
  '# Making it work {#work}',
  '',
  '- #first',
  '',
].join('\r\n');

const TRANSCRIPT = '\uFEFF[a 👩‍⚕️]{#years #first} [b]{#first}\r\n\r\nPara 😀 {#years}\r\n';

test('move a code with its children and memo under another theme, last among its siblings', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  assert.deepEqual(apply(p, movePlan(p, 'role-blur', 'work')), {
    'codebook.md': CODEBOOK.replace('- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo of role-blur.\r\n', '').replace('- #first\r\n', '- #first\r\n- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo of role-blur.\r\n'),
  });
  assert.deepEqual(p.index.ancestors('cost'), ['cost', 'role-blur', 'work']);
});

test('move a code under a code (nested), to the top level, and a theme under a theme (headings adapt)', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  assert.deepEqual(apply(p, movePlan(p, 'years', 'role-blur'))['codebook.md'], CODEBOOK.replace('  - #cost: We cost more\r\n', '  - #cost: We cost more\r\n  - #years: For years\r\n').replace('  Memo of role-blur.\r\n- #years: For years\r\n', '  Memo of role-blur.\r\n'));
  const q = project({ 'codebook.md': CODEBOOK });
  assert.equal(apply(q, movePlan(q, 'first', null))['codebook.md'], `- #first\r\n\r\n${CODEBOOK.replace('\r\n\r\n- #first\r\n', '\r\n')}`);
  const r = project({ 'codebook.md': CODEBOOK });
  assert.equal(apply(r, movePlan(r, 'work', 'position'))['codebook.md'], CODEBOOK.replace('# Making it work', '## Making it work'));
  const s = project({ 'codebook.md': CODEBOOK });
  assert.equal(apply(s, movePlan(s, 'struggle', null))['codebook.md'], CODEBOOK.replace(/## Struggle[^]*(?=# Making)/u, '') + '\r\n# Struggle {#struggle}\r\n\r\n- #role-blur: 😀 Roles blur\r\n  - #cost: We cost more\r\n\r\n  Memo of role-blur.\r\n- #years: For years\r\n');
  assert.deepEqual(parseCodebook(s.files.get('codebook.md')!).nodes.map((n) => `${n.id}<${n.parent ?? ''}`), ['position<', 'work<', 'first<work', 'struggle<', 'role-blur<struggle', 'cost<role-blur', 'years<struggle']);
});

test('moves that cannot be done are refused with a sentence, and change nothing', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  assert.throws(() => movePlan(p, 'position', 'cost'), new EditRefused('The theme "Position" cannot move under #cost, which is inside it.'));
  assert.throws(() => movePlan(p, 'cost', 'cost'), new EditRefused('#cost cannot move under itself.'));
  assert.throws(() => movePlan(p, 'work', 'cost'), new EditRefused('A theme can only move under another theme or to the top level, not under the code #cost.'));
  assert.throws(() => movePlan(p, 'nope', null), new EditRefused('There is no theme or code "nope" in the codebook.'));
});

test('merge a code whose name has a hyphen or slash and a definition (its entry is read by a pattern)', () => {
  const book = '- #never-been/allowed: Never been allowed\n- #for-years: For years\n';
  const p = project({ 'codebook.md': book, 'P1.md': '[x]{#never-been/allowed}\n' });
  assert.deepEqual(apply(p, mergePlan(p, 'never-been/allowed', 'for-years')), {
    'P1.md': '[x]{#for-years}\n',
    'codebook.md': '- #for-years: For years\n\n  Merged from #never-been/allowed: Never been allowed\n',
  });
});

test('merge: every #a becomes #b, a group keeps one #b, the entry goes and its text joins #b\'s memo', () => {
  const p = project({ 'codebook.md': CODEBOOK, 'P1.md': TRANSCRIPT });
  assert.deepEqual(apply(p, mergePlan(p, 'years', 'first')), {
    'P1.md': '\uFEFF[a 👩‍⚕️]{#first} [b]{#first}\r\n\r\nPara 😀 {#first}\r\n',
    'codebook.md': CODEBOOK.replace('- #years: For years\r\n', '').replace('- #first\r\n', '- #first\r\n\r\n  Merged from #years: For years\r\n'),
  });
  assert.equal(p.index.node('first')?.memo, 'Merged from #years: For years');
  assert.throws(() => mergePlan(p, 'first', 'first'), new EditRefused('#first cannot be merged into itself.'));
  assert.throws(() => mergePlan(p, 'role-blur', 'first'), new EditRefused('#role-blur has codes under it: move them first, then merge.'));
  assert.throws(() => mergePlan(p, 'first', 'nope'), new EditRefused('There is no code #nope to merge into: to give #first a new name, rename it.'));
});

test('new theme and code: a valid unique id from the name, in the codebook\'s line endings', () => {
  const p = project({ 'codebook.md': CODEBOOK });
  const theme = newNodePlan(p, null, 'theme', 'Position');
  assert.equal(theme.id, 'position-2');
  assert.equal(apply(p, theme.plan)['codebook.md'], `${CODEBOOK}\r\n# Position {#position-2}\r\n`);
  const code = newNodePlan(p, 'position-2', 'code', 'Role blur?');
  assert.equal(code.id, 'role-blur-2');
  assert.equal(apply(p, code.plan)['codebook.md'], `${CODEBOOK}\r\n# Position {#position-2}\r\n\r\n- #role-blur-2: Role blur?\r\n`);
  const top = newNodePlan(p, null, 'code', 'Top');
  assert.equal(apply(p, top.plan)['codebook.md'], `- #top: Top\r\n\r\n${CODEBOOK}\r\n# Position {#position-2}\r\n\r\n- #role-blur-2: Role blur?\r\n`);
  assert.equal(p.index.node('top')?.parent, undefined);
  assert.throws(() => newNodePlan(p, null, 'code', '?!'), new EditRefused('"?!" has no letters or digits to make an id from.'));
});

test('delete an unused code; a used one is refused', () => {
  const p = project({ 'codebook.md': CODEBOOK, 'P1.md': TRANSCRIPT });
  assert.equal(apply(p, deletePlan(p, 'cost'))['codebook.md'], CODEBOOK.replace('  - #cost: We cost more\r\n', ''));
  assert.throws(() => deletePlan(p, 'first'), new EditRefused('#first codes 2 extracts: uncode or merge them first.'));
});

test('uncode: one code from a group, or the whole coding keeping the words', () => {
  const p = project({ 'codebook.md': CODEBOOK, 'P1.md': TRANSCRIPT });
  const group = TRANSCRIPT.indexOf('#years') - 1; // offsets count after the BOM
  assert.deepEqual(apply(project({ 'codebook.md': CODEBOOK, 'P1.md': TRANSCRIPT }), uncodePlan(p, 'P1.md', group, 'years')), { 'P1.md': TRANSCRIPT.replace('{#years #first}', '{#first}') });
  assert.deepEqual(apply(project({ 'P1.md': TRANSCRIPT }), uncodePlan(p, 'P1.md', 2, null)), { 'P1.md': TRANSCRIPT.replace('[a 👩‍⚕️]{#years #first}', 'a 👩‍⚕️') });
  const para = TRANSCRIPT.indexOf('Para') - 1;
  assert.deepEqual(apply(project({ 'P1.md': TRANSCRIPT }), uncodePlan(p, 'P1.md', para, 'years')), { 'P1.md': TRANSCRIPT.replace('Para 😀 {#years}', 'Para 😀') });
  assert.throws(() => uncodePlan(p, 'P1.md', TRANSCRIPT.indexOf('\r\n\r\n'), null), new EditRefused('There is no coding here.'));
});

// ---- properties --------------------------------------------------------------

const CODE_LINES = ['- #c1: 😀 one', '- #c2', '  - #c3: nested', '- #c4: four\r\n\r\n  Memo 👩‍⚕️ line.'];

/** Regular codebooks: themes and subthemes with tight code lists, blank lines between blocks. */
const codebooks = fc
  .array(fc.tuple(fc.boolean(), fc.subarray(CODE_LINES, { minLength: 0 })), { minLength: 2, maxLength: 4 })
  .map((sections) => {
    let n = 0;
    const parts: string[] = [];
    sections.forEach(([sub, codes], i) => {
      const level = i > 0 && sub ? '##' : '#';
      parts.push(`${level} Theme ${i} {#t${i}}`);
      const list = codes.filter((c, j) => !(c.startsWith('  ') && j === 0)).map((c) => c.replace(/#c(\d)/, () => `#c${++n}`));
      if (list.length > 0) parts.push(list.join('\r\n'));
    });
    return `${parts.join('\r\n\r\n')}\r\n`;
  });

test('property: move a node that is last among its siblings elsewhere, then back: the codebook is restored byte for byte', () => {
  fc.assert(
    fc.property(codebooks, fc.nat(), fc.nat(), (codebook, pick, to) => {
      const p = project({ 'codebook.md': codebook });
      const nodes = p.index.codebookNodes();
      const last = nodes.filter((n) => {
        const siblings = nodes.filter((m) => m.parent === n.parent && m.kind === n.kind);
        return siblings.at(-1) === n && (n.kind === 'theme' || nodes.filter((m) => m.parent === n.parent).every((m) => m.kind === 'code' || m.start > n.start));
      });
      fc.pre(last.length > 0);
      const node = last[pick % last.length];
      const subtree = new Set([node.id]);
      for (const n of nodes) if (n.parent && subtree.has(n.parent)) subtree.add(n.id);
      const targets = nodes.filter((n) => !subtree.has(n.id) && n.id !== node.parent && !(node.kind === 'theme' && n.kind === 'code') && !(node.kind === 'theme' && n.depth >= 5));
      fc.pre(targets.length > 0);
      const target = targets[to % targets.length];
      // Themes go back to their own level: only between parents of the same depth.
      fc.pre(node.kind === 'code' || (node.parent === undefined ? 0 : p.index.node(node.parent)!.depth) === target.depth);
      const home = node.parent ?? null;
      apply(p, movePlan(p, node.id, target.id));
      assert.equal(p.index.node(node.id)?.parent, target.id);
      apply(p, movePlan(p, node.id, home));
      assert.equal(p.files.get('codebook.md'), codebook);
    }),
    { numRuns: 300 },
  );
});

test('property: after merging #a into #b, every extract that had #a or #b has #b, and #b counts them once each', () => {
  const names = ['a', 'b', 'c'];
  const coding = fc.subarray(names, { minLength: 1 }).chain((codes) => fc.shuffledSubarray(codes, { minLength: codes.length, maxLength: codes.length }));
  const transcript = fc.array(fc.tuple(coding, fc.boolean(), fc.constantFrom(' ', '  ')), { minLength: 1, maxLength: 8 }).map((parts) =>
    parts.map(([codes, span, gap], i) => (span ? `[w${i} 😀]{${codes.map((c) => `#${c}`).join(gap)}}` : `Para ${i} {${codes.map((c) => `#${c}`).join(gap)}}`)).join('\r\n\r\n'),
  );
  fc.assert(
    fc.property(fc.array(transcript, { minLength: 1, maxLength: 3 }), (transcripts) => {
      const files: Record<string, string> = { 'codebook.md': '# T {#t}\r\n\r\n- #a: A 😀\r\n- #b: B\r\n- #c\r\n' };
      transcripts.forEach((t, i) => (files[`P${i}.md`] = t));
      const p = project(files);
      const had = new Map<string, Set<string>>();
      for (const path of p.index.transcriptPaths()) for (const s of p.index.transcript(path)!.segments) had.set(`${path}@${s.text}`, new Set(s.codes));
      apply(p, mergePlan(p, 'a', 'b'));
      assert.equal(p.index.useCount('a'), 0);
      assert.equal(p.index.node('a'), undefined);
      let withB = 0;
      for (const path of p.index.transcriptPaths()) {
        for (const s of p.index.transcript(path)!.segments) {
          const before = had.get(`${path}@${s.text}`)!;
          assert.deepEqual(new Set(s.codes), new Set([...before].map((c) => (c === 'a' ? 'b' : c))));
          if (before.has('a') || before.has('b')) withB++;
        }
      }
      assert.equal(p.index.counts('b').direct, withB);
      assert.deepEqual(p.index.diagnosticPaths().flatMap((path) => p.index.diagnostics(path).filter((d) => d.severity === 'error')), []);
    }),
    { numRuns: 200 },
  );
});
