import type { ApiErrorBody } from '@vigie/contracts';
import { HttpError } from 'react-admin';
import { ApiError } from './httpClient';
import { formErrorsOf, inputPathOf, toHttpError } from './serverErrors';

const apiError = (status: number, details?: unknown, message = 'From the API'): ApiError => {
  const body: ApiErrorBody = {
    statusCode: status,
    error: 'Error',
    message,
    ...(details === undefined ? {} : { details }),
    requestId: 'req-1',
  };
  return new ApiError(status, body, String(status));
};

describe('inputPathOf', () => {
  it.each([
    ['roles.0', 'roles'],
    ['roles.12', 'roles'],
    ['email', 'email'],
    ['address.city', 'address.city'],
    ['contacts.1.email', 'contacts.email'],
  ])('maps %s to the input %s', (field, path) => {
    expect(inputPathOf(field)).toBe(path);
  });
});

describe('formErrorsOf', () => {
  it('puts validation problems (details as a list) on their inputs, array items on the array', () => {
    const error = apiError(400, [
      { field: 'email', code: 'email_invalid', message: 'must be an e-mail address' },
      { field: 'roles.0', code: 'invalid_value', message: 'Invalid option: expected one of "moderator"|"lead"|"dpo"|"admin"' },
      { field: 'name', code: 'required', message: 'required' },
    ]);

    expect(formErrorsOf(error)).toEqual({
      email: 'vigie.errors.fields.email_invalid',
      roles: 'vigie.errors.fields.invalid',
      name: 'ra.validation.required',
    });
  });

  it('puts a domain problem (details.fields) on its input, worded by its code, with a sentence for the whole form', () => {
    const error = apiError(409, {
      code: 'email_taken',
      fields: [{ field: 'email', code: 'already_used', message: 'is already used' }],
    });

    expect(formErrorsOf(error)).toEqual({
      email: 'vigie.errors.fields.email_taken',
      root: { serverError: 'vigie.errors.email_taken' },
    });
  });

  it('shows the first of several password problems, each worded for staff', () => {
    const error = apiError(400, {
      code: 'weak_password',
      fields: [
        { field: 'newPassword', code: 'too_short', message: 'must be at least 12 characters' },
        { field: 'newPassword', code: 'contains_email', message: 'must not contain the e-mail address' },
      ],
    });
    const common = apiError(400, {
      code: 'weak_password',
      fields: [{ field: 'password', code: 'too_common', message: 'is too common' }],
    });
    const unknown = apiError(400, {
      code: 'weak_password',
      fields: [{ field: 'password', code: 'breached', message: 'is on a list of breached passwords' }],
    });

    expect(formErrorsOf(error)).toMatchObject({ newPassword: 'vigie.errors.fields.password_too_short' });
    expect(formErrorsOf(common)).toMatchObject({ password: 'vigie.errors.fields.password_too_common' });
    expect(formErrorsOf(unknown)).toMatchObject({ password: 'vigie.errors.fields.password_weak' });
  });

  it.each([
    ['repetition', 'password_repetition'],
    ['keyboard_pattern', 'password_keyboard_pattern'],
    ['sequence', 'password_sequence'],
    ['date_like', 'password_date_like'],
    ['single_word', 'password_single_word'],
    ['personal_data', 'password_personal_data'],
    ['too_guessable', 'password_too_guessable'],
  ])('says what gives a password away when the estimator refuses it: %s', (code, key) => {
    const error = apiError(400, { code: 'weak_password', fields: [{ field: 'newPassword', code, message: 'is too easy to guess' }] });
    expect(formErrorsOf(error)).toMatchObject({ newPassword: `vigie.errors.fields.${key}` });
  });

  it('names the wrong current password on its input', () => {
    const error = apiError(400, {
      code: 'current_password_wrong',
      fields: [{ field: 'currentPassword', code: 'incorrect', message: 'is not right' }],
    });

    expect(formErrorsOf(error)).toEqual({
      currentPassword: 'vigie.errors.fields.current_password_wrong',
      root: { serverError: 'vigie.errors.current_password_wrong' },
    });
  });

  it('reads the stable code of a field problem, never its English wording', () => {
    const reworded = apiError(400, [
      { field: 'email', code: 'email_invalid', message: 'is not a valid address, says the new wording' },
      { field: 'title', code: 'too_long', message: 'Too big: expected string to have <=200 characters' },
    ]);
    const uncoded = apiError(400, [{ field: 'email', message: 'must be an e-mail address' }]);

    expect(formErrorsOf(reworded)).toEqual({
      email: 'vigie.errors.fields.email_invalid',
      title: 'vigie.errors.fields.too_long',
    });
    expect(formErrorsOf(uncoded)).toEqual({ email: 'vigie.errors.fields.invalid' });
  });

  it('gives a refusal that concerns no input to the form as a whole', () => {
    expect(formErrorsOf(apiError(409, { code: 'already_assigned' }))).toEqual({
      root: { serverError: 'vigie.errors.already_assigned' },
    });
    // A validation error of the body itself ("nothing to change") has no input either.
    expect(formErrorsOf(apiError(400, [{ field: 'body', code: 'nothing_to_change', message: 'nothing to change' }]))).toEqual({
      root: { serverError: 'vigie.errors.invalid_input' },
    });
  });

  it.each([403, 404, 500])('leaves a %i to the notification: it is not about what was typed', (status) => {
    expect(formErrorsOf(apiError(status, { code: 'role' }))).toBeNull();
  });
});

describe('toHttpError', () => {
  it("keeps the status and the API's body, adds the form errors and an i18n key as message", () => {
    const error = toHttpError(
      apiError(409, { code: 'email_taken', fields: [{ field: 'email', code: 'already_used', message: 'is already used' }] }),
    );

    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('vigie.errors.email_taken');
    expect(error.body).toMatchObject({
      requestId: 'req-1',
      details: { code: 'email_taken' },
      errors: { email: 'vigie.errors.fields.email_taken' },
    });
  });

  it('keeps a 401 a 401, so that react-admin signs the person out', () => {
    const error = toHttpError(apiError(401, { code: 'session_expired' }, 'Your session has expired.'));

    expect(error.status).toBe(401);
    expect(error.body?.errors).toBeUndefined();
  });

  it.each([
    [apiError(403, { code: 'role' }), 'vigie.errors.role'],
    [apiError(403, { code: 'mfa_enrolment_required' }), 'vigie.errors.mfa_enrolment_required'],
    [apiError(404, { code: 'staff_not_found' }), 'vigie.errors.staff_not_found'],
    [apiError(404), 'vigie.errors.not_found'],
    [apiError(500), 'vigie.errors.unavailable'],
    [apiError(418, { code: 'teapot' }, 'I am a teapot'), 'I am a teapot'],
  ])('says %s with the message %s', (error, message) => {
    expect(toHttpError(error).message).toBe(message);
  });

  it('turns a network failure into "unavailable"', () => {
    expect(toHttpError(new TypeError('Failed to fetch'))).toMatchObject({
      message: 'vigie.errors.unavailable',
      status: 0,
    });
  });
});
