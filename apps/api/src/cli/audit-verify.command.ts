import {
  AUDIT_EXPORT_COLUMNS,
  AuditChainBreak,
  AuditChainSummary,
  auditRowFromExport,
  verifyAuditChains,
} from '@app/persistence';
import { readCsvDocument } from '../common/csv';

export const AUDIT_USAGE = `用法 / usage: npm run --silent audit -- verify FILE.csv
  重新计算审计日志导出文件（GET /audit-events.csv）中每条链的哈希。
  Recomputes every chain of an audit log export (GET /audit-events.csv).
  退出码 / exit code: 0 链完整 / intact, 1 链断裂 / broken, 2 用法或文件有误 / usage or file error.`;

export interface VerifyOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly text: string;
}

function chainName(tenantId: string | null): string {
  return tenantId === null ? '平台 / platform' : `办公室 / office ${tenantId}`;
}

function summaryLine(chain: AuditChainSummary): string {
  const start =
    chain.continuesFrom === null
      ? '自链首 / from the chain’s start'
      : `自第 ${chain.firstId} 条，接续 / from row ${chain.firstId}, continuing from ${chain.continuesFrom}`;
  return `  ${chainName(chain.tenantId)}: ${chain.count} 条 / rows, ${start}; 链头 / head ${chain.head}`;
}

function breakLine(broken: AuditChainBreak): string {
  switch (broken.kind) {
    case 'hash-mismatch':
      return (
        `第 ${broken.id} 条的内容与其哈希不符（有字段被改动）/ row ${broken.id}: its content does not match its hash ` +
        `(a field was changed): stored ${broken.stored}, recomputed ${broken.computed}`
      );
    case 'link-mismatch':
      return (
        `第 ${broken.id} 条记载的上一条哈希不是第 ${broken.previousId} 条的哈希（该条被改动后重算了哈希，或被替换）/ ` +
        `row ${broken.id}: its previous hash ${broken.prevHash ?? '(none)'} is not the hash ${broken.previousHash} ` +
        `of row ${broken.previousId} before it in the chain (that row was changed and its hash recomputed, or replaced)`
      );
    case 'rows-missing':
      return (
        `第 ${broken.id} 条在链上紧接第 ${broken.previousId} 条，但缺少第 ${broken.fromSeq} 至 ${broken.toSeq} 位（有记录被删除）/ ` +
        `row ${broken.id} follows row ${broken.previousId} in the chain, but positions ${broken.fromSeq} to ` +
        `${broken.toSeq} are missing (rows were deleted)`
      );
    case 'same-position':
      return (
        `第 ${broken.id} 条与第 ${broken.otherId} 条占同一位置 ${broken.chainSeq}（有记录被复制或插入）/ ` +
        `row ${broken.id} takes position ${broken.chainSeq}, as row ${broken.otherId} does (a row was copied or inserted)`
      );
  }
}

/** `audit verify`: the verdict on an export's text, as the command prints it, and its exit code. */
export function verifyAuditExport(text: string): VerifyOutcome {
  const [header, ...cells] = readCsvDocument(text);
  if (header?.join(',') !== AUDIT_EXPORT_COLUMNS.join(',')) {
    return {
      exitCode: 2,
      text: `文件不是审计日志导出（表头不符）/ not an audit log export (the header differs)\n${AUDIT_USAGE}\n`,
    };
  }
  const malformed = cells.findIndex(
    (row) =>
      row.length !== AUDIT_EXPORT_COLUMNS.length || !/^\d{1,18}$/.test(row[0]) || !/^[1-9]\d{0,17}$/.test(row[3]),
  );
  if (malformed >= 0) {
    return {
      exitCode: 2,
      text:
        `第 ${malformed + 2} 行不是审计记录（列数、编号或链上位置有误）/ line ${malformed + 2} is not an audit row ` +
        `(its number of columns, id or chain position is malformed)\n`,
    };
  }
  const verdict = verifyAuditChains(cells.map(auditRowFromExport));
  if (!verdict.ok) {
    return {
      exitCode: 1,
      text: `审计链断裂 / audit chain broken: ${chainName(verdict.tenantId)}\n  ${breakLine(verdict.broken)}\n`,
    };
  }
  return {
    exitCode: 0,
    text:
      `OK 审计链完整 / audit chain intact: ${cells.length} 条记录，${verdict.chains.length} 条链 / ` +
      `${cells.length} rows in ${verdict.chains.length} chains\n${verdict.chains.map(summaryLine).join('\n')}\n`,
  };
}
