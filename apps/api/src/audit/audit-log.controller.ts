import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUDIT_EXPORT_COLUMNS } from '@app/persistence';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError } from '../common/api-error.decorator';
import { ApiCsv } from '../common/api-csv.decorator';
import { attachment } from '../common/content-disposition';
import { AuditFilterQueryDto, AuditPageDto, AuditPageQueryDto } from './dto/audit-event.dto';
import { AuditLogService } from './audit-log.service';

const FILTERS_ZH = '按对象（类型和编号）、操作者、操作和时间段筛选';
const FILTERS_EN = 'filtered by subject (type and id), actor, action and time range';

@ApiTags('audit 审计日志')
@Controller()
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get('audit-events')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '审计日志 / the audit log',
    description:
      `办公室读本办公室的记录，平台管理员读全部（可指定办公室）；${FILTERS_ZH}；最新的在前，用 nextBefore 翻页。\n\n` +
      `An office reads its own rows, an administrator all (or one office's); ${FILTERS_EN}; newest first, ` +
      'paged by passing nextBefore back as before.',
  })
  @ApiAnswerOrNotFound(AuditPageDto, { forbidden: 'only offices and administrators', notFound: 'another office' })
  page(@CurrentActor() actor: Actor, @Query() query: AuditPageQueryDto): Promise<AuditPageDto> {
    return this.log.page(actor, query);
  }

  @Get('audit-events.csv')
  @Allow(Role.Office, Role.Admin)
  @ApiOperation({
    summary: '导出审计日志 / export the audit log',
    description:
      `与列表相同的范围和筛选，按编号从旧到新；UTF-8 带 BOM。用 \`npm run audit -- verify 文件\` 校验。\n\n` +
      `The same rows and filters as the list, oldest first; ` +
      `UTF-8 with a BOM. Columns: ${AUDIT_EXPORT_COLUMNS.join(', ')}. before and after are the exact JSON text ` +
      'that was hashed; an empty cell is no value. A text starting with = + - @ or an apostrophe gets a leading ' +
      'apostrophe, against spreadsheet formulas. Verify with `npm run audit -- verify FILE`. Audited as audit.export.',
  })
  @ApiCsv()
  @ApiCallerErrors('only offices and administrators')
  @ApiError(404, 'another office')
  async export(@CurrentActor() actor: Actor, @Query() query: AuditFilterQueryDto): Promise<StreamableFile> {
    const chunks = await this.log.export(actor, query);
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(chunks), {
      type: 'text/csv; charset=utf-8',
      disposition: attachment(`审计日志-${day}.csv`),
    });
  }
}
