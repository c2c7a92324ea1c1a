import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { log } from '../log';
import { BACKOFFICE_DIST } from '../product';
import { median } from '../stats';
import type { Context, Measure, ScenarioResult } from '../types';

/**
 * The backoffice in Chromium (headless, playwright-core, /usr/bin/chromium), each repetition in
 * a fresh profile (cold cache): sign in as a moderator, open the queue, and count the JavaScript
 * the browser downloaded until the queue's table shows — gzipped as a server would send it — and
 * the time the queue takes to show its first rows against the dataset.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BUDGET_KB = 400;

interface Journey {
  scripts: { url: string; bytes: number; gzipBytes: number; encoding: string | null }[];
  loginFormMs: number;
  queueMs: number;
  totalMs: number;
}

export function uiUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  if (!existsSync(join(BACKOFFICE_DIST, 'index.html'))) return `${BACKOFFICE_DIST} is not built`;
  return undefined;
}

export async function uiScenario(ctx: Context): Promise<ScenarioResult> {
  const started = Date.now();
  const journeys: Journey[] = [];
  for (let rep = 0; rep < ctx.options.repetitions; rep++) {
    journeys.push(await journey(ctx));
    log(`  ui: repetition ${rep + 1}/${ctx.options.repetitions}: ${(journeys[rep].scripts.reduce((s, x) => s + x.gzipBytes, 0) / 1024).toFixed(0)} KB gzipped JS, queue in ${journeys[rep].queueMs.toFixed(0)} ms`);
  }
  const gz = median(journeys.map((j) => j.scripts.reduce((s, x) => s + x.gzipBytes, 0))) / 1024;
  const raw = median(journeys.map((j) => j.scripts.reduce((s, x) => s + x.bytes, 0))) / 1024;
  const queueMs = median(journeys.map((j) => j.queueMs));
  const dist = distScripts();
  const encodings = [...new Set(journeys.flatMap((j) => j.scripts.map((s) => s.encoding ?? 'identity')))];
  const measures: Measure[] = [
    {
      label: 'JavaScript downloaded, login → queue (gzipped)',
      unit: 'KB',
      ours: gz,
      baseline: null,
      oursText: `${gz.toFixed(0)} KB (${raw.toFixed(0)} KB raw, ${journeys[0].scripts.length} files)`,
      baselineText: '—',
      ratio: null,
      target: `≤ ${BUDGET_KB} KB`,
      pass: gz <= BUDGET_KB,
    },
    {
      label: 'queue table visible after opening the queue',
      unit: 'ms',
      ours: queueMs,
      baseline: null,
      oursText: `${queueMs.toFixed(0)} ms`,
      baselineText: '—',
      ratio: null,
      target: '—',
      pass: null,
    },
    {
      label: 'login page ready, cold cache',
      unit: 'ms',
      ours: median(journeys.map((j) => j.loginFormMs)),
      baseline: null,
      oursText: `${median(journeys.map((j) => j.loginFormMs)).toFixed(0)} ms`,
      baselineText: '—',
      ratio: null,
      target: '—',
      pass: null,
    },
  ];
  return {
    key: 'ui',
    title: 'Backoffice (Chromium)',
    method: 'Headless Chromium, fresh profile each time: the login page, sign-in as a moderator, then the queue (#/cases) until its first row shows. No baseline: the target is a budget.',
    measures,
    notes: [
      `The server sent the scripts with Content-Encoding: ${encodings.join(', ')}; gzip sizes are computed here (zlib level 6) on the bytes received.`,
      `apps/backoffice/dist holds ${dist.files} JavaScript files, ${(dist.gzipBytes / 1024).toFixed(0)} KB gzipped (${(dist.bytes / 1024).toFixed(0)} KB raw) in all.`,
    ],
    status: gz <= BUDGET_KB ? 'PASS' : 'MISS',
    details: { journeys, dist },
    seconds: (Date.now() - started) / 1000,
  };
}

async function journey(ctx: Context): Promise<Journey> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const scripts: Journey['scripts'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then(
          (body) => {
            scripts.push({ url: response.url().replace(ctx.api.baseUrl, ''), bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length, encoding: response.headers()['content-encoding'] ?? null });
          },
          () => undefined,
        ),
      );
    });
    const t0 = Date.now();
    await page.goto(`${ctx.api.baseUrl}/#/login`);
    await page.locator('input[name=password]').waitFor();
    const loginFormMs = Date.now() - t0;
    await page.locator('input[name=email]').fill(ctx.staff.moderator.email);
    await page.locator('input[name=password]').fill(ctx.staff.moderator.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const t1 = Date.now();
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/cases' && r.request().method() === 'GET', { timeout: 120_000 });
    await page.evaluate(() => {
      window.location.hash = '#/cases';
    });
    await listed;
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 120_000 });
    const queueMs = Date.now() - t1;
    await Promise.all(pending);
    return { scripts, loginFormMs, queueMs, totalMs: Date.now() - t0 };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function distScripts(): { files: number; bytes: number; gzipBytes: number } {
  const dir = join(BACKOFFICE_DIST, 'assets');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  return { files: files.length, bytes, gzipBytes };
}
