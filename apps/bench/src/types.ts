import type { Server } from './database';
import type { DatasetInfo } from './generate';
import type { HttpClient, StaffSession } from './http';
import type { BenchOptions } from './options';
import type { ChainFunctions, ProductEnv, RunningApi } from './product';

/** One line of a scenario's table: ours against the baseline, and whether it meets its target. */
export interface Measure {
  label: string;
  unit: string;
  ours: number | null;
  baseline: number | null;
  /** What the cells show when more than the number (e.g. "p50 / p95"). */
  oursText?: string;
  baselineText?: string;
  /** ours ÷ baseline, as the target reads it. */
  ratio: number | null;
  target: string;
  /** null: for information, no target. */
  pass: boolean | null;
}

export type ScenarioStatus = 'PASS' | 'MISS' | 'NOT IMPLEMENTED' | 'FAILED';

export interface ScenarioResult {
  key: string;
  title: string;
  /** What is compared with what, in a sentence or two. */
  method: string;
  measures: Measure[];
  notes: string[];
  status: ScenarioStatus;
  /** Everything measured, per repetition, and plans or profiles where a target is missed. */
  details: Record<string, unknown>;
  seconds: number;
}

/** What the scenarios that talk to the running API share. */
export interface Context {
  options: BenchOptions;
  server: Server;
  dataset: DatasetInfo;
  /** The copy of the dataset this run works on (the dataset itself stays pristine). */
  runUrl: string;
  product: ProductEnv;
  api: RunningApi;
  http: HttpClient;
  staff: { moderator: StaffSession; lead: StaffSession; dpo: StaffSession };
  chain: ChainFunctions;
}

export function statusOf(measures: Measure[]): ScenarioStatus {
  return measures.some((m) => m.pass === false) ? 'MISS' : 'PASS';
}

export function ratio(ours: number, baseline: number): number | null {
  return Number.isFinite(ours) && Number.isFinite(baseline) && baseline > 0 ? ours / baseline : null;
}
