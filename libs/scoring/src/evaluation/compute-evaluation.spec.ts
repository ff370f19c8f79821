import { sha256Hex } from '../cli/sha256';
import { verifyCommand } from '../cli/verify.command';
import { computeEvaluation } from './compute-evaluation';
import { EVALUATION_BUNDLE_FORMAT, EVALUATION_BUNDLE_VERSION } from './evaluation-bundle.types';
import { panelInputs } from './evaluation-inputs.factory';

const TOTALS = {
  'grant-a': [88, 90, 86, 87, 89, 99, 85, 88],
  'grant-b': [70, 72, 74, 71, 73, 70, 72, 74],
  'grant-c': [50, 55, 52, 58, 51, 54, 53, 56],
};

describe('an evaluation round by a four-group panel', () => {
  const inputs = panelInputs(TOTALS, [{ projectId: 'grant-a', judgeId: 'e8' }]);
  const result = computeEvaluation(inputs, sha256Hex);
  const byId = new Map(result.projects.map((project) => [project.projectId, project]));

  it('gives each project a score out of 100, its band and its stars', () => {
    expect(result.projects.map((p) => [p.projectId, p.score, p.band, p.stars])).toEqual([
      ['grant-a', '88.63', 'A', 4],
      ['grant-b', '72.00', 'B', 3],
      ['grant-c', '53.63', 'C', null],
    ]);
  });

  it('averages each group of two and weights the groups, leaving the recused evaluator out', () => {
    const a = byId.get('grant-a')?.breakdown;
    expect(a?.recused).toEqual(['e8']);
    expect(a?.judgeCount).toBe(7);
    expect(a?.groups.map((group) => [group.group, group.judgeCount])).toEqual([
      ['expert', 2],
      ['department', 2],
      ['media', 2],
      ['resident', 1],
    ]);
  });

  it('is a function of its inputs alone, with the hash of the inputs', () => {
    expect(computeEvaluation(panelInputs(TOTALS, [{ projectId: 'grant-a', judgeId: 'e8' }]), sha256Hex)).toEqual(
      result,
    );
    expect(result.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('recomputes with scoring verify, and names a changed band', () => {
    const bundle = { format: EVALUATION_BUNDLE_FORMAT, version: EVALUATION_BUNDLE_VERSION, inputs, result };
    const verify = (text: string) =>
      verifyCommand({ args: ['evaluation.json'], stdin: () => '', readFile: () => text });
    expect(verify(JSON.stringify(bundle))).toEqual({ stdout: 'OK: 3 projects evaluated\n', exitCode: 0 });
    const edited = JSON.parse(JSON.stringify(bundle)) as { result: { projects: { band: string }[] } };
    edited.result.projects[2].band = 'B';
    const output = verify(JSON.stringify(edited));
    expect(output.exitCode).toBe(1);
    expect(output.stdout).toContain('result.projects.2.band (project grant-c): expected "C", found "B"');
  });
});
