import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, Role } from '@app/domain';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { TokenService } from '../auth/token.service';
import { JudgeSessionResponseDto } from './dto/judge-session-response.dto';
import { judgeCodeCandidates } from './judge-code';
import { JudgeSignInLimiter } from './judge-sign-in-limiter';
import { JudgeRepository } from './judge.repository';
import { RoadshowRepository } from './roadshow.repository';

/** One message whatever went wrong, so a guesser learns nothing about which codes exist. */
const WRONG_CODE = new DomainError(DomainErrorCode.Unauthenticated, {
  zh: '签到码无效，请核对后重新输入',
  en: 'the sign-in code is not valid; check it and try again',
});

@Injectable()
export class JudgeSessionsService {
  constructor(
    private readonly judges: JudgeRepository,
    private readonly roadshows: RoadshowRepository,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    private readonly limiter: JudgeSignInLimiter,
  ) {}

  async signIn(code: string, clientIp: string): Promise<JudgeSessionResponseDto> {
    await this.limiter.assertAllowed(clientIp);
    const judge = await this.judges.judgeByCode(judgeCodeCandidates(this.digests, code));
    const roadshow = judge ? await this.roadshows.roadshow(judge.roadshowId) : null;
    const competition = roadshow ? await this.roadshows.competition(roadshow.competitionId) : null;
    if (!judge || !roadshow || !competition) {
      await this.limiter.recordFailure(clientIp);
      throw WRONG_CODE;
    }
    const { token, expiresAt } = this.tokens.issue({
      kind: 'judge',
      role: Role.Judge,
      judgeId: judge.id,
      roadshowId: roadshow.id,
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
}
