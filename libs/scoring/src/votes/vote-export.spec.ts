import { sha256Hex as sha256 } from '../cli/sha256';
import { ScoringError } from '../scoring.error';
import { VOTE_EXPORT_COLUMNS, VoteRecord, tallyVoteExport, voteRecordText } from './vote-export';

const ROUND = '4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f';
const [A, B] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

function vote(id: string, projectId: string, review = '', flags: string[] = []) {
  const record: VoteRecord = {
    roundId: ROUND,
    voterId: `voter-${id}`,
    projectId,
    ordinal: 1,
    method: 'code',
    castAt: `2026-05-01T02:00:0${id}.000Z`,
    addressHash: 'a1b2c3',
    deviceHash: 'd4e5f6',
    flags,
  };
  const cells: Record<keyof typeof VOTE_EXPORT_COLUMNS, string> = {
    voteId: id,
    roundId: record.roundId,
    castAt: record.castAt,
    projectId,
    projectTitle: '"发挥先锋作用,真情服务群众"',
    category: 'convenience',
    voterId: record.voterId,
    ordinal: '1',
    method: 'code',
    addressHash: record.addressHash,
    deviceHash: record.deviceHash,
    flags: flags.join(';'),
    review,
    reviewReason: review === 'void' ? '"刷票, 已核实"' : '',
    recordHash: sha256(voteRecordText(record)),
  };
  return Object.values(cells).join(',');
}

const header = Object.values(VOTE_EXPORT_COLUMNS).join(',');

describe('tallyVoteExport: the tally anyone recomputes from a vote export', () => {
  it('counts every vote but the voided ones, per project in id order', () => {
    const text = `\uFEFF${[header, vote('1', B), vote('2', A), vote('3', A, 'void', ['device-burst']), vote('4', A, 'clear', ['velocity'])].join('\r\n')}\r\n`;
    expect(tallyVoteExport(text, sha256)).toEqual({
      projects: [
        { projectId: A, votes: 2 },
        { projectId: B, votes: 1 },
      ],
      valid: 3,
      voided: 1,
      altered: [],
    });
  });

  it('names a vote whose fields no longer match its record hash', () => {
    const moved = vote('1', A).replace(`,${A},`, `,${B},`);
    expect(tallyVoteExport([header, moved, vote('2', A)].join('\n'), sha256).altered).toEqual(['1']);
  });

  it('hashes the same vote the same way whatever the order of its flags', () => {
    const base = {
      roundId: ROUND,
      voterId: 'v',
      projectId: A,
      ordinal: 1,
      method: 'phone',
      castAt: 'x',
      addressHash: 'a',
      deviceHash: 'd',
    };
    expect(voteRecordText({ ...base, flags: ['velocity', 'address-burst'] })).toBe(
      voteRecordText({ ...base, flags: ['address-burst', 'velocity'] }),
    );
  });

  it('refuses a file that is not a vote export, naming the line', () => {
    expect(() => tallyVoteExport('item,judge,score\n', sha256)).toThrow(ScoringError);
    expect(() => tallyVoteExport('', sha256)).toThrow(/header/);
    expect(() => tallyVoteExport(`${header}\n,,,`, sha256)).toThrow(expect.objectContaining({ field: 'line 2' }));
  });
});
