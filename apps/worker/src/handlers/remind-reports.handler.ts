import { Injectable } from '@nestjs/common';
import { NotificationFacts, Notifier } from '@app/application';
import { NotificationKind, REPORT_DUE_NOTICE_DAYS, ReportState } from '@app/domain';
import { addDays, beijingDate, reportSchedule } from '@app/grants';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsRepository } from '@app/persistence';

/** Reports found due and overdue on this tick, whether or not their notice went out on an earlier one. */
export interface RemindReportsResult {
  readonly due: number;
  readonly overdue: number;
}

/** Written reports that no longer need a reminder: the office has them. */
const HANDED_IN: ReadonlySet<ReportState> = new Set([ReportState.Submitted, ReportState.Accepted]);

/**
 * Every report an active grant's rules call for that is not handed in: due within
 * REPORT_DUE_NOTICE_DAYS (Beijing dates) gets a "due" notice, past its date an "overdue" one, to
 * the organization and, when overdue, to the office too. Each report and state is told once (the
 * notifications' dedup key), so every tick may look at everything again.
 */
@Injectable()
export class RemindReportsHandler {
  constructor(
    private readonly notifications: NotificationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
  ) {}

  async handle(now: Date): Promise<RemindReportsResult> {
    const today = beijingDate(now);
    const horizon = addDays(today, REPORT_DUE_NOTICE_DAYS);
    let due = 0;
    let overdue = 0;
    for (const grant of await this.notifications.activeGrantsForReminders()) {
      const schedule = reportSchedule({ start: grant.periodStart, end: grant.periodEnd }, grant.reportTerms);
      for (const report of schedule) {
        const filed = grant.filed.find((r) => r.kind === report.kind && r.period === report.period);
        if (filed && HANDED_IN.has(filed.state)) continue;
        if (report.dueOn > horizon) continue;
        const kind = report.dueOn < today ? NotificationKind.ReportOverdue : NotificationKind.ReportDue;
        const dedupKey = `${kind}-${grant.grantId}-${report.kind}-${report.period || 'whole'}`;
        const facts: NotificationFacts = {
          kind,
          projectTitle: grant.projectTitle,
          reportKind: report.kind,
          period: report.period,
          dueOn: report.dueOn,
        };
        await this.dataSource.transaction(async (manager) => {
          await this.notifier.toOrganization(manager, {
            tenantId: grant.tenantId,
            organizationId: grant.organizationId,
            dedupKey,
            facts,
          });
          if (kind === NotificationKind.ReportOverdue)
            await this.notifier.toOffice(manager, grant.tenantId, dedupKey, facts);
        });
        if (kind === NotificationKind.ReportOverdue) overdue += 1;
        else due += 1;
      }
    }
    return { due, overdue };
  }
}
