import { canAccess, isAction, STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { aReportedCase, claim, JUSTIFICATION, requestAccess } from '../../test/gate-factory';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { PUBLIC_EXTENSION } from '../common/public.decorator';
import { ACTION_EXTENSION } from '../staff/staff.decorators';

/**
 * The authorisation matrix, generated from the OpenAPI document: every operation × every role and
 * nobody × the case it concerns (the caller's own, someone else's, one no report ever opened) →
 * the status the permissions table says. A role outside the operation's action gets 403, nobody
 * gets 401; the action's roles get what ROUTES below says for the request the matrix sends (an
 * invalid body for most writes, so that nothing changes). Any difference fails, and so does an
 * operation that ROUTES does not list: a new route is added there, with what its roles get.
 */

type Relation = 'own' | 'other' | 'none';
type Caller = StaffRole | 'nobody';
/** A status for every relation, or one per relation on routes about a case. */
type Outcome = number | Record<Relation, number>;

interface RouteExpectation {
  /** What the action's roles get; a role outside the action always gets 403, nobody 401. */
  allowed: Outcome;
  /** A role the action allows but the route refuses further on (the gate refusing a DPO). */
  byRole?: Partial<Record<StaffRole, Outcome>>;
  /** The body sent; by default an invalid one on writes (`{ matrixProbe: true }`), none on reads. */
  body?: (target: { reportId: string }) => object;
  /** Public routes: what everyone gets, with or without a session. */
  public?: number;
  /** Runs after every other route (signing out ends the session the others use). */
  last?: boolean;
  /** The route's ids are numbers, not UUIDs (deliveries). */
  numericIds?: boolean;
}

const PROBE = { matrixProbe: true };
// Reads about a case: its own or someone else's are readable to the action's roles; none is 404.
const CASE_READ: Outcome = { own: 200, other: 200, none: 404 };

/** Every operation of the API, by `METHOD path` as the OpenAPI document writes it. */
const ROUTES: Record<string, RouteExpectation> = {
  // Health and the platform: public, no session needed.
  'GET /api/health': { allowed: 200, public: 200 },
  'GET /api/health/ready': { allowed: 200, public: 200 },
  'POST /api/v1/intake/reports': { allowed: 401, public: 401 },
  'POST /api/v1/intake/activity': { allowed: 401, public: 401 },
  'POST /api/v1/intake/appeals': { allowed: 401, public: 401 },
  'POST /api/v1/auth/login': { allowed: 400, public: 400 },
  // The person holding a password link has no session yet.
  'POST /api/v1/auth/password-link': { allowed: 400, public: 400 },
  'POST /api/v1/auth/set-password': { allowed: 400, public: 400 },

  // One's own account.
  'GET /api/v1/auth/me': { allowed: 200 },
  'POST /api/v1/auth/password': { allowed: 400 },
  'POST /api/v1/auth/step-up': { allowed: 400 },
  'POST /api/v1/auth/mfa/enrolment': { allowed: 201, body: () => ({}) },
  'POST /api/v1/auth/mfa/activate': { allowed: 400 },
  'POST /api/v1/auth/logout': { allowed: 204, body: () => ({}), last: true },

  // The queue and the case page.
  'GET /api/v1/cases': { allowed: 200 },
  'GET /api/v1/cases/assignees': { allowed: 200 },
  'GET /api/v1/cases/{id}': { allowed: CASE_READ },
  // The reported user's record: an id no report opened has an empty record, not a 404.
  'GET /api/v1/cases/{id}/history': { allowed: { own: 200, other: 200, none: 200 } },
  'GET /api/v1/cases/{id}/metadata': { allowed: CASE_READ },
  'POST /api/v1/cases/{id}/claim': { allowed: 400 },
  'POST /api/v1/cases/{id}/assign': { allowed: 400 },
  'POST /api/v1/cases/{id}/decision': { allowed: 400 },
  'POST /api/v1/cases/{id}/decisions/{decisionId}/review': { allowed: 400 },
  'POST /api/v1/cases/{id}/status': { allowed: 400 },
  'POST /api/v1/cases/{id}/appeal-outcome': { allowed: 400 },
  'POST /api/v1/cases/bulk': { allowed: 400 },
  'GET /api/v1/decisions/pending': { allowed: 200 },
  // Notes: a valid note, so that who works the case decides (leads work every case).
  'POST /api/v1/cases/{id}/notes': {
    allowed: { own: 201, other: 403, none: 404 },
    byRole: { lead: { own: 201, other: 201, none: 404 } },
    body: () => ({ text: 'Note du contrôle des droits.' }),
  },
  'PATCH /api/v1/cases/{id}/notes/{noteId}': { allowed: 400 },

  // The gate: a valid request, so that the gate's own rules answer (assignee or lead; the DPO
  // and admins are let past the guard to be refused, and recorded, by the gate itself).
  'POST /api/v1/cases/{id}/access': {
    allowed: { own: 201, other: 403, none: 404 },
    byRole: { lead: { own: 201, other: 201, none: 404 }, dpo: 403, admin: 403 },
    body: ({ reportId }) => ({ justification: JUSTIFICATION, reportIds: [reportId] }),
  },
  'GET /api/v1/access-grants/{grantId}/messages': { allowed: 404 },

  // Legal holds: an invalid reason, so that no case is held.
  'POST /api/v1/cases/{id}/legal-hold': { allowed: 400 },
  'DELETE /api/v1/cases/{id}/legal-hold': { allowed: 400 },

  // The register, retention, transparency, deliveries, staff.
  'GET /api/v1/audit/access-log': { allowed: 200 },
  'GET /api/v1/audit/access-log/export': { allowed: 200 },
  'GET /api/v1/audit/staff': { allowed: 200 },
  'GET /api/v1/audit/verify': { allowed: 200 },
  'GET /api/v1/audit/verify/schedule': { allowed: 200 },
  'GET /api/v1/audit/checkpoints': { allowed: 200 },
  'GET /api/v1/audit/staff-activity': { allowed: 200 },
  'POST /api/v1/audit/checkpoints': { allowed: 201, body: () => ({}) },
  // A person's access report: the search needs its query; an id no platform user has is a 404.
  'GET /api/v1/audit/subjects': { allowed: 400 },
  'GET /api/v1/audit/subjects/{externalId}/report': { allowed: 404 },
  'GET /api/v1/audit/processing-record': { allowed: 200 },
  'GET /api/v1/audit/alerts': { allowed: 200 },
  'GET /api/v1/audit/alerts/summary': { allowed: 200 },
  'POST /api/v1/audit/alerts/{id}/resolve': { allowed: 400 },
  // An id that names no staff account.
  'GET /api/v1/audit/staff/{id}/activity': { allowed: 404 },
  'GET /api/v1/retention/policy': { allowed: 200 },
  'GET /api/v1/retention/preview': { allowed: 200 },
  'GET /api/v1/retention/runs': { allowed: 200 },
  'GET /api/v1/retention/runs/{id}': { allowed: 404 },
  'POST /api/v1/retention/runs': { allowed: 400 },
  'GET /api/v1/retention/legal-holds': { allowed: 200 },
  'GET /api/v1/transparency/statements': { allowed: 200 },
  'GET /api/v1/deliveries': { allowed: 200 },
  // An id that names no pending delivery: nothing to retry.
  'POST /api/v1/deliveries/{id}/retry': { allowed: 409, body: () => ({}), numericIds: true },
  'GET /api/v1/staff': { allowed: 200 },
  'GET /api/v1/staff/{id}': { allowed: 404 },
  'POST /api/v1/staff': { allowed: 400 },
  'PATCH /api/v1/staff/{id}': { allowed: 400 },
  // Ids that name no account or request: nothing to reset, approve or reject.
  'POST /api/v1/staff/{id}/password-link': { allowed: 404, body: () => ({}) },
  'GET /api/v1/staff/role-requests': { allowed: 200 },
  'POST /api/v1/staff/role-requests/{id}/approve': { allowed: 404, body: () => ({}) },
  'POST /api/v1/staff/role-requests/{id}/reject': { allowed: 404, body: () => ({}) },
  // The legitimate-interest assessment: version 1 ships with the migrations; the matrix's path id is no version number.
  'GET /api/v1/audit/lia': { allowed: 200 },
  'POST /api/v1/audit/lia': { allowed: 400 },
  'GET /api/v1/lia/current': { allowed: 200 },
  'GET /api/v1/lia/{version}': { allowed: 400 },
  // A person's other rights: an id no platform user has is a 404.
  'GET /api/v1/audit/subjects/{externalId}/erasure': { allowed: 404 },
  'POST /api/v1/audit/subjects/{externalId}/erasure': { allowed: 404, body: () => ({ reference: 'REQ-2026-001' }) },
  'POST /api/v1/audit/subjects/{externalId}/restriction': { allowed: 404, body: () => ({ reason: 'The person objects to processing.', reference: 'REQ-2026-002' }) },
  'POST /api/v1/audit/subjects/{externalId}/restriction/lift': { allowed: 404, body: () => ({ reason: 'The objection was settled with them.' }) },
  // No checkpoint in the body: nothing verified.
  'POST /api/v1/audit/verify': { allowed: 400 },
};

interface Operation {
  method: string;
  path: string;
  action?: string;
  publicReason?: string;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const nameOf = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
const aboutACase = (path: string) => path.includes('/cases/{id}');
const CALLERS: readonly Caller[] = [...STAFF_ROLES, 'nobody'];

describe('authorisation matrix', () => {
  let t: TestApp;
  let operations: Operation[];
  const sessions = new Map<StaffRole, Session>();
  // The caller's own case (moderators and leads are assigned cases), someone else's, and an id no report opened.
  const cases = new Map<string, { caseId: string; reportId: string }>();

  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({
        method: method.toUpperCase(),
        path,
        action: item[method][ACTION_EXTENSION] as string | undefined,
        publicReason: item[method][PUBLIC_EXTENSION] as string | undefined,
      })),
    );
    for (const role of STAFF_ROLES) sessions.set(role, await signIn(t.app, (await createStaff(t.app, [role])).email));
    const someoneElse = await signIn(t.app, (await createStaff(t.app, ['moderator'])).email);
    for (const [owner, session] of [['moderator', sessions.get('moderator')], ['lead', sessions.get('lead')], ['other', someoneElse]] as const) {
      const { caseId, reportId } = await aReportedCase(t.app);
      await claim(t.app, session as Session, caseId);
      cases.set(owner, { caseId, reportId });
    }
    // One entry in the register, so that a checkpoint has something to sign.
    await requestAccess(t.app, sessions.get('moderator') as Session, cases.get('moderator')?.caseId as string, { reportIds: [cases.get('moderator')?.reportId as string] });
  });
  afterAll(() => t?.close());

  /** The case `relation` names for `caller`; for the DPO and admins, whose own case does not exist, the moderator's. */
  function caseFor(caller: Caller, relation: Relation): { caseId: string; reportId: string } {
    if (relation === 'none') return { caseId: randomUUID(), reportId: randomUUID() };
    if (relation === 'other') return cases.get('other') as { caseId: string; reportId: string };
    return cases.get(caller === 'lead' ? 'lead' : 'moderator') as { caseId: string; reportId: string };
  }

  function expected(op: Operation, caller: Caller, relation: Relation): number {
    const route = ROUTES[nameOf(op)];
    if (route.public !== undefined) return route.public;
    if (caller === 'nobody') return 401;
    if (!op.action || !canAccess([caller], op.action)) return 403;
    const outcome = route.byRole?.[caller] ?? route.allowed;
    return typeof outcome === 'number' ? outcome : outcome[relation];
  }

  it('reads every operation from the OpenAPI document, each naming its action or why it is public', () => {
    expect(operations.length).toBeGreaterThan(40);
    const unnamed = operations
      .filter((op) => (op.action === undefined || !isAction(op.action)) && !op.publicReason)
      .map((op) => `${nameOf(op)}: add @Requires(<action>) or @Public(<reason>)`);
    expect(unnamed).toEqual([]);
  });

  it('has an expectation for every operation, and none for an operation that is gone', () => {
    const names = operations.map(nameOf);
    const unlisted = names
      .filter((name) => !(name in ROUTES))
      .map((name) => `${name}: add it to ROUTES in src/docs/authorisation-matrix.integration-spec.ts with what its action's roles get (own case, someone else's, no report)`);
    expect(unlisted).toEqual([]);
    expect(Object.keys(ROUTES).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('answers every operation × role × case as the permissions table says', async () => {
    const listed = operations.filter((op) => nameOf(op) in ROUTES);
    const ordered = [...listed.filter((op) => !ROUTES[nameOf(op)].last), ...listed.filter((op) => ROUTES[nameOf(op)].last)];
    const differences: string[] = [];
    let checked = 0;
    for (const op of ordered) {
      const route = ROUTES[nameOf(op)];
      for (const caller of CALLERS) {
        const relations: Relation[] = aboutACase(op.path) ? (caller === 'dpo' || caller === 'admin' ? ['other', 'none'] : ['own', 'other', 'none']) : ['none'];
        for (const relation of relations) {
          const { caseId, reportId } = caseFor(caller, relation);
          const anId = () => (route.numericIds ? '987654321' : randomUUID());
          const url = op.path.replace('{id}', aboutACase(op.path) ? caseId : anId()).replace(/\{\w+\}/g, anId);
          const session = caller === 'nobody' ? undefined : sessions.get(caller);
          const body = op.method === 'GET' ? undefined : (route.body?.({ reportId }) ?? PROBE);
          const res = await t.app.inject({ method: op.method as 'GET', url, headers: session?.headers(op.method !== 'GET'), payload: body });
          const want = expected(op, caller, relation);
          checked++;
          if (res.statusCode !== want) differences.push(`${nameOf(op)} as ${caller} on ${relation === 'none' ? 'no report' : `${relation} case`}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });
});
