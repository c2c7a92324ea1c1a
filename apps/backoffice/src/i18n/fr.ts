import frenchMessages from 'ra-language-french';

const vigie = {
  app: {
    name: 'Vigie',
    tagline: 'Modération des signalements',
  },
  locale: {
    label: 'Langue',
  },
  login: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    show_password: 'Afficher le mot de passe',
    hide_password: 'Masquer le mot de passe',
    submit: 'Se connecter',
    required: 'Champ obligatoire',
    notice: 'Accès réservé au personnel habilité. Chaque connexion est journalisée.',
    totp: {
      title: 'Vérification en deux étapes',
      hint: "Saisissez le code à 6 chiffres affiché par votre application d'authentification pour %{email}.",
      label: 'Code à 6 chiffres',
      invalid_format: 'Le code comporte 6 chiffres.',
      submit: 'Vérifier',
      back: 'Changer de compte',
    },
    errors: {
      invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
      mfa_invalid: 'Code incorrect ou expiré. Saisissez le code affiché actuellement.',
      invalid_input: "Vérifiez l'adresse e-mail et le mot de passe saisis.",
      mfa_required: 'Ce compte est protégé par une vérification en deux étapes.',
      mfa_enrolment_required:
        'Votre compte doit activer la vérification en deux étapes avant de pouvoir se connecter. Contactez un administrateur de Vigie.',
      locked: 'Ce compte est verrouillé. Réessayez plus tard ou contactez un administrateur de Vigie.',
      rate_limited: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
      unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    },
  },
  roles: {
    moderator: 'Modération',
    lead: 'Responsable modération',
    dpo: 'DPO',
    admin: 'Administration',
  },
  menu: {
    queue: "File d'attente",
    access_register: 'Registre des accès',
    retention: 'Conservation',
    staff: 'Équipe',
  },
  dashboard: {
    greeting: 'Bonjour %{name}',
    greeting_anonymous: 'Bonjour',
    intro: 'Voici ce que vos rôles vous permettent de faire dans Vigie.',
    your_roles: 'Vos rôles',
    no_roles:
      "Aucun rôle ne vous est attribué\u00a0: vous ne pouvez rien consulter pour l'instant. Contactez un administrateur de Vigie.",
    roles: {
      moderator: {
        summary: 'Vous traitez les signalements envoyés par la plateforme.',
        can_1: "Prendre un dossier dans la file d'attente et suivre son historique.",
        can_2:
          'Ouvrir la conversation signalée pour 15 minutes, en indiquant votre justification\u00a0: chaque ouverture est inscrite au registre des accès.',
        can_3: 'Ajouter des notes et rendre une décision motivée.',
      },
      lead: {
        summary: "Vous encadrez l'équipe de modération.",
        can_1: 'Assigner les dossiers et ouvrir toute conversation signalée, avec justification.',
        can_2: 'Prendre ou approuver les sanctions lourdes (suspension, bannissement).',
        can_3: 'Placer ou lever un gel juridique, rouvrir un dossier.',
      },
      dpo: {
        summary: 'Vous contrôlez que chaque accès aux conversations est justifié.',
        can_1: "Consulter le registre des accès et vérifier qu'il n'a pas été altéré.",
        can_2: 'Répondre aux demandes des personnes concernées.',
        can_3:
          'Suivre la conservation de 3 ans et prévoir les effacements. Le contenu des conversations ne vous est jamais montré.',
      },
      admin: {
        summary: "Vous gérez les comptes de l'équipe.",
        can_1: 'Créer, modifier et désactiver les comptes du personnel et leurs rôles.',
        can_2: 'Suivre les passes de conservation.',
        can_3: 'Le contenu des conversations ne vous est jamais montré.',
      },
    },
  },
  screens: {
    will_show: 'Cet écran affichera\u00a0:',
    queue: {
      title: "File d'attente",
      summary: 'Les dossiers ouverts par les signalements de la plateforme, les plus urgents en premier.',
      item_1:
        'La priorité, la catégorie et le nombre de signalants de chaque dossier (sécurité des mineurs en tête).',
      item_2: 'Le statut, la personne assignée et la date de dernière activité.',
      item_3: 'Des filtres par statut, catégorie et assignation, et la prise en charge en un clic.',
    },
    access_register: {
      title: 'Registre des accès',
      summary:
        "Chaque ouverture d'une conversation signalée, et chaque refus, dans un registre infalsifiable.",
      item_1: 'Qui a lu quelle conversation, quand, au titre de quel signalement et pourquoi.',
      item_2: 'Des filtres par membre du personnel, dossier, personne concernée, période et résultat.',
      item_3: "La vérification de la chaîne d'intégrité et l'export CSV ou JSON.",
    },
    retention: {
      title: 'Conservation',
      summary: "L'application de la durée de conservation\u00a0: 3 ans après la dernière activité.",
      item_1: 'Les dernières passes du balayage, avec leurs compteurs et leurs erreurs.',
      item_2: 'Les dossiers qui seront clos et effacés lors des prochaines passes.',
      item_3: 'Les gels juridiques en cours, avec leur motif et leur auteur.',
    },
    staff: {
      title: 'Équipe',
      summary: 'Les comptes des membres du personnel qui utilisent Vigie.',
      item_1: "Le nom, l'adresse e-mail et les rôles de chacun.",
      item_2: "L'état de la vérification en deux étapes et la dernière connexion.",
      item_3: 'La création de comptes, le changement de rôles et la désactivation.',
    },
  },
};

/** The shape every locale's `vigie.*` messages must have: the French catalogue is the reference. */
export type VigieMessages = MessagesOf<typeof vigie>;
type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> };

export const fr = { ...frenchMessages, vigie };
