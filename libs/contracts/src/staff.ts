/** Staff roles; a staff member may hold several. */
export const STAFF_ROLES = ['moderator', 'lead', 'dpo', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The staff member as the API returns it after login and from `GET /auth/me`. */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
}

export interface SessionResponse {
  user: StaffIdentity;
  csrfToken: string;
}
