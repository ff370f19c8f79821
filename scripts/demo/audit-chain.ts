import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { say } from './demo-support';

/** The office's audit log as an auditor takes it away; demo.sh then verifies it with `npm run audit -- verify`. */
export async function saveAuditExport(office: ApiClient, outputDir: string): Promise<void> {
  const file = join(outputDir, 'audit-log.csv');
  writeFileSync(file, await office.download('/audit-events.csv'));
  say(`审计日志导出 / audit log export: ${file}`);
}
