import { yuanText } from '@app/scoring';
import { csvDocument } from '../common/csv';
import type { ResultComponentDto, ResultRowDto } from './dto/results-response.dto';

/** The import of component values reads projects by this column, so it is spelled once. */
export const PROJECT_ID_COLUMN = { zh: '项目编号', en: 'Project ID' };

const LEADING = [
  '名次 / Rank',
  '排序位 / Position',
  `${PROJECT_ID_COLUMN.zh} / ${PROJECT_ID_COLUMN.en}`,
  '社区 / Community',
  '申报单位 / Organization',
  '项目名称 / Project',
  '类别 / Category',
];

const TRAILING = [
  '得分 / Score',
  '排序说明 / Tie-break',
  '申请金额（元）/ Requested (yuan)',
  '资助金额（元）/ Grant (yuan)',
  '资助状态 / Status',
  '原因 / Reason',
];

/**
 * The ranking table as CSV: UTF-8 with BOM, Chinese-first header, one row per project in rank
 * order; with score components, a column for each before the final score, rounded as the score is.
 */
export function resultsCsv(rows: readonly ResultRowDto[], components: readonly ResultComponentDto[]): string {
  return csvDocument([
    [...LEADING, ...components.map((component) => `${component.labelZh} / ${component.labelEn}`), ...TRAILING],
    ...rows.map((row) => [
      String(row.rank),
      String(row.position),
      row.submissionId,
      row.community,
      row.organizationName,
      row.projectTitle,
      row.category.labelZh,
      ...components.map((component) => row.components?.find((part) => part.key === component.key)?.display ?? ''),
      row.score,
      `${row.tieBreak.zh} / ${row.tieBreak.en}`,
      yuanText(row.requestedFen, { grouped: false }),
      yuanText(row.grantFen, { grouped: false }),
      `${row.statusLabel.zh} / ${row.statusLabel.en}`,
      `${row.reason.zh} / ${row.reason.en}`,
    ]),
  ]);
}
