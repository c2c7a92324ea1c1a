import { ACCESS_PURPOSE, LEGAL_BASIS } from '@vigie/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { log } from './log';
import { type ChainedEntry, loadChain } from './product';
import { JUSTIFICATIONS, USER_AGENTS } from './shapes';

/** access_log's columns, in the order the COPY lines give them. */
const COLUMNS = [
  'sequence', 'at', 'staff_id', 'staff_roles', 'case_id', 'conversation_id', 'report_ids', 'subject_ids', 'legal_basis', 'purpose',
  'outcome', 'reason', 'scope', 'grant_id', 'request_id', 'justification', 'justification_digest', 'ip', 'ip_digest', 'user_agent',
  'user_agent_digest', 'salt', 'prev_hash', 'hash', 'format', 'lia_version',
];

/** The format `chainHash` computes by default (the API's latest, register-chain.ts's REGISTER_FORMAT). */
const FORMAT = '3';
/** The assessment every generated access was made under: version 1, shipped with the migrations. */
const LIA_VERSION = 1;

const FETCH = 5000;
const COPY_BATCH = 500_000;
const LINES_PER_WRITE = 2000;

interface CaseRow {
  id: string;
  conversation_id: string;
  created_at: Date;
  assignee_id: string | null;
  report_ids: string[];
  subject_ids: string[];
  message_ids: string[];
}

/**
 * The access register: `total` entries forming a valid hash chain, computed here with the API's
 * own chain functions (apps/api/dist/register/register-chain.js) and loaded with COPY FROM STDIN,
 * a batch per COPY. Cases are read in the order they were opened, each with its reports, the
 * participants (the entry's subjects) and its messages; each gets its share of entries — pairs of
 * `granted` then `read` by its assignee (or a lead), and some `denied` — timed just after it opened.
 */
export async function loadRegister(url: string, total: number, anchor: Date): Promise<{ entries: number; headHash: string }> {
  const chain = await loadChain();
  const reader = new Client({ connectionString: url, application_name: 'vigie-bench-register-read' });
  const writer = new Client({ connectionString: url, application_name: 'vigie-bench-register-copy' });
  await reader.connect();
  await writer.connect();
  try {
    await writer.query(`SET synchronous_commit = off`);
    const staff = new Map(
      (await reader.query<{ id: string; roles: string[] }>(`SELECT id, roles FROM staff_user`)).rows.map((r) => [r.id, [...r.roles].sort()]),
    );
    const leads = [...staff].filter(([, roles]) => roles.includes('lead')).map(([id]) => id);
    const moderators = [...staff].filter(([, roles]) => roles.includes('moderator')).map(([id]) => id);
    const cases = Number((await reader.query(`SELECT count(*) AS n FROM moderation_case`)).rows[0].n);

    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await reader.query(`
      DECLARE register_cases NO SCROLL CURSOR FOR
      SELECT c.id, c.conversation_id, c.created_at, c.assignee_id,
             ARRAY(SELECT r.id::text FROM report r WHERE r.case_id = c.id ORDER BY r.reported_at) AS report_ids,
             ARRAY(SELECT p.user_id::text FROM conversation_participant p WHERE p.conversation_id = c.conversation_id ORDER BY p.user_id) AS subject_ids,
             ARRAY(SELECT m.id::text FROM message m WHERE m.conversation_id = c.conversation_id ORDER BY m.sent_at, m.id LIMIT 21) AS message_ids
        FROM moderation_case c ORDER BY c.created_at, c.id`);

    const salts = new SaltPool();
    let sequence = 0;
    let prevHash = chain.GENESIS_HASH;
    let prevAt = 0;
    let caseIndex = 0;
    let copy: ReturnType<typeof copyFrom> | undefined;
    let inBatch = 0;
    let lines: string[] = [];
    const endCopy = async () => {
      if (!copy) return;
      if (lines.length) copy.write(lines.join(''));
      lines = [];
      copy.end();
      await finished(copy);
      copy = undefined;
      inBatch = 0;
    };
    const write = async (line: string) => {
      if (!copy) {
        copy = writer.query(copyFrom(`COPY access_log (${COLUMNS.join(', ')}) FROM STDIN`));
      }
      lines.push(line);
      inBatch += 1;
      if (lines.length >= LINES_PER_WRITE) {
        const ok = copy.write(lines.join(''));
        lines = [];
        if (!ok) await once(copy, 'drain');
      }
      if (inBatch >= COPY_BATCH) await endCopy();
    };

    let next = reader.query<CaseRow>(`FETCH ${FETCH} FROM register_cases`);
    let lastLog = Date.now();
    for (;;) {
      const { rows } = await next;
      if (rows.length === 0) break;
      next = reader.query<CaseRow>(`FETCH ${FETCH} FROM register_cases`);
      for (const row of rows) {
        // Exactly `total` entries over all cases, spread evenly.
        const count = Math.floor(((caseIndex + 1) * total) / cases) - Math.floor((caseIndex * total) / cases);
        const holder = row.assignee_id ?? leads[caseIndex % leads.length];
        let grantId: string | null = null;
        for (let t = 0; t < count; t++) {
          // A refusal first now and then, then grants each followed by its read; a lone last entry is a refusal.
          const outcome: ChainedEntry['outcome'] =
            t === 0 && count >= 3 && caseIndex % 7 === 0 ? 'denied' : grantId !== null ? 'read' : t === count - 1 ? 'denied' : 'granted';
          const denied = outcome === 'denied';
          const staffId = denied ? moderators[(caseIndex + t) % moderators.length] : holder;
          if (outcome === 'granted') grantId = randomUUID();
          const scope =
            outcome === 'granted'
              ? { kind: 'context', messageCount: row.message_ids.length }
              : outcome === 'read'
                ? { kind: 'context', messageCount: row.message_ids.length, messageIds: row.message_ids }
                : null;
          let atMs = row.created_at.getTime() + 30 * 60_000 + t * 180_000 + ((caseIndex * 7919 + t * 104_729) % 60_000);
          if (atMs <= prevAt) atMs = prevAt + 1;
          if (atMs > anchor.getTime()) atMs = Math.max(prevAt + 1, anchor.getTime() - 1000);
          prevAt = atMs;
          const salt = salts.next();
          const justification = outcome === 'granted' ? JUSTIFICATIONS[(caseIndex + t) % JUSTIFICATIONS.length] : outcome === 'denied' ? 'À vérifier.' : null;
          const ip = `10.${(caseIndex >> 16) & 255}.${(caseIndex >> 8) & 255}.${(caseIndex + t) & 255}`;
          const userAgent = USER_AGENTS[caseIndex % USER_AGENTS.length];
          sequence += 1;
          const fields: ChainedEntry = {
            sequence: String(sequence),
            at: chain.chainTime(new Date(atMs)),
            staffId,
            staffRoles: staff.get(staffId) ?? ['moderator'],
            caseId: row.id,
            conversationId: row.conversation_id,
            reportIds: row.report_ids,
            subjectIds: row.subject_ids,
            legalBasis: LEGAL_BASIS,
            purpose: ACCESS_PURPOSE,
            outcome,
            reason: denied ? (t === 0 ? 'not_assignee' : 'justification_too_short') : null,
            scope,
            grantId: denied ? null : grantId,
            requestId: randomUUID(),
            justificationDigest: chain.personalDigest(salt, justification),
            ipDigest: chain.personalDigest(salt, ip),
            userAgentDigest: chain.personalDigest(salt, userAgent),
            liaVersion: LIA_VERSION,
          };
          const hash = chain.chainHash(prevHash, fields);
          await write(
            [
              fields.sequence, fields.at, fields.staffId, pgArray(fields.staffRoles), fields.caseId, fields.conversationId, pgArray(fields.reportIds),
              pgArray(fields.subjectIds), fields.legalBasis, fields.purpose, fields.outcome, fields.reason, scope === null ? null : JSON.stringify(scope),
              fields.grantId, fields.requestId, justification, fields.justificationDigest, ip, fields.ipDigest, userAgent, fields.userAgentDigest,
              salt, prevHash, hash, FORMAT, String(LIA_VERSION),
            ]
              .map(copyText)
              .join('\t') + '\n',
          );
          prevHash = hash;
          if (outcome === 'read') grantId = null;
        }
        caseIndex += 1;
      }
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now();
        log(`    register: ${sequence} / ${total} entries`);
      }
    }
    await endCopy();
    await reader.query('COMMIT');
    return { entries: sequence, headHash: prevHash };
  } finally {
    await reader.end().catch(() => undefined);
    await writer.end().catch(() => undefined);
  }
}

/**
 * Salts as the API's newSalt() makes them (16 random bytes, hex), drawn from a large random
 * buffer: one call to the system's generator per 4096 salts instead of one per salt.
 */
class SaltPool {
  private buffer = Buffer.alloc(0);
  private offset = 0;

  next(): string {
    if (this.offset >= this.buffer.length) {
      this.buffer = randomBytes(16 * 4096);
      this.offset = 0;
    }
    const salt = this.buffer.toString('hex', this.offset, this.offset + 16);
    this.offset += 16;
    return salt;
  }
}

/** A PostgreSQL array literal of plain tokens (UUIDs, role names). */
function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** A field in COPY's text format. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}
