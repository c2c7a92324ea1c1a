import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type AlertThresholds, AlertRulesRepository } from './alert-rules.repository';
import { AlertsRepository } from '../alert-store/alerts.repository';

const BATCH = 500;
/** Batches per call: a long backlog is caught up over several calls rather than in one long transaction. */
const MAX_BATCHES = 20;

export const thresholdsOf = (config: AppConfig): AlertThresholds => ({
  openingsPerHour: config.ALERT_OPENINGS_PER_HOUR,
  medianFactor: config.ALERT_MEDIAN_FACTOR,
  medianMinimum: config.ALERT_MEDIAN_MINIMUM,
  sameJustificationPerDay: config.ALERT_SAME_JUSTIFICATION_PER_DAY,
  workingHours: config.ALERT_WORKING_HOURS,
  denials: config.ALERT_DENIALS,
  denialsMinutes: config.ALERT_DENIALS_MINUTES,
  samePersonCases: config.ALERT_SAME_PERSON_CASES,
  samePersonDays: config.ALERT_SAME_PERSON_DAYS,
  wideningMinOpenings: config.ALERT_WIDENING_MIN_OPENINGS,
  wideningShare: config.ALERT_WIDENING_SHARE,
});

/**
 * Checks the register's new entries against the alert rules, in sequence order, from where the
 * last evaluation stopped. One instance at a time (an advisory lock); the cursor moves in the
 * transaction that raised the alerts, so an entry is evaluated once, and evaluating it again
 * (a restored cursor) joins the alerts it already raised rather than opening new ones.
 */
@Injectable()
export class AlertEvaluator {
  private readonly thresholds: AlertThresholds;

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly rules: AlertRulesRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.thresholds = thresholdsOf(config);
  }

  /** Evaluates what is new; the ids of the alerts it opened. */
  async evaluate(): Promise<string[]> {
    const opened: string[] = [];
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const at = this.clock.now();
      const result = await this.alerts.underEvaluationLock(async (m, after) => {
        const entries = await this.rules.entriesAfter(m, after, BATCH);
        const ids: string[] = [];
        for (const entry of entries) {
          for (const finding of await this.rules.findings(m, entry, this.thresholds)) {
            const id = await this.alerts.raise(m, finding, at, this.config.ALERT_WEBHOOK_URL !== undefined);
            if (id) ids.push(id);
          }
        }
        return { last: entries.at(-1)?.sequence ?? after, result: { ids, more: entries.length === BATCH } };
      }, at);
      if (!result) break;
      opened.push(...result.ids);
      if (!result.more) break;
    }
    return opened;
  }
}
