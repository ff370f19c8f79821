import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScoringError } from '../scoring.error';
import { allocatePbCommand } from './allocate-pb.command';
import { UsageError } from './command';

const FIXTURES = resolve(__dirname, '../../fixtures/pabulib');

function run(args: string[]): ReturnType<typeof allocatePbCommand> {
  return allocatePbCommand({
    args,
    stdin: () => '',
    readFile: (path) => readFileSync(resolve(FIXTURES, path), 'utf8'),
  });
}

describe('allocate-pb command', () => {
  it('prints the official Miedzylesie selection, one id per line, in selection order', () => {
    const expected = JSON.parse(
      readFileSync(resolve(FIXTURES, 'Poland_Warszawa_2019_Miedzylesie.expected.json'), 'utf8'),
    ) as {
      official_selected_ids: string[];
    };
    expect(run(['Poland_Warszawa_2019_Miedzylesie.pb'])).toEqual({
      stdout: `${expected.official_selected_ids.join('\n')}\n`,
      exitCode: 0,
    });
  });

  it('lets --rule override the META rule', () => {
    const skip = run(['Poland_Gdynia_2020_Dabrowa__small.pb', '--rule', 'greedy']).stdout.trim().split('\n');
    const noSkip = run(['Poland_Gdynia_2020_Dabrowa__small.pb']).stdout.trim().split('\n');
    expect(skip).toEqual([...noSkip, '1']);
  });

  it('refuses an unsupported META rule with a scoring error', () => {
    expect(() => run(['Poland_Wieliczka_2023_Green_Budget.pb'])).toThrow(ScoringError);
  });

  it('refuses a malformed file with a scoring error', () => {
    expect(() => allocatePbCommand({ args: ['x.pb'], stdin: () => '', readFile: () => 'META\nkey;value\n' })).toThrow(
      ScoringError,
    );
  });

  it.each([[[]], [['a.pb', 'b.pb']], [['--rules', 'greedy', 'a.pb']], [['a.pb', '--rule']]])(
    'refuses arguments %j as a usage error',
    (args) => {
      expect(() => run(args)).toThrow(UsageError);
    },
  );
});
