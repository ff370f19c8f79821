import { yuanText } from '@app/scoring';
import type { ResultRowDto } from './dto/results-response.dto';

/** Excel opens a CSV as UTF-8, and so shows the Chinese, only when the file starts with a BOM. */
const BOM = '\uFEFF';
/** RFC 4180 line ends; Excel on every platform reads them. */
const EOL = '\r\n';

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

/**
 * One CSV field. A text that starts like a formula (=, +, -, @) gets a leading apostrophe, so a
 * project title can never run as a formula in the office's spreadsheet; quotes are doubled.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The ranking table as CSV: UTF-8 with BOM, Chinese-first header, one row per project in rank order. */
export function resultsCsv(rows: readonly ResultRowDto[]): string {
  const lines = [HEADER.map(field).join(',')];
  for (const row of rows) {
    lines.push(
      [
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
      ]
        .map(field)
        .join(','),
    );
  }
  return `${BOM}${lines.join(EOL)}${EOL}`;
}
