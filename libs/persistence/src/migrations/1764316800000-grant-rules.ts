import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grants ledger's terms join the stored rules: each tranche's condition and the `grants` terms
 * (agreement languages, reports, refund days). Rules stored before get what their agreements
 * already printed: the first tranche on signing, the last after the final evaluation, those between
 * after the mid-term one; Chinese agreements, monthly, mid-term and final reports, refunds within
 * 30 days. A backfill of what was always meant, so the rules version stays as it is. Frozen here:
 * later changes to the defaults for new rules do not rewrite old competitions.
 */
export class GrantRules1764316800000 implements MigrationInterface {
  name = 'GrantRules1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE competition c SET rules = jsonb_set(c.rules, '{tranches}', (
        SELECT jsonb_agg(
          CASE WHEN t.value ? 'condition' THEN t.value
          ELSE t.value || jsonb_build_object('condition',
            CASE WHEN t.n = 1 THEN '{"kind": "on-signing"}'::jsonb
                 WHEN t.n = jsonb_array_length(c.rules -> 'tranches')
                   THEN '{"kind": "evaluation-passed", "stage": "final"}'::jsonb
                 ELSE '{"kind": "evaluation-passed", "stage": "mid"}'::jsonb END)
          END ORDER BY t.n)
        FROM jsonb_array_elements(c.rules -> 'tranches') WITH ORDINALITY AS t(value, n)))
      WHERE jsonb_typeof(c.rules -> 'tranches') = 'array' AND jsonb_array_length(c.rules -> 'tranches') > 0`);
    await queryRunner.query(`
      UPDATE competition SET rules = rules || jsonb_build_object('grants', '{
        "agreementLocales": ["zh"],
        "reports": {"monthly": true, "monthlyDueDay": 10, "midTerm": true, "final": true, "finalDueDays": 30},
        "refundDays": 30
      }'::jsonb)
      WHERE NOT rules ? 'grants'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE competition SET rules = rules - 'grants'`);
    await queryRunner.query(`
      UPDATE competition c SET rules = jsonb_set(c.rules, '{tranches}', (
        SELECT jsonb_agg(t.value - 'condition' ORDER BY t.n)
        FROM jsonb_array_elements(c.rules -> 'tranches') WITH ORDINALITY AS t(value, n)))
      WHERE jsonb_typeof(c.rules -> 'tranches') = 'array' AND jsonb_array_length(c.rules -> 'tranches') > 0`);
  }
}
