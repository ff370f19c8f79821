import { Injectable } from '@nestjs/common';
import { beijingDate } from '@app/grants';
import { Role, ScreeningStatus, SubmissionState, VoteErrors, VoteRoundPhase, VoterMethod } from '@app/domain';
import { VoteRound, Voter } from '@app/persistence';
import { VoterActor } from '../auth/actor';
import { TokenService } from '../auth/token.service';
import {
  CastVoteDto,
  CastVoteResponseDto,
  VoterSessionDto,
  VoterSignInDto,
  VoterSmsRequestDto,
  VoterSmsSentDto,
  VoterViewDto,
} from './dto/voter.dto';
import { maskedPhone } from '@app/application';
import { SMS_RESEND_SECONDS } from './sms-challenges';
import { VoteBatches } from './vote-batches';
import { VoteGuard } from './vote-guard';
import { VoteHashes } from './vote-hashes';
import { limitRefusal, phaseAt, remainingAfter, velocityFlag, windowRefusal } from './vote-limits';
import { CodeVerification, PhoneVerification, VoterVerification, normalizedPhone } from './voter-verification';
import { VotesRepository } from './votes.repository';
import { RequestOrigin } from '../common/request-origin';

/**
 * A resident's side of the public vote: verifying by one of the round's methods, reading what is
 * left to cast, and casting. A vote is decided on one read and written by one insert whose unique
 * positions refuse a vote that a simultaneous one already took, so however many requests of one
 * voter arrive at once, the limits hold and a double vote counts once. Votes arriving together
 * share the read and the insert (VoteBatches); each is still decided on its own.
 */
@Injectable()
export class VotingService {
  private readonly verifications: ReadonlyMap<VoterMethod, VoterVerification>;

  constructor(
    private readonly votes: VotesRepository,
    private readonly batches: VoteBatches,
    private readonly tokens: TokenService,
    private readonly guard: VoteGuard,
    private readonly hashes: VoteHashes,
    private readonly phone: PhoneVerification,
    code: CodeVerification,
  ) {
    this.verifications = new Map<VoterMethod, VoterVerification>([
      [code.method, code],
      [phone.method, phone],
    ]);
  }

  /** Sends an SMS code to a number, for a round that verifies phones and is not over. */
  async requestSms(dto: VoterSmsRequestDto): Promise<VoterSmsSentDto> {
    const round = await this.openable(dto.roundId, VoterMethod.Phone);
    const { expiresAt } = await this.phone.sendCode(round, dto.phone);
    return {
      sentTo: maskedPhone(normalizedPhone(dto.phone)),
      expiresAt: expiresAt.toISOString(),
      resendAfterSeconds: SMS_RESEND_SECONDS,
    };
  }

  async signIn(dto: VoterSignInDto, clientIp: string): Promise<VoterSessionDto> {
    const round = await this.openable(dto.roundId, dto.method);
    const verification = this.verifications.get(dto.method);
    if (!verification) throw VoteErrors.methodNotAccepted();
    const voter = await verification.verify(round, dto, clientIp);
    const { token, expiresAt } = this.tokens.issue({
      kind: 'voter',
      role: Role.Voter,
      voterId: voter.id,
      roundId: round.id,
    });
    const cast = await this.votes.castBy(voter.id, beijingDate(new Date()));
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      voter: voterDto(voter),
      remaining: remainingAfter(round, cast),
    };
  }

  async view(actor: VoterActor, roundId: string): Promise<VoterViewDto> {
    const round = await this.ownRound(actor, roundId);
    const voter = await this.votes.findVoter(actor.voterId, roundId);
    if (!voter) throw VoteErrors.roundNotFound('id');
    const cast = await this.votes.castBy(voter.id, beijingDate(new Date()));
    return {
      voter: voterDto(voter),
      remaining: remainingAfter(round, cast),
      votes: [...cast.byProject].map(([projectId, votes]) => ({ projectId, votes })),
    };
  }

  async cast(
    actor: VoterActor,
    roundId: string,
    dto: CastVoteDto,
    origin: RequestOrigin,
  ): Promise<CastVoteResponseDto> {
    if (roundId !== actor.roundId) throw VoteErrors.roundNotFound('id');
    const addressHash = this.hashes.address(roundId, origin.address);
    const deviceHash = this.hashes.device(roundId, dto.deviceId, origin.userAgent);
    const flags = await this.guard.admit({
      roundId,
      voterId: actor.voterId,
      addressHash,
      networkHash: this.hashes.network(roundId, origin.address),
      deviceHash,
    });
    // Each pass reads the voter's votes and writes the next one at the positions they give; a
    // conflict means another vote of the voter took a position first, so the next pass reads it
    // too. Every conflict is someone else's progress, so this ends, at the latest when a limit is reached.
    for (;;) {
      const castAt = new Date();
      const castDay = beijingDate(castAt);
      const context = await this.batches.castContext({
        voterId: actor.voterId,
        roundId,
        projectId: dto.projectId,
        castDay,
      });
      if (!context) throw VoteErrors.roundNotFound('id');
      const outside = windowRefusal(context, castAt);
      if (outside) throw outside;
      const { project, cast } = context;
      if (!project || project.state !== SubmissionState.Submitted) throw VoteErrors.projectNotFound();
      if (project.screening !== ScreeningStatus.Passed) throw VoteErrors.projectScreenedOut();
      const refused = await limitRefusal(context, cast, () =>
        this.votes.categoryLabel(context.competitionId, project.category),
      );
      if (refused) throw refused;
      const velocity = velocityFlag(cast, castAt);
      const voteFlags = [...new Set([...context.flags, ...flags, ...(velocity ? [velocity] : [])])].sort();
      const record = {
        roundId,
        voterId: actor.voterId,
        projectId: dto.projectId,
        ordinal: cast.forProject + 1,
        method: context.method,
        castAt: castAt.toISOString(),
        addressHash,
        deviceHash,
        flags: voteFlags,
      };
      const voteId = await this.batches.insertVote({
        ...record,
        totalOrdinal: cast.total + 1,
        dayOrdinal: cast.today + 1,
        categoryOrdinal: cast.inCategory + 1,
        category: project.category,
        castAt,
        castDay,
        recordHash: this.hashes.record(record),
      });
      if (voteId !== null) {
        return {
          voteId,
          castAt: castAt.toISOString(),
          projectId: dto.projectId,
          remaining: remainingAfter(context, { total: cast.total + 1, today: cast.today + 1 }),
        };
      }
    }
  }

  /** The round a voter may verify for: it accepts the method and is not over. */
  private async openable(roundId: string, method: VoterMethod): Promise<VoteRound> {
    const round = await this.votes.findRound(roundId);
    if (!round) throw VoteErrors.roundNotFound('roundId');
    if (!round.methods.includes(method)) throw VoteErrors.methodNotAccepted();
    if (phaseAt(round, new Date()) === VoteRoundPhase.Closed) throw VoteErrors.roundClosed(round.closesAt);
    return round;
  }

  /** Another round reads as missing: a voter's token opens their own round only. */
  private async ownRound(actor: VoterActor, roundId: string): Promise<VoteRound> {
    const round = roundId === actor.roundId ? await this.votes.findRound(roundId) : null;
    if (!round) throw VoteErrors.roundNotFound('id');
    return round;
  }
}

function voterDto(voter: Voter) {
  return { id: voter.id, community: voter.community, method: voter.method };
}
