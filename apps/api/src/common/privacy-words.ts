import type { DocumentLanguage } from '@vigie/contracts';

/**
 * The register's codes in plain words, for documents handed to people and for the record of
 * processing. An unknown code is shown as it is, never dropped.
 */
const PURPOSES: Record<string, Record<DocumentLanguage, string>> = {
  'moderation.report-review': {
    fr: 'Examiner un signalement fait sur la plateforme (modération)',
    en: 'Reviewing a report made on the platform (moderation)',
  },
};

const LEGAL_BASES: Record<string, Record<DocumentLanguage, string>> = {
  'GDPR-6-1-f': {
    fr: "Intérêt légitime (RGPD, article 6, paragraphe 1, point f) : protéger les utilisateurs de la plateforme et faire respecter ses règles",
    en: "Legitimate interest (GDPR, Article 6(1)(f)): protecting the platform's users and enforcing its rules",
  },
};

export const purposeWords = (code: string, lang: DocumentLanguage): string => PURPOSES[code]?.[lang] ?? code;
export const legalBasisWords = (code: string, lang: DocumentLanguage): string => LEGAL_BASES[code]?.[lang] ?? code;

/** A date and time as people read them, in Paris time (said so in the documents). */
export function dateTimeWords(iso: string, lang: DocumentLanguage): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

export function dateWords(iso: string, lang: DocumentLanguage): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

const UNITS: Record<string, Record<DocumentLanguage, [string, string]>> = {
  Y: { fr: ['an', 'ans'], en: ['year', 'years'] },
  M: { fr: ['mois', 'mois'], en: ['month', 'months'] },
  W: { fr: ['semaine', 'semaines'], en: ['week', 'weeks'] },
  D: { fr: ['jour', 'jours'], en: ['day', 'days'] },
};

/** An ISO 8601 period (`P3Y`, `P2Y6M`) in words; as configured when it cannot be worded. */
export function periodWords(period: string, lang: DocumentLanguage): string {
  const parts = [...period.matchAll(/(\d+)([YMWD])/g)].map(([, n, unit]) => `${n} ${UNITS[unit][lang][Number(n) > 1 ? 1 : 0]}`);
  if (!/^P(\d+[YMWD])+$/.test(period) || parts.length === 0) return period;
  const and = lang === 'fr' ? ' et ' : ' and ';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]}`;
}
