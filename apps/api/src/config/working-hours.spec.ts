import { parseWorkingHours } from './working-hours';

describe('ALERT_WORKING_HOURS', () => {
  it('reads days, hours and a time zone', () => {
    expect(parseWorkingHours('Mon-Fri 08:00-20:00 Europe/Paris')).toEqual({ days: [1, 2, 3, 4, 5], start: '08:00', end: '20:00', timeZone: 'Europe/Paris' });
    expect(parseWorkingHours(' sat-mon,Wed 00:00-24:00 UTC ')).toEqual({ days: [1, 3, 6, 7], start: '00:00', end: '24:00', timeZone: 'UTC' });
  });

  it.each([
    ['Mon-Fri 08:00-20:00', 'must read like'],
    ['Mon-Fry 08:00-20:00 Europe/Paris', 'unknown day'],
    ['Mon-Fri 8h-20h Europe/Paris', 'HH:MM'],
    ['Mon-Fri 20:00-08:00 Europe/Paris', 'end after they start'],
    ['Mon-Fri 08:00-20:00 Europe/Nowhere', 'unknown time zone'],
  ])('refuses %s, saying why', (text, why) => {
    expect(parseWorkingHours(text)).toEqual(expect.stringContaining(why));
  });
});
