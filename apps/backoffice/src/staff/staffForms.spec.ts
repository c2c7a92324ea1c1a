import { normaliseRoles, validateRoles } from './RolesInput';
import { toCreateRequest } from './StaffCreate';
import { toUpdateRequest } from './StaffEdit';

describe('the staff forms', () => {
  it('send roles in the contract order, each once, and only known ones', () => {
    expect(normaliseRoles(['admin', 'moderator', 'admin', 'root'])).toEqual(['moderator', 'admin']);
    expect(normaliseRoles(undefined)).toEqual([]);
  });

  it('require at least one role', () => {
    expect(validateRoles([])).toBe('vigie.errors.fields.roles_required');
    expect(validateRoles(['superuser'])).toBe('vigie.errors.fields.roles_required');
    expect(validateRoles(['dpo'])).toBeUndefined();
  });

  it('create with exactly the fields the API accepts, trimmed', () => {
    expect(
      toCreateRequest({
        email: ' lea@vigie.test ',
        name: ' Léa Martin ',
        roles: ['lead', 'moderator'],
        // Admins never choose a password: the person sets it through a one-time link.
        password: 'never sent',
        unexpected: 'dropped',
      }),
    ).toEqual({
      email: 'lea@vigie.test',
      name: 'Léa Martin',
      roles: ['moderator', 'lead'],
    });
  });

  it('update only what an admin may change, never the e-mail address or the dates', () => {
    expect(
      toUpdateRequest({
        id: 'x',
        email: 'changed@vigie.test',
        name: 'Léa Martin ',
        roles: ['admin'],
        disabled: true,
        lastLoginAt: null,
        mfaEnabled: true,
      }),
    ).toEqual({ name: 'Léa Martin', roles: ['admin'], disabled: true });
  });
});
