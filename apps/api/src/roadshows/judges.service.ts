import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, DomainErrorCode } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { isGroupWeighted, Rational } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { isUniqueViolation } from '../common/unique-violation';
import { AddJudgeDto } from './dto/add-judge.dto';
import { JudgeCreatedResponseDto, toJudgeResponse } from './dto/judge-response.dto';
import { toRecusalResponse } from './dto/recusal-response.dto';
import { generateJudgeCode, judgeCodeCandidates, judgeCodeDigest } from './judge-code';
import { JudgeRepository } from './judge.repository';
import { RecusalsService } from './recusals.service';
import { RoadshowRepository } from './roadshow.repository';
import { ROADSHOW_NOT_FOUND, assertPanelOpen, notFound } from './roadshow-checks';

/** Two fresh codes colliding is a one-in-10^11 event; trying again a few times is enough. */
const CODE_ATTEMPTS = 3;

@Injectable()
export class JudgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roadshows: RoadshowRepository,
    private readonly judges: JudgeRepository,
    private readonly recusals: RecusalsService,
    private readonly digests: CredentialDigestService,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Adds a judge and returns the sign-in code this one time; only its digest is stored. The judge
   * is recused at once from every project of their organization or community.
   */
  async add(actor: Actor, roadshowId: string, dto: AddJudgeDto): Promise<JudgeCreatedResponseDto> {
    const weight = dto.weight ?? '1';
    if (!Rational.parse(weight).eq(Rational.ONE)) {
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        {
          zh: 'weight 目前只能为 1：计分按评审组加权，请在大赛规则的 aggregation.groupWeights 中设置组权重',
          en: 'weight must be 1 for now: scores are weighted by judge group; set rules.aggregation.groupWeights',
        },
        'weight',
      );
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.addOnce(actor, roadshowId, dto, weight, await this.unusedCode());
      } catch (error) {
        if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(error, 'judge_code_digest_key')) throw error;
      }
    }
  }

  /**
   * A code no judge signs in with under any listed credential key. The unique digest catches only a
   * repeat under the current key, since the same code has another digest under each older key.
   */
  private async unusedCode(): Promise<string> {
    for (;;) {
      const code = generateJudgeCode();
      if (!(await this.judges.judgeByCode(judgeCodeCandidates(this.digests, code)))) return code;
    }
  }

  private async addOnce(
    actor: Actor,
    roadshowId: string,
    dto: AddJudgeDto,
    weight: string,
    code: string,
  ): Promise<JudgeCreatedResponseDto> {
    const digest = judgeCodeDigest(this.digests, code);
    return this.dataSource.transaction(async (manager) => {
      const roadshow = await this.roadshows.roadshow(roadshowId, manager);
      if (!roadshow) throw notFound(ROADSHOW_NOT_FOUND);
      const competition = await this.roadshows.competition(roadshow.competitionId, manager);
      if (!competition) throw notFound(ROADSHOW_NOT_FOUND);
      assertPanelOpen(competition.state);
      if (!isGroupWeighted(competition.rules, dto.group)) {
        throw new DomainError(
          DomainErrorCode.ValidationFailed,
          {
            zh: `大赛规则没有为评审组“${dto.group}”设置权重，该组评委的分数无法计入`,
            en: `the competition's rules give judge group "${dto.group}" no weight, so its scores could not count`,
          },
          'group',
        );
      }
      if (dto.organizationId && !(await this.judges.organization(dto.organizationId, manager))) {
        throw notFound({ zh: '组织不存在', en: 'organization not found' }, 'organizationId');
      }
      const judge = await this.judges.insert(manager, {
        roadshowId,
        name: dto.name.trim(),
        group: dto.group,
        weight,
        organizationId: dto.organizationId ?? null,
        community: dto.community?.trim() || null,
        codeDigest: digest.digest,
        digestKeyId: digest.keyId,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'judge.add',
          subjectType: 'judge',
          subjectId: judge.id,
          after: toJudgeResponse(judge),
        },
        manager,
      );
      const automatic = await this.recusals.recuseConflicts(manager, competition.id, [judge.id], actor);
      return {
        judge: toJudgeResponse(judge),
        code,
        automaticRecusals: automatic.map(toRecusalResponse),
      };
    });
  }
}
