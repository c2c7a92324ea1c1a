import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createStaffWithPasswordSchema, type SignedCheckpoint, type StaffRole, STAFF_ROLES } from '@vigie/contracts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { parseArgs } from 'node:util';
import { AppModule } from './app.module';
import { initSecrets } from './cli/init-secrets';
import { readSecret } from './cli/read-secret';
import { ConfigError, loadConfig } from './config/config';
import { type Database, openDatabase } from './database/database-url';
import { seedDemoReports } from './demo/demo-reports';
import { IntakeService } from './intake/intake.service';
import { parseCheckpoint } from './register/checkpoint-file';
import { RegisterService } from './register/register.service';
import { RetentionService } from './retention/retention.service';
import { StaffService } from './staff/staff.service';

/**
 * `npm run cli -- <command> [options]`: the operations staff run from a terminal. Against
 * `DATABASE_URL`, or the embedded server (shared with a running API if there is one).
 */
interface Command {
  summary: string;
  run(args: string[]): Promise<void>;
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations.',
    async run(args) {
      parseArgs({ args, options: {}, strict: true });
      await withDatabase(async ({ applied }) => {
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
      });
    },
  },
  'secrets:init': {
    summary: 'Create the secrets production needs in --dir D (signing key, intake and webhook secrets); never replaces one.',
    async run(args) {
      const { dir } = options(args, ['dir']);
      for (const secret of initSecrets(dir)) {
        process.stdout.write(`${secret.created ? 'Created' : 'Kept   '} ${secret.file}  (${secret.setting})\n`);
      }
    },
  },
  'demo:seed': {
    summary: 'Send the demo reports (French conversations over four years) through intake; idempotent.',
    async run(args) {
      parseArgs({ args, options: {}, strict: true });
      await withApp(async (context) => {
        const stored = await seedDemoReports(context.get(IntakeService), new Date());
        process.stdout.write(`${stored} demo reports stored through intake (those already present are skipped).\n`);
      });
    },
  },
  'staff:create': {
    summary: 'Create a staff account: --email E --name N --roles moderator,lead (password on stdin).',
    async run(args) {
      const { email, name, roles } = options(args, ['email', 'name', 'roles']);
      const password = await readSecret('Password: ');
      await withStaff(async (staff) => {
        const account = await staff.createByOperator(validated(createStaffWithPasswordSchema, { email, name, roles: parseRoles(roles), password }));
        process.stdout.write(`Created ${account.email} (${account.roles.join(', ')}), id ${account.id}.\n`);
      });
    },
  },
  'staff:disable': {
    summary: 'Disable an account and close its sessions: --email E.',
    async run(args) {
      const { email } = options(args, ['email']);
      await withStaff(async (staff) => {
        await staff.update(await staff.findIdByEmail(email), { disabled: true }, { id: null });
        process.stdout.write(`Disabled ${email}.\n`);
      });
    },
  },
  'staff:roles': {
    summary: 'Replace the roles of an account: --email E --roles dpo,admin.',
    async run(args) {
      const { email, roles } = options(args, ['email', 'roles']);
      await withStaff(async (staff) => {
        const account = await staff.update(await staff.findIdByEmail(email), { roles: parseRoles(roles) }, { id: null });
        process.stdout.write(`${email} now has: ${account.roles.join(', ')}.\n`);
      });
    },
  },
  'staff:reset-password': {
    summary: 'Set a new password (on stdin) and close the sessions of: --email E.',
    async run(args) {
      const { email } = options(args, ['email']);
      const password = await readSecret('New password: ');
      await withStaff(async (staff) => {
        await staff.resetPassword(await staff.findIdByEmail(email), password, { id: null });
        process.stdout.write(`Password of ${email} reset; its sessions are closed.\n`);
      });
    },
  },
  'retention:run': {
    summary: 'Close and erase the cases inactive for longer than RETENTION_PERIOD now [--dry-run: count only].',
    async run(args) {
      const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, strict: true });
      await withApp(async (context) => {
        const run = await context.get(RetentionService).run({ dryRun: values['dry-run'] === true, trigger: 'cli' });
        process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
        if (run.status !== 'completed') throw new CommandFailed(`the run ended ${run.status}${run.error ? `: ${run.error}` : ''}`);
      });
    },
  },
  'audit:verify': {
    summary: 'Recompute the access register and the staff journal and check their signed checkpoints [--checkpoint FILE]…; exits 1 unless intact.',
    async run(args) {
      const { values } = parseArgs({ args, options: { checkpoint: { type: 'string', multiple: true } }, strict: true });
      const external = (values.checkpoint ?? []).map(readCheckpointFile);
      await withApp(async (context) => {
        const result = await context.get(RegisterService).verify(external);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        if (result.firstBroken) throw new CommandFailed(`the register is NOT intact: entry ${result.firstBroken.sequence} (${result.firstBroken.problem})`);
        const journal = result.journal.firstBroken;
        if (journal) throw new CommandFailed(`the staff journal is NOT intact: entry ${journal.sequence} (${journal.problem})`);
        process.stderr.write(
          `The register is intact: ${result.entriesChecked} entries, ${result.checkpointsChecked} checkpoint(s) checked; the staff journal too: ${result.journal.entriesChecked} entries.\n`,
        );
      });
    },
  },
  'audit:checkpoint': {
    summary: 'Sign the heads of the access register and the staff journal now and print the checkpoint [--out FILE]; keep it outside Vigie.',
    async run(args) {
      const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
      await withApp(async (context) => {
        const signed = await context.get(RegisterService).checkpoint();
        if (!signed) throw new CommandFailed('the register is empty: nothing to sign yet');
        const json = `${JSON.stringify(signed, null, 2)}\n`;
        if (values.out) {
          writeFileSync(values.out, json, { flag: 'wx' });
          process.stderr.write(`Checkpoint at entry ${signed.sequence} written to ${values.out}.\n`);
        } else {
          process.stdout.write(json);
        }
      });
    },
  },
};

/** A checkpoint file as `audit:checkpoint` or the DPO's download wrote it: the same parsing as the API's upload. */
function readCheckpointFile(path: string): SignedCheckpoint {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read checkpoint ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint) throw new UsageError(`${path} is not a signed checkpoint`);
  return checkpoint;
}

function options<K extends string>(args: string[], required: K[]): Record<K, string> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(required.map((k) => [k, { type: 'string' as const }])),
    strict: true,
  });
  const missing = required.filter((k) => typeof values[k] !== 'string' || values[k] === '');
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  return values as Record<K, string>;
}

/** The same schema the HTTP API applies, so that the CLI cannot create what the API would refuse. */
function validated<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
}

function parseRoles(list: string): StaffRole[] {
  const roles = list.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new UsageError(`unknown role(s) ${unknown.join(', ')}; roles are ${STAFF_ROLES.join(', ')}`);
  return roles as StaffRole[];
}

/** The application's own services, on a migrated database, without the HTTP server. */
async function withApp(work: (context: INestApplicationContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  await withDatabase(async ({ url: databaseUrl }) => {
    const context = await NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl }), { logger: false, abortOnError: false });
    try {
      await work(context);
    } finally {
      await context.close();
    }
  });
}

function withStaff(work: (staff: StaffService) => Promise<void>): Promise<void> {
  return withApp((context) => work(context.get(StaffService)));
}

/** The database, migrated (as its owner); `work` gets the API's login, never the embedded superuser's. */
async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase(loadConfig(), { whenRunning: 'share' });
  try {
    await work(database);
  } finally {
    await database.embedded?.stop();
  }
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export class UsageError extends Error {}
/** The command ran and its answer is "no" (exit 1). */
class CommandFailed extends Error {}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: ${message}\n`);
    return error instanceof UsageError || error instanceof ConfigError || isParseArgsError(error) ? 2 : 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
