import type { DocumentLanguage, ReportCategory, SubjectAccess, SubjectCase, SubjectReport, SubjectRole } from '@vigie/contracts';
import { csvLine } from '../common/csv';
import { renderPdf } from '../common/pdf';
import { dateTimeWords, dateWords, legalBasisWords, purposeWords } from '../common/privacy-words';

/**
 * A person's access report as files: CSV rows (the DPO's, or the person's), and a PDF written
 * for the person. Neither carries a message body nor anyone else's name or platform id: the
 * other people of a conversation are "another participant". Staff appear by role unless the DPO
 * chose to name them (`includeStaff`).
 */

export interface DocumentOptions {
  lang: DocumentLanguage;
  includeStaff: boolean;
  controller: { name: string; contact: string };
  dpoContact: string;
}

const CSV_HEADER = [
  'sequence', 'at', 'case_id', 'outcome', 'reason', 'purpose', 'legal_basis', 'lia_version', 'scope',
  'message_count', 'own_message_count', 'subject_roles', 'staff_role', 'staff_id', 'staff_name',
];

/** The accesses, one CSV line each, oldest first; cells a spreadsheet would compute are defused. */
export function reportCsv(report: SubjectReport, includeStaff: boolean): string {
  const lines = report.accesses.map((a) =>
    csvLine([
      a.sequence, a.at, a.caseId, a.outcome, a.reason, a.purpose, a.legalBasis, a.liaVersion, a.scope?.kind,
      a.scope?.messageCount, a.scope?.ownMessageCount, a.roles, a.staffRole,
      includeStaff ? a.staffId : null, includeStaff ? a.staffName : null,
    ]),
  );
  return csvLine(CSV_HEADER) + lines.join('');
}

type Words = Record<DocumentLanguage, string>;

const T = {
  title: { fr: 'Relevé des accès à vos données', en: 'Record of access to your data' },
  intro: {
    fr: "Ce document répond à votre demande d'accès (article 15 du RGPD). Il recense chaque fois que l'équipe de modération a demandé à lire, ou a lu, une conversation de la plateforme dans laquelle vous apparaissez : la date, la finalité, la base légale et ce qui a été lu. Il ne reproduit aucun message. Les autres personnes de ces conversations y figurent comme « un autre participant » : leurs noms et identifiants n'y apparaissent pas.",
    en: 'This document answers your request for access (GDPR Article 15). It lists every time the moderation team asked to read, or read, a conversation of the platform in which you appear: when, for what purpose, on which legal basis, and what was read. It reproduces no message. The other people of these conversations appear as "another participant": their names and identifiers are not shown.',
  },
  you: { fr: 'Vous', en: 'You' },
  platformId: { fr: 'Identifiant sur la plateforme', en: 'Platform identifier' },
  displayName: { fr: 'Nom affiché', en: 'Display name' },
  none: { fr: '(aucun)', en: '(none)' },
  generatedAt: { fr: 'Document établi le', en: 'Document produced on' },
  controller: { fr: 'Responsable du traitement', en: 'Controller' },
  dpo: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
  timezone: { fr: 'Les heures sont celles de Paris.', en: 'Times are Paris time.' },
  casesTitle: { fr: 'Les signalements qui vous concernent', en: 'The reports that concern you' },
  noCases: { fr: 'Aucun signalement ne vous concerne.', en: 'No report concerns you.' },
  accessesTitle: { fr: 'Les accès à vos conversations', en: 'Access to your conversations' },
  noAccesses: { fr: "Personne de l'équipe de modération n'a demandé à lire une conversation dans laquelle vous apparaissez.", en: 'Nobody of the moderation team asked to read a conversation in which you appear.' },
  purpose: { fr: 'Finalité', en: 'Purpose' },
  legalBasis: { fr: 'Base légale', en: 'Legal basis' },
  by: { fr: 'Par', en: 'By' },
  data: { fr: 'Données concernées', en: 'Data concerned' },
  reference: { fr: 'Référence au registre', en: 'Register reference' },
  rightsTitle: { fr: 'Vos droits', en: 'Your rights' },
  rights: {
    fr: "Vous pouvez demander la rectification ou l'effacement de vos données, la limitation de leur traitement, ou vous y opposer, en écrivant au délégué à la protection des données ci-dessus. Vous pouvez aussi saisir la CNIL (www.cnil.fr).",
    en: 'You may ask for your data to be corrected or erased, for its processing to be restricted, or object to it, by writing to the data protection officer above. You may also complain to the supervisory authority (in France, the CNIL: www.cnil.fr).',
  },
} satisfies Record<string, Words>;

const ROLE_WORDS: Record<SubjectRole, Words> = {
  reporter: { fr: 'vous avez fait le signalement', en: 'you made the report' },
  reported: { fr: 'vous avez été signalé·e', en: 'you were reported' },
  participant: { fr: 'vous avez participé à la conversation', en: 'you took part in the conversation' },
};

const CATEGORY_WORDS: Record<ReportCategory, Words> = {
  harassment: { fr: 'harcèlement', en: 'harassment' },
  sexual_content: { fr: 'contenu sexuel', en: 'sexual content' },
  hate: { fr: 'haine', en: 'hate' },
  threat_violence: { fr: 'menace ou violence', en: 'threat or violence' },
  spam_scam: { fr: 'spam ou arnaque', en: 'spam or scam' },
  personal_data: { fr: 'données personnelles', en: 'personal data' },
  minor_safety: { fr: 'sécurité des mineurs', en: 'safety of minors' },
  impersonation: { fr: "usurpation d'identité", en: 'impersonation' },
  other: { fr: 'autre', en: 'other' },
};

const STATUS_WORDS: Record<SubjectCase['status'], Words> = {
  open: { fr: 'en attente', en: 'waiting' },
  in_review: { fr: 'en cours d’examen', en: 'under review' },
  actioned: { fr: 'mesure prise', en: 'action taken' },
  dismissed: { fr: 'classé sans suite', en: 'dismissed' },
  closed: { fr: 'clos', en: 'closed' },
};

const STAFF_ROLE_WORDS: Record<string, Words> = {
  moderator: { fr: 'un membre de l’équipe de modération', en: 'a member of the moderation team' },
  lead: { fr: 'un responsable de la modération', en: 'a moderation lead' },
  dpo: { fr: 'le délégué à la protection des données', en: 'the data protection officer' },
  admin: { fr: 'un administrateur', en: 'an administrator' },
};

const staffRoleWords = (role: string, lang: DocumentLanguage) => STAFF_ROLE_WORDS[role]?.[lang] ?? role;

function othersWords(count: number, lang: DocumentLanguage): string {
  if (count === 0) return lang === 'fr' ? 'une conversation' : 'a conversation';
  if (count === 1) return lang === 'fr' ? 'une conversation entre vous et un autre participant' : 'a conversation between you and another participant';
  return lang === 'fr' ? `une conversation entre vous et ${count} autres participants` : `a conversation between you and ${count} other participants`;
}

function outcomeWords(access: SubjectAccess, lang: DocumentLanguage): string {
  if (access.outcome === 'denied') return lang === 'fr' ? 'Demande de lecture refusée : rien n’a été lu' : 'Request to read refused: nothing was read';
  if (access.outcome === 'granted') return lang === 'fr' ? 'Lecture autorisée' : 'Reading allowed';
  return lang === 'fr' ? 'Messages lus' : 'Messages read';
}

function scopeWords(access: SubjectAccess, lang: DocumentLanguage): string | undefined {
  const scope = access.scope;
  if (!scope || access.outcome === 'denied') return undefined;
  const fr = lang === 'fr';
  const extent = scope.kind === 'full'
    ? (fr ? 'toute la conversation' : 'the whole conversation')
    : (fr ? 'les messages signalés et quelques messages autour' : 'the reported messages and a few around them');
  const count = fr ? `${scope.messageCount} message${scope.messageCount > 1 ? 's' : ''}` : `${scope.messageCount} message${scope.messageCount === 1 ? '' : 's'}`;
  const own = scope.ownMessageCount === null ? '' : fr ? `, dont ${scope.ownMessageCount} écrit${scope.ownMessageCount > 1 ? 's' : ''} par vous` : `, ${scope.ownMessageCount} of them written by you`;
  return `${extent} (${count}${own})`;
}

/** The PDF handed to the person, in their language (French by default). */
export function reportPdf(report: SubjectReport, options: DocumentOptions): Promise<Buffer> {
  const { lang } = options;
  const w = (words: Words) => words[lang];
  const caseNumbers = new Map(report.cases.map((c, i) => [c.caseId, i + 1]));
  const caseLabel = (caseId: string | null) => {
    const n = caseId ? caseNumbers.get(caseId) : undefined;
    return n === undefined ? '' : lang === 'fr' ? ` — signalement n° ${n}` : ` — report no. ${n}`;
  };
  return renderPdf({ title: w(T.title), language: lang === 'fr' ? 'fr-FR' : 'en-GB', createdAt: new Date(report.generatedAt) }, (pdf) => {
    pdf.title(w(T.title));
    pdf.paragraph(w(T.intro));
    pdf.heading(w(T.you));
    pdf.fact(w(T.platformId), report.subject.externalId);
    pdf.fact(w(T.displayName), report.subject.displayName ?? w(T.none));
    pdf.fact(w(T.generatedAt), dateTimeWords(report.generatedAt, lang));
    pdf.fact(w(T.controller), `${options.controller.name} — ${options.controller.contact}`);
    pdf.fact(w(T.dpo), options.dpoContact);
    pdf.paragraph(w(T.timezone), { muted: true, size: 9 });

    pdf.heading(w(T.casesTitle));
    if (report.cases.length === 0) pdf.paragraph(w(T.noCases));
    report.cases.forEach((c, i) => {
      const lines = [
        `${c.roles.map((role) => ROLE_WORDS[role][lang]).join(lang === 'fr' ? ' ; ' : '; ')} — ${othersWords(c.otherParticipants, lang)}`,
        ...(c.categories.length ? [`${lang === 'fr' ? 'Motif' : 'Reason'} : ${c.categories.map((k) => CATEGORY_WORDS[k]?.[lang] ?? k).join(', ')}`] : []),
        `${lang === 'fr' ? 'État' : 'Status'} : ${STATUS_WORDS[c.status][lang]}`,
        ...(c.dataPurgedAt ? [lang === 'fr' ? `Données effacées le ${dateWords(c.dataPurgedAt, lang)}` : `Data erased on ${dateWords(c.dataPurgedAt, lang)}`] : []),
      ].map((line) => (lang === 'en' ? line.replace(' : ', ': ') : line));
      pdf.block(`${lang === 'fr' ? 'Signalement n°' : 'Report no.'} ${i + 1} — ${dateWords(c.openedAt, lang)}`, lines);
    });

    pdf.heading(w(T.accessesTitle));
    if (report.accesses.length === 0) pdf.paragraph(w(T.noAccesses));
    for (const a of report.accesses) {
      const who = options.includeStaff && a.staffName ? `${a.staffName} (${staffRoleWords(a.staffRole, lang)})` : staffRoleWords(a.staffRole, lang);
      const scope = scopeWords(a, lang);
      const sep = lang === 'fr' ? ' : ' : ': ';
      pdf.block(`${dateTimeWords(a.at, lang)} — ${outcomeWords(a, lang)}${caseLabel(a.caseId)}`, [
        `${w(T.by)}${sep}${who}`,
        `${w(T.purpose)}${sep}${purposeWords(a.purpose, lang)}`,
        `${w(T.legalBasis)}${sep}${legalBasisWords(a.legalBasis, lang)}`,
        ...(scope ? [`${w(T.data)}${sep}${scope}`] : []),
        `${w(T.reference)}${sep}${a.sequence}`,
      ]);
    }

    pdf.heading(w(T.rightsTitle));
    pdf.paragraph(w(T.rights));
  });
}
