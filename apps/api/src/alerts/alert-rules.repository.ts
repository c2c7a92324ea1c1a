import { Injectable } from '@nestjs/common';
import type { AccessActivityDay, AlertRule } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkingHours } from '../config/working-hours';
import type { Finding } from '../alert-store/alerts.repository';

/** A register entry as the rules see it: who, when, what came of it. Never its justification's text. */
export interface EvaluatedEntry {
  sequence: number;
  at: Date;
  staffId: string;
  outcome: 'granted' | 'denied' | 'read';
  reason: string | null;
  scopeKind: string | null;
  subjectIds: string[];
  hasJustification: boolean;
}

/** The thresholds of the rules (ALERT_* settings). */
export interface AlertThresholds {
  openingsPerHour: number;
  medianFactor: number;
  medianMinimum: number;
  sameJustificationPerDay: number;
  workingHours?: WorkingHours;
  denials: number;
  denialsMinutes: number;
  samePersonCases: number;
  samePersonDays: number;
  wideningMinOpenings: number;
  wideningShare: number;
}

// An opening is a grant; a denial is a refusal other than a request to confirm one's password.
const OPENING = `l.outcome = 'granted'`;
const DENIAL = `l.outcome = 'denied' AND coalesce(l.reason, '') <> 'step_up_required'`;
// Justifications compared as people see them: NFKC, lower case, blanks collapsed, trimmed.
const normalised = (column: string) => `btrim(regexp_replace(lower(normalize(${column}, NFKC)), '\\s+', ' ', 'g'))`;
// The entries of one person up to the triggering one (`$1` staff, `$2` its sequence, `$3` its time).
const UP_TO = `l.staff_id = $1 AND l.sequence <= $2 AND l.at <= $3`;
const EVIDENCE = `array_agg(l.sequence::text ORDER BY l.sequence) AS sequences, min(l.at) AS window_start, max(l.at) AS window_end, count(*)::int AS n`;
const WIDENING_DAYS = 30;
const MEDIAN_DAYS = 30;
const OUT_OF_HOURS_LOOKBACK_HOURS = 12;

interface EvidenceRow {
  sequences: string[] | null;
  window_start: Date | null;
  window_end: Date | null;
  n: number;
}

/**
 * The alert rules, as queries over the register. Each looks back from one triggering entry at the
 * same person's entries; what it finds names entries by sequence.
 */
@Injectable()
export class AlertRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async entriesAfter(m: EntityManager, after: number, limit: number): Promise<EvaluatedEntry[]> {
    const rows: { sequence: string; at: Date; staff_id: string; outcome: EvaluatedEntry['outcome']; reason: string | null; scope_kind: string | null; subject_ids: string[]; has_justification: boolean }[] =
      await m.query(
        `SELECT l.sequence::text, l.at, l.staff_id, l.outcome, l.reason, l.scope->>'kind' AS scope_kind, l.subject_ids::text[] AS subject_ids,
                l.justification IS NOT NULL AS has_justification
           FROM access_log l WHERE l.sequence > $1 ORDER BY l.sequence LIMIT $2`,
        [after, limit],
      );
    return rows.map((r) => ({
      sequence: Number(r.sequence),
      at: r.at,
      staffId: r.staff_id,
      outcome: r.outcome,
      reason: r.reason,
      scopeKind: r.scope_kind,
      subjectIds: r.subject_ids,
      hasJustification: r.has_justification,
    }));
  }

  /** Every rule the entry may set off, and what each found. */
  async findings(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding[]> {
    const checks: Promise<Finding | undefined>[] = [];
    if (entry.outcome === 'granted') {
      checks.push(this.openingsPerHour(m, entry, t));
      if (entry.hasJustification) checks.push(this.repeatedJustification(m, entry, t));
      if (t.workingHours) checks.push(this.outsideWorkingHours(m, entry, t.workingHours));
      if (entry.subjectIds.length) checks.push(this.samePersonAcrossCases(m, entry, t));
      if (entry.scopeKind === 'full') checks.push(this.widening(m, entry, t));
    } else if (entry.outcome === 'denied' && entry.reason !== 'step_up_required') {
      checks.push(this.repeatedDenials(m, entry, t));
    }
    // One connection per transaction: the checks run one after the other anyway.
    const found: Finding[] = [];
    for (const check of checks) {
      const finding = await check;
      if (finding) found.push(finding);
    }
    return found;
  }

  private async evidence(m: EntityManager, rule: AlertRule, entry: EvaluatedEntry, where: string, params: unknown[], atLeast: number): Promise<Finding | undefined> {
    const [row]: EvidenceRow[] = await m.query(`SELECT ${EVIDENCE} FROM access_log l WHERE ${UP_TO} AND ${where}`, [entry.staffId, entry.sequence, entry.at, ...params]);
    if (!row || row.n < atLeast || !row.sequences || !row.window_start || !row.window_end) return undefined;
    return { rule, staffId: entry.staffId, sequences: row.sequences.map(Number), windowStart: row.window_start, windowEnd: row.window_end };
  }

  private async openingsPerHour(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding | undefined> {
    const found = await this.evidence(m, 'openings_per_hour', entry, `${OPENING} AND l.at > $3::timestamptz - interval '1 hour'`, [], Math.min(t.openingsPerHour + 1, t.medianMinimum));
    if (!found) return undefined;
    const count = found.sequences.length;
    if (count > t.openingsPerHour) return found;
    // Their own pace: the median of the hours (with any opening) of the 30 days before this hour.
    const [{ median }]: { median: number | null }[] = await m.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c) AS median
         FROM (SELECT count(*) AS c FROM access_log l
                WHERE l.staff_id = $1 AND ${OPENING} AND l.at > $2::timestamptz - make_interval(days => $3) AND l.at <= $2::timestamptz - interval '1 hour'
                GROUP BY date_trunc('hour', l.at)) h`,
      [entry.staffId, entry.at, MEDIAN_DAYS],
    );
    return median !== null && count > t.medianFactor * median && count >= t.medianMinimum ? found : undefined;
  }

  private repeatedJustification(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding | undefined> {
    return this.evidence(
      m,
      'repeated_justification',
      entry,
      `${OPENING} AND l.at > $3::timestamptz - interval '1 day' AND l.justification IS NOT NULL
       AND ${normalised('l.justification')} = (SELECT ${normalised('e.justification')} FROM access_log e WHERE e.sequence = $2)`,
      [],
      t.sameJustificationPerDay,
    );
  }

  private outsideWorkingHours(m: EntityManager, entry: EvaluatedEntry, hours: WorkingHours): Promise<Finding | undefined> {
    // Local day and time by PostgreSQL's time-zone database; the night's openings make one alert.
    const local = `(l.at AT TIME ZONE $4)`;
    const outside = `NOT (extract(isodow FROM ${local})::int = ANY ($5::int[]) AND ${local}::time >= $6::time AND ${local}::time < $7::time)`;
    return this.evidence(
      m,
      'outside_working_hours',
      entry,
      `${OPENING} AND l.at > $3::timestamptz - make_interval(hours => ${OUT_OF_HOURS_LOOKBACK_HOURS}) AND ${outside}
       AND EXISTS (SELECT 1 FROM access_log x WHERE x.sequence = $2 AND ${outside.replaceAll('l.at', 'x.at')})`,
      [hours.timeZone, hours.days, hours.start, hours.end],
      1,
    );
  }

  private repeatedDenials(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding | undefined> {
    return this.evidence(m, 'repeated_denials', entry, `${DENIAL} AND l.at > $3::timestamptz - make_interval(mins => $4)`, [t.denialsMinutes], t.denials);
  }

  private async samePersonAcrossCases(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding | undefined> {
    // Per platform user of the triggering entry: the openings, by this person, of cases that concern them.
    const rows: (EvidenceRow & { cases: number })[] = await m.query(
      `SELECT ${EVIDENCE}, count(DISTINCT l.case_id)::int AS cases
         FROM access_log l CROSS JOIN LATERAL unnest(l.subject_ids) AS sid
        WHERE ${UP_TO} AND ${OPENING} AND l.at > $3::timestamptz - make_interval(days => $4) AND sid = ANY ($5::uuid[])
        GROUP BY sid HAVING count(DISTINCT l.case_id) >= $6`,
      [entry.staffId, entry.sequence, entry.at, t.samePersonDays, entry.subjectIds, t.samePersonCases],
    );
    if (!rows.length) return undefined;
    const sequences = [...new Set(rows.flatMap((r) => (r.sequences ?? []).map(Number)))].sort((a, b) => a - b);
    const starts = rows.map((r) => r.window_start?.getTime() ?? entry.at.getTime());
    const ends = rows.map((r) => r.window_end?.getTime() ?? entry.at.getTime());
    return { rule: 'same_person_across_cases', staffId: entry.staffId, sequences, windowStart: new Date(Math.min(...starts)), windowEnd: new Date(Math.max(...ends)) };
  }

  private async widening(m: EntityManager, entry: EvaluatedEntry, t: AlertThresholds): Promise<Finding | undefined> {
    const [row]: { openings: number; full: number }[] = await m.query(
      `SELECT count(*)::int AS openings, count(*) FILTER (WHERE l.scope->>'kind' = 'full')::int AS full
         FROM access_log l WHERE ${UP_TO} AND ${OPENING} AND l.at > $3::timestamptz - make_interval(days => $4)`,
      [entry.staffId, entry.sequence, entry.at, WIDENING_DAYS],
    );
    if (row.openings < t.wideningMinOpenings || row.full <= t.wideningShare * row.openings) return undefined;
    return this.evidence(m, 'widening', entry, `${OPENING} AND l.scope->>'kind' = 'full' AND l.at > $3::timestamptz - make_interval(days => $4)`, [WIDENING_DAYS], 1);
  }

  /** One person's openings, denials and widenings per UTC day of a period (days without any included). */
  async activity(staffId: string, from: Date, to: Date): Promise<AccessActivityDay[]> {
    const rows: AccessActivityDay[] = await this.dataSource.query(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
              count(l.sequence) FILTER (WHERE ${OPENING})::int AS openings,
              count(l.sequence) FILTER (WHERE ${DENIAL})::int AS denials,
              count(l.sequence) FILTER (WHERE ${OPENING} AND l.scope->>'kind' = 'full')::int AS widenings
         FROM generate_series(date_trunc('day', $2::timestamptz AT TIME ZONE 'UTC'), $3::timestamptz AT TIME ZONE 'UTC' - interval '1 microsecond', interval '1 day') AS d(day)
         LEFT JOIN access_log l
                ON l.staff_id = $1 AND l.at >= $2 AND l.at < $3
               AND l.at >= d.day AT TIME ZONE 'UTC' AND l.at < (d.day + interval '1 day') AT TIME ZONE 'UTC'
        GROUP BY d.day ORDER BY d.day`,
      [staffId, from, to],
    );
    return rows;
  }
}
