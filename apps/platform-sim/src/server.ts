import { REPORT_CATEGORIES, type ReportPayload } from '@vigie/contracts';
import { createIntakeClient, type IntakeClientOptions, IntakeRequestError, IntakeValidationError } from '@vigie/intake-client';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { renderChatPage } from './chat-page';
import type { SimulatorConfig } from './config';
import { createConversations, PERSONAS, USERS } from './conversations';
import { buildReportPayload, CATEGORY_LABELS, MAX_COMMENT_LENGTH, parseReportRequest, ReportRequestError } from './report-request';

export interface SimulatorServerOptions {
  config: Pick<SimulatorConfig, 'vigieUrl' | 'intakeSecret'>;
  /** Overrides for the intake client — tests take away the waits between retries. */
  intake?: Partial<Omit<IntakeClientOptions, 'baseUrl' | 'secret'>>;
  now?: () => Date;
  /** One line per report sent or refused: ids, category and outcome, never a message or a comment. */
  log?: (line: string) => void;
}

const MAX_BODY_BYTES = 16 * 1024;

interface ErrorAnswer {
  status: number;
  error: string;
  message: string;
}

/** The platform's chat page and its report endpoint; every report goes to Vigie through the intake client. */
export function createSimulatorServer(options: SimulatorServerOptions): Server {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  // A person waits on the dialog: fewer, shorter attempts than the client's defaults.
  const vigie = createIntakeClient({ maxAttempts: 3, timeoutMs: 5_000, ...options.intake, baseUrl: config.vigieUrl, secret: config.intakeSecret });
  const conversations = createConversations(now());
  const page = {
    vigieUrl: config.vigieUrl,
    personas: PERSONAS.map((p) => ({ ...p, label: `${p.displayName.split(' ')[0]} (${p.kind === 'expert' ? 'Expert' : 'Explorer'})` })),
    users: Object.values(USERS),
    conversations,
    categories: REPORT_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
    maxCommentLength: MAX_COMMENT_LENGTH,
  };

  async function report(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, { status: 415, error: 'unsupported_media_type', message: 'Le signalement doit être envoyé en JSON.' });
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      res.setHeader('Connection', 'close');
      return sendError(res, { status: 413, error: 'too_large', message: 'Le signalement est trop volumineux.' });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, { status: 400, error: 'invalid_request', message: 'La requête n’est pas du JSON valide.' });
    }

    let payload: ReportPayload;
    try {
      payload = buildReportPayload(parseReportRequest(body, conversations), conversations, now());
    } catch (error) {
      if (error instanceof ReportRequestError) return sendError(res, { status: 400, error: 'invalid_request', message: error.message });
      throw error;
    }

    const what = `report ${payload.externalId} (${payload.category}, conversation ${payload.conversation.externalId}, ${payload.reporter.externalId} about ${payload.reported.externalId})`;
    try {
      const accepted = await vigie.sendReport(payload);
      log(`${what} sent: Vigie case ${accepted.caseId}`);
      sendJson(res, 200, accepted);
    } catch (error) {
      const answer = vigieFailure(error, config.vigieUrl);
      if (!answer) throw error;
      log(`${what} not sent: ${describeFailure(error)}`);
      sendError(res, answer);
    }
  }

  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const route =
      path === '/' ? (req.method === 'GET' || req.method === 'HEAD' ? 'page' : 'wrong-method') : path === '/api/report' ? (req.method === 'POST' ? 'report' : 'wrong-method') : 'none';
    if (route === 'page') {
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : renderChatPage(page, nonce));
    } else if (route === 'report') {
      report(req, res).catch((error: unknown) => {
        log(`report failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
        if (!res.headersSent) sendError(res, { status: 500, error: 'internal', message: 'Erreur inattendue du simulateur.' });
        else res.destroy();
      });
    } else if (route === 'wrong-method') {
      res.setHeader('Allow', path === '/' ? 'GET, HEAD' : 'POST');
      sendError(res, { status: 405, error: 'method_not_allowed', message: `${req.method ?? ''} n’est pas accepté ici.` });
    } else {
      sendError(res, { status: 404, error: 'not_found', message: 'Page introuvable.' });
    }
  });
}

/** What the dialog tells the person when Vigie could not take the report; undefined for anything else. */
function vigieFailure(error: unknown, vigieUrl: string): ErrorAnswer | undefined {
  if (error instanceof IntakeValidationError) {
    return { status: 400, error: 'invalid_report', message: `Le signalement est incomplet et n’a pas été envoyé (${error.fields.map((f) => f.field).join(', ')}).` };
  }
  if (!(error instanceof IntakeRequestError)) return undefined;
  if (error.failure !== 'response') {
    return { status: 502, error: 'vigie_unreachable', message: `Vigie ne répond pas (${vigieUrl}) : le signalement n’a pas été envoyé. Réessayez dans un instant.` };
  }
  if (error.status === 401) {
    return {
      status: 502,
      error: 'vigie_refused_signature',
      message: 'Vigie a refusé la signature du simulateur : son secret d’intake n’est pas celui de Vigie (voir INTAKE_HMAC_SECRETS ou DATA_DIR).',
    };
  }
  const reason = error.body?.message ? ` : ${error.body.message}` : '';
  const reference = error.requestId ? ` Référence : ${error.requestId}.` : '';
  return { status: 502, error: 'vigie_refused', message: `Vigie a refusé le signalement (HTTP ${error.status ?? '?'}${reason}).${reference}` };
}

// Names, codes and ids only: the client's own message could quote what the server answered.
function describeFailure(error: unknown): string {
  if (error instanceof IntakeValidationError) return `IntakeValidationError on ${error.fields.map((f) => f.field).join(', ')}`;
  if (error instanceof IntakeRequestError) {
    return `IntakeRequestError ${error.failure}, status ${error.status ?? '-'}, code ${error.code ?? '-'}, request ${error.requestId ?? '-'}, ${error.attempts} attempt(s)`;
  }
  return 'unknown error';
}

/** The request's body, or undefined past the size limit (the rest is not read). */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, answer: ErrorAnswer): void {
  sendJson(res, answer.status, { error: answer.error, message: answer.message });
}
