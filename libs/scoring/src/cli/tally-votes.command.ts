import { tallyVoteExport } from '../votes';
import { UsageError, type Command } from './command';
import { sha256Hex } from './sha256';

export const TALLY_VOTES_USAGE = `用法 / usage: npm run --silent scoring -- tally-votes VOTES.csv
  Recomputes a public vote's tally from the round's export (GET /vote-rounds/ID/votes.csv): every
  vote counts except those the office voided; every row's record hash is checked against its fields.
  Prints JSON {"projects":[{"projectId","votes"}],"valid","voided","altered":[vote ids]}.
  exit 0: every record hash matches; exit 1: some rows were altered (listed); exit 2: unreadable`;

/** `tally-votes FILE`: the tally anyone holding the export can recompute, to compare with the published one. */
export const tallyVotesCommand: Command = ({ args, readFile }) => {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${TALLY_VOTES_USAGE}\n`, exitCode: 0 };
  if (args.length !== 1) throw new UsageError(`tally-votes takes one export file\n${TALLY_VOTES_USAGE}`);
  const tally = tallyVoteExport(readFile(args[0]), sha256Hex);
  return { stdout: `${JSON.stringify(tally, null, 2)}\n`, exitCode: tally.altered.length === 0 ? 0 : 1 };
};
