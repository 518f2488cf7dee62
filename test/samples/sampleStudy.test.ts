import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { projectStats } from '../../core';
import { loadProject } from '../../host/projectFiles';
import { collectDiagnostics } from '../../cli/diagnosticsReport';
import { PROJECT_ROOT } from '../support/tempProject';
import { PAPER_EXTRACTS } from './paperExtracts';

const { index, skipped } = loadProject(join(PROJECT_ROOT, 'samples'));
const stats = projectStats(index);

test('the codebook is Table 1: two themes, five subthemes under the right theme', () => {
  const themes = stats.nodes.filter((n) => n.kind === 'theme');
  assert.deepEqual(
    themes.map((t) => `${t.parent ?? '-'} > ${t.label}`),
    [
      '- > Position and Identity',
      'position-and-identity > The struggle to position occupational therapy and social prescribing alongside each other',
      'position-and-identity > The emotional response to identity challenge',
      'position-and-identity > Creating distinct positions',
      '- > Making it work',
      'making-it-work > Managing workflow',
      'making-it-work > Imagining a positive future',
    ],
  );
});

test('every subtheme has extracts', () => {
  for (const t of stats.nodes.filter((n) => n.kind === 'theme' && n.parent !== null)) assert.ok(t.total > 0, t.label);
});

test('every verbatim extract of the paper is a coded segment in its participant’s transcript', () => {
  const segments = new Set(stats.segments.map((s) => `${s.case}|${s.text}`));
  for (const [participant, text] of PAPER_EXTRACTS) {
    const key = `P${String(participant).padStart(2, '0')}|${text}`;
    assert.ok(segments.has(key), `missing: ${key}`);
  }
  assert.equal(PAPER_EXTRACTS.length, 31);
});

test('every code is in the codebook and every transcript is a case of the study', () => {
  assert.deepEqual(stats.nodes.filter((n) => !n.defined), []);
  assert.deepEqual(stats.cases.map((c) => c.case), ['P01', 'P02', 'P03', 'P05', 'P06', 'P07', 'P09', 'P10', 'P11', 'P12', 'P13', 'P14', 'P15', 'P17']);
  assert.deepEqual(stats.cases.map((c) => c.attributes.setting), [...Array(10).fill('primary care'), ...Array(4).fill('other')]);
});

test('check: no errors; the one deliberately unused code is a warning', () => {
  assert.deepEqual(skipped, []);
  const list = collectDiagnostics(index, skipped);
  assert.deepEqual(list.map((d) => `${d.file}:${d.range.start.line + 1} ${d.severity} ${d.message}`), [
    'codebook.md:91 warning #lead-and-manage is not used in any transcript yet.',
  ]);
});
