import { Pool, type PoolClient } from 'pg';
import { createDatabase, databaseExists, databaseUrl, dropDatabase, type Server, withClient } from './database';
import { log } from './log';
import type { Scale } from './options';
import { type ProductEnv, runCli } from './product';
import { loadRegister } from './register-load';
import { categorySql, COMMENTS, FIRST_NAMES, MESSAGES, SEVERITY_SQL, sqlTextArray } from './shapes';

/** Bump when the generated data changes shape: datasets of another version are generated again. */
export const GENERATOR_VERSION = 3;

/** The tables generation fills; their keys and indexes are dropped while they load and rebuilt after. */
const LOADED_TABLES = [
  'platform_user', 'conversation', 'conversation_participant', 'message', 'message_body', 'moderation_case', 'report',
  'case_event', 'decision', 'case_note', 'intake_request', 'access_log',
];

/** Generated staff: moderators 1–48, leads 49–58, a DPO (59) and an admin (60). */
export const GENERATED_STAFF = { moderators: 48, leads: 10, total: 60 };

export interface DatasetInfo {
  database: string;
  reused: boolean;
  /** Wall time of the generation that made this dataset (now, or when it was made). */
  generationSeconds: number;
  phases: Record<string, number>;
  counts: Record<string, number>;
  generatedAt: string;
  /** The "now" the data was generated around (4 years of history up to it). */
  anchor: string;
  sizeBytes: number;
}

interface Meta {
  generatorVersion: number;
  scale: { cases: number; reports: number; registerEntries: number };
  complete: boolean;
  generationSeconds: number;
  phases: Record<string, number>;
  counts: Record<string, number>;
  generatedAt: string;
  anchor: string;
}

export function datasetName(scale: Scale): string {
  return `vigie_bench_${scale.name}`;
}

/** The dataset of this scale: reused when its bench_meta says it matches, generated otherwise. */
export async function ensureDataset(server: Server, scale: Scale, product: ProductEnv, regenerate: boolean): Promise<DatasetInfo> {
  const name = datasetName(scale);
  const url = databaseUrl(server, name);
  if (!regenerate && (await databaseExists(server, name))) {
    const meta = await readMeta(url);
    if (
      meta?.complete &&
      meta.generatorVersion === GENERATOR_VERSION &&
      meta.scale.cases === scale.cases &&
      meta.scale.reports === scale.reports &&
      meta.scale.registerEntries === scale.registerEntries
    ) {
      // New migrations of the API apply on top (the data stays).
      await runCli(['migrate'], product.env(url));
      log(`dataset ${name} reused (generated ${meta.generatedAt} in ${meta.generationSeconds.toFixed(0)} s)`);
      return { database: name, reused: true, generationSeconds: meta.generationSeconds, phases: meta.phases, counts: meta.counts, generatedAt: meta.generatedAt, anchor: meta.anchor, sizeBytes: await sizeOf(url) };
    }
    log(`dataset ${name} does not match this scale or generator: generating it again`);
  }
  await dropDatabase(server, name);
  await createDatabase(server, name);
  const started = Date.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const result = await work();
    phases[label] = (Date.now() - t) / 1000;
    log(`  ${label}: ${phases[label].toFixed(1)} s`);
    return result;
  };
  log(`generating ${name}: ${scale.cases} cases, ${scale.reports} reports, ${scale.registerEntries} register entries`);
  await phase('migrate (the API’s migrations)', () => runCli(['migrate'], product.env(url)));
  const anchor = new Date();
  const plan = planOf(scale, anchor);
  const pool = new Pool({ connectionString: url, max: 2, idleTimeoutMillis: 0, application_name: 'vigie-bench-generate' });
  const ready = new WeakSet<PoolClient>();
  const session = async (): Promise<PoolClient> => {
    const client = await pool.connect();
    if (!ready.has(client)) {
      await client.query(SESSION_SETUP(plan));
      ready.add(client);
    }
    return client;
  };
  const on = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await session();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  try {
    const schema = await phase('drop keys and indexes', () => dropKeysAndIndexes(pool));
    await phase('tables (INSERT … SELECT generate_series, 2 connections)', () =>
      Promise.all([
        on((c) => inOrder(c, [usersSql(plan), conversationsSql(plan), participantsSql(plan), messagesSql(plan), bodiesSql(plan)])),
        on((c) => inOrder(c, [staffSql(), reportsSql(plan), casesSql(plan), caseEventsSql(), decisionsSql(), notesSql(), intakeRequestsSql()])),
      ]),
    );
    await phase('keys and indexes (but the register’s)', () => restore(pool, schema, (table) => table !== 'access_log'));
    await phase('register: hash chain in Node (apps/api’s chain functions), COPY FROM STDIN', () => loadRegister(url, scale.registerEntries, plan.anchor));
    await phase('register keys and indexes', () => restore(pool, schema, (table) => table === 'access_log'));
    await phase('check the schema is the migrations’ own again', () => checkSchema(pool, schema));
    await phase('VACUUM ANALYZE', () => vacuumAnalyze(pool));
    const counts = await countRows(pool);
    const generationSeconds = (Date.now() - started) / 1000;
    const meta: Meta = {
      generatorVersion: GENERATOR_VERSION,
      scale: { cases: scale.cases, reports: scale.reports, registerEntries: scale.registerEntries },
      complete: true,
      generationSeconds,
      phases,
      counts,
      generatedAt: new Date().toISOString(),
      anchor: anchor.toISOString(),
    };
    await pool.query(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await pool.query(`INSERT INTO bench_meta (key, value) VALUES ('dataset', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(meta)]);
    log(`dataset ${name} generated in ${generationSeconds.toFixed(1)} s`);
    return { database: name, reused: false, generationSeconds, phases, counts, generatedAt: meta.generatedAt, anchor: meta.anchor, sizeBytes: await sizeOf(url) };
  } finally {
    await pool.end();
  }
}

async function readMeta(url: string): Promise<Meta | undefined> {
  return withClient(url, async (c) => {
    const exists = await c.query(`SELECT to_regclass('public.bench_meta') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return undefined;
    const { rows } = await c.query<{ value: Meta }>(`SELECT value FROM bench_meta WHERE key = 'dataset'`);
    return rows[0]?.value;
  });
}

async function sizeOf(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(`SELECT pg_database_size(current_database()) AS n`)).rows[0].n));
}

async function inOrder(client: PoolClient, statements: string[]): Promise<void> {
  for (const sql of statements) {
    const started = Date.now();
    await client.query(sql);
    if (process.env.BENCH_DEBUG) log(`    ${/INTO (\w+)/.exec(sql)?.[1]}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** The numbers every statement is built from. */
interface Plan {
  cases: number;
  reports: number;
  conversations: number;
  users: number;
  explorers: number;
  experts: number;
  anchor: Date;
  /** Closed cases' age is 4 years × u^k: k puts ~10 % of all cases past the 3-year line. */
  ageExponent: number;
}

function planOf(scale: Scale, anchor: Date): Plan {
  const conversations = Math.round(scale.cases * 0.9);
  const users = Math.round(scale.cases * 0.8);
  const explorers = Math.round(users * 0.7);
  // Closed: cases sharing their conversation with a later one (10 %), and 80 % of the others.
  const closedShare = (scale.cases - conversations) / scale.cases + (conversations / scale.cases) * 0.8;
  const expiredAmongClosed = 0.1 / closedShare;
  const ageExponent = Math.log(0.75) / Math.log(1 - expiredAmongClosed);
  return { cases: scale.cases, reports: scale.reports, conversations, users, explorers, experts: users - explorers, anchor, ageExponent };
}

/**
 * Per-session set-up: fast, unsafe-on-crash commits (a crash means generating again anyway),
 * memory for sorts and index builds, and the deterministic helpers every statement uses.
 * `r(x, seed)` is a uniform value in [0, 1) from PostgreSQL's own 64-bit hash.
 */
const SESSION_SETUP = (p: Plan) => {
  // Everything IMMUTABLE and built of immutable operators (times as epoch seconds, integers cast
  // to text before concatenation), so that PostgreSQL inlines the helpers into each statement.
  const anchor = p.anchor.getTime() / 1000;
  const fn = (signature: string, returns: string, body: string) =>
    `CREATE FUNCTION pg_temp.${signature} RETURNS ${returns} LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${body} $$;`;
  return `
  SET synchronous_commit = off;
  SET work_mem = '256MB';
  SET maintenance_work_mem = '1GB';
  SET max_parallel_maintenance_workers = 1;
  ${fn('r(x bigint, seed bigint)', 'float8', `(hashint8extended(x, seed) & 2147483647)::float8 / 2147483648::float8`)}
  ${fn('conv(i bigint)', 'bigint', `((i - 1) % ${p.conversations}) + 1`)}
  ${fn('cstatus(i bigint)', 'text', `CASE WHEN i <= ${p.cases - p.conversations} THEN 'closed'::text
      ELSE CASE WHEN pg_temp.r(i, 10) < 0.09 THEN 'open'::text WHEN pg_temp.r(i, 10) < 0.15 THEN 'in_review'::text
                WHEN pg_temp.r(i, 10) < 0.18 THEN 'actioned'::text WHEN pg_temp.r(i, 10) < 0.20 THEN 'dismissed'::text
                ELSE 'closed'::text END END`)}
  ${fn('clast(i bigint)', 'float8', `${anchor}::float8 - 86400 * CASE WHEN pg_temp.cstatus(i) = 'closed' THEN 1461 * pg_temp.r(i, 11) ^ ${p.ageExponent.toFixed(6)}::float8
      ELSE 60 * pg_temp.r(i, 11) END`)}
  ${fn('ccreated(i bigint)', 'float8', `pg_temp.clast(i) - 86400 * 20 * pg_temp.r(i, 12)`)}
  ${fn('nk(k bigint)', 'bigint', `2 + floor(pg_temp.r(k, 44) * 19)::bigint`)}
  ${fn('pe(k bigint)', 'bigint', `1 + floor(pg_temp.r(k, 40) * ${p.explorers})::bigint`)}
  ${fn('px(k bigint)', 'bigint', `${p.explorers} + 1 + floor(pg_temp.r(k, 41) ^ 2::float8 * ${p.experts})::bigint`)}
  ${fn('has3(k bigint)', 'boolean', `pg_temp.r(k, 42) < 0.15`)}
  ${fn('pe3(k bigint)', 'bigint', `1 + ((pg_temp.pe(k) + floor(pg_temp.r(k, 43) * ${p.explorers - 1})::bigint) % ${p.explorers})`)}
  ${fn('uid(n bigint)', 'uuid', v4(`'u' || n::text`))}
  ${fn('vid(k bigint)', 'uuid', v4(`'v' || k::text`))}
  ${fn('cid(i bigint)', 'uuid', v4(`'c' || i::text`))}
  ${fn('sid(n bigint)', 'uuid', v4(`'s' || n::text`))}
  ${fn('rid(j bigint)', 'uuid', v4(`'r' || j::text`))}
  ${fn('mid(k bigint, s bigint)', 'uuid', v4(`'m' || k::text || '_' || s::text`))}
`;
};

/**
 * A deterministic, well-formed version-4 UUID from a seed text: MD5's bits with the version and
 * variant nibbles set (the API's validation accepts RFC 9562 UUIDs only); the hash is computed once.
 */
export const v4 = (seed: string) => `overlay(overlay(md5(${seed}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;

/** SQL for a generated staff member's id (staff n), e.g. the moderator whose cases the bench moderator takes over. */
export const staffIdSql = (n: number) => v4(`'s${n}'`);

const NAMES = sqlTextArray(FIRST_NAMES);
const BODIES = sqlTextArray(MESSAGES);
const COMMENT_TEXTS = sqlTextArray(COMMENTS);
const pickFrom = (array: string, size: number, u: string) => `(${array})[1 + floor(${u} * ${size})::int]`;

function staffSql(): string {
  const { moderators, leads, total } = GENERATED_STAFF;
  return `
    INSERT INTO staff_user (id, email, name, roles, password_hash, created_at, updated_at)
    SELECT pg_temp.sid(n),
           CASE WHEN n <= ${moderators} THEN 'moderator-' WHEN n <= ${moderators + leads} THEN 'lead-' WHEN n = ${total - 1} THEN 'dpo-' ELSE 'admin-' END
             || n::text || '@bench.vigie.invalid',
           ${pickFrom(NAMES, FIRST_NAMES.length, 'pg_temp.r(n, 1)')} || ' ' || chr(65 + floor(pg_temp.r(n, 2) * 26)::int) || '. (bench)',
           CASE WHEN n <= ${moderators} THEN ARRAY['moderator'] WHEN n <= ${moderators + leads} THEN ARRAY['lead'] WHEN n = ${total - 1} THEN ARRAY['dpo'] ELSE ARRAY['admin'] END,
           '!generated: cannot sign in', now() - interval '4 years', now() - interval '4 years'
      FROM generate_series(1, ${total}) n`;
}

function usersSql(p: Plan): string {
  return `
    INSERT INTO platform_user (id, external_id, kind, display_name, last_activity_at, created_at)
    SELECT pg_temp.uid(n), 'u_' || n::text, CASE WHEN n <= ${p.explorers} THEN 'explorer' ELSE 'expert' END,
           ${pickFrom(NAMES, FIRST_NAMES.length, 'pg_temp.r(n, 1)')} || ' ' || chr(65 + floor(pg_temp.r(n, 2) * 26)::int) || '.',
           created + ('${p.anchor.toISOString()}'::timestamptz - created) * pg_temp.r(n, 3), created
      FROM (SELECT n, '${p.anchor.toISOString()}'::timestamptz - interval '1 day' * 1461 * pg_temp.r(n, 4) AS created
              FROM generate_series(1, ${p.users}) n OFFSET 0) u`;
}

function conversationsSql(p: Plan): string {
  return `
    INSERT INTO conversation (id, external_id, created_at)
    SELECT pg_temp.vid(k), 'c_' || k::text, to_timestamp(pg_temp.ccreated(k) - 172800) FROM generate_series(1, ${p.conversations}) k`;
}

function participantsSql(p: Plan): string {
  return `
    INSERT INTO conversation_participant (conversation_id, user_id)
    SELECT pg_temp.vid(k), pg_temp.uid(pg_temp.pe(k)) FROM generate_series(1, ${p.conversations}) k
    UNION ALL SELECT pg_temp.vid(k), pg_temp.uid(pg_temp.px(k)) FROM generate_series(1, ${p.conversations}) k
    UNION ALL SELECT pg_temp.vid(k), pg_temp.uid(pg_temp.pe3(k)) FROM generate_series(1, ${p.conversations}) k WHERE pg_temp.has3(k)`;
}

/** Conversation k's messages m_k_1 … m_k_n (2 to 20), alternating authors, the last ones just before the first report. */
function messagesRows(p: Plan, select: string): string {
  return `
    SELECT ${select}
      FROM (SELECT k, pg_temp.nk(k) AS n, pg_temp.ccreated(k) AS opened, pg_temp.pe(k) AS a, pg_temp.px(k) AS b,
                   CASE WHEN pg_temp.has3(k) THEN pg_temp.pe3(k) END AS c
              FROM generate_series(1, ${p.conversations}) k OFFSET 0) v
      CROSS JOIN LATERAL generate_series(1, v.n) s`;
}

function messagesSql(p: Plan): string {
  return `
    INSERT INTO message (id, conversation_id, external_id, author_id, sent_at)
    ${messagesRows(
      p,
      `pg_temp.mid(k, s), pg_temp.vid(k), 'm_' || k::text || '_' || s::text,
       pg_temp.uid(CASE WHEN s % 2 = 1 THEN a WHEN c IS NOT NULL AND s % 5 = 0 THEN c ELSE b END),
       to_timestamp(opened - 600 - (n - s) * 2220)`,
    )}`;
}

function bodiesSql(p: Plan): string {
  const u1 = `pg_temp.r(k * 64 + s, 45)`;
  const u2 = `pg_temp.r(k * 64 + s, 46)`;
  return `
    INSERT INTO message_body (message_id, body)
    ${messagesRows(
      p,
      `pg_temp.mid(k, s),
       ${pickFrom(BODIES, MESSAGES.length, u1)} || CASE WHEN ${u2} < 0.3 THEN ' ' || ${pickFrom(BODIES, MESSAGES.length, u2)} ELSE '' END`,
    )}`;
}

/**
 * Reports r_1 … r_R: the first C open one case each; the others join cases picked with a skew
 * (some cases gather many reports). Each is timed within its case's life; the timeline gets
 * `case_opened` / `report_added` events as intake writes them.
 */
function reportsSql(p: Plan): string {
  const pick = `1 + ((floor(${p.cases} * pg_temp.r(j, 50) ^ 2)::bigint * 2654435761) % ${p.cases})`;
  return `
    WITH src AS (
      SELECT j, i, k, pg_temp.ccreated(i) AS opened, pg_temp.clast(i) AS last, pg_temp.nk(k) AS n,
             pg_temp.r(j, 51) < 0.2 AS reverse, pg_temp.has3(k) AND pg_temp.r(j, 52) < 0.5 AS third
        FROM (SELECT j, i, pg_temp.conv(i) AS k
                FROM (SELECT j, CASE WHEN j <= ${p.cases} THEN j ELSE ${pick} END AS i
                        FROM generate_series(1, ${p.reports}) j OFFSET 0) a OFFSET 0) b),
    inserted AS (
      INSERT INTO report (id, external_id, case_id, conversation_id, reporter_id, reported_id, category, comment,
                          reported_message_ids, reported_at, received_at)
      SELECT pg_temp.rid(j), 'r_' || j::text, pg_temp.cid(i), pg_temp.vid(k),
             pg_temp.uid(CASE WHEN third THEN pg_temp.pe3(k) WHEN reverse THEN pg_temp.px(k) ELSE pg_temp.pe(k) END),
             pg_temp.uid(CASE WHEN reverse AND NOT third THEN pg_temp.pe(k) ELSE pg_temp.px(k) END),
             ${categorySql('pg_temp.r(j, 53)')},
             CASE WHEN pg_temp.r(j, 54) < 0.4 THEN ${pickFrom(COMMENT_TEXTS, COMMENTS.length, 'pg_temp.r(j, 57)')} END,
             ARRAY['m_' || k::text || '_' || (n - floor(pg_temp.r(j, 55) * least(3, n))::bigint)::text],
             to_timestamp(CASE WHEN j <= ${p.cases} THEN opened ELSE opened + (last - opened) * pg_temp.r(j, 56) END),
             to_timestamp(CASE WHEN j <= ${p.cases} THEN opened ELSE opened + (last - opened) * pg_temp.r(j, 56) END + 2)
        FROM src
      RETURNING id, case_id, category, received_at, external_id)
    INSERT INTO case_event (case_id, at, type, data)
    SELECT case_id, received_at, CASE WHEN substr(external_id, 3)::bigint <= ${p.cases} THEN 'case_opened' ELSE 'report_added' END,
           jsonb_build_object('reportId', id, 'category', category,
                              'newMessages', CASE WHEN substr(external_id, 3)::bigint <= ${p.cases} THEN 8 ELSE 1 END)
      FROM inserted`;
}

/**
 * Cases c_1 … c_C, priority and categories as intake computes them from their reports. Status: ~82 % closed
 * (with a decision), 9 % open, 6 % in review, the rest actioned or dismissed; open ones are
 * recent, closed ones spread over 4 years so that ~10 % are past the 3-year line; a few of those
 * are under a legal hold.
 */
function casesSql(p: Plan): string {
  const { moderators, leads } = GENERATED_STAFF;
  const expired = `to_timestamp(c.last) < '${p.anchor.toISOString()}'::timestamptz - interval '3 years'`;
  const hold = `(${expired} AND pg_temp.r(c.i, 14) < 0.002)`;
  return `
    INSERT INTO moderation_case (id, conversation_id, status, priority, assignee_id, created_at, last_activity_at, closed_at, close_reason,
                                 legal_hold, legal_hold_reason, legal_hold_by, legal_hold_at, version, categories)
    SELECT pg_temp.cid(c.i), pg_temp.vid(pg_temp.conv(c.i)), c.status, coalesce(p.priority, 0),
           CASE WHEN c.status = 'open' THEN NULL ELSE pg_temp.sid(1 + floor(pg_temp.r(c.i, 13) * ${moderators})::bigint) END,
           to_timestamp(c.opened), to_timestamp(c.last), CASE WHEN c.status = 'closed' THEN to_timestamp(c.last) END,
           CASE WHEN c.status = 'closed' THEN 'resolved' END,
           ${hold}, CASE WHEN ${hold} THEN 'Réquisition judiciaire en cours (bench)' END,
           CASE WHEN ${hold} THEN pg_temp.sid(${moderators + 1} + floor(pg_temp.r(c.i, 16) * ${leads})::bigint) END,
           CASE WHEN ${hold} THEN to_timestamp(c.last) + interval '30 days' END,
           1 + floor(pg_temp.r(c.i, 15) * 4)::int, coalesce(p.categories, '{}')
      FROM (SELECT i, pg_temp.cstatus(i) AS status, pg_temp.ccreated(i) AS opened, pg_temp.clast(i) AS last
              FROM generate_series(1, ${p.cases}) i OFFSET 0) c
      LEFT JOIN (SELECT case_id, max(${SEVERITY_SQL}) + 25 * (count(DISTINCT reporter_id) - 1) AS priority,
                        array_agg(DISTINCT category ORDER BY category) AS categories
                   FROM report GROUP BY case_id) p ON p.case_id = pg_temp.cid(c.i)`;
}

function caseEventsSql(): string {
  return `
    INSERT INTO case_event (case_id, at, type, actor_staff_id, data)
    SELECT id, created_at + interval '1 hour', 'claimed', assignee_id, '{}'::jsonb FROM moderation_case WHERE assignee_id IS NOT NULL
    UNION ALL
    SELECT id, closed_at, 'closed', assignee_id, jsonb_build_object('from', 'actioned', 'reason', NULL) FROM moderation_case WHERE status = 'closed'`;
}

function decisionsSql(): string {
  return `
    INSERT INTO decision (case_id, action, policy_clause, facts, ground, automated, redress, duration_days, state, decided_by, decided_at)
    SELECT id, a.action, 'CGU 4.2', 'Propos relevés dans la conversation signalée, confirmés par la lecture du contexte.',
           'Conditions générales d’utilisation, article 4.2', false, 'Recours interne sous 6 mois, puis médiation.',
           CASE WHEN a.action = 'suspension' THEN 30 END, 'effective', assignee_id, last_activity_at - interval '1 hour'
      FROM moderation_case c
      CROSS JOIN LATERAL (SELECT CASE WHEN c.status = 'dismissed' THEN 'no_violation'
                                      ELSE (ARRAY['no_violation', 'no_violation', 'warning', 'warning', 'content_removal', 'suspension', 'ban'])[1 + floor(random() * 7)::int]
                                 END AS action) a
     WHERE c.status IN ('actioned', 'dismissed', 'closed')`;
}

function notesSql(): string {
  return `
    INSERT INTO case_note (case_id, author_id, text, created_at)
    SELECT id, assignee_id, 'Échange avec le signalant : il confirme les messages et souhaite une réponse rapide.', created_at + interval '2 hours'
      FROM moderation_case WHERE assignee_id IS NOT NULL AND random() < 0.1`;
}

function intakeRequestsSql(): string {
  return `
    INSERT INTO intake_request (idempotency_key, body_sha256, status_code, response, received_at)
    SELECT external_id, md5(external_id) || md5(id::text), 202, jsonb_build_object('reportId', id, 'caseId', case_id), received_at FROM report`;
}

interface SavedSchema {
  constraints: { table: string; name: string; type: string; definition: string }[];
  indexes: { table: string; name: string; definition: string }[];
}

/** Drops the keys, foreign keys and indexes of the loaded tables (and foreign keys into them), keeping their definitions. */
async function dropKeysAndIndexes(pool: Pool): Promise<SavedSchema> {
  const saved = await describeSchema(pool);
  for (const c of saved.constraints.filter((c) => c.type === 'f')) await pool.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const c of saved.constraints.filter((c) => c.type !== 'f')) await pool.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const i of saved.indexes) await pool.query(`DROP INDEX "${i.name}"`);
  return saved;
}

async function describeSchema(pool: Pool | PoolClient): Promise<SavedSchema> {
  const { rows: constraints } = await pool.query<{ table: string; name: string; type: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f')
        AND (conrelid::regclass::text = ANY ($1) OR (contype = 'f' AND confrelid::regclass::text = ANY ($1)))
      ORDER BY 1, 2`,
    [LOADED_TABLES],
  );
  const { rows: indexes } = await pool.query<{ table: string; name: string; definition: string }>(
    `SELECT i.indrelid::regclass::text AS table, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid::regclass::text = ANY ($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u'))
      ORDER BY 1, 2`,
    [LOADED_TABLES],
  );
  return { constraints, indexes };
}

/**
 * Rebuilds what `dropKeysAndIndexes` took, for the tables `which` selects, on two connections:
 * primary keys and unique constraints, then the other indexes, then the foreign keys (added
 * NOT VALID, then validated, as PostgreSQL would have checked them row by row).
 */
async function restore(pool: Pool, saved: SavedSchema, which: (table: string) => boolean): Promise<void> {
  const keys = saved.constraints.filter((c) => c.type !== 'f' && which(c.table));
  const foreign = saved.constraints.filter((c) => c.type === 'f' && which(c.table));
  await parallel(pool, keys.map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition}`));
  await parallel(pool, saved.indexes.filter((i) => which(i.table)).map((i) => i.definition));
  for (const c of foreign) await pool.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition} NOT VALID`);
  await parallel(pool, foreign.map((c) => `ALTER TABLE ${c.table} VALIDATE CONSTRAINT "${c.name}"`));
}

/** Runs statements on the pool's connections (largest tables' first, as listed), two at a time. */
async function parallel(pool: Pool, statements: string[]): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    [0, 1].map(async () => {
      const client = await pool.connect();
      try {
        await client.query(`SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 1`);
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) await client.query(next);
      } finally {
        client.release();
      }
    }),
  );
}

async function checkSchema(pool: Pool, saved: SavedSchema): Promise<void> {
  const now = await describeSchema(pool);
  const key = (s: SavedSchema) => JSON.stringify(s);
  if (key(now) !== key(saved)) throw new Error('the rebuilt keys and indexes differ from the migrations’ own: the generator has a bug');
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE NOT convalidated AND contype = 'f'`);
  if (rows[0].n > 0) throw new Error(`${rows[0].n} foreign keys were left unvalidated`);
}

async function vacuumAnalyze(pool: Pool): Promise<void> {
  await parallel(pool, [...LOADED_TABLES, 'staff_user'].map((t) => `VACUUM (ANALYZE) ${t}`));
}

async function countRows(pool: Pool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...LOADED_TABLES, 'staff_user']) {
    counts[table] = Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  const { rows } = await pool.query<{ open: string; expired: string; held: string }>(
    `SELECT count(*) FILTER (WHERE status IN ('open', 'in_review')) AS open,
            count(*) FILTER (WHERE last_activity_at < now() - interval '3 years' AND NOT legal_hold) AS expired,
            count(*) FILTER (WHERE legal_hold) AS held
       FROM moderation_case`,
  );
  counts['cases open or in review'] = Number(rows[0].open);
  counts['cases past the 3-year line (not held)'] = Number(rows[0].expired);
  counts['cases under a legal hold'] = Number(rows[0].held);
  return counts;
}
