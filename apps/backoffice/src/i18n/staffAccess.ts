/**
 * Messages of four eyes on roles and of password links: the "Roles to approve" screen and the
 * public page where a person sets their password. French, the reference shape (English in its .en.ts).
 */
export const staffAccessFr = {
  role_requests: {
    title: 'Rôles à approuver',
    intro:
      "Un rôle donné depuis l'écran Équipe ne donne aucun accès tant qu'une deuxième personne ne l'a pas approuvé\u00a0: un·e responsable ou un autre administrateur pour Modération et Responsable modération, un autre administrateur pour DPO et Administration. Jamais la personne qui l'a demandé, ni la personne concernée.",
    total: '%{smart_count} demande en attente |||| %{smart_count} demandes en attente',
    reload: 'Actualiser',
    load_failed: 'Impossible de charger les demandes\u00a0: %{message}',
    empty_title: 'Aucun rôle à approuver',
    empty_body: 'Les rôles donnés à un compte apparaîtront ici, en attendant une deuxième personne.',
    requested_by: 'Demandé par %{name}',
    requested_by_unknown: 'Demandé par la ligne de commande',
    now: 'Aujourd’hui',
    after: 'Après approbation',
    no_role: 'aucun rôle',
    causes: {
      roles_given: 'Rôles donnés',
      password_link: 'Suspendus par un lien de mot de passe',
    },
    cause_hints: {
      roles_given: 'Un administrateur a donné ces rôles au compte.',
      password_link:
        "Un administrateur a créé un lien de mot de passe pour ce compte\u00a0: ses rôles de modération sont suspendus jusqu'à une nouvelle approbation.",
    },
    approve: 'Approuver',
    reject: 'Refuser',
    approved: 'Rôles de %{name} approuvés.',
    rejected: 'Demande pour %{name} refusée.',
    not_yours:
      'Vous avez fait cette demande, ou elle vous concerne\u00a0: une autre personne doit la décider.',
  },
  set_password: {
    page_title: 'Choisir mon mot de passe',
    title: 'Choisissez votre mot de passe',
    checking: 'Vérification du lien…',
    for: 'Compte de %{name} (%{email})',
    expires: 'Ce lien vaut une seule fois, jusqu’au %{date}.',
    password: 'Nouveau mot de passe',
    confirm: 'Confirmez le mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
    submit: 'Enregistrer mon mot de passe',
    done_title: 'Mot de passe enregistré',
    done_body:
      "Connectez-vous avec votre adresse e-mail et ce mot de passe. Vigie vous demandera ensuite d'activer la double authentification.",
    sign_in: 'Se connecter',
    no_token: 'Ce lien est incomplet\u00a0: ouvrez le lien exact que vous avez reçu.',
  },
};
