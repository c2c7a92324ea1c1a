import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SessionResponse, StaffAccount, StaffRole } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { StaffService } from '../src/staff/staff.service';

export const TEST_PASSWORD = 'ardoise-violette-tram-42';

/** A staff account of its own for the calling test (unique e-mail), created as the command line does: effective at once. */
export async function createStaff(
  app: NestFastifyApplication,
  roles: StaffRole[],
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<StaffAccount & { password: string }> {
  const password = overrides.password ?? TEST_PASSWORD;
  const account = await app.get(StaffService).createByOperator({
    email: overrides.email ?? `${roles.join('-')}-${randomUUID().slice(0, 8)}@vigie.test`,
    name: overrides.name ?? `Test ${roles.join(' ')}`,
    roles,
    password,
  });
  return { ...account, password };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  body: SessionResponse;
  /** Headers for a request in this session; mutating requests carry the CSRF token. */
  headers(mutating?: boolean): Record<string, string>;
}

export async function signIn(app: NestFastifyApplication, email: string, password = TEST_PASSWORD, totp?: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : (setCookie ?? '')).split(';')[0];
  const body = res.json() as SessionResponse;
  return {
    cookie,
    csrfToken: body.csrfToken,
    body,
    headers: (mutating = false) => ({ cookie, ...(mutating ? { 'x-csrf-token': body.csrfToken } : {}) }),
  };
}
