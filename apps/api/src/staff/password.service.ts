import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { type FieldProblemCode, PASSWORD_MIN_LENGTH } from '@vigie/contracts';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// argon2id (the package's const enum Algorithm.Argon2id) with OWASP's recommended minimum cost.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * zxcvbn's score 3 (an estimated 10^8 guesses or more). Online guessing is throttled by the
 * sign-in, and a stolen argon2id hash costs an attacker a slow hash per guess: 3 is what the
 * estimator calls protection against that offline attack. 4 (10^10) would refuse many phrases
 * people can remember without writing them down.
 */
export const PASSWORD_MIN_SCORE = 3;

// Estimating is quadratic in the length (a second for 64 random characters here): characters
// past these only make a password stronger, so the estimate stops there.
const ESTIMATED_LENGTH = 48;

// Words anyone guessing a Vigie password tries first, as if the person had typed them.
const PRODUCT_WORDS = ['vigie', 'motdepasse', 'password', 'moderation', 'moderateur', 'moderatrice', 'moderator', 'signalement', 'backoffice'];

// What the estimator says gives a password away (its warning), as the problem code the backoffice translates.
const WARNING_CODES: Record<string, FieldProblemCode> = {
  straightRow: 'keyboard_pattern',
  keyPattern: 'keyboard_pattern',
  simpleRepeat: 'repetition',
  extendedRepeat: 'repetition',
  sequences: 'sequence',
  recentYears: 'date_like',
  dates: 'date_like',
  topTen: 'too_common',
  topHundred: 'too_common',
  common: 'too_common',
  similarToCommon: 'too_common',
  pwned: 'too_common',
  wordByItself: 'single_word',
  namesByThemselves: 'single_word',
  commonNames: 'single_word',
  userInputs: 'personal_data',
};

const WARNING_MESSAGES: Partial<Record<FieldProblemCode, string>> = {
  keyboard_pattern: 'is too easy to guess: keyboard patterns are tried early',
  repetition: 'is too easy to guess: repeated characters or patterns are tried early',
  sequence: 'is too easy to guess: sequences like "abc" or "1234" are tried early',
  date_like: 'is too easy to guess: dates and years are tried early',
  too_common: 'is too common',
  single_word: 'is too easy to guess: single words and names are tried early',
  personal_data: 'is too easy to guess: it uses the name, the e-mail address or the product',
};

export interface PasswordProblem {
  code: FieldProblemCode;
  message: string;
}

let estimator: Promise<ZxcvbnFactory> | undefined;

/** The estimator with the common, French and English dictionaries: loaded on first use (~0.2 s, ~70 MB). */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([{ ZxcvbnFactory }, common, fr, en]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...fr.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        maxLength: ESTIMATED_LENGTH,
      }),
  );
  return estimator;
}

const unaccented = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');
const lettersAndDigits = (text: string): string => unaccented(text).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The password (lower case, without accents) less every word of `words` in it; null when none is. */
function withoutWords(password: string, words: string[]): string | null {
  const plain = unaccented(password).toLowerCase();
  let rest = plain;
  for (const word of [...new Set(words.map((w) => unaccented(w).toLowerCase()))].sort((a, b) => b.length - a.length)) {
    rest = rest.split(word).join('');
  }
  return rest === plain ? null : rest;
}

/** What a guesser knows of the account: its e-mail address and name, whole and in words, without accents too. */
export function userInputsOf(account: { email: string; name?: string }): string[] {
  const local = account.email.split('@')[0] ?? '';
  const texts = [account.email, local, account.name ?? ''];
  const words = texts.flatMap((text) => text.split(/[^\p{L}\p{N}]+/u));
  const all = [...texts, ...words].map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  return [...new Set([...all, ...all.map(unaccented), ...PRODUCT_WORDS])];
}

@Injectable()
export class PasswordService {
  // Verified when the e-mail matches no account, so that the answer takes as long either way.
  private readonly decoy = hash('decoy password never used', ARGON2);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  /** False as well for an account whose person has not set a password yet (null). */
  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await this.decoy);
    const ok = await verify(target, password).catch(() => false);
    return ok && typeof passwordHash === 'string';
  }

  /** What is wrong with a new password, with a code and words staff can act on; empty when it is acceptable. */
  async problems(password: string, account: { email: string; name?: string }): Promise<PasswordProblem[]> {
    if ([...password].length < PASSWORD_MIN_LENGTH) return [{ code: 'too_short', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }];
    const problems: PasswordProblem[] = [];
    // "lea.martin" is in "LeaMartin2026" and "léa_martin" too: compared as letters and digits only.
    const local = lettersAndDigits(account.email.split('@')[0] ?? '');
    if (local.length >= 4 && lettersAndDigits(password).includes(local)) problems.push({ code: 'contains_email', message: 'must not contain the e-mail address' });
    const zxcvbn = await loadEstimator();
    const inputs = userInputsOf(account);
    const result = zxcvbn.check(password, inputs);
    let code: FieldProblemCode | undefined;
    if (result.score < PASSWORD_MIN_SCORE) {
      code = (result.feedback.warning && WARNING_CODES[result.feedback.warning]) || 'too_guessable';
    } else {
      // The estimator barely counts a name or the product's name joined to something ("Martin-Lea-1987",
      // "Vigie-Moderation"): what is left without them must hold on its own.
      const rest = withoutWords(password, inputs);
      if (rest !== null && zxcvbn.check(rest, inputs).score < PASSWORD_MIN_SCORE) code = 'personal_data';
    }
    if (code && !(code === 'personal_data' && problems.length > 0)) {
      problems.push({ code, message: WARNING_MESSAGES[code] ?? 'is too easy to guess: add words few people would put together' });
    }
    return problems;
  }
}
