import { LOCALE_STORAGE_KEY, createI18nProvider, readStoredLocale } from './i18nProvider';

beforeEach(() => localStorage.clear());

describe('i18nProvider', () => {
  it('speaks French by default and offers French and English', () => {
    const provider = createI18nProvider(readStoredLocale());

    expect(provider.getLocale()).toBe('fr');
    expect(provider.translate('vigie.app.tagline')).toBe('Modération des signalements');
    expect(provider.getLocales?.()).toEqual([
      { locale: 'fr', name: 'Français' },
      { locale: 'en', name: 'English' },
    ]);
  });

  it('remembers the chosen locale for the next visit', async () => {
    await createI18nProvider(readStoredLocale()).changeLocale('en');

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    const nextVisit = createI18nProvider(readStoredLocale());
    expect(nextVisit.getLocale()).toBe('en');
    expect(nextVisit.translate('vigie.app.tagline')).toBe('Report moderation');
    expect(document.documentElement.lang).toBe('en');
  });

  it('falls back to French for a stored locale it does not offer', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');

    expect(readStoredLocale()).toBe('fr');
  });
});
