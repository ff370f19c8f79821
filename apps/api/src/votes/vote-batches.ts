import { Injectable } from '@nestjs/common';
import { Vote } from '@app/persistence';
import { MicroBatch } from './micro-batch';
import { CastContext, CastRequest, VotesRepository } from './votes.repository';

/** A city voting at once sends tens of votes within a few milliseconds; a batch takes them all. */
const MAX_ITEMS = 64;
/**
 * Statements of each kind in flight per API process. A vote insert waits mostly for its commit to
 * reach the disk, and votes arriving meanwhile wait for the next batch: a few batches in flight keep
 * the disk busy without taking the pool's connections from every other route.
 */
const MAX_RUNNING = 4;

/**
 * The vote path's two statements, shared by the votes that arrive together: one read of everything
 * they are decided on, one insert and one commit. Each vote is still decided alone on its own
 * context by VotingService, and its positions still settled by the table's unique constraints.
 * A batch runs in the tenant scope of the request that started it; every voter's is the same (the
 * platform's, see TenantScopesRepository.scopeOf), so no vote is read or written under another's.
 */
@Injectable()
export class VoteBatches {
  private readonly reads: MicroBatch<CastRequest, CastContext | null>;
  private readonly inserts: MicroBatch<Omit<Vote, 'id'>, string | null>;

  constructor(votes: VotesRepository) {
    this.reads = new MicroBatch({
      together: (requests) => votes.castContexts(requests),
      alone: async (request) => (await votes.castContexts([request]))[0],
      maxItems: MAX_ITEMS,
      maxRunning: MAX_RUNNING,
    });
    // One vote per voter in an insert, so the rows it returns name which votes were written.
    this.inserts = new MicroBatch({
      together: (rows) => votes.insertVotes(rows),
      alone: async (row) => (await votes.insertVotes([row]))[0],
      keyOf: (row) => row.voterId,
      maxItems: MAX_ITEMS,
      maxRunning: MAX_RUNNING,
    });
  }

  /** What the vote is decided on (see VotesRepository.castContexts); null when the voter is not of the round. */
  castContext(request: CastRequest): Promise<CastContext | null> {
    return this.reads.run(request);
  }

  /** The vote's id, or null when one of its positions was taken meanwhile (see VotesRepository.insertVotes). */
  insertVote(vote: Omit<Vote, 'id'>): Promise<string | null> {
    return this.inserts.run(vote);
  }
}
