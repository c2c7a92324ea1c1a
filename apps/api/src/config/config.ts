import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STAFF_ROLES } from '@vigie/contracts';
import { z } from 'zod';
import { parseWorkingHours } from './working-hours';

/** The repository root, two levels above `apps/api/dist` (or `apps/api/src` under jest). */
export const REPO_ROOT = resolve(__dirname, '../../../..');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const roleList = z
  .string()
  .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(z.enum(STAFF_ROLES)));

/** `Mon-Fri 08:00-20:00 Europe/Paris`: days, hours, an IANA time zone. */
const workingHours = z
  .string()
  .transform((v, ctx) => {
    const parsed = parseWorkingHours(v);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * The database role the API works as once connected (`SET ROLE`): the migrations give it
   * everything the API needs and deny what it must not do (change the access register, read
   * message bodies outside the gate). Set to an empty value to work as the login role itself.
   */
  DATABASE_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]*)?$/, 'must be a plain role name')
    .default('vigie_app')
    .transform((v) => (v === '' ? null : v)),
  /** Migrations run with this URL (the schema owner) when the API logs in as a restricted role. */
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, '.data')),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  UI_DIST_DIR: z.string().min(1).default(resolve(REPO_ROOT, 'apps/backoffice/dist')),
  TRUST_PROXY: booleanFlag.default(false),
  /** Send the session cookie with `Secure` (behind HTTPS). */
  COOKIE_SECURE: booleanFlag.default(false),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** HMAC secrets the platform signs intake requests with; two during a rotation. */
  INTAKE_HMAC_SECRETS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(16, 'each secret needs at least 16 characters')).min(1).max(2))
    .optional(),
  /** Intake requests one client address may make per minute (per API instance); more get a 429. */
  INTAKE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  /** Roles whose holders must use TOTP; set to an empty value to require it of nobody (a demo). */
  MFA_REQUIRED_ROLES: roleList.default(['moderator', 'lead', 'dpo', 'admin']),
  /** How long a step-up (password or code confirmed again; a sign-in counts) lets its session open conversations. */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** How long an access grant lets its holder read the conversation. */
  GATE_GRANT_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  /** Messages shown on each side of a reported message in a grant's default scope. */
  GATE_CONTEXT_MESSAGES: z.coerce.number().int().min(0).max(500).default(10),
  /** The Ed25519 private key (PKCS#8 PEM) that signs register checkpoints; generated under DATA_DIR outside production. */
  REGISTER_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** Where decisions and appeal outcomes are POSTed to the platform; unset: they wait in the outbox. */
  PLATFORM_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** The HMAC secret webhook deliveries are signed with (not the intake secret). */
  PLATFORM_WEBHOOK_SECRET: z.string().min(16, 'needs at least 16 characters').optional(),
  /** First retry delay after a failed delivery; it doubles with each attempt, up to an hour. */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
  /** How often the outbox is looked at; 0: never (tests drive it by hand). */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** How long data is kept after a case's last activity (ISO 8601 duration of years, months, weeks, days). */
  RETENTION_PERIOD: z
    .string()
    .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'must be an ISO 8601 duration such as P3Y, P18M or P2Y6M')
    .default('P3Y'),
  /** How long the staff journal keeps an entry's personal fields (actor, subject, address, browser, details); the retention run blanks older ones. */
  STAFF_JOURNAL_RETENTION: z
    .string()
    .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'must be an ISO 8601 duration such as P5Y or P18M')
    .default('P5Y'),
  /** Hours between scheduled retention runs; 0: runs on demand only. */
  RETENTION_SCHEDULE_HOURS: z.coerce.number().min(0).max(24 * 31).default(24),
  /** Cases per retention batch (one transaction each). */
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Who decides why and how the data is processed: named in the record of processing and in each person's access report. */
  CONTROLLER_NAME: z.string().trim().min(1).max(200).default('Plateforme de démonstration'),
  /** How to reach the controller (postal address, e-mail). */
  CONTROLLER_CONTACT: z.string().trim().min(1).max(500).default('contact@example.org'),
  /** How to reach the data protection officer: people are told to write here. */
  DPO_CONTACT: z.string().trim().min(1).max(500).default('dpo@example.org'),
  /** How often the head of the register is signed; 0 turns the schedule off (on demand only). */
  REGISTER_CHECKPOINT_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 31).default(24),
  /** A checkpoint is also signed once this many entries were appended since the last one (whichever comes first); 0: by time only. */
  REGISTER_CHECKPOINT_EVERY_ENTRIES: z.coerce.number().int().min(0).max(100_000_000).default(10_000),
  /** How often the register (and the staff journal) is verified on its own; a broken chain raises an alert for the DPO. 0: on demand only. */
  REGISTER_VERIFY_SCHEDULE_HOURS: z.coerce.number().min(0).max(24 * 31).default(24),
  /** Where the latest signed checkpoint is also kept as a file, shared by every instance; default: the signing key's folder. */
  CHECKPOINT_DIR: z.string().min(1).optional(),
  /** How often the register's new entries are checked against the alert rules; 0: never (tests evaluate by hand). */
  ALERT_EVALUATION_SECONDS: z.coerce.number().int().min(0).max(60).default(15),
  /** Openings by one member of staff in a rolling hour above which an alert is raised. */
  ALERT_OPENINGS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Openings in a rolling hour above this multiple of one's own 30-day hourly median raise an alert too… */
  ALERT_MEDIAN_FACTOR: z.coerce.number().min(1).max(100).default(3),
  /** …when they are at least this many. */
  ALERT_MEDIAN_MINIMUM: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Uses of the same justification (normalised) by one person in 24 hours that raise an alert. */
  ALERT_SAME_JUSTIFICATION_PER_DAY: z.coerce.number().int().min(2).max(10_000).default(5),
  /** Openings outside these hours raise an alert, e.g. `Mon-Fri 08:00-20:00 Europe/Paris`; unset: off. */
  ALERT_WORKING_HOURS: workingHours.optional(),
  /** Refused attempts (step-up requests excluded) by one person in ALERT_DENIALS_MINUTES that raise an alert. */
  ALERT_DENIALS: z.coerce.number().int().min(1).max(10_000).default(3),
  ALERT_DENIALS_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** Cases in which one person opened the same platform user's conversations within ALERT_SAME_PERSON_DAYS that raise an alert. */
  ALERT_SAME_PERSON_CASES: z.coerce.number().int().min(2).max(1000).default(3),
  ALERT_SAME_PERSON_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  /** Openings (over the last 30 days) from which the share of whole-conversation openings is judged… */
  ALERT_WIDENING_MIN_OPENINGS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** …and the share above which it raises an alert. */
  ALERT_WIDENING_SHARE: z.coerce.number().min(0).max(1).default(0.5),
  /** Where each new alert is POSTed, signed like the platform webhook; unset: alerts stay in Vigie. */
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** The HMAC secret alert deliveries are signed with (not the platform's); generated under DATA_DIR outside production. */
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'needs at least 16 characters').optional(),
})
  .refine((c) => c.NODE_ENV !== 'production' || c.DATABASE_URL !== undefined, {
    path: ['DATABASE_URL'],
    message: 'is required in production (the embedded PostgreSQL is for development and demos)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.INTAKE_HMAC_SECRETS !== undefined, {
    path: ['INTAKE_HMAC_SECRETS'],
    message: 'is required in production (elsewhere a secret is generated under DATA_DIR)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || !c.PLATFORM_WEBHOOK_URL || c.PLATFORM_WEBHOOK_SECRET !== undefined, {
    path: ['PLATFORM_WEBHOOK_SECRET'],
    message: 'is required in production when PLATFORM_WEBHOOK_URL is set',
  })
  .refine((c) => c.NODE_ENV !== 'production' || !c.ALERT_WEBHOOK_URL || c.ALERT_WEBHOOK_SECRET !== undefined, {
    path: ['ALERT_WEBHOOK_SECRET'],
    message: 'is required in production when ALERT_WEBHOOK_URL is set',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.REGISTER_SIGNING_KEY_FILE !== undefined, {
    path: ['REGISTER_SIGNING_KEY_FILE'],
    message: 'is required in production (elsewhere a key is generated under DATA_DIR)',
  });

const EMPTY_IS_A_VALUE = new Set(['MFA_REQUIRED_ROLES', 'DATABASE_ROLE']);

export type AppConfig = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Secrets that may also be given as a file, `<NAME>_FILE` (a container's secrets volume, Docker
 * or Kubernetes secrets): the value never sits in the environment a `docker inspect` shows.
 */
const FROM_FILE = ['INTAKE_HMAC_SECRETS', 'PLATFORM_WEBHOOK_SECRET', 'ALERT_WEBHOOK_SECRET'] as const;

/** `<NAME>_FILE` read into `<NAME>`; problems named as the schema names them. */
function readSecretFiles(present: Record<string, string>, problems: string[]): Record<string, string> {
  const read = { ...present };
  for (const name of FROM_FILE) {
    const file = present[`${name}_FILE`];
    delete read[`${name}_FILE`];
    if (file === undefined) continue;
    if (present[name] !== undefined) {
      problems.push(`${name}_FILE: set ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      read[name] = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return read;
}

/** Reads and validates the configuration once; the only place that reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables count as unset, as shells and compose files often leave them so — except
  // where an empty list is a meaningful choice.
  const present = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && (entry[1] !== '' || EMPTY_IS_A_VALUE.has(entry[0]))),
  );
  const problems: string[] = [];
  const parsed = schema.safeParse(readSecretFiles(present, problems));
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return Object.freeze(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
