import { Injectable } from '@nestjs/common';
import type { AccessActivityQuery, AlertsQuery, AlertSummary, ListResponse, ResolveAlertRequest, StaffAccessActivity, StaffAlert } from '@vigie/contracts';
import { Clock } from '../common/clock';
import { DomainException } from '../common/domain.exception';
import type { RequestClient } from '../common/request-client.decorator';
import { StaffActivityRepository } from '../journal/staff-activity.repository';
import { StaffService } from '../staff/staff.service';
import { AlertRulesRepository } from './alert-rules.repository';
import { AlertsRepository } from '../alert-store/alerts.repository';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

/** The DPO's side of the alerts: the list, resolving one, a member of staff's use of the gate. The routes' guard decided who may. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rules: AlertRulesRepository,
    private readonly staff: StaffService,
    private readonly journal: StaffActivityRepository,
    private readonly clock: Clock,
  ) {}

  list(query: AlertsQuery): Promise<ListResponse<StaffAlert>> {
    return this.alerts.list(query);
  }

  async summary(): Promise<AlertSummary> {
    return { open: await this.alerts.openCount() };
  }

  /**
   * Acknowledges or dismisses an open alert. The staff journal (a chain the application's role
   * cannot rewrite) records who resolved which alert about whom, and how: an alert closed by
   * hand in SQL has no such entry.
   */
  async resolve(id: string, request: ResolveAlertRequest, by: string, client: RequestClient): Promise<StaffAlert> {
    const alert = await this.alerts.find(id);
    if (!alert) throw new DomainException('alert_not_found');
    // Nobody closes the file on themselves: a DPO's own alert waits for another DPO.
    if (alert.staffId === by) throw new DomainException('own_alert');
    if (!(await this.alerts.resolve(id, request.status, request.note, by, this.clock.now()))) throw new DomainException('alert_resolved');
    await this.journal.record('alert.resolved', {
      actorId: by,
      subjectId: alert.staffId,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { alertId: id, rule: alert.rule, status: request.status },
    });
    return (await this.alerts.find(id)) as StaffAlert;
  }

  /** Per day of the period (the last 30 days by default): openings, denials, widenings, and the alerts. */
  async activity(staffId: string, query: AccessActivityQuery): Promise<StaffAccessActivity> {
    const account = await this.staff.get(staffId);
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      throw new DomainException('invalid_input', { details: { fields: [{ field: 'from', code: 'invalid_value', message: 'must be before to' }] } });
    }
    const [days, alerts] = await Promise.all([this.rules.activity(staffId, from, to), this.alerts.ofStaff(staffId, from, to)]);
    return { staff: { id: account.id, name: account.name, roles: [...account.roles] }, from: from.toISOString(), to: to.toISOString(), days, alerts };
  }
}
