import type { StaffRole } from '@vigie/contracts';
import { randomBytes } from 'node:crypto';
import type { StaffService } from '../staff/staff.service';

export interface DemoAccount {
  role: StaffRole;
  email: string;
  name: string;
  password: string;
}

const DEMO_STAFF: { role: StaffRole; email: string; name: string }[] = [
  { role: 'moderator', email: 'moderateur@vigie.demo', name: 'Camille Moreau' },
  { role: 'lead', email: 'lead@vigie.demo', name: 'Julien Lefèvre' },
  { role: 'dpo', email: 'dpo@vigie.demo', name: 'Sophie Bernard' },
  { role: 'admin', email: 'admin@vigie.demo', name: 'Nadia Haddad' },
];

/** One account per role with a random password, for a demo on an empty embedded database. */
export async function createDemoStaff(staff: StaffService): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const account of DEMO_STAFF) {
    const password = `demo-${randomBytes(12).toString('base64url')}`;
    await staff.createByOperator({ email: account.email, name: account.name, roles: [account.role], password });
    accounts.push({ ...account, password });
  }
  return accounts;
}

export function describeDemoStaff(accounts: DemoAccount[], mfaRoles: readonly StaffRole[]): string {
  const lines = [
    '',
    'Demo accounts — created because the embedded database was empty. The passwords are shown only now:',
    ...accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(24)} ${a.password}`),
  ];
  if (mfaRoles.length > 0) {
    lines.push(
      `  (${mfaRoles.join(', ')}: enrol an authenticator app at first sign-in; MFA_REQUIRED_ROLES= turns this off for a demo)`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
