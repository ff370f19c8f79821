import { sanshuiInputs } from '../bundle/bundle-inputs.factory';
import { RESULT_BUNDLE_FORMAT, RESULT_BUNDLE_VERSION, type BundleInputs } from '../bundle/bundle.types';
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

describe('verify command across bundle versions', () => {
  function versioned(version: number, inputs: BundleInputs): string {
    return JSON.stringify({
      format: RESULT_BUNDLE_FORMAT,
      version,
      inputs,
      result: JSON.parse(JSON.stringify(computeResult(inputs, sha256Hex, version))) as unknown,
    });
  }

  it('recomputes a version 1 bundle as version 1 computed it: no affiliation bias', () => {
    const text = versioned(1, sanshuiInputs());
    expect(
      (JSON.parse(text) as { result: { statistics: { agreement: object } } }).result.statistics.agreement,
    ).not.toHaveProperty('affiliationBias');
    expect(verify(text).exitCode).toBe(0);
  });

  it('recomputes a version 2 bundle with components, their values and a judge’s community', () => {
    const base = sanshuiInputs();
    const inputs: BundleInputs = {
      ...base,
      rules: {
        ...base.rules,
        aggregation: { ...base.rules.aggregation, biasThreshold: '1' },
        components: [
          {
            key: 'preliminary',
            labelZh: '初评',
            labelEn: 'Preliminary',
            source: 'input',
            weight: '0.4',
            maxPoints: '100',
          },
          { key: 'roadshow', labelZh: '路演', labelEn: 'Roadshow', source: 'roadshow', weight: '0.6' },
        ],
      },
      judges: base.judges.map((judge, i) => (i === 0 ? { ...judge, affiliation: '五顶岗' } : judge)),
      componentValues: base.projects.map((project, i) => ({
        projectId: project.id,
        key: 'preliminary',
        value: `${70 + i * 5}.5`,
      })),
    };
    const text = versioned(2, inputs);
    const bundle = JSON.parse(text) as {
      result: { statistics: { agreement: { affiliationBias: { judges: unknown[] } } } };
    };
    expect(bundle.result.statistics.agreement.affiliationBias.judges).toEqual([
      expect.objectContaining({ judgeId: 'judge-1', affiliation: '五顶岗', sameCount: 1 }),
    ]);
    expect(verify(text).exitCode).toBe(0);
    const changed = JSON.parse(text) as { inputs: { componentValues: { value: string }[] } };
    changed.inputs.componentValues[0].value = '99';
    expect(verify(JSON.stringify(changed)).exitCode).toBe(1);
  });
});
