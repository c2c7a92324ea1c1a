import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { type Action, isAction, rolesFor, STAFF_ROLES, type StaffRole } from '@vigie/contracts';
import { createStaff, type Session, signIn } from '../../test/staff-factory';
import { createTestApp, type TestApp } from '../../test/test-app';
import { PUBLIC_ROUTE } from '../common/public.decorator';
import { JOURNAL_RULE, type JournalRule } from '../journal/journal.decorators';
import { ROUTE_ACTION } from '../staff/staff.decorators';

/**
 * Every route needs a staff session unless it is marked public on purpose, and names the action
 * of the permissions table it performs. This lists every route the application registers; a new
 * public route must be added here with its reason, every other route must name an action and
 * refuse a request without a session, and a role outside the action's list.
 */
const EXPECTED_PUBLIC = [
  'GET /api/health',
  'GET /api/health/ready',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-link',
  'POST /api/v1/auth/set-password',
  'POST /api/v1/intake/reports',
  'POST /api/v1/intake/activity',
  'POST /api/v1/intake/appeals',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

interface Route {
  method: string;
  url: string;
  publicReason?: string;
  action?: string;
  journal?: JournalRule;
}

function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const version = Reflect.getMetadata('__version__', controller);
      const prefix = typeof version === 'symbol' ? '/api' : '/api/v1';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const url = `${prefix}/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const publicReason = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
        // As the guard reads it: the method's action overrides its controller's.
        const action = Reflect.getMetadata(ROUTE_ACTION, handler) ?? Reflect.getMetadata(ROUTE_ACTION, controller);
        const journal = Reflect.getMetadata(JOURNAL_RULE, handler) ?? Reflect.getMetadata(JOURNAL_RULE, controller);
        routes.push({ method, url, publicReason, action, journal });
      }
    }
  }
  return routes;
}

const SOME_ID = '7b0c2f5e-4a51-4c1e-9d0e-4f1a2b3c4d5e';
const urlOf = (route: Route) => route.url.replace(/:(\w+)/g, SOME_ID);
const nameOf = (route: Route) => `${route.method} ${route.url}`;

describe('route coverage', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Without MFA obligations: the role check is what is tested here, not enrolment.
    t = await createTestApp({ env: { MFA_REQUIRED_ROLES: '' } });
  });
  afterAll(() => t?.close());

  it('finds the routes (the discovery itself works)', () => {
    const urls = routesOf(t).map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/v1/auth/login', 'GET /api/v1/auth/me', 'PATCH /api/v1/staff/:id']));
  });

  it('has exactly the expected public routes, each with a reason', () => {
    const publicRoutes = routesOf(t).filter((r) => r.publicReason !== undefined);
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...EXPECTED_PUBLIC].sort());
    for (const route of publicRoutes) expect(route.publicReason?.length).toBeGreaterThan(5);
  });

  it('refuses every other route without a session', async () => {
    const guarded = routesOf(t).filter((r) => r.publicReason === undefined);
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const res = await t.app.inject({ method: route.method as 'GET', url: urlOf(route), payload: route.method === 'GET' ? undefined : {} });
      expect({ route: nameOf(route), status: res.statusCode }).toEqual({ route: nameOf(route), status: 401 });
    }
  });

  it('has every other route name an action of the permissions table', () => {
    const guarded = routesOf(t).filter((r) => r.publicReason === undefined);
    const problems = guarded
      .filter((r) => typeof r.action !== 'string' || !isAction(r.action))
      .map((r) => `${nameOf(r)}: ${r.action === undefined ? 'no @Requires' : `unknown action ${String(r.action)}`}`);
    expect(problems).toEqual([]);
  });

  it('has every route the DPO or an admin may call say how it reaches the staff journal', () => {
    const watched = routesOf(t).filter((r) => typeof r.action === 'string' && isAction(r.action) && rolesFor(r.action).some((role) => role === 'dpo' || role === 'admin'));
    expect(watched.length).toBeGreaterThan(10);
    const problems = watched
      .filter((r) => r.journal === undefined)
      .map(
        (r) =>
          `${nameOf(r)} (action ${String(r.action)}, allowed to ${rolesFor(r.action as Action).join(', ')}) is not journaled: add, from journal/journal.decorators, ` +
          `@Journal('<event of STAFF_ACTIVITY_EVENTS>') if the journal interceptor should record each successful call, ` +
          `@JournaledByService() if its service calls StaffActivityRepository.record, or @NotJournaled('<why>')`,
      );
    expect(problems).toEqual([]);
    for (const route of watched.filter((r) => r.journal?.kind === 'exempt')) {
      expect({ route: nameOf(route), reason: route.journal?.kind === 'exempt' && route.journal.reason.length > 10 }).toEqual({ route: nameOf(route), reason: true });
    }
  });

  describe('with a session', () => {
    const sessions = new Map<StaffRole, Session>();
    beforeAll(async () => {
      for (const role of STAFF_ROLES) {
        const staff = await createStaff(t.app, [role]);
        sessions.set(role, await signIn(t.app, staff.email));
      }
    });

    const guardedWith = () =>
      routesOf(t).flatMap((route) => (route.publicReason === undefined && route.action && isAction(route.action) ? [{ route, action: route.action }] : []));

    it('refuses 403 role to every role outside the action’s list, on every route', async () => {
      let refused = 0;
      for (const { route, action } of guardedWith()) {
        for (const role of STAFF_ROLES.filter((r) => !rolesFor(action).includes(r))) {
          const session = sessions.get(role) as Session;
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: urlOf(route),
            headers: session.headers(true),
            payload: route.method === 'GET' ? undefined : {},
          });
          expect({ route: nameOf(route), role, status: res.statusCode, code: res.json<{ details?: { code?: string } }>().details?.code }).toEqual({
            route: nameOf(route),
            role,
            status: 403,
            code: 'role',
          });
          refused++;
        }
      }
      // The gate and one's own account are open to all; most routes are not.
      expect(refused).toBeGreaterThan(40);
    });

    it('lets the action’s roles past the guard (reads only: no route is made to act)', async () => {
      for (const { route, action } of guardedWith().filter(({ route }) => route.method === 'GET')) {
        for (const role of rolesFor(action)) {
          const res = await t.app.inject({ method: 'GET', url: urlOf(route), headers: sessions.get(role)?.headers() });
          // The gate's own refusals (a DPO knocking) carry a top-level `reason`; the guard's do not.
          const body = res.statusCode === 403 ? res.json<{ reason?: string; details?: { code?: string } }>() : {};
          const refusedByGuard = body.details?.code === 'role' && body.reason === undefined;
          expect({ route: nameOf(route), role, refusedByGuard }).toEqual({ route: nameOf(route), role, refusedByGuard: false });
        }
      }
    });
  });
});
