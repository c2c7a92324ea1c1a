import { DECISION_ACTIONS, DECISION_STATES, POLICY_CLAUSES } from '@vigie/contracts';
import { clauseLabelKey } from './clauseLabel';
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
  ...[...DECISION_ACTIONS, 'appeal_upheld', 'appeal_overturned'].map(
    (action) => `vigie.decisions.actions.${action}`,
  ),
  ...DECISION_ACTIONS.map((action) => `vigie.decisions.action_hints.${action}`),
  ...DECISION_STATES.map((state) => `vigie.decisions.states.${state}`),
  ...POLICY_CLAUSES.map(clauseLabelKey),
  'vigie.decisions.menu.approvals',
  'vigie.decisions.menu.deliveries',
];

describe('the decisions messages', () => {
  // An action, a state or a clause added to the contracts must not reach staff as a raw key.
  it.each(keys)('word %s in French and in English', (key) => {
    for (const catalogue of [fr, en]) expect(String(messageAt(catalogue, key) ?? '').trim()).not.toBe('');
  });

  it('say the four-eyes notice and the default redress in the words the team agreed', () => {
    expect(messageAt(fr, 'vigie.decisions.form.four_eyes_title')).toBe(
      "Cette sanction sera soumise à l'approbation d'un·e responsable",
    );
    expect(messageAt(fr, 'vigie.decisions.form.redress_default')).toBe(
      'Vous pouvez contester cette décision depuis la plateforme dans un délai de 6 mois.',
    );
  });
});
