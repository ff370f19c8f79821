export {
  VOTE_EXPORT_COLUMNS,
  VOTE_EXPORT_VOID,
  tallyVoteExport,
  voteRecordText,
  type VoteExportColumn,
  type VoteExportTally,
  type VoteRecord,
} from './vote-export';
