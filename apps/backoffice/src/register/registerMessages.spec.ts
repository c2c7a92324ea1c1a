import { ACCESS_OUTCOMES, GATE_REFUSALS, GRANT_REVOCATION_CAUSES, GRANT_SCOPES, REGISTER_PROBLEMS } from '@vigie/contracts';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';

const messageAt = (catalogue: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      catalogue,
    );

const keys = [
  ...GATE_REFUSALS.map((reason) => `vigie.register.reasons.${reason}`),
  ...GRANT_REVOCATION_CAUSES.map((cause) => `vigie.register.revocation_causes.${cause}`),
  ...REGISTER_PROBLEMS.map((problem) => `vigie.register.integrity.problems.${problem}`),
  ...GRANT_SCOPES.flatMap((scope) => [
    `vigie.register.scopes.${scope}`,
    `vigie.register.scopes.${scope}_hint`,
  ]),
  ...ACCESS_OUTCOMES.filter((outcome) => outcome !== 'read').map(
    (outcome) => `vigie.register.outcomes.${outcome}`,
  ),
];

describe('the register messages', () => {
  // A code added to the contracts must not reach the DPO as a raw key.
  it.each(keys)('word %s in French and in English', (key) => {
    expect(typeof messageAt(fr, key)).toBe('string');
    expect(typeof messageAt(en, key)).toBe('string');
    expect(messageAt(en, key)).not.toEqual(messageAt(fr, key));
  });
});
