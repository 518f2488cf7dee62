import { test } from 'node:test';
import assert from 'node:assert/strict';
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
