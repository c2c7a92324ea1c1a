import type { RetentionCounts } from '@vigie/contracts';

/**
 * What every column of the schema that can hold words or identifiers is, and what retention does
 * with it when a case's data is erased — the one list the purge is generated from and the tests
 * check, against the database's own catalogue and after a purge.
 *
 * A column whose type can carry text (text, varchar, citext, json(b), arrays, inet) and that is
 * not listed here fails `personal-data.integration-spec.ts`: a new field is classified when it
 * is added, not found years later on an erased case.
 */

/** The rows of a table that belong to the cases of a purge batch. */
export type RowScope =
  /** Rows of the batch's cases. */
  | 'case'
  /** Rows of the conversations no case still needs once the batch is erased. */
  | 'conversation'
  /** Rows of the platform users no case still needs once the batch is erased. */
  | 'user'
  /** Not a case's data: staff accounts, the machinery, chained journals. */
  | 'none';

export type ColumnFate =
  /** Personal or free text: set to the SQL expression `erase` (it may name the row's other columns). */
  | { erase: string; why: string }
  /** Personal or free text: the whole row goes (the table is listed with `deleteRows`). */
  | { deleted: string }
  /** A JSON object of which only the named keys stay (everything else, present or future, goes). */
  | { keepKeys: readonly string[]; why: string }
  /** Erased, but by the statement named here rather than by the purge's generated statements. */
  | { erasedBy: string; to: string; why: string }
  /** Stays. Says why: anonymous, ours (ids, states, dates), staff's own data, or needed. */
  | { keep: string };

export interface TablePolicy {
  /** Whose rows they are; `where` finds them, `$1` being the ids of that scope (cases, conversations or users). */
  rows: RowScope;
  where?: string;
  /** The primary key, for the purge's targeted update. */
  key?: string;
  /** The purge deletes the rows of the batch instead of updating them. */
  deleteRows?: boolean;
  /** What the run reports for this table: rows changed, or those where `when` held before. */
  count?: { as: keyof RetentionCounts; when?: string };
  columns: Readonly<Record<string, ColumnFate>>;
}

const OUR_ID = { keep: 'our own identifier: names nothing outside this database' };
const MACHINE = { keep: 'a code or state of our own, from a closed list' };
const STAFF = { keep: "staff's own account data: it follows the account's life, not a case's retention" };

/** Keys of a timeline event's data that say nothing about the people involved. */
export const CASE_EVENT_KEPT_KEYS = [
  'action',
  'appealCaseId',
  'appealId',
  'assigneeId',
  'assigneeName',
  'bulk',
  'category',
  'decisionId',
  'durationDays',
  'from',
  'grantId',
  'messageCount',
  'newMessages',
  'noteId',
  'outcome',
  'reportId',
  'reportIds',
  'runId',
  'scope',
] as const;

export const PERSONAL_DATA: Readonly<Record<string, TablePolicy>> = {
  // Platform users' words and identifiers, tied to a case.
  report: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    key: 'id',
    count: { as: 'reportCommentsErased', when: 'comment IS NOT NULL' },
    columns: {
      comment: { erase: 'NULL', why: "the reporter's own words" },
      reported_message_ids: { erase: `'{}'`, why: "the platform's message ids" },
      external_id: { erase: `'erased:' || id`, why: "the platform's report id (unique: a stable pseudonym stays)" },
      category: { keep: 'anonymous: the statistics count reports by category' },
      cleaned_fields: { keep: 'paths of the fields intake cleaned (`comment`, `conversation.messages.3.body`): names nothing' },
    },
  },
  case_note: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    deleteRows: true,
    count: { as: 'notesErased' },
    columns: { text: { deleted: "staff's words about the case: they quote the people involved" } },
  },
  case_event: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    key: 'id',
    columns: {
      type: MACHINE,
      data: {
        keepKeys: CASE_EVENT_KEPT_KEYS,
        why: 'free text (a hold or reopening reason, a rejection note) goes; ids, counts and codes keep the timeline readable',
      },
    },
  },
  decision: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    key: 'id',
    columns: {
      facts: { erase: `''`, why: 'the statement of reasons quotes the case (NOT NULL: empty)' },
      ground: { erase: `''`, why: 'typed over the clause, may quote the case (NOT NULL: empty)' },
      redress: { erase: `''`, why: 'free text of the statement (NOT NULL: empty)' },
      review_note: { erase: 'NULL', why: "the lead's words on a proposal" },
      message_ids: { erase: `'{}'`, why: "the platform's message ids of a removal" },
      action: { keep: 'anonymous: the statistics count decisions by type' },
      policy_clause: { keep: 'anonymous: a clause of the terms of use, from a closed list' },
      state: MACHINE,
    },
  },
  appeal: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    key: 'id',
    columns: {
      statement: { erase: 'NULL', why: "the appellant's own words" },
      external_id: { erase: `'erased:' || id`, why: "the platform's appeal id (unique: a stable pseudonym stays)" },
    },
  },
  outbox: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    key: 'id',
    columns: {
      payload: { erase: `jsonb_build_object('erased', true)`, why: "the platform's message: ids of people and messages, the statement of reasons" },
      event_type: MACHINE,
      last_error: { keep: 'an HTTP status or an error name and code, composed by the webhook worker' },
    },
  },
  moderation_case: {
    rows: 'case',
    where: 'id = ANY ($1::uuid[])',
    columns: {
      legal_hold_reason: { erasedBy: 'CaseRecordRepository.markPurged', to: 'NULL', why: 'a hold names its cause, often people' },
      status: MACHINE,
      close_reason: MACHINE,
      categories: { keep: 'anonymous: the categories of its reports' },
    },
  },
  access_log: {
    rows: 'case',
    where: 'case_id = ANY ($1::uuid[])',
    columns: {
      justification: { erasedBy: 'access_log_erase_personal', to: 'NULL', why: "the moderator's words; its salted digest stays in the chain" },
      ip: { erasedBy: 'access_log_erase_personal', to: 'NULL', why: 'personal; its salted digest stays in the chain' },
      user_agent: { erasedBy: 'access_log_erase_personal', to: 'NULL', why: 'personal; its salted digest stays in the chain' },
      salt: { erasedBy: 'access_log_erase_personal', to: 'NULL', why: 'without it the digests can no longer be tested against guesses' },
      justification_digest: { keep: 'salted digest in the chain; the salt is erased' },
      ip_digest: { keep: 'salted digest in the chain; the salt is erased' },
      user_agent_digest: { keep: 'salted digest in the chain; the salt is erased' },
      staff_roles: { keep: 'the staff member’s roles at the time: the register’s own record' },
      legal_basis: MACHINE,
      purpose: MACHINE,
      outcome: MACHINE,
      reason: MACHINE,
      scope: { keep: 'kind and count of messages read, with our own message ids' },
      request_id: { keep: 'a request id: ours, or a well-formed one the register kept' },
      prev_hash: { keep: 'the chain' },
      hash: { keep: 'the chain' },
      subject_ids: OUR_ID,
      report_ids: OUR_ID,
      recorded_xact: { keep: 'the transaction that wrote the entry: the gate hands bodies out only for one committed by another' },
    },
  },

  // Conversations and people, once no case still needs them.
  message_body: {
    rows: 'conversation',
    where: 'message_id IN (SELECT id FROM message WHERE conversation_id = ANY ($1::uuid[]))',
    deleteRows: true,
    count: { as: 'messagesErased' },
    columns: { body: { deleted: 'what the platform users wrote' } },
  },
  message: {
    rows: 'conversation',
    where: 'conversation_id = ANY ($1::uuid[])',
    key: 'id',
    columns: { external_id: { erase: `'erased:' || id`, why: "the platform's message id (unique per conversation: a stable pseudonym stays)" } },
  },
  conversation: {
    rows: 'conversation',
    where: 'id = ANY ($1::uuid[])',
    key: 'id',
    count: { as: 'conversationsPseudonymised' },
    columns: { external_id: { erase: `'erased:' || id`, why: "the platform's conversation id (unique: a stable pseudonym stays)" } },
  },
  platform_user: {
    rows: 'user',
    where: 'id = ANY ($1::uuid[])',
    key: 'id',
    count: { as: 'usersPseudonymised' },
    columns: {
      display_name: { erase: 'NULL', why: 'a name' },
      external_id: { erase: `'erased:' || id`, why: "the platform's user id (unique: a stable pseudonym stays)" },
      kind: { keep: 'anonymous: explorer or expert' },
    },
  },

  // Not a case's data.
  access_grant: {
    rows: 'none',
    columns: {
      scope: MACHINE,
      report_ids: OUR_ID,
      message_ids: OUR_ID,
      session_id: { keep: "the staff session's id: the grant ends with it" },
      created_xact: { keep: 'the transaction that opened the grant: only its own granted entry may record it' },
    },
  },
  register_checkpoint: {
    rows: 'none',
    columns: {
      head_hash: { keep: 'signed head of the chain' },
      journal_head_hash: { keep: 'signed head of the staff journal' },
      time: { keep: 'signed time' },
      public_key: { keep: 'the signing key' },
      signature: { keep: 'the signature' },
    },
  },
  retention_run: {
    rows: 'none',
    columns: {
      status: MACHINE,
      trigger: MACHINE,
      counts: { keep: 'counts only' },
      error: { keep: 'an error name and code, composed by the sweeper' },
      reference: { keep: "the DPO's reference of the request an erasure answered: their file number, which names nobody" },
    },
  },
  intake_request: {
    rows: 'none',
    columns: {
      idempotency_key: { keep: "the platform client's retry key, opaque to us; no link to a case but through `response`" },
      body_sha256: { keep: 'a digest of the request, to tell a replay from another body' },
      response: { keep: 'our answer: our own report and case ids, or field problems without values' },
    },
  },
  staff_alert: {
    rows: 'none',
    columns: {
      rule: MACHINE,
      status: MACHINE,
      evidence: { keep: 'register sequences: the entries themselves are erased by the register, the numbers name nobody' },
      note: { keep: "the DPO's resolution note about a staff member's use of the gate: staff data, not a case's" },
      webhook_last_error: { keep: 'an HTTP status or an error name, composed by the delivery' },
      details: { keep: "a system alert's ids and codes (a run, a sequence, a problem, an error name), composed by Vigie; never personal data" },
    },
  },
  intake_rate_window: {
    rows: 'none',
    columns: { client: { keep: "the platform's calling address, counted for a minute and cleared the minute after" } },
  },
  outbox_attempt: {
    rows: 'none',
    columns: { error: { keep: 'an HTTP status or an error name and code, composed by the webhook worker' } },
  },
  installation: { rows: 'none', columns: { product: MACHINE } },
  typeorm_migrations: { rows: 'none', columns: { name: { keep: 'a migration class name' } } },
  login_throttle: { rows: 'none', columns: { key: STAFF } },
  staff_user: {
    rows: 'none',
    columns: { email: STAFF, name: STAFF, roles: STAFF, password_hash: STAFF, totp_secret: STAFF, recovery_code_hashes: STAFF },
  },
  staff_session: { rows: 'none', columns: { id: STAFF, csrf_token: STAFF, ip: STAFF, user_agent: STAFF, ended_by: STAFF } },
  staff_password_link: { rows: 'none', columns: { token_hash: STAFF } },
  staff_role_request: { rows: 'none', columns: { requested_roles: STAFF, cause: STAFF, status: MACHINE } },
  staff_activity: {
    rows: 'none',
    columns: {
      event: MACHINE,
      ip: STAFF,
      user_agent: STAFF,
      // Chained and append-only; not a case's data. A register filter by subject puts a platform
      // user's id in `query`, which outlives that user's cases. The journal's own retention
      // (STAFF_JOURNAL_RETENTION, staff_activity_erase_personal) blanks the actor, subject, ip,
      // user_agent, details and salt of second-format entries once they are old enough.
      details: { keep: 'the staff journal, chained: the route, its params and query (ids, filters); blanked after STAFF_JOURNAL_RETENTION' },
      personal_salt: { keep: 'the salt of the personal digest, blanked with the personal fields after STAFF_JOURNAL_RETENTION' },
      personal_digest: { keep: 'a salted digest of the personal fields: once the salt is gone it names nobody' },
      format: MACHINE,
      prev_hash: { keep: 'the chain' },
      hash: { keep: 'the chain' },
    },
  },
  lia_version: {
    rows: 'none',
    columns: {
      text: { keep: "the organisation's legitimate-interest assessment, written by the DPO: names no case or person" },
      digest: { keep: 'a SHA-256 digest of the text' },
    },
  },
  // A person's restriction of processing: the reasons may name people; the facts stay.
  subject_restriction: {
    rows: 'user',
    where: 'user_id = ANY ($1::uuid[])',
    key: 'id',
    columns: {
      reason: { erase: `''`, why: "the DPO's words on the request: they may name people (NOT NULL: empty)" },
      lift_reason: { erase: 'NULL', why: "the DPO's words on lifting it" },
      reference: { keep: "the DPO's reference of the request: their file number, which names nobody" },
    },
  },
  register_verification: { rows: 'none', columns: { trigger: MACHINE, problem: MACHINE } },
};

/** An SQL expression that keeps only `keys` of the JSON object in `column`. */
function keepOnly(column: string, keys: readonly string[]): string {
  const list = keys.map((k) => `'${k}'`).join(', ');
  return `COALESCE((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(${column}) e WHERE e.key IN (${list})), '{}'::jsonb)`;
}

/** Each column the purge's own statement of `table` erases, with the value it takes. */
export function erasedColumns(table: string): { column: string; to: string }[] {
  return Object.entries(PERSONAL_DATA[table]?.columns ?? {}).flatMap(([column, fate]) => {
    if ('erase' in fate) return [{ column, to: fate.erase }];
    if ('keepKeys' in fate) return [{ column, to: keepOnly(column, fate.keepKeys) }];
    return [];
  });
}

/** Every column erased for a purged case, by whichever statement: the property the tests check. */
export function expectedAfterPurge(table: string): { column: string; to: string }[] {
  const others = Object.entries(PERSONAL_DATA[table]?.columns ?? {}).flatMap(([column, fate]) => ('erasedBy' in fate ? [{ column, to: fate.to }] : []));
  return [...erasedColumns(table), ...others];
}

/** The tables the purge's generated statements work on, in the list's order. */
export function purgedTables(): string[] {
  return Object.entries(PERSONAL_DATA)
    .filter(([table, policy]) => policy.rows !== 'none' && policy.where && (policy.deleteRows || erasedColumns(table).length > 0))
    .map(([table]) => table);
}

/**
 * The statement that erases `table`'s part of a batch (`$1`: the ids of its scope) and answers
 * `n`, the rows the run reports for it. Rows already erased are left alone, so a rerun after a
 * crash finds nothing more to do.
 */
export function purgeStatement(table: string): string {
  const policy = PERSONAL_DATA[table];
  if (!policy?.where) throw new Error(`${table}: no rows to purge`);
  if (policy.deleteRows) return `WITH erased AS (DELETE FROM "${table}" WHERE ${policy.where} RETURNING 1) SELECT count(*) AS n FROM erased`;
  const columns = erasedColumns(table);
  const key = policy.key ?? 'id';
  const pending = columns.map(({ column, to }) => `t."${column}" IS DISTINCT FROM ${to}`).join(' OR ');
  const set = columns.map(({ column, to }) => `"${column}" = ${to}`).join(', ');
  const counted = policy.count?.when ? policy.count.when : 'true';
  return `WITH target AS (
            SELECT t."${key}" AS k, (${counted}) AS counted FROM "${table}" t WHERE ${policy.where} AND (${pending}) FOR UPDATE),
          erased AS (
            UPDATE "${table}" SET ${set} FROM target WHERE "${table}"."${key}" = target.k RETURNING target.counted)
          SELECT count(*) FILTER (WHERE counted) AS n FROM erased`;
}
