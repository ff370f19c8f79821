import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * An evaluator's tablet session is the code it came from: live while the evaluator still holds
 * that code in that round. An evaluation is scored over days, not in one hall, so no session
 * table tracks tablets; a reissued code is what ends a lost slip's sessions.
 */
@Injectable()
export class EvaluatorSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async live(evaluatorId: string, roundId: string, codeIssuedAt: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM evaluator WHERE id = $1 AND round_id = $2 AND code_issued_at = $3::timestamptz`,
      [evaluatorId, roundId, codeIssuedAt],
    );
    return rows.length > 0;
  }
}
