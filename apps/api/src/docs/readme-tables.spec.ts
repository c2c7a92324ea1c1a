import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, ERROR_CODES, ERROR_CODE_NAMES, rolesFor, STAFF_ROLES } from '@vigie/contracts';

/**
 * The README shows the two tables every route and every error answer are decided by: who may
 * (actions and roles) and what went wrong (codes and statuses). They are written from the
 * contracts here, so the README cannot drift from what the API does.
 */
const README = join(__dirname, '../../../../README.md');

function whoMayTable(): string {
  const head = `| Action | ${STAFF_ROLES.join(' | ')} |\n| --- |${STAFF_ROLES.map(() => ' :---: |').join('')}`;
  const rows = ACTIONS.map((action) => {
    const allowed = rolesFor(action);
    return `| \`${action}\` | ${STAFF_ROLES.map((role) => (allowed.includes(role) ? '✓' : '')).join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}

function whatWentWrongTable(): string {
  const statuses = [...new Set(ERROR_CODE_NAMES.map((code) => ERROR_CODES[code].status))].sort((a, b) => a - b);
  const rows = statuses.map((status) => {
    const codes = ERROR_CODE_NAMES.filter((code) => ERROR_CODES[code].status === status);
    return `| ${status} | ${codes.map((code) => `\`${code}\``).join(', ')} |`;
  });
  return ['| Status | Codes (`details.code`) |\n| --- | --- |', ...rows].join('\n');
}

describe('README tables', () => {
  const readme = readFileSync(README, 'utf8');

  it.each([
    ['who may', whoMayTable],
    ['what went wrong', whatWentWrongTable],
  ])('shows the %s table exactly as the contracts say it', (_name, table) => {
    // On failure, paste the expected table into README.md in place of the old one.
    expect(readme).toContain(table());
  });
});
