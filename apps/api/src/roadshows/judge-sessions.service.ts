import { Injectable } from '@nestjs/common';
import { Role, RoadshowErrors } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { JudgeSessionRepository } from '../auth/judge-session.repository';
import { TokenService } from '../auth/token.service';
import { JudgeSessionResponseDto } from './dto/judge-session-response.dto';
import { JudgeSignInDto } from './dto/judge-sign-in.dto';
import { Unpaged } from '../common/page-query.dto';
import { SignInPausesResponseDto } from './dto/sign-in-pauses-response.dto';
import { signInCodeCandidates } from '../auth/sign-in-code';
import { JudgeSignInLimiter } from './judge-sign-in-limiter';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository } from './roadshow.repository';

@Injectable()
export class JudgeSessionsService {
  constructor(
    private readonly judges: JudgeRepository,
    private readonly roadshows: RoadshowRepository,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    private readonly limiter: JudgeSignInLimiter,
    private readonly sessions: JudgeSessionRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** A code of the named roadshow starts a session on this tablet; anything else is one and the same refusal. */
  async signIn(dto: JudgeSignInDto, clientIp: string): Promise<JudgeSessionResponseDto> {
    const candidates = signInCodeCandidates(this.digests, 'judge-code', dto.code);
    const attempt = { targetId: dto.roadshowId, address: clientIp, codeDigest: candidates[0].digest };
    const { judge, roadshow, competition } = await this.limiter.admit(
      attempt,
      async () => {
        const judge = await this.judges.judgeByCode(candidates, dto.roadshowId);
        const roadshow = judge ? await this.roadshows.roadshow(judge.roadshowId) : null;
        const competition = roadshow ? await this.roadshows.competition(roadshow.competitionId) : null;
        return judge && roadshow && competition ? { judge, roadshow, competition } : null;
      },
      RoadshowErrors.signInCodeInvalid,
    );
    const sessionId = await this.sessions.start(judge.id);
    const { token, expiresAt } = this.tokens.issue({
      kind: 'judge',
      role: Role.Judge,
      judgeId: judge.id,
      roadshowId: roadshow.id,
      sessionId,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      judge: { id: judge.id, name: judge.name, group: judge.group },
      roadshow: {
        id: roadshow.id,
        venue: roadshow.venue,
        competitionId: competition.id,
        competitionTitle: competition.title,
      },
    };
  }

  async pauses(roadshowId: string): Promise<Unpaged<SignInPausesResponseDto>> {
    await this.assertRoadshow(roadshowId);
    const pauses = await this.limiter.pausesOf(roadshowId);
    return {
      roadshowId,
      items: pauses.map((pause) => ({ scope: pause.scope, address: pause.address, until: pause.until.toISOString() })),
    };
  }

  /** The office lifts the roadshow's sign-in pauses (a hall of judges stuck behind a guesser's or a tablet's misses). */
  async clearPauses(actor: Actor, roadshowId: string): Promise<void> {
    await this.assertRoadshow(roadshowId);
    const before = await this.limiter.pausesOf(roadshowId);
    await this.limiter.clear(roadshowId);
    await this.audit.record({
      ...auditActor(actor),
      action: 'judge-sign-in.pauses-cleared',
      subjectType: 'roadshow',
      subjectId: roadshowId,
      before: {
        pauses: before.map((pause) => ({
          scope: pause.scope,
          address: pause.address,
          until: pause.until.toISOString(),
        })),
      },
      after: { pauses: [] },
    });
  }

  private async assertRoadshow(roadshowId: string): Promise<void> {
    if (!(await this.roadshows.roadshow(roadshowId))) throw RoadshowErrors.roadshowNotFound('id');
  }
}
