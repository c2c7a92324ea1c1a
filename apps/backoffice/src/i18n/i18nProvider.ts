import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { en } from './en';
import { fr } from './fr';

export const LOCALES = [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
] as const;
export type AppLocale = (typeof LOCALES)[number]['locale'];
export const DEFAULT_LOCALE: AppLocale = 'fr';

// Kept apart from react-admin's store, which is wiped on logout: the language is a
// choice of the device, not of the session.
export const LOCALE_STORAGE_KEY = 'vigie.locale';

const isAppLocale = (value: unknown): value is AppLocale => LOCALES.some(({ locale }) => locale === value);

const localStore = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

export const readStoredLocale = (): AppLocale => {
  const stored = localStore()?.getItem(LOCALE_STORAGE_KEY);
  return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
};

const applyLocale = (locale: string): void => {
  localStore()?.setItem(LOCALE_STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

export const createI18nProvider = (initialLocale: AppLocale = readStoredLocale()): I18nProvider => {
  const polyglot = polyglotI18nProvider((locale) => (locale === 'en' ? en : fr), initialLocale, [...LOCALES]);
  if (typeof document !== 'undefined') document.documentElement.lang = initialLocale;
  return {
    ...polyglot,
    changeLocale: async (locale: string) => {
      const next = isAppLocale(locale) ? locale : DEFAULT_LOCALE;
      await polyglot.changeLocale(next);
      applyLocale(next);
    },
  };
};

export const i18nProvider = createI18nProvider();
