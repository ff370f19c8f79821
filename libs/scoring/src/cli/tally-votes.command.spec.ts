import { VOTE_EXPORT_COLUMNS, voteRecordText } from '../votes';
import { UsageError } from './command';
import { sha256Hex } from './sha256';
import { tallyVotesCommand } from './tally-votes.command';

const record = {
  roundId: 'round',
  voterId: 'voter',
  projectId: 'project-a',
  ordinal: 1,
  method: 'code',
  castAt: '2026-05-01T02:00:00.000Z',
  addressHash: 'a',
  deviceHash: 'd',
  flags: [],
};
const row = [
  '1',
  'round',
  record.castAt,
  'project-a',
  '项目',
  'convenience',
  'voter',
  '1',
  'code',
  'a',
  'd',
  '',
  '',
  '',
  sha256Hex(voteRecordText(record)),
].join(',');
const file = `${Object.values(VOTE_EXPORT_COLUMNS).join(',')}\n${row}\n`;

describe('tally-votes FILE', () => {
  it('prints the tally as JSON and exits 0 when every record hash matches', () => {
    const output = tallyVotesCommand({ args: ['votes.csv'], stdin: () => '', readFile: () => file });
    expect(output.exitCode).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual({
      projects: [{ projectId: 'project-a', votes: 1 }],
      valid: 1,
      voided: 0,
      altered: [],
    });
  });

  it('exits 1 when a row was altered', () => {
    const output = tallyVotesCommand({
      args: ['votes.csv'],
      stdin: () => '',
      readFile: () => file.replace(',voter,', ',someone,'),
    });
    expect(output.exitCode).toBe(1);
  });

  it('takes exactly one file', () => {
    expect(() => tallyVotesCommand({ args: [], stdin: () => '', readFile: () => file })).toThrow(UsageError);
  });
});
