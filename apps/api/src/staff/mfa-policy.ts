import type { StaffRole } from '@vigie/contracts';
import type { AppConfig } from '../config/config';

/** Whether holding these roles obliges the account to use TOTP (`MFA_REQUIRED_ROLES`). */
export function requiresMfa(roles: readonly StaffRole[], config: Pick<AppConfig, 'MFA_REQUIRED_ROLES'>): boolean {
  return roles.some((role) => config.MFA_REQUIRED_ROLES.includes(role));
}
