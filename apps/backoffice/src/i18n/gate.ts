/** Messages of the gate screens, French, the reference shape (English in its .en.ts). */
export const gateFr = {
  button: {
    open: 'Ouvrir la conversation',
    note: "L'ouverture demandera une justification et sera enregistrée au registre des accès. L'accès dure 15 minutes.",
    reasons: {
      loading: 'Chargement du dossier…',
      closed: 'Ce dossier est clos\u00a0: sa conversation ne peut plus être ouverte.',
      no_reports: "Ce dossier n'a aucun signalement sur lequel s'appuyer.",
      unassigned: 'Prenez le dossier pour ouvrir la conversation.',
      assigned_elsewhere: 'Seule la personne assignée ou un·e responsable peut ouvrir la conversation.',
    },
  },
  dialog: {
    title: 'Ouvrir la conversation',
    title_full: 'Voir toute la conversation',
    intro: 'Vous verrez les messages signalés, avec 10 messages avant et après chacun, pendant 15 minutes.',
    intro_full:
      "Vous verrez toute la conversation (%{smart_count} message) pendant 15 minutes. C'est un nouvel accès\u00a0: il demande sa propre justification. |||| Vous verrez toute la conversation (%{smart_count} messages) pendant 15 minutes. C'est un nouvel accès\u00a0: il demande sa propre justification.",
    legal_basis_label: 'Base légale\u00a0:',
    legal_basis: 'intérêt légitime de la plateforme à détecter les activités illicites (RGPD art. 6.1.f)',
    purpose_label: 'Finalité\u00a0:',
    purpose: 'examen des signalements',
    reports_label: 'Signalements sur lesquels vous vous appuyez',
    reports_help: 'Cochez au moins un signalement.',
    report_by: 'par %{name}',
    report_messages: '%{smart_count} message signalé |||| %{smart_count} messages signalés',
    no_comment: 'Pas de commentaire.',
    quoted: '«\u00a0%{text}\u00a0»',
    justification_label: 'Justification',
    justification_placeholder:
      'Ex.\u00a0: vérifier dans leur contexte les messages signalés pour harcèlement.',
    justification_help: '%{min} lettres ou chiffres minimum. Dites ce que vous devez vérifier dans la conversation.',
    counter_short: '%{count} / %{min}',
    counter_ok: '%{smart_count} lettre ou chiffre |||| %{smart_count} lettres ou chiffres',
    register_warning:
      "Cet accès sera inscrit au registre des accès, avec votre nom, l'heure, les signalements choisis et votre justification. Ce registre est contrôlé par la personne déléguée à la protection des données (DPO).",
    cancel: 'Annuler',
    submit: 'Ouvrir pour 15 minutes',
    refused: 'Accès refusé',
    refusal_recorded: 'Ce refus est inscrit au registre des accès.',
    failed: "L'accès n'a pas pu être ouvert",
    errors: {
      no_report: 'Choisissez au moins un signalement.',
      too_short:
        'Encore %{smart_count} lettre ou chiffre\u00a0: la justification doit en compter au moins %{min}. |||| Encore %{smart_count} lettres ou chiffres\u00a0: la justification doit en compter au moins %{min}.',
      invalid_request:
        "La demande n'a pas été acceptée telle quelle\u00a0: vérifiez les signalements cochés et la justification.",
    },
  },
  refusals: {
    role: "Vos rôles ne permettent pas d'ouvrir une conversation.",
    role_pending:
      "Votre rôle de modération attend l'approbation d'une deuxième personne\u00a0: il ne permet pas encore d'ouvrir une conversation.",
    case_not_found: "Ce dossier n'existe pas ou plus.",
    data_purged:
      'Les messages de ce dossier ont été effacés à la fin de la durée de conservation\u00a0: il ne reste rien à lire.',
    case_closed: 'Ce dossier est clos\u00a0: sa conversation ne peut plus être ouverte.',
    not_assignee:
      'Seule la personne qui traite ce dossier, ou un·e responsable, peut ouvrir la conversation. Le dossier a peut-être été réassigné entre-temps.',
    no_report: 'Choisissez au moins un signalement sur lequel vous vous appuyez.',
    report_not_in_case:
      "Un des signalements choisis n'appartient pas à ce dossier. Rechargez la page, puis recommencez.",
    justification_too_short:
      'La justification est trop courte\u00a0: au moins %{min} lettres ou chiffres (espaces, ponctuation et émojis ne comptent pas).',
    grant_not_found: "Cet accès n'existe pas ou plus\u00a0: demandez un nouvel accès.",
    not_grant_holder: 'Cet accès a été accordé à une autre personne\u00a0: demandez le vôtre.',
    grant_expired: 'Accès expiré — demandez un nouvel accès.',
    step_up_required: 'Confirmez votre identité pour ouvrir la conversation.',
    grant_revoked: "Cet accès a pris fin\u00a0: vous ne pourriez plus ouvrir ce dossier.",
    restricted:
      "Traitement limité\u00a0: une personne concernée par ce dossier a demandé la limitation du traitement de ses données. Sa conversation ne s'ouvre pas tant que la limitation tient.",
    refused_by_database:
      "La base de données a refusé cet accès selon ses propres règles (le refus est consigné). Rechargez la page puis recommencez\u00a0; si le refus persiste, prévenez un·e responsable.",
  },
  step_up: {
    title: 'Confirmez votre identité',
    intro_password:
      'Votre dernière confirmation est trop ancienne pour ouvrir une conversation\u00a0: saisissez à nouveau votre mot de passe. Votre justification et les signalements cochés sont conservés.',
    intro_totp:
      "Votre dernière confirmation est trop ancienne pour ouvrir une conversation\u00a0: saisissez le code de votre application d'authentification. Votre justification et les signalements cochés sont conservés.",
    password_label: 'Mot de passe',
    totp_label: 'Code à 6 chiffres',
    submit: 'Confirmer et ouvrir',
    errors: {
      required: 'Saisissez-le pour continuer.',
      failed: "Ce n'est pas le bon. Un code ne sert qu'une fois\u00a0: attendez le suivant.",
      method: "Votre compte se confirme par l'autre moyen\u00a0: le champ a changé, recommencez.",
      locked: 'Trop d’essais manqués. Réessayez dans quelques minutes.',
      unavailable: "La confirmation n'a pas abouti. Réessayez.",
    },
  },
  revoked: {
    reassigned: "Accès retiré\u00a0: le dossier a été réassigné à une autre personne.",
    unassigned: "Accès retiré\u00a0: le dossier n'est plus assigné à personne.",
    case_closed: 'Accès retiré\u00a0: le dossier a été clos.',
    data_purged: 'Accès retiré\u00a0: les messages de ce dossier ont été effacés.',
    roles_changed: "Accès retiré\u00a0: vos rôles ne permettent plus d'ouvrir une conversation.",
    account_disabled: 'Accès retiré\u00a0: votre compte a été désactivé entre-temps.',
    signed_out: "Accès retiré\u00a0: la session qui l'avait obtenu s'est déconnectée.",
    session_expired: "Accès retiré\u00a0: la session qui l'avait obtenu a expiré.",
    restricted: "Accès retiré\u00a0: le traitement des données d'une personne concernée a été limité.",
  },
  viewer: {
    title: 'Conversation signalée',
    scope_context: 'Contexte des signalements\u00a0: %{count} messages sur %{total}',
    scope_full:
      'Conversation entière\u00a0: %{smart_count} message |||| Conversation entière\u00a0: %{smart_count} messages',
    remaining: "Temps d'accès restant\u00a0: %{time}",
    close: "Fermer et retirer la conversation de l'écran",
    loading: 'Chargement des messages…',
    erased: 'Message effacé',
    reported: 'Signalé',
    reported_as: 'Signalé\u00a0: %{category}',
    hidden_before:
      '%{smart_count} message plus ancien non affiché |||| %{smart_count} messages plus anciens non affichés',
    hidden_between:
      '%{smart_count} message non affiché entre ces passages |||| %{smart_count} messages non affichés entre ces passages',
    hidden_after:
      '%{smart_count} message plus récent non affiché |||| %{smart_count} messages plus récents non affichés',
    see_all: 'Voir toute la conversation',
    expired: 'Accès expiré — demandez un nouvel accès',
    expired_body:
      "Le contenu de la conversation a été retiré de l'écran. Un nouvel accès demande une nouvelle justification.",
    request_again: 'Demander un nouvel accès',
    close_button: 'Fermer',
    failed: 'Les messages ne peuvent pas être affichés',
    retry: 'Réessayer',
    empty: 'Aucun message à afficher.',
    unknown_author: 'Participant inconnu',
    register_notice:
      "Accès inscrit au registre des accès. La conversation disparaît de l'écran à la fermeture ou à la fin du délai.",
  },
  timeline: {
    conversation_accessed: 'Conversation ouverte',
    context:
      'Conversation ouverte — contexte (%{smart_count} message) |||| Conversation ouverte — contexte (%{smart_count} messages)',
    full: 'Conversation ouverte — conversation entière (%{smart_count} message) |||| Conversation ouverte — conversation entière (%{smart_count} messages)',
  },
};
