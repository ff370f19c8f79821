import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { VoteFlag, VoteReviewDecision, VoteRoundPhase, VoterMethod } from '@app/domain';
import { Optional, StringField, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { VoteRoundSettingsDto } from './vote-round.dto';

/** The random id a public page keeps on the phone (web/shared/device-id.js); only its keyed hash is stored. */
export const DeviceIdField = (): PropertyDecorator =>
  applyDecorators(
    Label('设备编号', 'device ID'),
    IsString(),
    Matches(
      /^[A-Za-z0-9_-]{8,64}$/,
      says('须为 8 至 64 位字母、数字、- 或 _', 'must be 8 to 64 letters, digits, - or _'),
    ),
  );

const METHODS = Object.values(VoterMethod);
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** A mainland mobile number, with or without +86 and separators; the API keeps only its keyed hash. */
export const MOBILE_NUMBER = /^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}$/;
const MOBILE_SAYS = says('须为 11 位手机号码', 'must be an 11-digit mobile number');

export class VoterSmsRequestDto {
  @ApiProperty({ format: 'uuid' })
  @Label('投票编号', 'vote round ID')
  @IsUUID()
  roundId: string;

  @ApiProperty({
    example: '13812345678',
    description: '手机号码，平台只保存其加密摘要 / mobile number; only a keyed hash is kept',
  })
  @Label('手机号码', 'mobile number')
  @IsString()
  @MaxLength(20)
  @Matches(MOBILE_NUMBER, MOBILE_SAYS)
  phone: string;
}

export class VoterSmsSentDto {
  @ApiProperty({ example: '138****5678', description: '验证码发往的号码（部分隐藏） / where the code went, masked' })
  sentTo: string;

  @ApiProperty({ ...DATE_TIME, description: '验证码失效时间 / the code expires at' })
  expiresAt: string;

  @ApiProperty({
    type: 'integer',
    example: 60,
    description: '多少秒后可重新获取 / seconds before another code may be sent',
  })
  resendAfterSeconds: number;
}

/** One body for every verification method: `method` says which fields it reads. */
export class VoterSignInDto {
  @ApiProperty({ format: 'uuid' })
  @Label('投票编号', 'vote round ID')
  @IsUUID()
  roundId: string;

  @ApiProperty({ enum: METHODS, description: 'code 投票码 / phone 手机短信验证码' })
  @Label('验证方式', 'verification method')
  @IsIn(METHODS)
  method: VoterMethod;

  @ApiPropertyOptional({
    example: 'K7QM-4XPA',
    description: 'method=code：投票码，大小写与连字符不限 / the printed code',
  })
  @Label('投票码', 'voter code')
  @ValidateIf((dto: VoterSignInDto) => dto.method === VoterMethod.Code)
  @StringField(64)
  code?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'method=phone：手机号码 / the mobile number' })
  @Label('手机号码', 'mobile number')
  @ValidateIf((dto: VoterSignInDto) => dto.method === VoterMethod.Phone)
  @IsString()
  @MaxLength(20)
  @Matches(MOBILE_NUMBER, MOBILE_SAYS)
  phone?: string;

  @ApiPropertyOptional({ example: '482913', description: 'method=phone：短信验证码 / the 6-digit SMS code' })
  @Label('短信验证码', 'SMS code')
  @ValidateIf((dto: VoterSignInDto) => dto.method === VoterMethod.Phone)
  @IsString()
  @Matches(/^\d{6}$/, says('须为 6 位数字', 'must be 6 digits'))
  smsCode?: string;

  @ApiPropertyOptional({ example: '五顶岗', description: 'method=phone：投票人所在社区 / the voter’s community' })
  @Label('所在社区', 'community')
  @ValidateIf((dto: VoterSignInDto) => dto.method === VoterMethod.Phone)
  @TextField({ max: 50 })
  community?: string;
}

export class VoterDto {
  @ApiProperty({ format: 'uuid', description: '投票人化名编号（不含手机号） / the voter’s pseudonymous id' })
  id: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ enum: METHODS })
  method: VoterMethod;
}

export class RemainingVotesDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '今天（北京时间）还可投；null 为不限 / left today; null without a daily limit',
  })
  today: number | null;

  @ApiProperty({ type: 'integer', description: '总共还可投 / left in all' })
  total: number;
}

export class BallotRoundDto extends VoteRoundSettingsDto {
  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ description: '现在是否公布票数 / whether counts are shown now' })
  resultsShown: boolean;
}

export class BallotProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: '组织党员志愿者为辖区老人提供上门维修、代购和陪诊服务。' })
  summary: string;

  @ApiProperty({ example: 'convenience' })
  category: string;

  @ApiProperty({ example: '便民利民类', description: '类别中文名 / the category’s Chinese label' })
  categoryZh: string;

  @ApiProperty({ example: 'Convenience services', description: '类别英文名 / the category’s English label' })
  categoryEn: string;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '有效票；未公布时为 null / valid votes; null while hidden',
  })
  votes: number | null;
}

export class BallotDto {
  @ApiProperty({ type: BallotRoundDto })
  round: BallotRoundDto;

  @ApiProperty({ type: [BallotProjectDto], description: '通过资格审查的项目 / the projects that passed screening' })
  projects: BallotProjectDto[];
}

export class VoterSessionDto {
  @ApiProperty({ description: '只对这一场投票有效的令牌 / bearer token bound to this vote round' })
  token: string;

  @ApiProperty(DATE_TIME)
  expiresAt: string;

  @ApiProperty({ type: VoterDto })
  voter: VoterDto;

  @ApiProperty({ type: RemainingVotesDto })
  remaining: RemainingVotesDto;
}

export class CastVoteDto {
  @ApiProperty({ format: 'uuid' })
  @Label('项目编号', 'project ID')
  @IsUUID()
  projectId: string;

  @ApiProperty({
    example: 'd5f0c1e2a3b4c5d6e7f8a9b0',
    description:
      '页面在本机生成并保存的设备编号（与浏览器标识一起加密摘要后保存） / a device id the page keeps; stored hashed with the user agent',
  })
  @DeviceIdField()
  deviceId: string;
}

export class VoterProjectVotesDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: 'integer', description: '本人为该项目投的票 / your votes for the project' })
  votes: number;
}

export class VoterViewDto {
  @ApiProperty({ type: VoterDto })
  voter: VoterDto;

  @ApiProperty({ type: RemainingVotesDto })
  remaining: RemainingVotesDto;

  @ApiProperty({ type: [VoterProjectVotesDto], description: '本人已投的项目 / the projects you voted for' })
  votes: VoterProjectVotesDto[];
}

export class CastVoteResponseDto {
  @ApiProperty({ example: '1024', description: '选票编号 / the vote id' })
  voteId: string;

  @ApiProperty(DATE_TIME)
  castAt: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: RemainingVotesDto })
  remaining: RemainingVotesDto;
}

export class ReviewVoteDto {
  @ApiProperty({ example: '1024' })
  id: string;

  @ApiProperty(DATE_TIME)
  castAt: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ format: 'uuid', description: '投票人化名编号 / voter pseudonym' })
  voterId: string;

  @ApiProperty({ enum: METHODS })
  method: VoterMethod;

  @ApiProperty({ example: '9f2c4e1a7b3d5c8e0a1b2c3d' })
  deviceHash: string;

  @ApiProperty({ enum: VoteFlag, isArray: true })
  flags: VoteFlag[];
}

export class ReviewGroupDto {
  @ApiProperty({ enum: VoteFlag, isArray: true, description: '这一组选票共有的标记 / the flags the group shares' })
  flags: VoteFlag[];

  @ApiProperty({ example: '4e1a7b3d5c8e0a1b2c3d9f2c', description: '来源地址摘要 / the address hash' })
  addressHash: string;

  @ApiProperty({ type: 'integer' })
  count: number;

  @ApiProperty({ type: [ReviewVoteDto] })
  votes: ReviewVoteDto[];
}

/** `?after=…`: the review queue read on from the last vote of the page before. */
export class ReviewQueueQueryDto {
  @ApiPropertyOptional({
    example: '2048',
    description:
      '翻页游标：上一页的 nextAfter；不给为第一页 / the cursor: the previous page’s nextAfter; none for the first page',
  })
  @Label('翻页游标', 'page cursor')
  @Optional()
  @Matches(/^[1-9]\d{0,17}$/, says('须为上一页给出的编号', 'must be the id the previous page gave'))
  after?: string;
}

export class ReviewQueueDto {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ type: 'integer', description: '待审核选票总数 / flagged votes awaiting review' })
  pending: number;

  @ApiProperty({
    type: 'integer',
    description: '本次列出的张数（最多 1000） / listed here, at most 1000, oldest first',
  })
  listed: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2048',
    description:
      '下一页的游标（作为 after 传回）；null 表示已是最后一页 / the cursor of the next page (send it as after); null on the last page',
  })
  nextAfter: string | null;

  @ApiProperty({
    type: [ReviewGroupDto],
    description: '按标记与地址分组，票多在前 / by flags and address, largest first',
  })
  groups: ReviewGroupDto[];
}

export class ReviewResultDto {
  @ApiProperty({ enum: VoteReviewDecision })
  decision: VoteReviewDecision;

  @ApiProperty({ type: 'integer' })
  reviewed: number;

  @ApiProperty({ type: 'integer', description: '仍待审核 / still awaiting review' })
  pending: number;
}

/** A round anyone may look up: where and when to vote, nothing about any voter. */
export class OpenVoteRoundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年 党建项目网络投票' })
  title: string;

  @ApiProperty({ example: '2026年 "红色核动力" 党建项目创投大赛' })
  competitionTitle: string;

  @ApiProperty({ example: '西南街道办事处', description: '主办单位 / the running office' })
  officeName: string;

  @ApiProperty({ example: 'Xinan Subdistrict Office' })
  officeNameEn: string;

  @ApiProperty(DATE_TIME)
  opensAt: string;

  @ApiProperty(DATE_TIME)
  closesAt: string;

  @ApiProperty({ enum: [VoteRoundPhase.Upcoming, VoteRoundPhase.Open], description: 'upcoming 未开始 / open 投票中' })
  phase: VoteRoundPhase;

  @ApiProperty({ type: [String], description: '可投票社区 / the communities whose residents may vote' })
  communities: string[];

  @ApiProperty({
    example: 'https://gongyi.example.org/vote/#r=4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f',
    description: '投票页面地址 / the voting page',
  })
  votePageUrl: string;
}

export class OpenVoteRoundListDto {
  @ApiProperty({
    type: [OpenVoteRoundDto],
    description: '正在投票与即将开始的投票，先开始的在前 / open and upcoming rounds, the earliest opening first',
  })
  items: OpenVoteRoundDto[];
}
