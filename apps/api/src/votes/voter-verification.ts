import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { VoteErrors, VoteFlag, VoterMethod } from '@app/domain';
import { VoteRound, Voter } from '@app/persistence';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { signInCodeCandidates } from '../auth/sign-in-code';
import { VoterSignInDto } from './dto/voter.dto';
import { SMS_CODE_SECONDS, SmsChallenges } from './sms-challenges';
import { SMS_PROVIDER, SmsProvider } from '@app/application';
import { VoteGuard } from './vote-guard';
import { VoterSignInLimiter } from './voter-sign-in-limiter';
import { VotesRepository } from './votes.repository';

/**
 * One way a resident proves they may vote in a round. Each method reads its own fields of the
 * sign-in body and answers with the round's voter, or refuses; a new method (a resident card, a
 * WeChat login) is one more implementation listed in VoterSessionsService.
 */
export interface VoterVerification {
  readonly method: VoterMethod;
  verify(round: VoteRound, dto: VoterSignInDto, clientIp: string): Promise<Voter>;
}

/** The digits of a mainland mobile number as typed: +86, spaces and dashes dropped. */
export function normalizedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** A printed one-time voter code (居民投票码): the community handed it to one resident. */
@Injectable()
export class CodeVerification implements VoterVerification {
  readonly method = VoterMethod.Code;

  constructor(
    private readonly votes: VotesRepository,
    private readonly digests: CredentialDigestService,
    private readonly limiter: VoterSignInLimiter,
    private readonly guard: VoteGuard,
  ) {}

  async verify(round: VoteRound, dto: VoterSignInDto, clientIp: string): Promise<Voter> {
    const candidates = signInCodeCandidates(this.digests, 'voter-code', dto.code ?? '');
    const attempt = { targetId: round.id, address: clientIp, codeDigest: candidates[0].digest };
    const voter = await this.limiter.admit(
      attempt,
      () => this.votes.voterByDigest(round.id, VoterMethod.Code, candidates),
      VoteErrors.voterCodeInvalid,
    );
    // The code's first use is what a burst of one batch is counted by; a resident signing in
    // again on another phone is the same voter with the same votes.
    if (voter.firstVerifiedAt === null && voter.batchId !== null) {
      const flags = (await this.guard.batchBurst(voter.batchId)) ? [VoteFlag.BatchBurst] : [];
      if (await this.votes.markFirstVerified(voter.id, flags)) voter.flags = flags;
    }
    return voter;
  }
}

/**
 * A mobile number confirmed by a 6-digit code sent through the SmsProvider. The number is used to
 * send and is never stored: the voter is found by its keyed hash, so one number is one voter per round.
 */
@Injectable()
export class PhoneVerification implements VoterVerification {
  readonly method = VoterMethod.Phone;

  constructor(
    private readonly votes: VotesRepository,
    private readonly digests: CredentialDigestService,
    private readonly limiter: VoterSignInLimiter,
    private readonly challenges: SmsChallenges,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
  ) {}

  /** Sends a fresh code to the number; the code's digest waits in Redis for SMS_CODE_SECONDS. */
  async sendCode(round: VoteRound, phone: string): Promise<{ expiresAt: Date }> {
    if (!this.sms.available) throw VoteErrors.smsUnavailable();
    const number = normalizedPhone(phone);
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    await this.challenges.issue(
      round.id,
      this.phoneDigest(number),
      this.codeDigest(round.id, number, code),
      VoteErrors.smsUnavailable,
    );
    await this.sms.send({
      to: number,
      text:
        `【公益创投】您参加「${round.title}」的投票验证码为 ${code}，${SMS_CODE_SECONDS / 60} 分钟内有效，请勿告诉他人。` +
        ` Your voting code is ${code}, valid for ${SMS_CODE_SECONDS / 60} minutes.`,
    });
    return { expiresAt: new Date(Date.now() + SMS_CODE_SECONDS * 1000) };
  }

  async verify(round: VoteRound, dto: VoterSignInDto, clientIp: string): Promise<Voter> {
    const community = dto.community ?? '';
    if (!round.communities.includes(community)) throw VoteErrors.communityNotInRound();
    const number = normalizedPhone(dto.phone ?? '');
    const phoneDigest = this.phoneDigest(number);
    const attempt = { targetId: round.id, address: clientIp, codeDigest: phoneDigest };
    const codeDigest = this.codeDigest(round.id, number, dto.smsCode ?? '');
    await this.limiter.admit(
      attempt,
      () => this.challenges.spend(round.id, phoneDigest, codeDigest, VoteErrors.smsUnavailable),
      VoteErrors.smsCodeInvalid,
    );
    const known = await this.votes.voterByDigest(
      round.id,
      VoterMethod.Phone,
      this.digests.candidates('voter-phone', number),
    );
    return known ?? this.votes.phoneVoter(round.id, community, this.digests.current('voter-phone', number));
  }

  /** The number's hash under the current key: what the SMS challenge and the limiter count by. */
  private phoneDigest(number: string): string {
    return this.digests.current('voter-phone', number).digest;
  }

  private codeDigest(roundId: string, number: string, code: string): string {
    return this.digests.current('voter-phone', `sms:${roundId}:${number}:${code}`).digest;
  }
}
