import { RETENTION_RUN_STATUSES } from '@vigie/contracts';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { PERIOD_UNITS } from './retentionFormat';

const messageAt = (catalogue: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      catalogue,
    );

const keys = [
  ...RETENTION_RUN_STATUSES.map((status) => `vigie.retention.runs.statuses.${status}`),
  ...(['schedule', 'manual', 'cli'] as const).map((trigger) => `vigie.retention.runs.triggers.${trigger}`),
  'vigie.retention.timeline.legal_hold_placed',
  'vigie.retention.timeline.legal_hold_lifted',
  'vigie.retention.timeline.retention_closed',
  'vigie.retention.timeline.retention_closed_run',
];

describe('the retention messages', () => {
  // A status or unit added to the contracts must not reach the DPO as a raw key.
  it.each(keys)('word %s in French and in English', (key) => {
    expect(typeof messageAt(fr, key)).toBe('string');
    expect(typeof messageAt(en, key)).toBe('string');
    expect(messageAt(en, key)).not.toEqual(messageAt(fr, key));
  });

  // "minute" is English and French alike: units need only exist, with their plural form.
  it.each(PERIOD_UNITS)('have a plural form for a period in %s', (unit) => {
    for (const catalogue of [fr, en])
      expect(String(messageAt(catalogue, `vigie.retention.period.${unit}`))).toMatch(
        /^%\{smart_count\} .+ \|\|\|\| %\{smart_count\} .+$/,
      );
  });

  it('say the promise of the privacy policy in its own words', () => {
    expect(messageAt(fr, 'vigie.retention.policy.statement')).toBe(
      'Les données sont conservées %{period} après la dernière activité.',
    );
  });
});
