import { Injectable } from '@nestjs/common';
import type { ReportCategory } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { csvLine } from '../common/csv';

/** Our report categories in the Transparency Database's vocabulary. */
const CATEGORY: Record<ReportCategory, string> = {
  harassment: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  sexual_content: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  hate: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  threat_violence: 'STATEMENT_CATEGORY_VIOLENCE',
  spam_scam: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  personal_data: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  minor_safety: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  impersonation: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  other: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
};

const ACTION_WORDS: Record<string, string> = {
  content_removal: 'removal of the reported messages',
  suspension: 'temporary suspension of the account',
  ban: 'termination of the account',
};

/** One statement of reasons in the EU DSA Transparency Database's submission format. */
export interface TransparencyStatement {
  puid: string;
  decision_visibility: string[];
  decision_account: string | null;
  end_date_account_restriction: string | null;
  account_type: 'ACCOUNT_TYPE_PRIVATE';
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  category: string;
  content_type: string[];
  content_date: string;
  application_date: string;
  source_type: 'SOURCE_ARTICLE_16';
  automated_detection: 'No';
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_NOT_AUTOMATED';
  decision_facts: string;
}

export const TRANSPARENCY_COLUMNS: (keyof TransparencyStatement)[] = [
  'puid', 'decision_visibility', 'decision_account', 'end_date_account_restriction', 'account_type', 'decision_ground',
  'incompatible_content_ground', 'incompatible_content_explanation', 'category', 'content_type', 'content_date',
  'application_date', 'source_type', 'automated_detection', 'automated_decision', 'decision_facts',
];

/**
 * The statements of reasons of restrictive decisions (removals, suspensions, bans), without
 * personal data: the moderators' free-text facts may quote people, so the facts exported are
 * composed from the category, the action and the clause; ids are our decision ids.
 */
@Injectable()
export class TransparencyService {
  constructor(private readonly dataSource: DataSource) {}

  async statements(from?: string, to?: string): Promise<TransparencyStatement[]> {
    const rows: { id: string; action: string; policy_clause: string; automated: boolean; duration_days: number | null; decided_at: Date; first_reported_at: Date; category: ReportCategory }[] =
      await this.dataSource.query(
        `SELECT d.id, d.action, d.policy_clause, d.automated, d.duration_days, d.decided_at,
                (SELECT min(r.reported_at) FROM report r WHERE r.case_id = d.case_id) AS first_reported_at,
                (SELECT r.category FROM report r WHERE r.case_id = d.case_id ORDER BY r.reported_at LIMIT 1) AS category
           FROM decision d
          WHERE d.state = 'effective' AND d.action IN ('content_removal', 'suspension', 'ban')
            AND ($1::timestamptz IS NULL OR d.decided_at >= $1) AND ($2::timestamptz IS NULL OR d.decided_at < $2)
          ORDER BY d.decided_at, d.id`,
        [from ?? null, to ?? null],
      );
    return rows.map((row) => {
      const end = row.duration_days ? new Date(row.decided_at.getTime() + row.duration_days * 86_400_000) : null;
      return {
        puid: row.id,
        decision_visibility: row.action === 'content_removal' ? ['DECISION_VISIBILITY_CONTENT_REMOVED'] : [],
        decision_account: row.action === 'suspension' ? 'DECISION_ACCOUNT_SUSPENDED' : row.action === 'ban' ? 'DECISION_ACCOUNT_TERMINATED' : null,
        end_date_account_restriction: row.action === 'suspension' && end ? day(end) : null,
        account_type: 'ACCOUNT_TYPE_PRIVATE',
        decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
        incompatible_content_ground: row.policy_clause,
        incompatible_content_explanation: `Terms of use clause ${row.policy_clause}.`,
        category: CATEGORY[row.category] ?? CATEGORY.other,
        content_type: ['CONTENT_TYPE_TEXT'],
        content_date: day(row.first_reported_at),
        application_date: day(row.decided_at),
        source_type: 'SOURCE_ARTICLE_16',
        automated_detection: 'No',
        automated_decision: row.automated ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
        decision_facts: `Private messages reported by a user of the mentoring platform; after human review: ${ACTION_WORDS[row.action]}.`,
      };
    });
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toCsv(statements: TransparencyStatement[]): string {
  return `${TRANSPARENCY_COLUMNS.join(',')}\r\n${statements.map((s) => csvLine(TRANSPARENCY_COLUMNS.map((c) => s[c]))).join('')}`;
}
