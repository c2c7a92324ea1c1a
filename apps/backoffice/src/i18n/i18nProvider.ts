import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
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

// English is the second language: its catalogue is a chunk of its own, fetched when chosen.
const catalogues: Partial<Record<AppLocale, TranslationMessages>> = { fr };

/** The messages of `locale`, fetched the first time. */
export const loadMessages = async (locale: AppLocale): Promise<TranslationMessages> => {
  const known = catalogues[locale];
  if (known) return known;
  const { en } = await import('./en');
  catalogues.en = en;
  return en;
};

// Synchronous when loaded: ra-i18n-polyglot needs the first locale's messages at once, and
// takes a Promise for the next ones.
const messagesOf = (locale: string): TranslationMessages | Promise<TranslationMessages> => {
  const known = isAppLocale(locale) ? locale : DEFAULT_LOCALE;
  return catalogues[known] ?? loadMessages(known);
};

/**
 * `messages` hands over the initial locale's catalogue when it is not French (main.tsx loads a
 * stored English before the first render; specs import it). Without it, French until loaded.
 */
export const createI18nProvider = (
  initialLocale: AppLocale = readStoredLocale(),
  messages?: TranslationMessages,
): I18nProvider => {
  if (messages) catalogues[initialLocale] = messages;
  const first = catalogues[initialLocale] ? initialLocale : DEFAULT_LOCALE;
  const polyglot = polyglotI18nProvider(messagesOf, first, [...LOCALES]);
  if (typeof document !== 'undefined') document.documentElement.lang = first;
  return {
    ...polyglot,
    changeLocale: async (locale: string) => {
      const next = isAppLocale(locale) ? locale : DEFAULT_LOCALE;
      await polyglot.changeLocale(next);
      applyLocale(next);
    },
  };
};

let appProvider: I18nProvider | undefined;
const app = (): I18nProvider => (appProvider ??= createI18nProvider());

/** The app's provider, made at its first use: after main.tsx has loaded the stored locale. */
export const i18nProvider: I18nProvider = {
  translate: (key, options) => app().translate(key, options),
  changeLocale: (locale, options) => app().changeLocale(locale, options),
  getLocale: () => app().getLocale(),
  getLocales: () => app().getLocales?.() ?? [...LOCALES],
};
