import type { AlertRule, AlertStatus } from '@vigie/contracts';

// Typed by the contracts' lists: a rule or a status added there without a French label fails the build.
const rules: Record<AlertRule, string> = {
  openings_per_hour: "Trop d'ouvertures en une heure",
  repeated_justification: 'Même justification répétée',
  outside_working_hours: 'Ouverture hors des heures de travail',
  repeated_denials: 'Refus répétés',
  same_person_across_cases: 'Même personne dans plusieurs dossiers',
  widening: 'Conversation entière trop souvent',
  register_broken: 'Registre des accès altéré',
  retention_failed: 'Purge de conservation en échec',
  checkpoint_failed: 'Point de contrôle non signé',
};

const ruleHelp: Record<AlertRule, string> = {
  openings_per_hour: 'Plus d’ouvertures en une heure que le seuil, ou que trois fois le rythme habituel de la personne.',
  repeated_justification: 'La même justification, à la casse et aux espaces près, sur plusieurs ouvertures du même jour.',
  outside_working_hours: 'Ouvertures en dehors des heures de travail configurées.',
  repeated_denials: 'Plusieurs refus du portail en quelques minutes (hors nouvelle authentification).',
  same_person_across_cases: 'Les conversations d’un même utilisateur ouvertes dans plusieurs dossiers en une semaine.',
  widening: 'La conversation entière demandée sur plus de la moitié des ouvertures.',
  register_broken: 'Une vérification du registre ou du journal du personnel a trouvé la chaîne rompue, à l’entrée indiquée.',
  retention_failed: 'Une exécution de la purge de conservation a échoué ou a été interrompue : des données dues n’ont peut-être pas été effacées.',
  checkpoint_failed: 'Le point de contrôle planifié du registre n’a pas pu être signé.',
};

const statuses: Record<AlertStatus, string> = {
  open: 'Ouverte',
  acknowledged: 'Prise en compte',
  dismissed: 'Écartée',
};

/** Messages of the alerts screens, French, the reference shape (English in its .en.ts). */
export const alertsFr = {
  menu: 'Alertes',
  title: 'Alertes sur les accès',
  intro:
    'Vigie compare chaque entrée du registre des accès à des règles d’usage anormal, dans la minute. Une alerte désigne des entrées du registre par leur numéro, jamais une justification ni un message.',
  total: '%{count} alerte |||| %{count} alertes',
  badge: '%{smart_count} alerte ouverte |||| %{smart_count} alertes ouvertes',
  filters: {
    status: 'État',
    rule: 'Règle',
    all: 'Toutes',
  },
  fields: {
    opened: 'Levée',
    rule: 'Règle',
    staff: 'Membre du personnel',
    evidence: 'Entrées du registre',
    status: 'État',
    actions: 'Actions',
  },
  rules,
  rule_help: ruleHelp,
  system: 'Système',
  details: {
    sequence: 'entrée n° %{sequence}',
    journal: 'journal du personnel, entrée n° %{sequence}',
    run: 'exécution %{run}',
    interrupted: 'interrompue',
  },
  statuses,
  evidence_more: 'et %{count} autres',
  empty_open: 'Aucune alerte ouverte.',
  empty: 'Aucune alerte ne correspond à ces filtres.',
  load_failed: 'Les alertes ne peuvent pas être affichées\u00a0: %{message}',
  displayed: '%{from}–%{to} sur %{count}',
  first: 'Première page',
  last: 'Dernière page',
  next: 'Page suivante',
  previous: 'Page précédente',
  resolve: {
    open: 'Traiter',
    title: 'Traiter l’alerte',
    intro:
      'Prenez-la en compte si elle demande une suite, écartez-la sinon. La note reste avec l’alerte et votre décision est inscrite au journal du personnel.',
    status_label: 'Décision',
    acknowledged: 'Prendre en compte',
    dismissed: 'Écarter',
    note_label: 'Note',
    note_placeholder: 'Par exemple\u00a0: vu avec la personne, pic lié à une campagne de signalements.',
    note_help: '%{min} caractères au moins.',
    note_too_short: 'Écrivez une note d’au moins %{min} caractères.',
    submit: 'Enregistrer',
    cancel: 'Annuler',
    done: 'Alerte traitée.',
    already: 'Cette alerte avait déjà été traitée par quelqu’un d’autre.',
    own: 'Cette alerte vous concerne : un autre DPO la traite.',
    own_short: 'Vous concerne : un autre DPO la traite',
    failed: 'L’alerte n’a pas pu être traitée\u00a0: %{message}',
  },
  dashboard: {
    title: 'Alertes ouvertes',
    intro: 'Les usages anormaux des accès aux conversations, à examiner.',
    total: '%{count} ouverte |||| %{count} ouvertes',
    see_all: 'Voir les alertes',
  },
  activity: {
    page_title: 'Activité d’un membre du personnel',
    title: 'Activité de %{name}',
    intro:
      'Par jour (UTC)\u00a0: les ouvertures de conversations, celles de la conversation entière et les refus du portail, avec les alertes sur la même frise. Cette consultation est inscrite au journal du personnel.',
    period: 'Période',
    days_30: '30 jours',
    days_90: '90 jours',
    days_365: '12 mois',
    openings: 'Ouvertures',
    widenings: 'Conversations entières',
    denials: 'Refus',
    alert_marker: '⚠ n : n alertes levées ce jour-là, détaillées sous le graphique.',
    totals: {
      openings: '%{count} ouverture |||| %{count} ouvertures',
      widenings: '%{count} conversation entière |||| %{count} conversations entières',
      denials: '%{count} refus |||| %{count} refus',
      alerts: '%{count} alerte |||| %{count} alertes',
    },
    chart_label: 'Ouvertures, conversations entières et refus par jour',
    alerts_title: 'Alertes de la période',
    no_alerts: 'Aucune alerte sur cette période.',
    load_failed: 'L’activité ne peut pas être affichée\u00a0: %{message}',
    back: 'Retour aux alertes',
  },
};
