import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiError } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { AccountabilityService } from './accountability.service';
import { AccountabilityDto, PublicCompetitionListDto } from './dto/accountability.dto';

@ApiTags('accountability 公示与项目进展公开')
@Controller()
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get('public/competitions')
  @Public()
  @ApiOperation({
    summary: '已公示结果的大赛 / competitions that published a result',
    description:
      '任何人可查看：每个已公示结果的大赛，按最近一次公示从新到旧；用于公示页与项目进展页的入口。\n\n' +
      'Open to everyone: every competition that published a result, newest notice first; the entry to the notice ' +
      'and accountability pages.',
  })
  @ApiResponse({ status: 200, type: PublicCompetitionListDto })
  published(): Promise<PublicCompetitionListDto> {
    return this.accountability.published();
  }

  @Get('competitions/:id/accountability')
  @Public()
  @ApiOperation({
    summary: '项目进展公开 / the accountability of the funded projects',
    description:
      '任何人可查看：每个获资助项目的资助金额、已拨付比例、已通过的报告数与结果（实施中、已结项、已终止）。只含项目、' +
      '申报单位与社区名称，不含个人信息与账户。立项前没有项目。\n\n' +
      'Open to everyone: each funded project with its grant, the share paid, the reports accepted and its outcome ' +
      '(in progress, finished, terminated). Project, organization and community names only: no personal data, no ' +
      'bank account. Before the award the list is empty. Each project is an object, so more facts (an evaluation) ' +
      'can join it without changing what is there.',
  })
  @ApiResponse({ status: 200, type: AccountabilityDto })
  @ApiError(400)
  @ApiError(404, 'no such competition, or a draft')
  ofCompetition(@Param() params: IdParamDto): Promise<AccountabilityDto> {
    return this.accountability.ofCompetition(params.id);
  }
}
