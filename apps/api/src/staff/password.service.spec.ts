import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const passwords = new PasswordService();
  const account = { email: 'lea.martin@vigie.example' };

  it('hashes with argon2id and verifies', async () => {
    const hashed = await passwords.hash('a long enough passphrase');
    expect(hashed).toMatch(/^\$argon2id\$/);
    await expect(passwords.verify(hashed, 'a long enough passphrase')).resolves.toBe(true);
    await expect(passwords.verify(hashed, 'a long enough passphrasE')).resolves.toBe(false);
  });

  it('never verifies against a missing account, yet spends the same work', async () => {
    await expect(passwords.verify(undefined, 'decoy password never used')).resolves.toBe(false);
  });

  it.each([
    ['short1!', 'too_short', 'must be at least 12 characters'],
    ['password1234', 'too_common', 'is too common'],
    ['MotDePasse123', 'too_common', 'is too common'],
    ['zzzzzzzzzzzzzz', 'too_common', 'is too common'],
    ['lea.martin-2026!', 'contains_email', 'must not contain the e-mail address'],
  ])('refuses %s: %s', (candidate, code, message) => {
    expect(passwords.problems(candidate, account)).toContainEqual({ code, message });
  });

  it('accepts a decent passphrase', () => {
    expect(passwords.problems('tram-violet-42-ardoise', account)).toEqual([]);
  });
});
