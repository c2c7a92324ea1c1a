import { parseArgs } from 'node:util';

/** The scenarios, in the order they run. */
export const SCENARIOS = ['retention', 'queue', 'ui', 'gate', 'intake', 'verify', 'export'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface Scale {
  name: string;
  cases: number;
  reports: number;
  registerEntries: number;
  /** How long one intake measurement lasts, per concurrency level and side. */
  intakeSeconds: number;
  /** Requests measured per queue view and side (after a few unmeasured ones). */
  queueRequests: number;
  /** Access + read pairs per side. */
  gatePairs: number;
  /** Entries the export scenario streams (1 M at full scale, fewer when the register is smaller). */
  exportEntries: number;
}

export const SCALES: Record<string, Scale> = {
  full: { name: 'full', cases: 1_000_000, reports: 3_000_000, registerEntries: 10_000_000, intakeSeconds: 6, queueRequests: 60, gatePairs: 40, exportEntries: 1_000_000 },
  medium: { name: 'medium', cases: 200_000, reports: 600_000, registerEntries: 2_000_000, intakeSeconds: 5, queueRequests: 40, gatePairs: 30, exportEntries: 1_000_000 },
  small: { name: 'small', cases: 20_000, reports: 60_000, registerEntries: 200_000, intakeSeconds: 2, queueRequests: 50, gatePairs: 20, exportEntries: 1_000_000 },
};

export interface BenchOptions {
  scale: Scale;
  repetitions: number;
  only: ScenarioName[];
  /** Drop and generate the dataset again even when it matches. */
  regenerate: boolean;
  /** Stop once the dataset is ready (to time generation). */
  generateOnly: boolean;
  /** Leave BENCHMARKS.md alone (the JSON result is still written). */
  noMarkdown: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run bench -- [options]

  --scale full|medium|small   dataset size (default full: 1 M cases, 3 M reports, 10 M register entries;
                              medium: 200 k / 600 k / 2 M; small: 20 k / 60 k / 200 k, a smoke run)
  --repetitions N             measurements per scenario and side; medians are reported (default 3)
  --only a,b,…                scenarios to run: ${SCENARIOS.join(', ')} (default: all)
  --regenerate                drop the dataset and generate it again
  --generate-only             stop once the dataset is ready (prints how long generation took)
  --no-markdown               do not rewrite BENCHMARKS.md

  BENCH_DATABASE_URL          a PostgreSQL server to use (default: postgres://postgres@127.0.0.1:5432 if it answers,
                              else an embedded PostgreSQL under apps/bench/.data;
                              'embedded' forces the embedded one)`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'full' },
      repetitions: { type: 'string', default: '3' },
      only: { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      'no-markdown': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new UsageError('');
  const scale = SCALES[values.scale ?? 'full'];
  if (!scale) throw new UsageError(`unknown scale "${values.scale}" (full, medium or small)`);
  const repetitions = Number(values.repetitions);
  if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 50) throw new UsageError('--repetitions must be an integer from 1 to 50');
  let only: ScenarioName[] = [...SCENARIOS];
  if (values.only) {
    const asked = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`unknown scenario(s) ${unknown.join(', ')}; scenarios are ${SCENARIOS.join(', ')}`);
    only = SCENARIOS.filter((s) => asked.includes(s));
  }
  return { scale, repetitions, only, regenerate: values.regenerate === true, generateOnly: values['generate-only'] === true, noMarkdown: values['no-markdown'] === true };
}
