import {
  chiSquareSurvival,
  fSurvival,
  lnGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './distributions';

describe('distributions for p-values', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(6)).toBeCloseTo(Math.log(120), 13);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('regularized gamma matches closed forms: P(1, x) = 1 − e^−x and P + Q = 1', () => {
    for (const x of [0.01, 0.5, 1, 2, 7.5, 30]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
      expect(regularizedGammaP(3.5, x) + regularizedGammaQ(3.5, x)).toBeCloseTo(1, 14);
    }
  });

  it('chi-square survival gives the textbook 5% critical values', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(4, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(chiSquareSurvival(0, 5)).toBe(1);
  });

  it('regularized beta matches I_x(1, 1) = x and its symmetry', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.3, 2.5, 4) + regularizedBeta(0.7, 4, 2.5)).toBeCloseTo(1, 14);
  });

  it('F survival gives the table 5% critical value of F(7, 24) and F(1, n) = t²', () => {
    expect(fSurvival(2.4226, 7, 24)).toBeCloseTo(0.05, 4);
    // t(10) two-sided 5% critical value 2.228138851986522 → F(1, 10) = t².
    expect(fSurvival(2.228138851986522 ** 2, 1, 10)).toBeCloseTo(0.05, 12);
  });

  it('refuses parameters outside the domain', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow();
    expect(() => chiSquareSurvival(1, 0)).toThrow();
    expect(() => fSurvival(1, 0, 3)).toThrow();
  });
});
