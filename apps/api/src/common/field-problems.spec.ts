import {
  accessRequestSchema,
  bulkActionSchema,
  createStaffWithPasswordSchema,
  decisionRequestSchema,
  FIELD_PROBLEM_CODES,
  legalHoldSchema,
  loginRequestSchema,
  mfaActivateSchema,
  reportPayloadSchema,
  updateStaffSchema,
} from '@vigie/contracts';
import type { ZodType } from 'zod';
import { fieldProblemsOf } from './field-problems';

/** The problems of `value` under `schema`, parsed as the validation pipe parses. */
function problemsOf(schema: ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected the value to be refused');
  return fieldProblemsOf(result.error, 'body');
}

const staff = { email: 'lea.martin@vigie.example', name: 'Léa Martin', roles: ['moderator'], password: 'tram-violet-42-ardoise' };
const statement = { facts: 'Insults repeated over three days.', ground: 'Rule 4.2', automated: false, redress: 'Appeal in the app' };

describe('field problems', () => {
  it.each([
    ['a missing field', createStaffWithPasswordSchema, { email: staff.email, roles: ['moderator'], password: staff.password }, 'name', 'required'],
    ['an empty text', createStaffWithPasswordSchema, { ...staff, name: '   ' }, 'name', 'required'],
    ['a wrong type', createStaffWithPasswordSchema, { ...staff, name: 42 }, 'name', 'invalid_type'],
    ['a malformed e-mail address', createStaffWithPasswordSchema, { ...staff, email: 'lea.martin' }, 'email', 'email_invalid'],
    ['a text too long', createStaffWithPasswordSchema, { ...staff, name: 'x'.repeat(121) }, 'name', 'too_long'],
    ['a text too short', legalHoldSchema, { reason: 'short' }, 'reason', 'too_short'],
    ['a number too small', decisionRequestSchema, { action: 'no_violation', policyClause: 'cgu.4.2-harcelement', statement, version: 0 }, 'version', 'too_small'],
    ['a number too big', decisionRequestSchema, { action: 'suspension', policyClause: 'cgu.4.2-harcelement', statement, durationDays: 4000, version: 1 }, 'durationDays', 'too_big'],
    ['a list too long', accessRequestSchema, { justification: 'x'.repeat(20), reportIds: Array.from({ length: 101 }, () => '7b0c2f5e-4a51-4c1e-9d0e-4f1a2b3c4d5e') }, 'reportIds', 'too_long'],
    ['a value outside an enum', createStaffWithPasswordSchema, { ...staff, roles: ['root'] }, 'roles.0', 'invalid_value'],
    ['a malformed UUID', accessRequestSchema, { justification: 'x'.repeat(20), reportIds: ['nope'] }, 'reportIds.0', 'invalid_format'],
    ['an unknown field', createStaffWithPasswordSchema, { ...staff, admin: true }, 'admin', 'unknown_field'],
    ['no role', createStaffWithPasswordSchema, { ...staff, roles: [] }, 'roles', 'roles_required'],
    ['a role twice', createStaffWithPasswordSchema, { ...staff, roles: ['lead', 'lead'] }, 'roles', 'duplicate_role'],
    ['a TOTP code of the wrong shape', mfaActivateSchema, { code: '12345' }, 'code', 'code_format'],
    ['a sign-in code of the wrong shape', loginRequestSchema, { email: staff.email, password: 'x', totp: 'abc' }, 'totp', 'code_format'],
    ['an update that changes nothing', updateStaffSchema, {}, 'body', 'nothing_to_change'],
    ['a suspension without its duration', decisionRequestSchema, { action: 'suspension', policyClause: 'cgu.4.2-harcelement', statement, version: 1 }, 'durationDays', 'required'],
    ['a duration without a suspension', decisionRequestSchema, { action: 'warning', policyClause: 'cgu.4.2-harcelement', statement, durationDays: 3, version: 1 }, 'durationDays', 'not_allowed'],
    ['a dismissal without its statement', bulkActionSchema, { action: 'dismiss', caseIds: ['7b0c2f5e-4a51-4c1e-9d0e-4f1a2b3c4d5e'] }, 'statement', 'required'],
  ] as const)('%s', (_what, schema, value, field, code) => {
    const problems = problemsOf(schema, value);
    expect(problems).toContainEqual({ field, code, message: expect.any(String) });
  });

  it('declares the codes of the intake refinements', () => {
    const user = (externalId: string) => ({ externalId, kind: 'explorer', displayName: externalId });
    const problems = problemsOf(reportPayloadSchema, {
      externalId: 'r-1',
      reportedAt: '2026-11-02T10:00:00Z',
      category: 'harassment',
      reporter: user('u-1'),
      reported: user('u-1'),
      conversation: {
        externalId: 'c-1',
        participants: ['u-2', 'u-3'],
        messages: [
          { externalId: 'm-1', authorExternalId: 'u-2', sentAt: '2026-11-02T09:00:00Z', body: 'hello' },
          { externalId: 'm-1', authorExternalId: 'u-9', sentAt: '2026-11-02T09:01:00Z', body: 'again' },
        ],
      },
      reportedMessageIds: ['m-7'],
    });
    expect(problems.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: 'reported.externalId', code: 'must_differ' },
        { field: 'reporter.externalId', code: 'not_a_participant' },
        { field: 'conversation.messages.1.authorExternalId', code: 'not_a_participant' },
        { field: 'conversation.messages', code: 'duplicate' },
        { field: 'reportedMessageIds.0', code: 'not_in_conversation' },
      ]),
    );
  });

  it('keeps the English message for developers', () => {
    expect(problemsOf(createStaffWithPasswordSchema, { ...staff, roles: [] })).toEqual([{ field: 'roles', code: 'roles_required', message: 'at least one role' }]);
  });

  it('only ever answers codes of the contracts list', () => {
    const problems = [
      ...problemsOf(createStaffWithPasswordSchema, { email: 3, roles: 'x', extra: 1 }),
      ...problemsOf(decisionRequestSchema, { action: 'nope', statement: { facts: '' }, version: 'one' }),
    ];
    expect(problems.length).toBeGreaterThan(4);
    for (const problem of problems) expect(FIELD_PROBLEM_CODES).toContain(problem.code);
  });
});
