import type { PlatformUserKind } from '@vigie/contracts';

/**
 * What the platform's chat holds for the demo: Léa, 15, in seconde, talks with experts — one
 * ordinary exchange and the kinds of conversations Vigie exists for — and Marc, an expert, is
 * harassed by another student. Ids look like the platform's (`sim_c_…`, `sim_m_…`, `sim_u_…`).
 */

export interface SimUser {
  id: string;
  kind: PlatformUserKind;
  displayName: string;
  /** What the chat shows under the name: a job for experts, a class for explorers. */
  headline: string;
}

export interface SimMessage {
  id: string;
  authorId: string;
  sentAt: string;
  body: string;
}

export interface SimConversation {
  id: string;
  participants: readonly [string, string];
  messages: SimMessage[];
}

export const USERS = {
  lea: { id: 'sim_u_lea', kind: 'explorer', displayName: 'Léa Moreau', headline: '15 ans · Seconde générale' },
  hugo: { id: 'sim_u_hugo', kind: 'explorer', displayName: 'Hugo Bernard', headline: '17 ans · Terminale' },
  marc: { id: 'sim_u_marc', kind: 'expert', displayName: 'Marc Lefèvre', headline: 'Ingénieur en aéronautique' },
  julien: { id: 'sim_u_julien', kind: 'expert', displayName: 'Julien Garnier', headline: 'Chargé de recrutement' },
  thomas: { id: 'sim_u_thomas', kind: 'expert', displayName: 'Thomas Robin', headline: 'Photographe' },
  damien: { id: 'sim_u_damien', kind: 'expert', displayName: 'Damien Perrin', headline: 'Entraîneur de football' },
} as const satisfies Record<string, SimUser>;

type Who = keyof typeof USERS;

/** Whom the chat can be used as: the switch at the top of the page. */
export const PERSONAS: readonly SimUser[] = [USERS.lea, USERS.marc];

/** A line of a conversation: who wrote it, how many minutes before now, what it says. */
type Line = readonly [Who, number, string];

const H = 60;
const D = 24 * H;

const SCRIPTS: Record<string, { with: readonly [Who, Who]; lines: readonly Line[] }> = {
  marc_lea: {
    with: ['lea', 'marc'],
    lines: [
      ['lea', 2 * D + 5 * H, 'Bonjour Marc ! Je suis en seconde et j’adore tout ce qui touche aux avions. Est-ce que je peux vous poser quelques questions sur votre métier ?'],
      ['marc', 2 * D + 4 * H, 'Bonjour Léa, avec plaisir ! Qu’est-ce qui te plaît le plus dans l’aéronautique ?'],
      ['lea', 2 * D + 3 * H + 50, 'Comprendre comment un avion aussi lourd arrive à voler 😄 Et plus tard j’aimerais bien travailler sur les moteurs.'],
      ['marc', 2 * D + 3 * H, 'C’est justement mon travail : je suis dans la propulsion, chez un motoriste. Beaucoup de calculs, de simulations, et des essais au banc.'],
      ['lea', 2 * D + 2 * H, 'Trop bien. Quelles spécialités je devrais prendre en première ?'],
      ['marc', 2 * D + H, 'Maths et physique-chimie avant tout. En troisième spécialité, SI (sciences de l’ingénieur) ou NSI sont de bons choix.'],
      ['lea', D + 6 * H, 'D’accord ! Et après le bac, il faut forcément faire une prépa ?'],
      ['marc', D + 5 * H, 'Pas forcément. Il y a aussi les écoles d’ingénieurs post-bac (INSA, UTC…) ou un BUT puis une école. Plusieurs de mes collègues sont passés par là.'],
      ['lea', D + 4 * H, 'Ça me rassure, la prépa me fait un peu peur.'],
      ['marc', D + 3 * H, 'C’est normal. Pour l’instant, garde de bonnes bases en maths, et va aux journées portes ouvertes des écoles au printemps.'],
      ['lea', 3 * H, 'Je vais regarder les dates. Merci beaucoup pour votre temps !'],
      ['marc', 2 * H + 40, 'Avec plaisir. Si tu veux, on peut faire une visio de 30 minutes ici le mois prochain pour faire le point sur tes spécialités.'],
    ],
  },
  julien_lea: {
    with: ['lea', 'julien'],
    lines: [
      ['lea', D + 9 * H, 'Bonjour, je cherche un stage d’observation de seconde pour juin. Vous travaillez dans le recrutement, c’est ça ?'],
      ['julien', D + 8 * H + 45, 'Bonjour Léa ! Oui, j’aide les lycéens à trouver des stages. Bonne nouvelle : il me reste des places dans de grandes entreprises.'],
      ['lea', D + 8 * H + 30, 'Ah super ! Lesquelles ?'],
      ['julien', D + 8 * H + 20, 'Airbus, L’Oréal, la SNCF… Je place les jeunes directement, sans lettre de motivation.'],
      ['lea', D + 8 * H, 'Génial. Il faut faire quoi ?'],
      ['julien', D + 7 * H + 50, 'Juste des frais de dossier de 49 €, remboursés à la fin du stage. Tu paies ici : bit.ly/stage-2nde-express'],
      ['lea', D + 7 * H, '49 € ? Je dois demander à mes parents, je n’ai pas de carte bancaire.'],
      ['julien', D + 6 * H + 55, 'Pas la peine de les embêter 😉 Une carte prépayée du bureau de tabac suffit. Envoie-moi juste le code au dos.'],
      ['lea', D + 5 * H, 'C’est normal de payer pour un stage de seconde ?'],
      ['julien', D + 4 * H, 'Les places partent vite, je ne peux te la garder que jusqu’à ce soir. Après, c’est trop tard.'],
      ['julien', 20 * H, 'Alors, tu m’envoies le code ?'],
    ],
  },
  thomas_lea: {
    with: ['lea', 'thomas'],
    lines: [
      ['lea', 3 * D + 4 * H, 'Bonjour ! Je fais des photos de paysages avec mon téléphone. Comment on devient photographe ?'],
      ['thomas', 3 * D + 3 * H, 'Salut Léa ! Beaucoup de pratique, et un bon portfolio. Tu peux me montrer quelques-unes de tes photos ?'],
      ['lea', 3 * D + 2 * H, 'Oui, j’en ai mis trois du lac d’Annecy sur mon profil.'],
      ['thomas', 3 * D + H, 'Pas mal du tout, tu as l’œil pour la lumière. Tu as déjà fait du portrait ?'],
      ['lea', 2 * D + 9 * H, 'Un peu, avec mes amies.'],
      ['thomas', 2 * D + 8 * H, 'Pour progresser en portrait, le mieux c’est de poser soi-même. Envoie-moi des photos de toi, je te dirai ce qui va et ce qui ne va pas.'],
      ['lea', 2 * D + 7 * H, 'Des photos de moi ? Genre des selfies ?'],
      ['thomas', 2 * D + 6 * H + 50, 'Plutôt en tenue légère, en maillot de bain par exemple. C’est ce que demandent les agences pour un book.'],
      ['lea', 2 * D + 6 * H, 'Je ne suis pas à l’aise avec ça.'],
      ['thomas', 2 * D + 5 * H, 'Ne fais pas ta timide, ça reste entre nous. Personne d’autre ne les verra.'],
    ],
  },
  damien_lea: {
    with: ['lea', 'damien'],
    lines: [
      ['lea', 5 * H, 'Bonjour, je joue au foot en club et j’aimerais savoir comment on devient entraîneur.'],
      ['damien', 4 * H + 50, 'Salut Léa ! Il faut passer les diplômes de la fédération, mais on peut commencer jeune comme éducatrice dans son club. Tu joues à quel poste ?'],
      ['lea', 4 * H + 40, 'Milieu de terrain, en U16.'],
      ['damien', 4 * H + 30, 'Top. Tu as quel âge, 15 ans c’est ça ?'],
      ['lea', 4 * H + 20, 'Oui, 15 ans. Je suis en seconde.'],
      ['damien', 4 * H, 'Tu fais plus mature que ton âge 😉 On serait mieux sur Snapchat pour discuter, c’est quoi ton pseudo ?'],
      ['lea', 3 * H + 30, 'Je préfère rester sur la plateforme, c’est ce qu’on nous a conseillé au lycée.'],
      ['damien', 3 * H, 'Ici tout est surveillé, c’est pénible. Sur Snap on sera tranquilles. Et pas besoin d’en parler à tes parents, ils ne comprendraient pas.'],
      ['lea', 2 * H, 'Pourquoi ils ne comprendraient pas ?'],
      ['damien', H + 30, 'Ce sera notre petit secret. Je peux te faire un entraînement particulier samedi au stade, juste tous les deux.'],
      ['damien', H + 28, 'Je passe te chercher à la sortie des cours si tu veux. Tu es dans quel lycée ?'],
      ['lea', 40, 'Je ne sais pas…'],
    ],
  },
  hugo_marc: {
    with: ['hugo', 'marc'],
    lines: [
      ['hugo', D + 2 * H, 'Bonjour, je suis en terminale et je veux entrer en école d’ingé aéro. Vous pouvez m’écrire une lettre de recommandation ?'],
      ['marc', D + H, 'Bonjour Hugo. Je ne peux pas recommander quelqu’un que je ne connais pas, mais je veux bien relire ton projet de formation pour Parcoursup.'],
      ['hugo', D + 30, 'J’ai pas besoin de relecture, j’ai besoin d’une lettre. Ça vous prend 5 minutes.'],
      ['marc', D, 'Je comprends ta déception, mais une lettre de recommandation engage celui qui la signe. Je ne peux pas le faire honnêtement.'],
      ['hugo', 23 * H, 'Sérieux ? Vous êtes là pour aider ou pas ?'],
      ['hugo', 22 * H + 58, 'Franchement vous servez à rien. Un mentor qui refuse d’aider, c’est une blague.'],
      ['marc', 20 * H, 'Je reste disponible pour t’aider autrement si tu le souhaites.'],
      ['hugo', 6 * H, 'Gardez vos conseils. Vous êtes un minable, je vais mettre des avis partout sur vous.'],
      ['hugo', 5 * H + 58, 'Je vais retrouver votre LinkedIn et dire à votre boîte quel genre de personne vous êtes.'],
      ['hugo', 90, 'Vous avez lu ? Répondez.'],
      ['hugo', 89, 'Répondez !!!'],
    ],
  },
};

/** The conversations as the platform would list them, their times counted back from `now`. */
export function createConversations(now: Date): SimConversation[] {
  return Object.entries(SCRIPTS).map(([key, script]) => ({
    id: `sim_c_${key}`,
    participants: [USERS[script.with[0]].id, USERS[script.with[1]].id],
    messages: script.lines.map(([who, minutesAgo, body], i) => ({
      id: `sim_m_${key}_${String(i + 1).padStart(2, '0')}`,
      authorId: USERS[who].id,
      sentAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
      body,
    })),
  }));
}

export function findUser(id: string): SimUser | undefined {
  return Object.values(USERS).find((user) => user.id === id);
}
