import { useTranslate } from 'react-admin';
/** The i18n key part of a clause: polyglot reads dots as nesting. */
const clauseKey = (clause: string): string => clause.replace(/\./g, '_');

/** The i18n key of a policy clause's title ("Protection des mineurs"). */
export const clauseLabelKey = (clause: string): string => `vigie.decisions.clauses.${clauseKey(clause)}`;

/** "4.8" of `cgu.4.8-protection-mineurs`: the article's number in the terms of use. */
export const clauseNumber = (clause: string): string => /^cgu\.(\d+(?:\.\d+)*)/.exec(clause)?.[1] ?? clause;

/**
 * A clause as staff pick it ("CGU art. 4.8 — Protection des mineurs") and as the statement of
 * reasons states it ("Conditions générales d'utilisation, article 4.8 (Protection des mineurs)").
 */
export const useClauseWords = () => {
  const translate = useTranslate();
  const parts = (clause: string) => ({
    number: clauseNumber(clause),
    title: translate(clauseLabelKey(clause), { _: clause }),
  });
  return {
    label: (clause: string) => translate('vigie.decisions.clause_label', parts(clause)),
    ground: (clause: string) => translate('vigie.decisions.form.ground_from_clause', parts(clause)),
  };
};
