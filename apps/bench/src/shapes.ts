import { CATEGORY_SEVERITY, type ReportCategory } from '@vigie/contracts';

/**
 * What the generated data looks like: the same words and proportions for the dataset (SQL) and
 * for the reports the intake scenario sends (JSON), so both sides of a comparison work alike.
 */

/**
 * How often each category is reported, in percent: the product's CATEGORY_SEVERITY list, every
 * category of it, with the frequent low-severity ones (spam, harassment) well ahead of the rare
 * critical ones (minors' safety, threats), as moderation teams see them.
 */
export const CATEGORY_FREQUENCY: Readonly<Record<ReportCategory, number>> = {
  spam_scam: 24,
  harassment: 20,
  other: 14,
  personal_data: 10,
  impersonation: 8,
  hate: 8,
  sexual_content: 7,
  threat_violence: 5,
  minor_safety: 4,
};

/** The categories with their cumulative frequency (0..1], in CATEGORY_SEVERITY's order. */
export function categoryThresholds(): { category: ReportCategory; upTo: number }[] {
  const categories = Object.keys(CATEGORY_SEVERITY) as ReportCategory[];
  const total = categories.reduce((sum, c) => sum + CATEGORY_FREQUENCY[c], 0);
  let cumulated = 0;
  return categories.map((category) => {
    cumulated += CATEGORY_FREQUENCY[category];
    return { category, upTo: cumulated / total };
  });
}

export function pickCategory(u: number): ReportCategory {
  const thresholds = categoryThresholds();
  return (thresholds.find((t) => u < t.upTo) ?? thresholds[thresholds.length - 1]).category;
}

/** SQL: the category for a uniform value `u` in [0, 1). */
export function categorySql(u: string): string {
  const thresholds = categoryThresholds();
  return `CASE ${thresholds
    .slice(0, -1)
    .map((t) => `WHEN ${u} < ${t.upTo.toFixed(6)} THEN '${t.category}'`)
    .join(' ')} ELSE '${thresholds[thresholds.length - 1].category}' END`;
}

/** SQL: the severity weight of a `category` column, as the intake repository computes it. */
export const SEVERITY_SQL = `CASE category ${Object.entries(CATEGORY_SEVERITY)
  .map(([category, weight]) => `WHEN '${category}' THEN ${weight}`)
  .join(' ')} ELSE 0 END`;

export const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Nathan', 'Manon', 'Yanis', 'Camille', 'Louis', 'Sarah', 'Adam', 'Jade', 'Enzo', 'Lina', 'Noah', 'Zoé', 'Rayan', 'Emma', 'Mathis', 'Aya', 'Théo', 'Louise', 'Sacha', 'Nour', 'Gabriel', 'Mila', 'Karim', 'Alice', 'Tom'];

export const MESSAGES = [
  'Bonjour ! Je suis en terminale et j’hésite à me lancer dans votre métier. Vous avez un peu de temps ?',
  'Bonjour, avec plaisir. Qu’est-ce qui vous attire dans ce métier ?',
  'Bonsoir, je suis en BTS et je cherche un stage de deux mois. Vous auriez des conseils ?',
  'Bonsoir ! Oui : ciblez les petites structures, elles répondent plus vite. Vous avez un CV à jour ?',
  'Merci beaucoup, c’est très clair.',
  'Avec plaisir, n’hésitez pas si vous avez d’autres questions.',
  'Vous pensez qu’une prépa est indispensable ?',
  'Pas forcément, l’université mène aussi très bien à ce métier.',
  'Je vous envoie mon CV sur la plateforme ?',
  'Oui, déposez-le ici, je le relis ce week-end.',
  'Comment avez-vous trouvé votre premier poste ?',
  'Par un stage de fin d’études, puis on m’a proposé un CDI.',
  'Pourquoi tu ne réponds plus ? Je t’ai écrit dix fois.',
  'Tu pourrais m’envoyer d’autres photos de toi, plus personnelles ?',
  'J’ai une opportunité exceptionnelle : 500 € par semaine depuis chez toi.',
  'Pour t’aider, donne-moi ton adresse et ton numéro de téléphone.',
  'On serait mieux sur Snapchat, sans tes parents. Ne leur dis rien.',
  'Je suis recruteur chez Airbus, je peux te faire entrer directement.',
  'D’accord, je regarde ça demain et je reviens vers vous.',
  'Super, merci pour votre temps !',
];

export const COMMENTS = [
  'Il insiste alors que je ne veux plus lui parler.',
  'Il me demande des photos, ça me met très mal à l’aise.',
  'Arnaque : il demande de l’argent pour un faux stage.',
  'Il insiste pour avoir mon adresse et mon numéro.',
  'Il veut me voir seule et que je ne dise rien à mes parents.',
  'Propos insultants après un simple conseil.',
];

export const JUSTIFICATIONS = [
  'Vérifier le message signalé pour harcèlement avant de décider.',
  'Signalement pour arnaque : contrôler le lien envoyé dans la conversation.',
  'Deux signalements concordants, lecture du contexte nécessaire.',
  'Protection des mineurs : évaluer le risque avant escalade.',
  'Contrôler les propos signalés et le contexte autour du message.',
];

export const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
];

/** A SQL array literal of texts. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
}
