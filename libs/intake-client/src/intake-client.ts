import {
  type ActivityAccepted,
  activityPayloadSchema,
  type ActivityPayload,
  type ActivityRefusal,
  type ApiErrorBody,
  FUTURE_SKEW_MS,
  type ReportAccepted,
  type ReportPayload,
  reportPayloadSchema,
} from '@vigie/contracts';
import { type FieldProblem, IntakeRequestError, IntakeValidationError, isRecord } from './intake-client.errors';
import { signatureHeader } from './intake-signature';
import { backoffDelayMs, retryAfterMs } from './retry-delay';

/** activityPayloadSchema's own limit (the contracts do not export it as a constant). */
export const MAX_ACTIVITY_EVENTS_PER_REQUEST = 1000;

const REPORTS_PATH = '/api/v1/intake/reports';
const ACTIVITY_PATH = '/api/v1/intake/activity';
const activityEventSchema = activityPayloadSchema.shape.events.element;

export type ActivityEvent = ActivityPayload['events'][number];


export interface IntakeClientOptions {
  /** Where Vigie is served, e.g. `https://vigie.example.org` (the client adds `/api/v1/intake/…`). */
  baseUrl: string;
  /** One of the secrets in Vigie's `INTAKE_HMAC_SECRETS`. */
  secret: string;
  fetch?: typeof fetch;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Caps both the back-off and a server's `Retry-After`. */
  maxDelayMs?: number;
  /** Per attempt, answer body included. */
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface IntakeClient {
  /** Sends one report; resolves with Vigie's ids once it is stored (or was already, under the same externalId). */
  sendReport(report: ReportPayload): Promise<ReportAccepted>;
  /**
   * Sends users' activity signals, in as many requests as needed; resolves with the summed counts
   * and the signals refused (dated more than 5 minutes ahead), named by their index in `events`.
   */
  sendActivity(events: readonly ActivityEvent[]): Promise<ActivityAccepted>;
}

interface Settings {
  baseUrl: string;
  secret: string;
  fetch: typeof fetch;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: IntakeRequestError; retryAfterMs?: number };

export function createIntakeClient(options: IntakeClientOptions): IntakeClient {
  const settings = settingsOf(options);

  async function post<T>(path: string, body: string, headers: Record<string, string>, read: (json: unknown) => T | undefined): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await send(settings, path, body, headers, read, attempt);
      if (outcome.ok) return outcome.value;
      if (!outcome.error.retryable || attempt >= settings.maxAttempts) throw outcome.error;
      const delay =
        outcome.retryAfterMs === undefined
          ? backoffDelayMs(attempt, settings.baseDelayMs, settings.maxDelayMs)
          : Math.min(outcome.retryAfterMs, settings.maxDelayMs);
      await settings.sleep(delay);
    }
  }

  return {
    async sendReport(report) {
      const parsed = reportPayloadSchema.safeParse(report);
      if (!parsed.success) throw new IntakeValidationError('report', fieldProblems(parsed.error.issues));
      // The parsed report (schema key order, defaults applied) is serialised once: every attempt
      // carries the same bytes, so the server's idempotency check sees the same body.
      const body = JSON.stringify(parsed.data);
      return post(REPORTS_PATH, body, { 'Idempotency-Key': parsed.data.externalId }, readReportAccepted);
    },

    async sendActivity(events) {
      const valid: Indexed[] = [];
      const problems: FieldProblem[] = [];
      events.forEach((event, i) => {
        const parsed = activityEventSchema.safeParse(event);
        if (parsed.success) valid.push({ event: parsed.data, index: i });
        else problems.push(...fieldProblems(parsed.error.issues, ['events', i]));
      });
      if (problems.length > 0) throw new IntakeValidationError('activity', problems);

      const total: ActivityAccepted = { users: 0, cases: 0, refused: [] };
      // Refused here first, so that a user's latest signal that Vigie would refuse does not hide
      // an earlier one it would apply.
      const limit = settings.now().getTime() + FUTURE_SKEW_MS;
      const sendable = valid.filter(({ event, index }) => {
        if (Date.parse(event.at) <= limit) return true;
        total.refused.push(inFuture(index));
        return false;
      });
      const latest = latestPerUser(sendable);
      for (let start = 0; start < latest.length; start += MAX_ACTIVITY_EVENTS_PER_REQUEST) {
        const batch = latest.slice(start, start + MAX_ACTIVITY_EVENTS_PER_REQUEST);
        const body = JSON.stringify({ events: batch.map((b) => b.event) });
        const answer = await post(ACTIVITY_PATH, body, {}, readActivityAccepted);
        total.users += answer.users;
        total.cases += answer.cases;
        // Vigie names a refused signal by its index in the batch; the caller, by its index in `events`.
        for (const refusal of answer.refused) {
          const index = batch[refusal.index]?.index;
          if (index !== undefined) total.refused.push({ ...refusal, index, field: `events.${index}.at` });
        }
      }
      total.refused.sort((a, b) => a.index - b.index);
      return total;
    },
  };
}

/** One attempt: signed anew, so that a retry minutes later does not carry an expired `t`. */
async function send<T>(
  settings: Settings,
  path: string,
  body: string,
  headers: Record<string, string>,
  read: (json: unknown) => T | undefined,
  attempt: number,
): Promise<Outcome<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  let answer: { response: Response; text: string };
  try {
    const t = Math.floor(settings.now().getTime() / 1000);
    const response = await settings.fetch(`${settings.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers, 'X-Signature': signatureHeader(settings.secret, t, body) },
      body,
      signal: controller.signal,
    });
    answer = { response, text: await response.text() };
  } catch (cause) {
    const failure = controller.signal.aborted ? 'timeout' : 'network';
    return { ok: false, error: new IntakeRequestError({ failure, attempts: attempt, retryable: true, cause }) };
  } finally {
    clearTimeout(timer);
  }

  const { response, text } = answer;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const json = parseJson(text);
  if (response.ok) {
    const value = read(json);
    if (value !== undefined) return { ok: true, value };
    return { ok: false, error: new IntakeRequestError({ failure: 'response', status: response.status, requestId, attempts: attempt, retryable: false }) };
  }
  const retryable = isRetryable(response.status);
  return {
    ok: false,
    error: new IntakeRequestError({ failure: 'response', status: response.status, body: errorBody(json), requestId, attempts: attempt, retryable }),
    retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after'), settings.now().getTime()) : undefined,
  };
}

// 400, 401, 409, 413 and other refusals give the same answer however often they are asked.
function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function settingsOf(options: IntakeClientOptions): Settings {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new TypeError(`baseUrl must be an http(s) URL, got "${options.baseUrl}"`);
  // The API refuses to start with a secret shorter than this: a shorter one cannot be right.
  if (options.secret.length < 16) throw new TypeError('secret must be one of Vigie’s INTAKE_HMAC_SECRETS (16 characters or more)');
  const settings: Settings = {
    baseUrl,
    secret: options.secret,
    fetch: options.fetch ?? globalThis.fetch,
    maxAttempts: options.maxAttempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) throw new RangeError('maxAttempts must be an integer of 1 or more');
  for (const name of ['baseDelayMs', 'maxDelayMs', 'timeoutMs'] as const) {
    if (!Number.isFinite(settings[name]) || settings[name] < 0) throw new RangeError(`${name} must be a finite number of 0 or more`);
  }
  return settings;
}

// Several signals for one user need only the latest: Vigie keeps the latest anyway, and each user
// then lands in one batch, so that the summed `users` counts each user once.
function latestPerUser(events: readonly Indexed[]): Indexed[] {
  const latest = new Map<string, { indexed: Indexed; ms: number }>();
  for (const indexed of events) {
    const ms = Date.parse(indexed.event.at);
    const seen = latest.get(indexed.event.userExternalId);
    if (!seen || ms > seen.ms) latest.set(indexed.event.userExternalId, { indexed, ms });
  }
  return [...latest.values()].map((l) => l.indexed);
}

/** A signal with its index in the caller's `events`. */
interface Indexed {
  event: ActivityEvent;
  index: number;
}

const inFuture = (index: number): ActivityRefusal => ({
  index,
  field: `events.${index}.at`,
  code: 'in_future',
  message: 'is more than 5 minutes ahead of the clock',
});

interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code: string;
  keys?: readonly string[];
}

/** Names fields the way the API's validation pipe does, so a 400 and a local refusal read alike. */
function fieldProblems(issues: readonly SchemaIssue[], prefix: readonly PropertyKey[] = []): FieldProblem[] {
  return issues.map((issue) => ({
    field: [...prefix, ...issue.path].map(String).join('.') || (issue.code === 'unrecognized_keys' && issue.keys ? issue.keys.join(', ') : 'body'),
    message: issue.message,
  }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorBody(json: unknown): ApiErrorBody | undefined {
  if (!isRecord(json) || typeof json['statusCode'] !== 'number' || typeof json['message'] !== 'string') return undefined;
  return {
    statusCode: json['statusCode'],
    error: typeof json['error'] === 'string' ? json['error'] : '',
    message: json['message'],
    ...(json['details'] === undefined ? {} : { details: json['details'] }),
    ...(typeof json['requestId'] === 'string' ? { requestId: json['requestId'] } : {}),
  };
}

function readReportAccepted(json: unknown): ReportAccepted | undefined {
  if (!isRecord(json) || typeof json['reportId'] !== 'string' || typeof json['caseId'] !== 'string') return undefined;
  return { reportId: json['reportId'], caseId: json['caseId'] };
}

function readActivityAccepted(json: unknown): ActivityAccepted | undefined {
  if (!isRecord(json) || typeof json['users'] !== 'number' || typeof json['cases'] !== 'number') return undefined;
  // A Vigie older than `refused` refuses no signal on its own.
  const refused = Array.isArray(json['refused']) ? json['refused'].filter(isRefusal) : [];
  return { users: json['users'], cases: json['cases'], refused };
}

function isRefusal(value: unknown): value is ActivityRefusal {
  return isRecord(value) && Number.isInteger(value['index']) && typeof value['field'] === 'string' && typeof value['code'] === 'string' && typeof value['message'] === 'string';
}
