import { aCheckpoint } from '../testing/registerFixtures';
import { checkpointFileName, formatAge, formatCount, shortHash, shortId } from './format';

const now = new Date('2026-11-26T12:00:00.000Z');
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('registerFormat', () => {
  it.each([
    [20_000, "À l'instant"],
    [5 * MINUTE, 'Il y a 5 minutes'],
    [3 * 60 * MINUTE, 'Il y a 3 heures'],
    [1 * DAY, 'Hier'],
    [45 * DAY, 'Le mois dernier'],
    [130 * DAY, 'Il y a 4 mois'],
    [800 * DAY, 'Il y a 2 ans'],
  ])('says an entry %i ms old is "%s", never falling back to a date', (elapsed, words) => {
    expect(formatAge(ago(elapsed), now, 'fr', "À l'instant")).toBe(words);
  });

  it('groups thousands as the locale does', () => {
    expect(formatCount(12345, 'fr').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });

  it('keeps the two ends of a hash and the first block of an id', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789…abcdef');
    expect(shortHash('abc')).toBe('abc');
    expect(shortId('6f1b1c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b')).toBe('6f1b1c1e');
  });

  it('names a checkpoint file after the entry it seals and the day it was signed', () => {
    expect(checkpointFileName(aCheckpoint({ sequence: 4512, time: '2026-03-09T23:10:00.000Z' }))).toBe(
      'vigie-checkpoint-4512-2026-03-09.json',
    );
  });
});
