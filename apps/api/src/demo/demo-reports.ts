import { type PlatformUserKind, type ReportCategory, type ReportPayload, reportPayloadSchema } from '@vigie/contracts';
import { DomainException } from '../common/domain.exception';
import type { IntakeService } from '../intake/intake.service';

/**
 * Demo data for a first start: French conversations between students (explorers) and
 * professionals (experts) on a mentoring platform — mostly ordinary, some of them reported —
 * spread over the last four years, so that the queue, the gate and retention all have
 * something real to show. Deterministic (a seeded generator), no network.
 */

const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Nathan', 'Manon', 'Yanis', 'Camille', 'Louis', 'Sarah', 'Adam', 'Jade', 'Enzo', 'Lina', 'Noah', 'Zoé', 'Rayan', 'Emma', 'Mathis', 'Aya', 'Théo', 'Louise', 'Sacha', 'Nour', 'Gabriel', 'Mila', 'Karim', 'Alice', 'Tom'];
const LAST_INITIALS = 'ABCDEFGHJKLMNOPRSTV';
const JOBS = ['ingénieure en aéronautique', 'infirmier', 'développeuse web', 'avocat', 'architecte', 'cheffe de cuisine', 'kinésithérapeute', 'journaliste', 'data scientist', 'électricien', 'pharmacienne', 'professeur de musique'];

const OPENERS: [string, string][] = [
  ['Bonjour ! Je suis en terminale et j’hésite à me lancer dans votre métier. Vous avez un peu de temps ?', 'Bonjour, avec plaisir. Qu’est-ce qui vous attire dans ce métier ?'],
  ['Bonsoir, je suis en BTS et je cherche un stage de deux mois. Vous auriez des conseils ?', 'Bonsoir ! Oui : ciblez les petites structures, elles répondent plus vite. Vous avez un CV à jour ?'],
  ['Bonjour, je voulais savoir à quoi ressemble une journée type pour vous.', 'Bonjour ! Beaucoup de réunions le matin, du concret l’après-midi. Je vous raconte ?'],
];
const BENIGN: [string, string][] = [
  ['Merci beaucoup, c’est très clair.', 'Avec plaisir, n’hésitez pas si vous avez d’autres questions.'],
  ['Vous pensez qu’une prépa est indispensable ?', 'Pas forcément, l’université mène aussi très bien à ce métier.'],
  ['Je vous envoie mon CV sur la plateforme ?', 'Oui, déposez-le ici, je le relis ce week-end.'],
  ['Comment avez-vous trouvé votre premier poste ?', 'Par un stage de fin d’études, puis on m’a proposé un CDI.'],
];

/** What the reported person writes, by category (the reporter's complaint follows). */
const ABUSE: Record<Exclude<ReportCategory, 'other'>, { lines: string[]; comment: string; by: 'expert' | 'explorer' }> = {
  harassment: { by: 'expert', lines: ['Pourquoi tu ne réponds plus ? Je t’ai écrit dix fois.', 'Réponds-moi, je sais que tu es connectée.', 'Je vais finir par venir te voir à la sortie des cours.'], comment: 'Il insiste alors que je ne veux plus lui parler.' },
  sexual_content: { by: 'expert', lines: ['Tu es vraiment jolie sur ta photo de profil.', 'Tu pourrais m’envoyer d’autres photos de toi, plus personnelles ?'], comment: 'Il me demande des photos, ça me met très mal à l’aise.' },
  hate: { by: 'explorer', lines: ['Les gens comme vous n’ont rien à faire dans ce métier.', 'Retournez d’où vous venez.'], comment: 'Propos racistes après un simple conseil.' },
  threat_violence: { by: 'explorer', lines: ['Tu m’as mal conseillé, j’ai raté mon dossier.', 'Tu vas le regretter, je sais où tu travailles.'], comment: 'Menaces après un refus de recommandation.' },
  spam_scam: { by: 'expert', lines: ['J’ai une opportunité exceptionnelle : 500 € par semaine depuis chez toi.', 'Il suffit de payer 49 € de frais d’inscription sur ce lien : bit.ly/stage-express'], comment: 'Arnaque : il demande de l’argent pour un faux stage.' },
  personal_data: { by: 'expert', lines: ['Pour t’aider, donne-moi ton adresse et ton numéro de téléphone.', 'Et le nom de ton lycée, c’est plus simple pour moi.'], comment: 'Il insiste pour avoir mon adresse et mon numéro.' },
  minor_safety: { by: 'expert', lines: ['Tu as quel âge déjà ? 15 ans, c’est ça ?', 'On serait mieux sur Snapchat, sans tes parents. Ne leur dis rien.', 'On pourrait se voir samedi, juste tous les deux.'], comment: 'Il veut me voir seule et que je ne dise rien à mes parents. J’ai 15 ans.' },
  impersonation: { by: 'expert', lines: ['Je suis recruteur chez Airbus, je peux te faire entrer directement.', 'Envoie-moi ta carte d’identité pour le dossier.'], comment: 'Il se fait passer pour un recruteur et demande ma carte d’identité.' },
};
const CATEGORIES = Object.keys(ABUSE) as Exclude<ReportCategory, 'other'>[];

interface DemoUser {
  externalId: string;
  kind: PlatformUserKind;
  displayName: string;
}

/** A small deterministic generator (mulberry32), so every demo is the same. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoReports(now: Date, count = 120): ReportPayload[] {
  const next = random(20261126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const users: DemoUser[] = Array.from({ length: 300 }, (_, i) => {
    const kind: PlatformUserKind = i % 2 === 0 ? 'explorer' : 'expert';
    const name = `${pick(FIRST_NAMES)} ${LAST_INITIALS[Math.floor(next() * LAST_INITIALS.length)]}.`;
    return { externalId: `demo_u_${i + 1}`, kind, displayName: kind === 'expert' ? `${name} — ${pick(JOBS)}` : name };
  });
  const explorers = users.filter((u) => u.kind === 'explorer');
  const experts = users.filter((u) => u.kind === 'expert');
  const fourYearsMs = 4 * 365 * 24 * 3_600_000;

  return Array.from({ length: count }, (_, i) => {
    const explorer = pick(explorers);
    const expert = pick(experts);
    const category = i % 10 === 9 ? 'other' : pick(CATEGORIES);
    const abuse = category === 'other' ? undefined : ABUSE[category];
    const offender = abuse?.by === 'explorer' ? explorer : expert;
    const victim = offender === expert ? explorer : expert;
    // Older reports are rarer: most of the queue is recent, a few cases sit beyond three years.
    const reportedAt = new Date(now.getTime() - Math.floor(next() ** 2 * fourYearsMs) - 3_600_000);
    let at = reportedAt.getTime() - 6 * 3_600_000;
    const messages: ReportPayload['conversation']['messages'] = [];
    const say = (author: DemoUser, body: string) => {
      at += Math.floor(next() * 20 * 60_000) + 60_000;
      messages.push({ externalId: `demo_m_${i + 1}_${messages.length + 1}`, authorExternalId: author.externalId, sentAt: new Date(at).toISOString(), body });
    };
    const [open, reply] = pick(OPENERS);
    say(explorer, open);
    say(expert, reply);
    for (const [q, a] of [pick(BENIGN), pick(BENIGN)]) {
      say(explorer, q);
      say(expert, a);
    }
    const reported: string[] = [];
    for (const line of abuse?.lines ?? ['Bon, je ne suis pas sûr que cet échange me convienne.']) {
      say(offender, line);
      reported.push(messages[messages.length - 1].externalId);
    }
    say(victim, category === 'other' ? 'Je préfère arrêter là, merci.' : 'Je vais signaler cette conversation.');
    return {
      externalId: `demo_rep_${i + 1}`,
      reportedAt: new Date(Math.max(at + 60_000, reportedAt.getTime())).toISOString(),
      category,
      comment: abuse?.comment ?? 'Échange étrange, je préfère que quelqu’un regarde.',
      reporter: victim,
      reported: offender,
      conversation: { externalId: `demo_c_${i + 1}`, participants: [explorer.externalId, expert.externalId], messages },
      reportedMessageIds: reported.slice(-2),
    };
  });
}

/**
 * Sends the demo reports through the intake service — the path the platform's reports take,
 * short of HTTP — so the cases are built exactly as real ones. Idempotent: a second run adds nothing.
 */
export async function seedDemoReports(intake: IntakeService, now: Date): Promise<number> {
  let stored = 0;
  for (const payload of demoReports(now)) {
    const report = reportPayloadSchema.parse(payload);
    try {
      await intake.receiveReport(report.externalId, Buffer.from(JSON.stringify(report)), report);
      stored++;
    } catch (error) {
      // Seeded on an earlier day: the same report with other dates. It is there already.
      if (!(error instanceof DomainException && error.code === 'idempotency_key_reused')) throw error;
    }
  }
  return stored;
}
