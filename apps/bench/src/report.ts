import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Server } from './database';
import { withAdmin } from './database';
import type { DatasetInfo } from './generate';
import type { BenchOptions } from './options';
import { REPO_ROOT } from './product';
import type { Measure, ScenarioResult } from './types';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  database: string;
}

export interface Results {
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  command: string;
  scale: BenchOptions['scale'];
  repetitions: number;
  only: string[];
  machine: Machine;
  dataset: DatasetInfo | null;
  scenarios: ScenarioResult[];
}

export async function describeMachine(server: Server): Promise<Machine> {
  const settings = await withAdmin(server, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_connections', 'synchronous_commit', 'effective_cache_size', 'max_wal_size')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.unit === '8kB' ? `${(Number(r.setting) * 8) / 1024} MB` : `${r.setting}${r.unit ?? ''}`]));
  });
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `Linux ${release()}`,
    node: process.version,
    postgres: server.version.split(' on ')[0],
    postgresSettings: settings,
    database: server.kind,
  };
}

export function writeJson(results: Results): string {
  const dir = join(REPO_ROOT, 'apps/bench/results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

export function writeMarkdown(results: Results): string {
  const path = join(REPO_ROOT, 'BENCHMARKS.md');
  writeFileSync(path, markdown(results));
  return path;
}

const fmtRatio = (m: Measure) => (m.ratio === null || !Number.isFinite(m.ratio) ? '—' : `${m.ratio >= 10 ? m.ratio.toFixed(0) : m.ratio.toFixed(2)}×`);
const fmtValue = (text: string | undefined, value: number | null, unit: string) => text ?? (value === null ? '—' : `${value.toFixed(1)} ${unit}`);
const fmtResult = (m: Measure) => (m.pass === null ? '—' : m.pass ? 'PASS' : '**MISS**');

export function scenarioTable(s: ScenarioResult): string {
  const lines = [
    '| Measure | Ours | Baseline | Ratio | Target | Result |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...s.measures.map((m) => `| ${m.label} | ${fmtValue(m.oursText, m.ours, m.unit)} | ${fmtValue(m.baselineText, m.baseline, m.unit)} | ${fmtRatio(m)} | ${m.target} | ${fmtResult(m)} |`),
  ];
  return lines.join('\n');
}

function statusCell(s: ScenarioResult): string {
  return s.status === 'PASS' ? 'PASS' : `**${s.status}**`;
}

export function markdown(r: Results): string {
  const at = new Date(r.startedAt);
  const d = r.dataset;
  const count = (key: string) => (d?.counts[key] ?? 0).toLocaleString('en');
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(
    `Written by \`${r.command}\` on ${at.toISOString().slice(0, 10)} at ${at.toISOString().slice(11, 16)} UTC (${(r.wallSeconds / 60).toFixed(1)} min in all). ` +
      'The command rewrites this file; see `apps/bench/README.md` for what each scenario does.',
    '',
  );
  out.push(
    'Each hot path of the built product (`node apps/api/dist/main.js`, production settings) is measured against a **baseline**: ' +
      'plain PostgreSQL doing the same database work — the same statements, rows and transactions, from a small `pg` script with no code of ours. ' +
      `The ratio says how close our path comes to the database underneath. Figures are medians of ${r.repetitions} repetition${r.repetitions > 1 ? 's' : ''}.`,
    '',
  );
  if (r.only.length < 7) out.push(`Only these scenarios ran: ${r.only.join(', ')}.`, '');
  out.push('## Machine', '');
  out.push('| | |', '| --- | --- |');
  out.push(`| CPU | ${r.machine.cpu}, ${r.machine.cores} cores |`);
  out.push(`| Memory | ${r.machine.memoryGiB.toFixed(1)} GiB |`);
  out.push(`| OS | ${r.machine.os} |`);
  out.push(`| Node.js | ${r.machine.node} |`);
  out.push(`| PostgreSQL | ${r.machine.postgres} (${r.machine.database}); ${Object.entries(r.machine.postgresSettings).map(([k, v]) => `${k} ${v}`).join(', ')} |`);
  out.push('', 'The API, PostgreSQL, the load generator and (for the UI) Chromium share these cores, as they would on a small server.', '');
  out.push('## Dataset', '');
  if (d) {
    out.push(
      `Scale **${r.scale.name}**: ${count('moderation_case')} cases (${count('cases open or in review')} open or in review, ${count('cases past the 3-year line (not held)')} past the 3-year retention line), ` +
        `${count('report')} reports, ${count('access_log')} register entries, ${count('platform_user')} platform users, ${count('conversation')} conversations with ${count('message')} messages; ` +
        `${(d.sizeBytes / 2 ** 30).toFixed(1)} GiB. ` +
        (d.reused
          ? `Reused from an earlier run (generated ${d.generatedAt.slice(0, 10)} in ${(d.generationSeconds / 60).toFixed(1)} min).`
          : `Generated by this run in ${(d.generationSeconds / 60).toFixed(1)} min.`),
      '',
    );
  }
  out.push('## Summary', '');
  out.push('| Scenario | Result |', '| --- | --- |');
  r.scenarios.forEach((s, i) => out.push(`| ${i + 1}. ${s.title} | ${statusCell(s)} |`));
  out.push('');
  r.scenarios.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.title} — ${statusCell(s)}`, '', s.method, '', scenarioTable(s), '');
    for (const note of s.notes) out.push(`- ${note}`);
    if (s.notes.length) out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}
