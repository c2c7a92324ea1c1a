import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { createTestApp, type TestApp } from '../../test/test-app';
import { PUBLIC_ROUTE } from '../common/public.decorator';

/**
 * Every route needs a staff session unless it is marked public on purpose. This lists every
 * route the application registers; a new public route must be added here with its reason, and
 * every other route must refuse a request without a session.
 */
const EXPECTED_PUBLIC = [
  'GET /api/health',
  'GET /api/health/ready',
  'POST /api/v1/auth/login',
  'POST /api/v1/intake/reports',
  'POST /api/v1/intake/activity',
  'POST /api/v1/intake/appeals',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

interface Route {
  method: string;
  url: string;
  publicReason?: string;
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
        routes.push({ method, url, publicReason });
      }
    }
  }
  return routes;
}

describe('route coverage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
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
      const url = route.url.replace(/:(\w+)/g, '7b0c2f5e-4a51-4c1e-9d0e-4f1a2b3c4d5e');
      const res = await t.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });
});
