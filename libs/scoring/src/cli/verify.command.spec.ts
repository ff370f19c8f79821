import { sanshuiInputs } from '../bundle/bundle-inputs.factory';
import { RESULT_BUNDLE_FORMAT, RESULT_BUNDLE_VERSION } from '../bundle/bundle.types';
import { computeResult } from '../bundle/compute-result';
import { ScoringError } from '../scoring.error';
import { UsageError } from './command';
import { verifyCommand } from './verify.command';
import { sha256Hex } from './sha256';

function bundleText(
  edit: (bundle: { result: { projects: { grantFen: number }[]; totalFen: number } }) => void = () => undefined,
): string {
  const inputs = sanshuiInputs();
  const bundle = JSON.parse(
    JSON.stringify({
      format: RESULT_BUNDLE_FORMAT,
      version: RESULT_BUNDLE_VERSION,
      run: {
        id: 'run-1',
        competitionId: 'sanshui-2017',
        trigger: 'office',
        rulesVersion: 1,
        createdAt: '2026-05-20T08:00:00.000Z',
        finishedAt: null,
      },
      inputs,
      result: computeResult(inputs, sha256Hex),
    }),
  ) as { result: { projects: { grantFen: number }[]; totalFen: number } };
  edit(bundle);
  return JSON.stringify(bundle, null, 2);
}

function verify(text: string, args: string[] = ['bundle.json']) {
  return verifyCommand({ args, stdin: () => '', readFile: () => text });
}

describe('verify command', () => {
  it('prints OK with the number of projects and the total when the result matches', () => {
    expect(verify(bundleText())).toEqual({ stdout: 'OK: 5 projects, total ¥93,600.00\n', exitCode: 0 });
  });

  it('exits 1 and names the changed grant, its project, expected and found', () => {
    const output = verify(
      bundleText((bundle) => {
        bundle.result.projects[4].grantFen = 1_000_000;
      }),
    );
    expect(output.exitCode).toBe(1);
    expect(output.stdout).toContain(
      'result.projects.4.grantFen (project p5-wenfengxi): expected 960000, found 1000000',
    );
    expect(output.stdout.split('\n')[0]).toBe('MISMATCH: 1 field(s) differ from the recomputed result');
  });

  it('exits 1 when an input was changed after publication: the hash and the affected numbers differ', () => {
    const bundle = JSON.parse(bundleText()) as { inputs: { poolFen: number } };
    bundle.inputs.poolFen = 5_000_000;
    const output = verify(JSON.stringify(bundle));
    expect(output.exitCode).toBe(1);
    expect(output.stdout).toContain('result.inputHash: expected');
    expect(output.stdout).toContain('result.totalFen');
  });

  it('refuses text that is not JSON, and a bundle of the wrong shape, for main to exit 2', () => {
    expect(() => verify('{ not json')).toThrow(UsageError);
    expect(() => verify(JSON.stringify({ format: RESULT_BUNDLE_FORMAT, version: 1 }))).toThrow(ScoringError);
    expect(() => verify(bundleText(), [])).toThrow(UsageError);
  });
});
