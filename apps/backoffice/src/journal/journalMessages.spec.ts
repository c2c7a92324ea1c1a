import { STAFF_ACTIVITY_EVENTS } from '@vigie/contracts';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';

const labelOf = (catalogue: typeof fr | typeof en, event: string): unknown =>
  (catalogue.vigie.journal.events as Record<string, unknown>)[event];

describe('the staff journal messages', () => {
  // An event added to the contracts must not reach the DPO as a raw key.
  it.each(STAFF_ACTIVITY_EVENTS)('name %s in French and in English', (event) => {
    expect(typeof labelOf(fr, event)).toBe('string');
    expect(typeof labelOf(en, event)).toBe('string');
    expect(labelOf(en, event)).not.toEqual(labelOf(fr, event));
  });

  it('has no label for an event the contracts do not declare', () => {
    const declared: readonly string[] = STAFF_ACTIVITY_EVENTS;
    expect(Object.keys(fr.vigie.journal.events).filter((event) => !declared.includes(event))).toEqual([]);
    expect(Object.keys(en.vigie.journal.events).filter((event) => !declared.includes(event))).toEqual([]);
  });
});
