import type { PasswordLink, PasswordLinkInfo, RoleRequest } from '@vigie/contracts';
import { apiCall as call, apiPost as post, isCount, isRecord } from '../providers/api';

const isPasswordLink = (value: unknown): value is PasswordLink =>
  isRecord(value) && typeof value.url === 'string' && typeof value.expiresAt === 'string';

const isRoleRequest = (value: unknown): value is RoleRequest =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  isRecord(value.staff) &&
  Array.isArray(value.currentRoles) &&
  Array.isArray(value.requestedRoles) &&
  typeof value.requestedAt === 'string' &&
  typeof value.canDecide === 'boolean';

const readLink = (body: unknown): PasswordLink => {
  if (isPasswordLink(body)) return body;
  throw new Error('Unexpected password link from the API');
};

/** The link as the admin hands it over: the API gives it relative to this backoffice. */
export const absoluteLink = (link: PasswordLink, origin: string = window.location.origin): string =>
  new URL(link.url, origin).toString();

/** The token of the set-password page's address (`/#/set-password?token=…`). */
export const tokenOf = (search: string): string => new URLSearchParams(search).get('token')?.trim() ?? '';

/** Four eyes on roles, and password links: what leads and admins do beyond the staff resource. */
export const staffApi = {
  /** Pending role requests the caller's roles could approve. */
  async roleRequests(): Promise<{ data: RoleRequest[]; total: number }> {
    const body = await call('/staff/role-requests');
    if (isRecord(body) && Array.isArray(body.data)) {
      const data = body.data.filter(isRoleRequest);
      return { data, total: isCount(body.total) ? body.total : data.length };
    }
    throw new Error('Unexpected role requests from the API');
  },

  async decide(id: string, approve: boolean): Promise<void> {
    await post(`/staff/role-requests/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`);
  },

  /** The admin's "reset password": a new one-time link; the account's content roles wait for approval again. */
  async issuePasswordLink(staffId: string): Promise<PasswordLink> {
    return readLink(await post(`/staff/${encodeURIComponent(staffId)}/password-link`));
  },

  /** Whose link this is (public: the person has no password yet). */
  async inspectLink(token: string): Promise<PasswordLinkInfo> {
    const body = await post('/auth/password-link', { token });
    if (
      isRecord(body) &&
      typeof body.email === 'string' &&
      typeof body.name === 'string' &&
      typeof body.expiresAt === 'string'
    ) {
      return { email: body.email, name: body.name, expiresAt: body.expiresAt };
    }
    throw new Error('Unexpected password link from the API');
  },

  async setPassword(token: string, password: string): Promise<void> {
    await post('/auth/set-password', { token, password });
  },
};

export type StaffApi = typeof staffApi;
