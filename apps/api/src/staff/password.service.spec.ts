import { PasswordService, userInputsOf } from './password.service';
import { TEST_PASSWORD } from '../../test/staff-factory';

describe('PasswordService', () => {
  const passwords = new PasswordService();
  const account = { email: 'lea.martin@vigie.example', name: 'Léa Martin' };

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
    ['abababababab', 'repetition', 'is too easy to guess: repeated characters or patterns are tried early'],
    ['zzzzzzzzzzzzzz', 'repetition', 'is too easy to guess: repeated characters or patterns are tried early'],
    ['password1234', 'too_common', 'is too common'],
    ['azertyuiop123', 'keyboard_pattern', 'is too easy to guess: keyboard patterns are tried early'],
    ['0123456789abcdefghij', 'sequence', 'is too easy to guess: sequences like "abc" or "1234" are tried early'],
    ['MotDePasse123', 'personal_data', 'is too easy to guess: it uses the name, the e-mail address or the product'],
    ['Martin-Lea-1987', 'personal_data', 'is too easy to guess: it uses the name, the e-mail address or the product'],
    ['Vigie-Moderation', 'personal_data', 'is too easy to guess: it uses the name, the e-mail address or the product'],
    ['soleil123456', 'too_guessable', 'is too easy to guess: add words few people would put together'],
    ['lea.martin-2026!', 'contains_email', 'must not contain the e-mail address'],
    ['LéaMartin2026!', 'contains_email', 'must not contain the e-mail address'],
  ])('refuses %s: %s', async (candidate, code, message) => {
    expect(await passwords.problems(candidate, account)).toContainEqual({ code, message });
  });

  it('says the e-mail address once, not again as personal data', async () => {
    expect(await passwords.problems('lea.martin-lea.martin', account)).toEqual([{ code: 'contains_email', message: 'must not contain the e-mail address' }]);
  });

  it.each([
    ['a passphrase', 'tram-violet-42-ardoise'],
    ['a passphrase with the person’s name in it', 'martin aime les girafes violettes'],
    ['the tests’ password', TEST_PASSWORD],
    ['the journeys’ passwords (1)', 'correct horse battery staple'],
    ['the journeys’ passwords (2)', 'phare-du-nord-en-hiver-3'],
    ['the journeys’ passwords (3)', 'galet-rouge-sur-la-dune-7'],
    ['a changed password of the tests', 'a brand new passphrase 42'],
    ['another password of the tests', 'autre-mot-de-passe-99'],
    ['a demo password', 'demo-Xq3vR8sLp2Nw7Ty4Kb9h'],
    ['a benchmark password', 'bench-0f3c9a71e2d84b5c6a7f1e09'],
    ['256 random characters', 'x7R!'.repeat(64).replace(/./g, (c, i) => String.fromCharCode(33 + ((c.charCodeAt(0) * 7 + i * 13) % 94)))],
  ])('accepts %s', async (_what, candidate) => {
    expect(await passwords.problems(candidate, account)).toEqual([]);
  });

  it('hands the estimator the account’s words, with and without accents, and the product’s', () => {
    expect(userInputsOf(account)).toEqual(expect.arrayContaining(['lea.martin@vigie.example', 'lea.martin', 'léa martin', 'léa', 'lea', 'martin', 'vigie', 'motdepasse']));
  });
});
