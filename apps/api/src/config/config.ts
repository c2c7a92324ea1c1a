import { resolve } from 'node:path';
import { STAFF_ROLES } from '@vigie/contracts';
import { z } from 'zod';

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

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
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
  /** Roles whose holders must use TOTP; set to an empty value to require it of nobody. */
  MFA_REQUIRED_ROLES: roleList.default(['dpo', 'admin']),
})
  .refine((c) => c.NODE_ENV !== 'production' || c.DATABASE_URL !== undefined, {
    path: ['DATABASE_URL'],
    message: 'is required in production (the embedded PostgreSQL is for development and demos)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.INTAKE_HMAC_SECRETS !== undefined, {
    path: ['INTAKE_HMAC_SECRETS'],
    message: 'is required in production (elsewhere a secret is generated under DATA_DIR)',
  });

const EMPTY_IS_A_VALUE = new Set(['MFA_REQUIRED_ROLES']);

export type AppConfig = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration once; the only place that reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables count as unset, as shells and compose files often leave them so — except
  // where an empty list is a meaningful choice.
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, v]) => v !== undefined && (v !== '' || EMPTY_IS_A_VALUE.has(key))),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
