import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appPool, cloneDatabase, databaseUrl, dropDatabase, ensureApiLogin, resolveServer, type Server } from './database';
import { datasetName, type DatasetInfo, ensureDataset, staffIdSql } from './generate';
import { HttpClient, signIn, type StaffSession } from './http';
import { log } from './log';
import { type BenchOptions, parseOptions, type ScenarioName, USAGE, UsageError } from './options';
import { API_CLI, API_MAIN, loadChain, productEnv, type ProductEnv, runCli, startApi } from './product';
import { describeMachine, type Results, scenarioTable, writeJson, writeMarkdown } from './report';
import { exportScenario } from './scenarios/export';
import { gateScenario } from './scenarios/gate';
import { intakeScenario } from './scenarios/intake';
import { queueScenario } from './scenarios/queue';
import { retentionScenario } from './scenarios/retention';
import { uiScenario, uiUnavailable } from './scenarios/ui';
import { verifyScenario } from './scenarios/verify';
import type { Context, ScenarioResult } from './types';

const TITLES: Record<ScenarioName, string> = {
  intake: 'Signed intake',
  queue: 'Queue page',
  gate: 'Gate',
  retention: 'Retention sweep',
  verify: 'Register verification',
  export: 'Register export (CSV)',
  ui: 'Backoffice (Chromium)',
};
/** The order of the report (the issue's), whatever the order they ran in. */
const REPORT_ORDER: ScenarioName[] = ['intake', 'queue', 'gate', 'retention', 'verify', 'export', 'ui'];

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      if ((error as Error).message) process.stderr.write(`bench: ${(error as Error).message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  for (const artifact of [API_MAIN, API_CLI]) {
    if (!existsSync(artifact)) throw new Error(`${artifact} is missing: run through \`npm run bench\`, which builds the API and the backoffice first.`);
  }
  const startedAt = new Date();
  const server = await resolveServer();
  const product = productEnv(await ensureApiLogin(server));
  const results: ScenarioResult[] = [];
  let dataset: DatasetInfo | null = null;
  try {
    log(`PostgreSQL: ${server.kind} (${server.version.split(' on ')[0]}); scale ${options.scale.name}, ${options.repetitions} repetition(s)`);
    const machine = await describeMachine(server);
    dataset = await ensureDataset(server, options.scale, product, options.regenerate);
    if (options.generateOnly) {
      log(`generation: ${dataset.generationSeconds.toFixed(1)} s; phases ${JSON.stringify(dataset.phases)}`);
      log(`counts: ${JSON.stringify(dataset.counts)}`);
      return 0;
    }

    const run = async (name: ScenarioName, work: () => Promise<ScenarioResult>) => {
      if (!options.only.includes(name)) return;
      log(`scenario ${name}`);
      const t = Date.now();
      try {
        results.push(await work());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`scenario ${name} FAILED: ${message}`);
        results.push({ key: name, title: TITLES[name], method: '', measures: [], notes: [`Failed: ${message.split('\n')[0]}`], status: 'FAILED', details: { error: message }, seconds: (Date.now() - t) / 1000 });
      }
    };

    // Retention works on copies of the pristine dataset; it runs while nothing else is connected to it.
    await run('retention', () => retentionScenario(server, dataset as DatasetInfo, options, product));

    const others = options.only.filter((s) => s !== 'retention');
    if (others.length > 0) await onRunCopy(server, dataset, options, product, run);

    const finishedAt = new Date();
    const ordered = REPORT_ORDER.map((key) => results.find((r) => r.key === key)).filter((r): r is ScenarioResult => r !== undefined);
    const report: Results = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      wallSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      scale: options.scale,
      repetitions: options.repetitions,
      only: options.only,
      machine,
      dataset,
      scenarios: ordered,
    };
    const json = writeJson(report);
    if (!options.noMarkdown) writeMarkdown(report);
    process.stdout.write(`\n${ordered.map((s, i) => `## ${i + 1}. ${s.title} — ${s.status}\n\n${scenarioTable(s)}\n${s.notes.map((n) => `- ${n}`).join('\n')}`).join('\n\n')}\n\n`);
    log(`results: ${json}${options.noMarkdown ? '' : ' and BENCHMARKS.md'}; ${(report.wallSeconds / 60).toFixed(1)} min in all`);
    return ordered.some((s) => s.status === 'FAILED') ? 1 : 0;
  } finally {
    product.dispose();
    await server.stop();
  }
}

/**
 * The scenarios that need the running API, on a copy of the dataset made for this run (intake and
 * the gate write to it), with three staff accounts created by the CLI and signed in over HTTP.
 */
async function onRunCopy(
  server: Server,
  dataset: DatasetInfo,
  options: BenchOptions,
  product: ProductEnv,
  run: (name: ScenarioName, work: () => Promise<ScenarioResult>) => Promise<void>,
): Promise<void> {
  const name = `${datasetName(options.scale)}_run`;
  log(`copying ${dataset.database} to ${name}`);
  const seconds = await cloneDatabase(server, dataset.database, name);
  log(`  copied in ${seconds.toFixed(1)} s`);
  const runUrl = databaseUrl(server, name);
  const env = product.env(runUrl);
  const accounts = {
    moderator: { email: 'bench-moderator@example.org', name: 'Bench Moderator', roles: 'moderator' },
    lead: { email: 'bench-lead@example.org', name: 'Bench Lead', roles: 'lead' },
    dpo: { email: 'bench-dpo@example.org', name: 'Bench DPO', roles: 'dpo' },
  };
  const passwords: Record<string, string> = {};
  for (const [role, account] of Object.entries(accounts)) {
    passwords[role] = `bench-${randomBytes(12).toString('hex')}`;
    await runCli(['staff:create', '--email', account.email, '--name', account.name, '--roles', account.roles], env, `${passwords[role]}\n`);
  }
  // "Mine" means something: the bench moderator takes over the cases of one generated moderator.
  const pool = appPool(runUrl, 1);
  try {
    await pool.query(
      `UPDATE moderation_case SET assignee_id = (SELECT id FROM staff_user WHERE email = $1) WHERE assignee_id = ${staffIdSql(1)}`,
      [accounts.moderator.email],
    );
  } finally {
    await pool.end();
  }
  const api = await startApi(env);
  const http = new HttpClient(api.baseUrl, 8);
  try {
    const session = async (role: keyof typeof accounts): Promise<StaffSession> => signIn(http, accounts[role].email, passwords[role]);
    const ctx: Context = {
      options,
      server,
      dataset,
      runUrl,
      product,
      api,
      http,
      staff: { moderator: await session('moderator'), lead: await session('lead'), dpo: await session('dpo') },
      chain: await loadChain(),
    };
    await run('queue', () => queueScenario(ctx));
    if (options.only.includes('ui')) {
      const why = uiUnavailable();
      if (why) await run('ui', () => Promise.reject(new Error(why)));
      else await run('ui', () => uiScenario(ctx));
    }
    await run('gate', () => gateScenario(ctx));
    // Intake before the register's full reads: verification and export stream 11 GB through the
    // page cache and leave intake's indexes cold, which made its first level swing 97–489 reports/s.
    await run('intake', () => intakeScenario(ctx));
    await run('verify', () => verifyScenario(ctx));
    await run('export', () => exportScenario(ctx));
  } finally {
    http.close();
    await api.stop();
    await dropDatabase(server, name);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
