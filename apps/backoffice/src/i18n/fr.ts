import frenchMessages from 'ra-language-french';
import type { MessagesOf } from './messagesOf';
import { alertsFr } from './alerts';
import { decisionsFr } from './decisions';
import { gateFr } from './gate';
import { journalFr } from './journal';
import { registerFr } from './register';
import { processingRecordFr } from './processingRecord';
import { retentionFr } from './retention';
import { subjectsFr } from './subjects';
import { staffAccessFr } from './staffAccess';
import { liaFr } from './lia';

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
      title: 'Double authentification',
      hint: "Saisissez le code à 6 chiffres affiché par votre application d'authentification pour %{email}.",
      label: 'Code à 6 chiffres',
      invalid_format: 'Le code comporte 6 chiffres.',
      submit: 'Vérifier',
      back: 'Changer de compte',
    },
    recovery: {
      use_code: 'Utiliser un code de secours',
      use_app: "Utiliser l'application d'authentification",
      hint: "Saisissez l'un des codes de secours enregistrés lors de l'activation. Chaque code ne sert qu'une fois.",
      label: 'Code de secours (xxxx-xxxx)',
      invalid_format: 'Un code de secours a la forme xxxx-xxxx.',
    },
    errors: {
      invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
      mfa_invalid: 'Code incorrect ou expiré. Saisissez le code affiché actuellement.',
      invalid_input: "Vérifiez l'adresse e-mail et le mot de passe saisis.",
      recovery_invalid: 'Code de secours incorrect ou déjà utilisé.',
      mfa_required: 'Ce compte est protégé par la double authentification.',
      mfa_enrolment_required:
        'Votre compte doit activer la double authentification avant de pouvoir se connecter. Contactez un administrateur de Vigie.',
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
    register: 'Registre des accès',
    retention: 'Conservation',
    staff: 'Équipe',
    role_requests: 'Rôles à approuver',
  },
  dashboard: {
    greeting: 'Bonjour %{name}',
    greeting_anonymous: 'Bonjour',
    intro: 'Voici ce que vos rôles vous permettent de faire dans Vigie.',
    your_roles: 'Vos rôles',
    pending_roles:
      "En attente d'approbation\u00a0: %{roles}. Ces rôles ne vous donnent encore aucun accès\u00a0: une deuxième personne doit les approuver.",
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
  time: {
    just_now: "À l'instant",
  },
  user_menu: {
    profile: 'Mon profil',
  },
  password_policy:
    "12 caractères au minimum, pas un mot de passe courant, et sans la partie de l'adresse e-mail placée avant le «\u00a0@\u00a0».",
  errors: {
    email_taken: 'Un compte existe déjà avec cette adresse e-mail.',
    weak_password: 'Ce mot de passe ne respecte pas la règle indiquée sous le champ.',
    current_password_wrong: 'Le mot de passe actuel est incorrect.',
    mfa_code_wrong:
      "Code incorrect ou expiré. Vérifiez que l'heure de votre téléphone est juste, puis saisissez le code suivant.",
    mfa_already_enabled: 'La double authentification est déjà active sur votre compte.',
    mfa_not_started: "L'activation a expiré\u00a0: recommencez-la depuis le début.",
    mfa_enrolment_required: "Activez d'abord la double authentification.",
    self_change:
      'Personne ne modifie ses propres rôles ni ne désactive son propre compte\u00a0: demandez-le à un autre administrateur.',
    incompatible_roles:
      'Ces rôles ne se cumulent pas\u00a0: Modération, Responsable modération (avec ou sans Modération), DPO, ou Administration.',
    staff_not_found: "Ce compte n'existe pas ou plus.",
    role: 'Vos rôles ne permettent pas cette action.',
    csrf: 'Votre session a changé entre-temps. Rechargez la page, puis recommencez.',
    role_pending: "Votre rôle attend l'approbation d'une deuxième personne\u00a0: il ne donne encore aucun accès.",
    own_request:
      "Une demande de rôle est approuvée par une autre personne que celle qui l'a faite, et que la personne concernée.",
    approval_not_allowed:
      "Vos rôles ne permettent pas de décider de cette demande (ou l'un de vos propres rôles attend encore son approbation).",
    role_request_not_found: "Cette demande n'est plus en attente\u00a0: quelqu'un l'a déjà décidée.",
    link_not_found:
      "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau.",
    link_used: 'Ce lien a déjà servi. Demandez un nouveau lien à un administrateur de Vigie.',
    link_expired:
      'Ce lien a expiré (il vaut 24 heures). Demandez un nouveau lien à un administrateur de Vigie.',
    invalid_input: 'Vérifiez les champs signalés.',
    not_found: "Cet élément n'existe pas ou plus.",
    already_assigned: 'Un·e collègue a pris ce dossier.',
    stale_version: 'Cet élément a changé entre-temps. Rechargez la page, puis recommencez.',
    case_not_found: "Ce dossier n'existe pas ou plus.",
    invalid_assignee: 'Cette personne ne peut pas recevoir de dossiers (compte désactivé ou sans rôle de modération).',
    conflict: 'Cet élément a changé entre-temps. Rechargez la page, puis recommencez.',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    no_delete: "Rien n'est jamais supprimé dans Vigie\u00a0: désactivez le compte à la place.",
    fields: {
      invalid: 'Valeur non valide.',
      too_long: 'Texte trop long.',
      email_invalid: 'Saisissez une adresse e-mail valide.',
      email_taken: 'Cette adresse e-mail est déjà utilisée par un autre compte.',
      roles_required: 'Choisissez au moins un rôle.',
      roles_incompatible: 'Ces rôles ne se cumulent pas\u00a0: Modération, Responsable modération (avec ou sans Modération), DPO, ou Administration.',
      code_format: 'Le code comporte 6 chiffres.',
      code_wrong: "Ce code n'est pas le bon. Saisissez le code affiché actuellement.",
      current_password_wrong: "Ce n'est pas votre mot de passe actuel.",
      password_too_short: 'Au moins 12 caractères.',
      password_too_common: 'Ce mot de passe est trop courant. Choisissez-en un autre.',
      password_contains_email: "Le mot de passe ne doit pas contenir l'adresse e-mail.",
      password_weak: 'Ce mot de passe est trop faible.',
      password_too_guessable: 'Ce mot de passe serait deviné trop vite. Ajoutez quelques mots que peu de gens associeraient.',
      password_keyboard_pattern: 'Les suites de touches du clavier (azerty, qwerty, 1qaz…) sont essayées en premier. Choisissez autre chose.',
      password_repetition: 'Les caractères ou motifs répétés (aaaa, abab…) sont essayés en premier. Choisissez autre chose.',
      password_sequence: 'Les suites comme abc ou 1234 sont essayées en premier. Choisissez autre chose.',
      password_date_like: 'Les dates et les années sont essayées en premier. Choisissez autre chose.',
      password_single_word: 'Un mot ou un nom seul, même suivi de chiffres, est essayé en premier. Associez plusieurs mots.',
      password_personal_data: "Votre nom, votre adresse e-mail ou le nom du produit ne rendent pas un mot de passe plus sûr. Choisissez autre chose.",
    },
  },
  staff: {
    title: 'Équipe',
    intro:
      "Les comptes des personnes qui utilisent Vigie. Un compte n'est jamais supprimé\u00a0: on le désactive, et son historique est conservé.",
    person: 'Personne',
    you: 'vous',
    create: 'Nouveau compte',
    create_title: 'Nouveau compte',
    create_submit: 'Créer le compte',
    created: 'Compte de %{name} créé.',
    updated: 'Compte de %{name} enregistré.',
    mfa_on: 'Activée',
    mfa_off: 'Non activée',
    status_active: 'Actif',
    status_disabled: 'Désactivé',
    never_signed_in: 'Aucune connexion',
    empty_title: "Aucun compte pour l'instant",
    empty_body: "Créez un compte pour chaque personne de l'équipe, avec les rôles dont elle a besoin.",
    sections: {
      identity: 'Identité',
      roles: 'Rôles',
      password: 'Mot de passe',
      access: 'Accès',
    },
    email_helper: "Elle sert d'identifiant pour se connecter.",
    email_readonly: "L'adresse e-mail sert d'identifiant\u00a0: elle ne peut pas être modifiée.",
    roles_helper:
      "Un seul rôle, ou Responsable modération avec Modération. La DPO et l'administration ne cumulent aucun autre rôle\u00a0: elles ne lisent jamais de conversation.",
    role_descriptions: {
      moderator:
        'Traite les signalements\u00a0: prend les dossiers, ouvre les conversations signalées en justifiant chaque ouverture, rend les décisions.',
      lead: 'Encadre la modération\u00a0: assigne les dossiers, décide des sanctions lourdes, place ou lève les gels juridiques.',
      dpo: 'Contrôle le registre des accès et la conservation des données. Ne voit jamais le contenu des conversations.',
      admin:
        "Gère les comptes de l'équipe et suit la conservation. Ne voit jamais le contenu des conversations.",
    },
    password_by_link:
      "Vous ne choisissez pas le mot de passe\u00a0: à la création, Vigie vous donne un lien à usage unique (valable 24 heures) que vous remettez à la personne. Elle y choisit son mot de passe, puis active la double authentification à sa première connexion.",
    roles_need_approval:
      "Les rôles donnés ici attendent l'approbation d'une deuxième personne\u00a0: un·e responsable ou un autre administrateur pour Modération et Responsable modération, un autre administrateur pour DPO et Administration.",
    pending: 'en attente',
    pending_title: "En attente d'approbation\u00a0: %{roles}",
    link: {
      title: 'Lien à remettre à %{name}',
      intro:
        "Remettez ce lien à la personne par un canal sûr. Il sert une seule fois, pour choisir son mot de passe. Il n'est affiché qu'une fois\u00a0: Vigie n'en garde qu'une empreinte.",
      label: 'Lien de choix du mot de passe',
      copy: 'Copier le lien',
      copied: 'Lien copié.',
      expires: 'Valable jusqu’au %{date}.',
      pending_note:
        "Ses rôles attendent l'approbation d'une deuxième personne (page «\u00a0Rôles à approuver\u00a0»)\u00a0: vous ne pouvez pas les approuver vous-même.",
      close: "J'ai remis le lien",
    },
    reset: {
      action: 'Réinitialiser le mot de passe',
      title: 'Réinitialiser le mot de passe de %{name}\u00a0?',
      body: "Vigie crée un nouveau lien à usage unique que vous remettrez à la personne\u00a0; les liens précédents cessent de fonctionner. Comme vous pourriez vous servir de ce lien, ses rôles Modération et Responsable modération sont suspendus jusqu'à ce qu'une deuxième personne les approuve à nouveau.",
      confirm: 'Créer le lien',
      cancel: 'Annuler',
    },
    disabled_label: 'Compte désactivé',
    disabled_help:
      'La personne est déconnectée aussitôt et ne peut plus se connecter. Son compte et son historique sont conservés\u00a0; vous pourrez le réactiver.',
    disabled_self: 'Vous ne pouvez pas désactiver votre propre compte.',
    back_to_list: "Retour à l'équipe",
    disabling_notice: "À l'enregistrement, les sessions ouvertes de ce compte seront fermées aussitôt.",
    admin_self: 'Vous ne pouvez pas retirer votre propre rôle Administration.',
  },
  cases: {
    title: "File d'attente",
    intro:
      'Les dossiers ouverts par les signalements de la plateforme, les plus urgents en premier. Ouvrez un dossier pour le prendre en charge.',
    total: '%{smart_count} dossier |||| %{smart_count} dossiers',
    total_capped: '%{count} dossiers',
    page_range_capped: '%{from}-%{to} sur plus de %{total}',
    order_hint:
      "Ordre par défaut\u00a0: priorité décroissante, puis le plus ancien d'abord. La priorité vient de la catégorie la plus grave, plus 25 par signalant supplémentaire.",
    case: 'Dossier',
    case_about: 'Dossier concernant %{name}',
    back_to_queue: "Retour à la file d'attente",
    unassigned: 'Non assigné',
    unknown_user: 'Utilisateur inconnu',
    you: 'vous',
    yours: 'Vous traitez ce dossier',
    taken_by: '%{name} traite ce dossier.',
    legal_hold: 'Gel juridique',
    priority_score: 'Score de priorité\u00a0: %{score}',
    reporters: '%{smart_count} personne |||| %{smart_count} personnes',
    reporters_detail:
      '%{smart_count} signalant, %{reports} signalement(s) |||| %{smart_count} signalants, %{reports} signalement(s)',
    reports_by: '%{smart_count} signalement, par %{reporters} |||| %{smart_count} signalements, par %{reporters}',
    claimed: 'Le dossier est à vous.',
    assigned_to: 'Dossier assigné à %{name}.',
    unassigned_done: "Dossier remis dans la file d'attente.",
    empty_title: 'La file est vide',
    empty_body: "Aucun dossier ouvert pour l'instant. Les nouveaux signalements apparaîtront ici.",
    empty_filtered_title: 'Aucun dossier ne correspond',
    empty_filtered_body: 'Modifiez ou retirez les filtres pour voir plus de dossiers.',
    fields: {
      priority: 'Priorité',
      categories: 'Catégories',
      reported_user: 'Personne signalée',
      reporters: 'Signalants',
      age: 'Ouvert',
      last_activity: 'Dernière activité',
      assignee: 'Assigné à',
      status: 'Statut',
      reports: 'Signalements',
      conversation: 'Conversation',
    },
    views: {
      label: 'Vues enregistrées',
      all_open: 'Tous les dossiers ouverts',
      mine: 'Mes dossiers',
      unassigned: 'Non assignés',
      minor_safety: 'Protection des mineurs',
    },
    filters: {
      status: 'Statut',
      category: 'Catégorie',
      priority: 'Priorité',
      assignee: 'Assigné à',
      reported_user: 'Personne signalée (identifiant)',
      created_from: 'Ouvert depuis le',
      created_to: "Ouvert jusqu'au",
      last_activity_from: 'Activité depuis le',
      last_activity_to: "Activité jusqu'au",
      priority_at_least: {
        critical: 'Critique',
        high: 'Haute ou plus',
        medium: 'Moyenne ou plus',
      },
    },
    priority_levels: {
      critical: 'Critique',
      high: 'Haute',
      medium: 'Moyenne',
      low: 'Basse',
    },
    statuses: {
      open: 'Ouvert',
      in_review: "En cours d'examen",
      actioned: 'Mesure prise',
      dismissed: 'Classé sans suite',
      closed: 'Clos',
    },
    categories: {
      harassment: 'Harcèlement',
      sexual_content: 'Contenu sexuel',
      hate: 'Haine',
      threat_violence: 'Menaces ou violence',
      spam_scam: 'Spam ou arnaque',
      personal_data: 'Données personnelles',
      minor_safety: 'Protection des mineurs',
      impersonation: "Usurpation d'identité",
      other: 'Autre',
    },
    kinds: {
      explorer: 'Explorateur·rice',
      expert: 'Expert·e',
    },
    actions: {
      claim: 'Prendre le dossier',
      assign: 'Assigner',
      reassign: 'Réassigner',
      unassign: "Remettre dans la file d'attente",
    },
    conflicts: {
      already_assigned: "Un·e collègue a pris ce dossier. Le voici tel qu'il est maintenant.",
      stale_version:
        "Ce dossier a changé entre-temps. Le voici tel qu'il est maintenant\u00a0: recommencez si besoin.",
      closed: 'Ce dossier est clos\u00a0: il ne peut plus être assigné.',
    },
    sections: {
      reports: 'Signalements',
      participants: 'Participants',
      timeline: 'Historique',
    },
    reports: {
      reporter: 'Signalé par',
      reported_user: 'Personne signalée',
      comment: 'Commentaire du signalant',
      no_comment: 'Pas de commentaire.',
      messages: '%{smart_count} message signalé\u00a0: |||| %{smart_count} messages signalés\u00a0:',
      cleaned: 'Des caractères impossibles à conserver ont été remplacés par «\u00a0\ufffd\u00a0» dans\u00a0: %{fields}',
    },
    participants: {
      reported: 'Signalé·e',
      reporter: 'A signalé',
    },
    timeline: {
      case_opened: 'Dossier ouvert',
      case_opened_category: 'Dossier ouvert\u00a0: %{category}',
      report_added: 'Nouveau signalement',
      report_added_category: 'Nouveau signalement\u00a0: %{category}',
      assigned: 'Dossier assigné',
      assigned_to: 'Dossier assigné à %{assignee}',
      unassigned: "Dossier remis dans la file d'attente",
      claimed: 'Dossier pris en charge',
      status_changed: 'Statut modifié',
      note_added: 'Note ajoutée',
      decision_made: 'Décision rendue',
      legal_hold_placed: 'Gel juridique placé',
      legal_hold_lifted: 'Gel juridique levé',
      closed: 'Dossier clos',
      reopened: 'Dossier rouvert',
      other: 'Événement\u00a0: %{type}',
      by_platform: 'Plateforme',
    },
    metadata: {
      title: 'Métadonnées du dossier',
      intro:
        "Ce qui est arrivé au dossier et quand : catégories, statuts, dates, types d'événements, mesures et clauses des décisions. Les personnes y figurent par leur identifiant sur la plateforme, comme dans le registre. Chaque consultation est inscrite au journal du personnel.",
      no_content:
        'Jamais le contenu : ni messages, ni commentaires des signalements, ni notes, ni faits des décisions, ni déclarations de recours.',
      load_failed: 'Les métadonnées de ce dossier ne sont pas disponibles (%{message}).',
      open: 'Voir les métadonnées du dossier',
      none: '—',
      yes: 'Oui',
      no: 'Non',
      no_decision: 'Aucune décision.',
      days: '%{smart_count} jour |||| %{smart_count} jours',
      sections: {
        case: 'Dossier',
        reports: 'Signalements',
        decisions: 'Décisions',
        timeline: 'Historique',
        participants: 'Personnes concernées',
      },
      fields: {
        status: 'Statut',
        categories: 'Catégories',
        created_at: 'Ouvert le',
        last_activity: 'Dernière activité',
        closed_at: 'Clos le',
        close_reason: 'Motif de clôture',
        legal_hold: 'Gel juridique',
        data_purged_at: 'Données effacées le',
        conversation: 'Conversation (identifiant)',
        messages: 'Messages conservés',
        category: 'Catégorie',
        reported_at: 'Signalé le',
        received_at: 'Reçu le',
        reporter: 'Signalant (identifiant)',
        reported: 'Personne signalée (identifiant)',
        action: 'Mesure',
        clause: 'Clause',
        state: 'État',
        decided_at: 'Décidée le',
        decided_by: 'Par',
        at: 'Quand',
        event: 'Événement',
        actor: 'Par',
        platform_id: 'Identifiant sur la plateforme',
        name: 'Nom',
      },
      close_reasons: {
        resolved: 'Traité',
        retention_expired: 'Durée de conservation écoulée',
        erasure_requested: 'Effacement à la demande de la personne',
        duplicate: 'Doublon',
      },
      event_types: {
        case_opened: 'Dossier ouvert',
        report_added: 'Nouveau signalement',
        assigned: 'Dossier assigné',
        unassigned: "Dossier remis dans la file d'attente",
        claimed: 'Dossier pris en charge',
        status_changed: 'Statut modifié',
        note_added: 'Note ajoutée',
        decision_made: 'Décision rendue',
        legal_hold_placed: 'Gel juridique placé',
        legal_hold_lifted: 'Gel juridique levé',
        conversation_accessed: 'Conversation consultée',
        closed: 'Dossier clos',
        reopened: 'Dossier rouvert',
        retention_closed: 'Clos à la fin de la conservation',
        decision: 'Décision rendue',
        decision_proposed: 'Décision proposée',
        decision_approved: 'Décision approuvée',
        decision_rejected: 'Décision rejetée',
        appealed: 'Recours déposé',
        appeal_opened: 'Dossier de recours ouvert',
        appeal_decided: 'Recours tranché',
      },
    },
  },
  profile: {
    title: 'Mon profil',
    password: {
      title: 'Mot de passe',
      intro: 'Une fois le mot de passe changé, vos autres sessions ouvertes sont fermées.',
      current: 'Mot de passe actuel',
      new: 'Nouveau mot de passe',
      confirm: 'Confirmez le nouveau mot de passe',
      mismatch: 'Les deux mots de passe ne sont pas identiques.',
      submit: 'Changer le mot de passe',
      changed: 'Mot de passe changé. Vos autres sessions ont été fermées.',
    },
    mfa: {
      title: 'Double authentification',
      on: 'Active',
      off: 'Non activée',
      on_body:
        "Chaque connexion vous demande, après le mot de passe, le code de votre application d'authentification ou l'un de vos codes de secours.",
      off_body:
        "En plus du mot de passe, chaque connexion vous demandera un code à 6 chiffres affiché par une application d'authentification sur votre téléphone.",
      enable: 'Activer la double authentification',
    },
  },
  mfa: {
    starting: 'Préparation de votre clé…',
    qr_alt: "QR code à scanner avec votre application d'authentification",
    step_scan: "1. Scannez ce QR code avec votre application d'authentification",
    apps: 'Par exemple Google Authenticator, Microsoft Authenticator, FreeOTP ou votre gestionnaire de mots de passe.',
    manual: "Impossible de scanner\u00a0? Saisissez plutôt cette clé dans l'application\u00a0:",
    copy_secret: 'Copier la clé',
    secret_copied: 'Clé copiée.',
    step_code: "2. Saisissez le code à 6 chiffres affiché par l'application",
    confirm: 'Activer',
    activated: 'Double authentification activée.',
    codes_title: 'Vos codes de secours',
    codes_intro:
      "Si vous n'avez plus votre téléphone, chacun de ces codes remplace une fois le code de l'application. Rangez-les en lieu sûr, par exemple dans votre gestionnaire de mots de passe.",
    codes_warning: 'Ces codes ne seront plus jamais affichés.',
    copy_codes: 'Copier',
    download_codes: 'Télécharger (.txt)',
    codes_copied: 'Codes de secours copiés.',
    copy_failed: 'La copie a échoué\u00a0: sélectionnez le texte et copiez-le vous-même.',
    codes_file_header: "Vigie — codes de secours (chacun ne sert qu'une fois)",
    codes_saved: "J'ai enregistré mes codes",
  },
  enrolment: {
    page_title: 'Double authentification',
    title: 'Activez la double authentification',
    why: 'Votre compte (%{roles}) donne accès à des fonctions sensibles\u00a0: la double authentification y est obligatoire. Activez-la pour continuer, cela prend une minute.',
    how: "Gardez votre téléphone à portée de main, avec une application d'authentification installée.",
  },
  screens: {
    will_show: 'Cet écran affichera\u00a0:',
  },
  gate: gateFr,
  register: registerFr,
  journal: journalFr,
  alerts: alertsFr,
  retention: retentionFr,
  subjects: subjectsFr,
  processing_record: processingRecordFr,
  decisions: decisionsFr,
  staff_access: staffAccessFr,
  lia: liaFr,
};

const staffResource = {
  name: "Membre de l'équipe |||| Membres de l'équipe",
  fields: {
    name: 'Nom',
    email: 'Adresse e-mail',
    roles: 'Rôles',
    mfaEnabled: 'Double authentification',
    disabled: 'Statut',
    lastLoginAt: 'Dernière connexion',
    createdAt: 'Compte créé le',
    password: 'Mot de passe initial',
  },
};

const casesResource = {
  name: 'Dossier |||| Dossiers',
  fields: {
    priority: 'Priorité',
    createdAt: "Date d'ouverture",
    lastActivityAt: 'Dernière activité',
  },
};

/** The shape every locale's `vigie.*` messages must have: the French catalogue is the reference. */
export type VigieMessages = MessagesOf<typeof vigie>;


export type ResourceMessages = MessagesOf<typeof staffResource>;
export type CasesResourceMessages = MessagesOf<typeof casesResource>;

export const fr = { ...frenchMessages, vigie, resources: { staff: staffResource, cases: casesResource } };
