import { Injectable } from '@nestjs/common';
import { VOTE_GUARDS, VoteErrors, VoteFlag, VoteRateScope } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

const minute = (name: string, limit: number): RatePolicy => ({ name, limit, windowSeconds: VOTE_GUARDS.windowSeconds });

const POLICIES = {
  voter: minute('vote-voter', VOTE_GUARDS.perVoterPerMinute),
  address: minute('vote-address', VOTE_GUARDS.perAddressPerMinute),
  network: minute('vote-network', VOTE_GUARDS.perBlockPerMinute),
  device: minute('vote-device', VOTE_GUARDS.deviceBurst),
} as const;

const BATCH_USE: RatePolicy = {
  name: 'vote-batch-use',
  limit: VOTE_GUARDS.batchBurst,
  windowSeconds: VOTE_GUARDS.batchBurstSeconds,
};

/** Where one vote attempt came from, as the guard counts it; only keyed hashes, never an address. */
export interface VoteAttempt {
  readonly roundId: string;
  readonly voterId: string;
  readonly addressHash: string;
  readonly networkHash: string;
  readonly deviceHash: string;
}

/**
 * The public vote's anti-fraud counts, in Redis so every API process shares them, one round trip
 * per vote. Hard limits (per voter, address, network block) refuse with 429 and protect the
 * service; bursts only flag the vote for the office's review, because a family on one Wi-Fi and a
 * script look alike until a person looks. With Redis down nothing is counted and votes go
 * through unflagged: the database's limits still hold, and an outage is no reason to stop a city voting.
 */
@Injectable()
export class VoteGuard {
  constructor(private readonly window: RateWindow) {}

  /** Counts the attempt; refuses it beyond a hard limit, else returns the flags it earned. */
  async admit(attempt: VoteAttempt): Promise<VoteFlag[]> {
    const [voter, address, network, device] = await this.window.addAll([
      { policy: POLICIES.voter, key: attempt.voterId },
      { policy: POLICIES.address, key: `${attempt.roundId}:${attempt.addressHash}` },
      { policy: POLICIES.network, key: `${attempt.roundId}:${attempt.networkHash}` },
      { policy: POLICIES.device, key: `${attempt.roundId}:${attempt.deviceHash}` },
    ]);
    const over = (count: number | undefined, limit: number) => count !== undefined && count > limit;
    const refuse = (scope: VoteRateScope) => VoteErrors.voterRateLimited(scope, VOTE_GUARDS.windowSeconds);
    if (over(voter, VOTE_GUARDS.perVoterPerMinute)) throw refuse('voter');
    if (over(address, VOTE_GUARDS.perAddressPerMinute)) throw refuse('address');
    if (over(network, VOTE_GUARDS.perBlockPerMinute)) throw refuse('network');
    const flags: VoteFlag[] = [];
    if (over(address, VOTE_GUARDS.addressBurst)) flags.push(VoteFlag.AddressBurst);
    if (over(network, VOTE_GUARDS.blockBurst)) flags.push(VoteFlag.NetworkBurst);
    if (over(device, VOTE_GUARDS.deviceBurst)) flags.push(VoteFlag.DeviceBurst);
    return flags;
  }

  /**
   * Counts the first use of a code of the batch; true when too many codes of it were first used
   * within seconds of each other (slips never handed out, typed in by one hand).
   */
  async batchBurst(batchId: string): Promise<boolean> {
    const [used] = await this.window.addAll([{ policy: BATCH_USE, key: batchId }]);
    return used !== undefined && used > VOTE_GUARDS.batchBurst;
  }
}
