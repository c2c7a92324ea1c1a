import { ACCESS_PURPOSE, LEGAL_BASIS } from '@vigie/contracts';

// The register stores stable codes; the DPO reads them in words, with the code beside for the record.
const LEGAL_BASIS_KEYS: Readonly<Record<string, string>> = {
  [LEGAL_BASIS]: 'vigie.register.legal_bases.gdpr_6_1_f',
};
const PURPOSE_KEYS: Readonly<Record<string, string>> = {
  [ACCESS_PURPOSE]: 'vigie.register.purposes.report_review',
};

/** The i18n key of a legal basis code, or undefined for a code this build does not know. */
export const legalBasisKey = (code: string): string | undefined =>
  Object.hasOwn(LEGAL_BASIS_KEYS, code) ? LEGAL_BASIS_KEYS[code] : undefined;

/** The i18n key of a purpose code, or undefined for a code this build does not know. */
export const purposeKey = (code: string): string | undefined =>
  Object.hasOwn(PURPOSE_KEYS, code) ? PURPOSE_KEYS[code] : undefined;
