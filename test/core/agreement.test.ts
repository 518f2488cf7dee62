import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreement } from '../../core/review/agreeProjects';
import { plainTranscript } from '../../core/index';
import { cohensKappa, cohensKappaFromMatrix, krippendorffAlphaNominal, percentAgreement } from '../../core/review/agreement';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

test("Cohen's kappa: the textbook 2×2 example (20/5/10/15 → κ = 0.4)", () => {
  // Fifty grant proposals read by two readers (Wikipedia, "Cohen's kappa", worked example).
  const t = { both: 20, onlyA: 5, onlyB: 10, neither: 15 };
  assert.equal(round3(percentAgreement(t)), 0.7);
  assert.equal(round3(cohensKappa(t)), 0.4);
});

test("Cohen's kappa: a 3×3 example worked by hand (po = .70, pe = .475, κ = .429)", () => {
  // Rows coder A, columns coder B, in percent of 100 units.
  assert.equal(round3(cohensKappaFromMatrix([[0.53, 0.05, 0.02], [0.11, 0.14, 0.05], [0.01, 0.06, 0.03]].map((r) => r.map((v) => v * 100)))), 0.429);
});

test("Krippendorff's alpha: the reliability-data example (4 coders, 12 units, nominal α = 0.743)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, i) => [A[i], B[i], C[i], D[i]]);
  assert.equal(round3(krippendorffAlphaNominal(units)), 0.743);
});

test("Krippendorff's alpha: two coders, binary (Krippendorff 2011, section A: α = 0.095)", () => {
  const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
  const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
  assert.equal(round3(krippendorffAlphaNominal(A.map((a, i) => [a, B[i]]))), 0.095);
});

test('agreement by interval sweep equals counting character by character (random codings of three coders)', () => {
  let seed = 7;
  const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const words = 'a bb ccc dd e ff ggg h'.split(' ');
  for (let round = 0; round < 40; round++) {
    const text = Array.from({ length: 6 + random(10) }, () => words[random(words.length)]).join(' ');
    // Each coder wraps a few random word runs in spans (nested when they overlap at word edges).
    const coders = ['a', 'b', 'c'].map((name) => {
      const tokens = text.split(' ');
      const spans: Array<[number, number, string]> = [];
      for (let k = 0; k < 3; k++) {
        const from = random(tokens.length);
        spans.push([from, from + random(tokens.length - from), ['x', 'y'][random(2)]]);
      }
      // Nested spans only: sort outer first, keep those that nest in every kept one.
      const kept: Array<[number, number, string]> = [];
      for (const s of spans.sort((p, q) => p[0] - q[0] || q[1] - p[1])) if (kept.every((o) => s[0] > o[1] || (s[0] >= o[0] && s[1] <= o[1]))) kept.push(s);
      const open = tokens.map(() => '');
      const close = tokens.map(() => '');
      for (const [f, t, code] of kept) {
        open[f] = '[' + open[f];
        close[t] += `]{#${code}}`;
      }
      const source = tokens.map((w, i) => open[i] + w + close[i]).join(' ');
      return { name, source, transcripts: new Map([['P1.md', source]]) };
    });
    const report = agreement(coders);
    // The naive reference: one mask per coder and code over the plain text.
    const plains = coders.map((c) => plainTranscript(c.source, 'P1.md'));
    assert.ok(plains.every((p) => p.text === text));
    for (const row of report.codes) {
      const masks = plains.map((p) => {
        const mask = new Uint8Array(text.length);
        for (const s of p.segments) if (s.codes.includes(row.code)) mask.fill(1, s.start, s.end);
        return mask;
      });
      const units = [...text].map((_, i) => masks.map((m) => m[i]));
      assert.deepEqual(row.coded, masks.map((m) => m.reduce((n, v) => n + v, 0)));
      assert.equal(round3(row.alpha), round3(krippendorffAlphaNominal(units)), `${coders.map((c) => c.source).join(' | ')} #${row.code}`);
    }
  }
});
