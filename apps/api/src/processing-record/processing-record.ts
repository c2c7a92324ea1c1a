import {
  ACCESS_PURPOSE,
  type DocumentLanguage,
  LEGAL_BASIS,
  type ProcessingRecord,
  type ProcessingRecordSection,
  type ProcessingRecordSectionId,
  type StaffRole,
} from '@vigie/contracts';
import type { AppConfig } from '../config/config';
import { legalBasisWords, periodWords, purposeWords } from '../common/privacy-words';
import { renderPdf } from '../common/pdf';

/**
 * The record of processing activities (GDPR Art. 30), written from the running configuration
 * every time it is asked for: the controller and the DPO as configured, the retention period in
 * force, the webhook the platform receives decisions at, MFA as required. Nobody edits it, so it
 * cannot drift from what Vigie does.
 */

type Words = Record<DocumentLanguage, string>;

const TITLES: Record<ProcessingRecordSectionId, Words> = {
  controller: { fr: 'Responsable du traitement', en: 'Controller' },
  purposes: { fr: 'Finalités', en: 'Purposes' },
  legal_basis: { fr: 'Base légale', en: 'Legal basis' },
  people: { fr: 'Catégories de personnes concernées', en: 'Categories of data subjects' },
  data: { fr: 'Catégories de données', en: 'Categories of personal data' },
  recipients: { fr: 'Destinataires', en: 'Recipients' },
  retention: { fr: 'Durées de conservation', en: 'Retention periods' },
  security: { fr: 'Mesures de sécurité', en: 'Security measures' },
  transfers: { fr: "Transferts hors de l'Union européenne", en: 'Transfers outside the European Union' },
};

const ROLE_WORDS: Record<StaffRole, Words> = {
  moderator: { fr: 'modérateurs', en: 'moderators' },
  lead: { fr: 'responsables de modération', en: 'moderation leads' },
  dpo: { fr: 'délégué à la protection des données', en: 'data protection officer' },
  admin: { fr: 'administrateurs', en: 'administrators' },
};

const DOCUMENT_TITLE: Words = { fr: 'Registre des activités de traitement', en: 'Record of processing activities' };
const SUBTITLE: Words = {
  fr: 'Vigie — traitement des signalements de la plateforme et modération (article 30 du RGPD). Établi à partir de la configuration en service.',
  en: "Vigie — handling the platform's reports and moderation (GDPR Article 30). Produced from the configuration in service.",
};

function sections(config: AppConfig, lang: DocumentLanguage, lia: ProcessingRecord['lia']): ProcessingRecordSection[] {
  const fr = lang === 'fr';
  const period = periodWords(config.RETENTION_PERIOD, lang);
  const mfa = config.MFA_REQUIRED_ROLES.length
    ? fr
      ? `Double authentification (TOTP) exigée des ${config.MFA_REQUIRED_ROLES.map((r) => ROLE_WORDS[r].fr).join(', ')} ; mot de passe confirmé à nouveau (toutes les ${config.STEP_UP_MINUTES} minutes) avant d'ouvrir une conversation.`
      : `Two-factor authentication (TOTP) required of ${config.MFA_REQUIRED_ROLES.map((r) => ROLE_WORDS[r].en).join(', ')}; password or code confirmed again (every ${config.STEP_UP_MINUTES} minutes) before opening a conversation.`
    : fr
      ? "Double authentification : exigée de personne dans cette configuration (à activer en production : MFA_REQUIRED_ROLES)."
      : 'Two-factor authentication: required of nobody in this configuration (to be turned on in production: MFA_REQUIRED_ROLES).';
  const webhook = config.PLATFORM_WEBHOOK_URL
    ? fr
      ? `La plateforme, qui reçoit les décisions de modération et les issues des recours (identifiants de la plateforme, décision, motifs ; jamais les messages) par son webhook signé : ${config.PLATFORM_WEBHOOK_URL}.`
      : `The platform, which receives moderation decisions and appeal outcomes (the platform's identifiers, the decision, its grounds; never the messages) through its signed webhook: ${config.PLATFORM_WEBHOOK_URL}.`
    : fr
      ? "La plateforme, qui reçoit les décisions de modération et les issues des recours par son webhook signé (aucune adresse configurée : les décisions attendent dans la file d'envoi)."
      : "The platform, which receives moderation decisions and appeal outcomes through its signed webhook (no address configured: decisions wait in the outbox).";
  const items: Record<ProcessingRecordSectionId, string[]> = {
    controller: [
      `${config.CONTROLLER_NAME} — ${config.CONTROLLER_CONTACT}`,
      `${fr ? 'Délégué à la protection des données' : 'Data protection officer'} : ${config.DPO_CONTACT}`.replace(' : ', fr ? ' : ' : ': '),
    ],
    purposes: [
      purposeWords(ACCESS_PURPOSE, lang),
      fr ? 'Décider des mesures (avertissement, retrait, suspension, exclusion) et les notifier à la plateforme ; traiter les recours.' : 'Deciding on measures (warning, removal, suspension, ban), notifying the platform of them; handling appeals.',
      fr ? "Tracer chaque accès aux conversations (registre des accès) et chaque action du personnel (journal), pour en rendre compte aux personnes et aux autorités." : 'Recording every access to conversations (access register) and every action of staff (journal), to account for them to the people concerned and to authorities.',
      fr ? 'Publier des statistiques de transparence anonymes.' : 'Publishing anonymous transparency statistics.',
    ],
    legal_basis: [
      legalBasisWords(LEGAL_BASIS, lang),
      fr ? "Chaque accès à une conversation est justifié par écrit et rattaché à un signalement ; la base légale est inscrite dans chaque entrée du registre." : 'Every access to a conversation is justified in writing and tied to a report; the legal basis is written into every register entry.',
      lia
        ? fr
          ? `Analyse d'intérêt légitime en vigueur : version ${lia.version}, depuis le ${lia.effectiveFrom.slice(0, 10)} (empreinte SHA-256 ${lia.digest.slice(0, 16)}…) ; chaque accès inscrit dans le registre la version sous laquelle il a eu lieu.`
          : `Legitimate-interest assessment in force: version ${lia.version}, since ${lia.effectiveFrom.slice(0, 10)} (SHA-256 digest ${lia.digest.slice(0, 16)}…); every access records in the register the version it was made under.`
        : fr
          ? "Aucune analyse d'intérêt légitime n'est en vigueur : le contrôle d'accès n'ouvre aucune conversation."
          : 'No legitimate-interest assessment is in force: the access gate opens no conversation.',
    ],
    people: [
      fr ? 'Les utilisateurs de la plateforme qui font un signalement.' : 'Platform users who make a report.',
      fr ? 'Les utilisateurs de la plateforme qui sont signalés.' : 'Platform users who are reported.',
      fr ? 'Les autres participants des conversations signalées.' : 'The other participants of reported conversations.',
      fr ? 'Le personnel de modération, de conformité et d’administration (modérateurs, responsables, DPO, administrateurs).' : 'Moderation, compliance and administration staff (moderators, leads, DPO, administrators).',
    ],
    data: [
      fr ? 'Conversations signalées : messages et leurs dates (lus uniquement au travers du contrôle d’accès, et tracés).' : 'Reported conversations: messages and their dates (read only through the access gate, and recorded).',
      fr ? 'Signalements : catégorie, commentaire du signalant, messages désignés, dates.' : "Reports: category, the reporter's comment, the messages named, dates.",
      fr ? 'Identifiants et noms affichés des utilisateurs de la plateforme.' : "Platform users' identifiers and display names.",
      fr ? 'Décisions, notes de modération, recours.' : 'Decisions, moderation notes, appeals.',
      fr ? 'Personnel : nom, adresse e-mail, rôles, identifiants de connexion.' : 'Staff: name, e-mail address, roles, sign-in identifiers.',
      fr ? 'Registre des accès et journal du personnel : justifications, adresses IP et navigateurs (user agents).' : 'Access register and staff journal: justifications, IP addresses and user agents.',
    ],
    recipients: [
      webhook,
      fr ? `En interne, selon leur rôle : ${(['moderator', 'lead', 'dpo', 'admin'] as const).map((r) => ROLE_WORDS[r].fr).join(', ')} ; seuls les modérateurs et responsables lisent des conversations.` : `Internally, by role: ${(['moderator', 'lead', 'dpo', 'admin'] as const).map((r) => ROLE_WORDS[r].en).join(', ')}; only moderators and leads read conversations.`,
    ],
    retention: [
      fr ? `${period} après la dernière activité d'un dossier (RETENTION_PERIOD = ${config.RETENTION_PERIOD}), sauf gel judiciaire.` : `${period} after a case's last activity (RETENTION_PERIOD = ${config.RETENTION_PERIOD}), unless under legal hold.`,
      fr ? "Ensuite : messages, commentaires, notes et noms effacés ; identifiants de la plateforme remplacés par des pseudonymes ; justifications, adresses IP et navigateurs du registre effacés." : "Then: messages, comments, notes and names erased; the platform's identifiers replaced by pseudonyms; the register's justifications, IP addresses and user agents erased.",
      fr ? "Conservé anonymisé : le registre des accès (qui, quand, quelle finalité, quelle base légale, combien de messages) et des statistiques sans donnée personnelle." : 'Kept, anonymised: the access register (who, when, which purpose, which legal basis, how many messages) and statistics without personal data.',
    ],
    security: [
      fr ? 'Contrôle d’accès aux conversations : justification écrite, signalement désigné, accès limité dans le temps et au contexte du signalement ; les règles sont aussi appliquées par la base de données.' : "Access gate to conversations: a written justification, a named report, access limited in time and to the report's context; the rules are enforced by the database too.",
      fr ? 'Registre des accès inaltérable : entrées chaînées par empreintes SHA-256, points de contrôle signés (Ed25519), vérification complète à la demande.' : 'Tamper-evident access register: entries chained by SHA-256 hashes, signed checkpoints (Ed25519), full verification on demand.',
      mfa,
      fr ? 'Rôles séparés (la conformité et l’administration ne lisent pas les conversations) ; double validation des rôles ; journal de chaque action du personnel.' : "Separated roles (compliance and administration do not read conversations); four-eyes approval of roles; a journal of every staff action.",
      fr ? "Chiffrement en transit (HTTPS, requêtes de la plateforme signées HMAC) ; au repos : celui de la base de données et de son hébergement." : "Encryption in transit (HTTPS, the platform's requests signed with HMAC); at rest: the database's own and its hosting's.",
    ],
    transfers: [fr ? "Aucun : aucune donnée n'est transférée hors de l'Union européenne par Vigie." : 'None: Vigie transfers no data outside the European Union.'],
  };
  return (Object.keys(TITLES) as ProcessingRecordSectionId[]).map((id) => ({ id, title: TITLES[id][lang], items: items[id] }));
}

export function processingRecord(config: AppConfig, lang: DocumentLanguage, now: Date, lia: ProcessingRecord['lia'] = null): ProcessingRecord {
  return {
    generatedAt: now.toISOString(),
    language: lang,
    controller: { name: config.CONTROLLER_NAME, contact: config.CONTROLLER_CONTACT },
    dpo: { contact: config.DPO_CONTACT },
    legalBasis: LEGAL_BASIS,
    purposes: [ACCESS_PURPOSE],
    retentionPeriod: config.RETENTION_PERIOD,
    platformWebhookUrl: config.PLATFORM_WEBHOOK_URL ?? null,
    lia,
    sections: sections(config, lang, lia),
  };
}

export function processingRecordPdf(record: ProcessingRecord): Promise<Buffer> {
  const lang = record.language;
  return renderPdf({ title: DOCUMENT_TITLE[lang], language: lang === 'fr' ? 'fr-FR' : 'en-GB', createdAt: new Date(record.generatedAt) }, (pdf) => {
    pdf.title(DOCUMENT_TITLE[lang]);
    pdf.paragraph(SUBTITLE[lang], { muted: true });
    pdf.paragraph(
      `${lang === 'fr' ? 'Établi le' : 'Produced on'} ${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(record.generatedAt))}`,
      { muted: true, size: 9 },
    );
    for (const section of record.sections) {
      pdf.heading(section.title);
      for (const item of section.items) pdf.bullet(item);
    }
  });
}
