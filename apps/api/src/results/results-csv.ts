import { yuanText } from '@app/scoring';
import { csvDocument } from '../common/csv';
import type { ResultRowDto } from './dto/results-response.dto';

const HEADER = [
  '名次 / Rank',
  '排序位 / Position',
  '社区 / Community',
  '申报单位 / Organization',
  '项目名称 / Project',
  '类别 / Category',
  '得分 / Score',
  '排序说明 / Tie-break',
  '申请金额（元）/ Requested (yuan)',
  '资助金额（元）/ Grant (yuan)',
  '资助状态 / Status',
  '原因 / Reason',
];

/** The ranking table as CSV: UTF-8 with BOM, Chinese-first header, one row per project in rank order. */
export function resultsCsv(rows: readonly ResultRowDto[]): string {
  return csvDocument([
    HEADER,
    ...rows.map((row) => [
      String(row.rank),
      String(row.position),
      row.community,
      row.organizationName,
      row.projectTitle,
      row.category.labelZh,
      row.score,
      `${row.tieBreak.zh} / ${row.tieBreak.en}`,
      yuanText(row.requestedFen, { grouped: false }),
      yuanText(row.grantFen, { grouped: false }),
      `${row.statusLabel.zh} / ${row.statusLabel.en}`,
      `${row.reason.zh} / ${row.reason.en}`,
    ]),
  ]);
}
