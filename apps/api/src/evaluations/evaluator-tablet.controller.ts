import { Body, Controller, Get, Ip, Param, Post, Put, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EvaluationErrors, Role } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { EvaluatorActor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_SECONDS } from '../roadshows/judge-sign-in-limiter';
import { EvaluationSheetInputDto } from './dto/evaluation-input.dto';
import { EvaluationRoundParams, EvaluatorGrantParams } from './dto/evaluation-params.dto';
import {
  EvaluatorRecusalInputDto,
  EvaluatorRoundViewDto,
  EvaluatorSessionResponseDto,
  EvaluatorSignInDto,
} from './dto/evaluator-tablet.dto';
import { EvaluatorTabletService } from './evaluator-tablet.service';

const ROUND_NOT_FOUND = refusalExample(EvaluationErrors.roundNotFound());

/** What an evaluator's route refuses before it looks at the round: bad input, no evaluator session, another role. */
function ApiEvaluatorErrors(): MethodDecorator {
  return applyDecorators(
    ApiError(400),
    ApiError(401, '未登录，或评估人令牌无效 / not signed in, or the evaluator token is not valid'),
    ApiError(403, '仅限评估人 / evaluators only'),
  );
}

@ApiTags('evaluator 评估人')
@Controller()
export class EvaluatorTabletController {
  constructor(private readonly tablet: EvaluatorTabletService) {}

  @Post('evaluator-sessions')
  @Public()
  @ApiOperation({
    summary: '评估人凭签到码登录 / evaluator sign-in with the round’s code',
    description:
      '返回只对该评估人所在轮次有效的令牌；签到码重新生成后失效。错误次数与评委签到同样计算：' +
      `${SIGN_IN_WINDOW_SECONDS / 60} 分钟内本轮 ${SIGN_IN_LIMITS.roadshow} 次、同一地址 ${SIGN_IN_LIMITS.address} 次、` +
      `同一签到码 ${SIGN_IN_LIMITS.code} 次，超过则该范围暂停签到（429）。\n\n` +
      'Returns a bearer token bound to the evaluator’s round; a reissued code ends it. Wrong codes are counted as ' +
      `for judges: within ${SIGN_IN_WINDOW_SECONDS / 60} minutes, ${SIGN_IN_LIMITS.roadshow} for the round, ` +
      `${SIGN_IN_LIMITS.address} from one address, ${SIGN_IN_LIMITS.code} for one code; then that scope gets 429.`,
  })
  @ApiResponse({ status: 201, type: EvaluatorSessionResponseDto })
  @ApiError(400)
  @ApiError(401, '签到码无效 / the code is not valid')
  @ApiError(429, '错误次数过多，签到暂停 / too many wrong codes, sign-in paused')
  @ApiJsonBodyErrors()
  signIn(@Body() dto: EvaluatorSignInDto, @Ip() ip: string): Promise<EvaluatorSessionResponseDto> {
    return this.tablet.signIn(dto, ip);
  }

  @Get('evaluator/rounds/:id')
  @Allow(Role.Evaluator)
  @ApiOperation({
    summary: '评估人端：本轮项目与本人的评分 / the round’s projects and your own sheets',
    description:
      '评估细则、每个项目及本人的评分状态（待评分、已评分、已回避）；看不到其他评估人的评分。\n\n' +
      'The rubric, and each project with your own sheet’s state (to score, scored, recused); never other sheets.',
  })
  @ApiResponse({ status: 200, type: EvaluatorRoundViewDto })
  @ApiEvaluatorErrors()
  @ApiError(404, '不是本人所在的轮次 / not your round', ROUND_NOT_FOUND)
  view(@CurrentActor() actor: EvaluatorActor, @Param() params: EvaluationRoundParams): Promise<EvaluatorRoundViewDto> {
    return this.tablet.view(actor, params.id);
  }

  @Put('evaluator/rounds/:id/sheets/:grantId')
  @Allow(Role.Evaluator)
  @ApiOperation({
    summary: '评估人提交评分 / submit or replace your sheet',
    description:
      '与资助方录入纸质评分表同一校验、同一存储与审计（evaluation.sheet.enter，操作人为评估人）：每个评估项 0 至满分、' +
      '最多两位小数，全部必填；再次提交即更正。已回避的项目、已结束的轮次不能提交。\n\n' +
      'Validated, stored and audited exactly as the office’s entry of a paper sheet (evaluation.sheet.enter, the ' +
      'evaluator as actor). Submitting again replaces it. A recused project or a closed round is refused.',
  })
  @ApiResponse({ status: 200, type: EvaluatorRoundViewDto })
  @ApiEvaluatorErrors()
  @ApiError(404, '不是本人所在的轮次，或项目不在本轮 / not your round, or not a project of it', ROUND_NOT_FOUND)
  @ApiError(
    409,
    '轮次已结束，或本人已回避 / the round is closed, or you are recused',
    refusalExample(EvaluationErrors.roundClosed()),
  )
  @ApiJsonBodyErrors()
  submitSheet(
    @CurrentActor() actor: EvaluatorActor,
    @Param() params: EvaluatorGrantParams,
    @Body() dto: EvaluationSheetInputDto,
  ): Promise<EvaluatorRoundViewDto> {
    return this.tablet.submitSheet(actor, params.id, params.grantId, dto);
  }

  @Post('evaluator/rounds/:id/recusals/:grantId')
  @Allow(Role.Evaluator)
  @ApiOperation({
    summary: '评估人申报回避 / declare a conflict with a project',
    description:
      '申报后不能再为该项目评分，已提交的评分不计入。审计：evaluation.recusal。\n\n' +
      'You can no longer score the project and a sheet already given never counts. Audited as evaluation.recusal.',
  })
  @ApiResponse({ status: 201, type: EvaluatorRoundViewDto })
  @ApiEvaluatorErrors()
  @ApiError(404, '不是本人所在的轮次，或项目不在本轮 / not your round, or not a project of it', ROUND_NOT_FOUND)
  @ApiError(409, '轮次已结束 / the round is closed', refusalExample(EvaluationErrors.roundClosed()))
  @ApiJsonBodyErrors()
  declareRecusal(
    @CurrentActor() actor: EvaluatorActor,
    @Param() params: EvaluatorGrantParams,
    @Body() dto: EvaluatorRecusalInputDto,
  ): Promise<EvaluatorRoundViewDto> {
    return this.tablet.declareRecusal(actor, params.id, params.grantId, dto.reason);
  }
}
