import { Injectable } from '@nestjs/common';
import { CompetitionErrors, CompetitionState } from '@app/domain';
import { grantProgress } from '@app/grants';
import { CompetitionsRepository } from '@app/persistence';
import { AccountabilityRepository } from './accountability.repository';
import { AccountabilityDto, PublicCompetitionListDto, toAccountabilityProject } from './dto/accountability.dto';

/** 项目进展公开: what every resident may read about the funded projects, without signing in. */
@Injectable()
export class AccountabilityService {
  constructor(
    private readonly competitions: CompetitionsRepository,
    private readonly accountability: AccountabilityRepository,
  ) {}

  async published(): Promise<PublicCompetitionListDto> {
    const rows = await this.accountability.published();
    return {
      items: rows.map((row) => ({ ...row, noticeEndsAt: row.noticeEndsAt.toISOString() })),
    };
  }

  /** A draft is nobody's business yet; any other competition answers, with no project before the award. */
  async ofCompetition(competitionId: string): Promise<AccountabilityDto> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition || competition.state === CompetitionState.Draft) throw CompetitionErrors.notFound();
    const rows = await this.accountability.ofCompetition(competitionId);
    const projects = rows.map((row) =>
      toAccountabilityProject(competition.rules, row, grantProgress(row, row.tranches)),
    );
    return {
      competitionId: competition.id,
      competitionTitle: competition.title,
      competitionState: competition.state,
      fundedCount: projects.length,
      totalGrantFen: projects.reduce((sum, p) => sum + p.grant.amountFen, 0),
      totalPaidFen: projects.reduce((sum, p) => sum + p.grant.paidFen, 0),
      projects,
    };
  }
}
