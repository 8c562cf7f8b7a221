# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = Connexion des modérateurs
console-token = Jeton de modérateur
console-token-hint = Le jeton qu’un opérateur vous a remis (bizseal reviewer create). Sur un ordinateur partagé, déconnectez-vous quand vous avez terminé.
console-sign-in = Se connecter
console-wrong-token = Ce jeton n’est pas correct. Vérifiez-le et réessayez.
console-locked-out = { $minutes ->
    [one] Trop de jetons erronés sont venus de votre réseau. Réessayez dans une minute.
   *[other] Trop de jetons erronés sont venus de votre réseau. Réessayez dans { $minutes } minutes.
}
console-signed-out = Votre session est fermée.

console-nav-label = Console
console-nav-queue = File d’examen
console-nav-business = Entreprise ou numéro
console-nav-audit = Journal d’audit
console-nav-outbox = Boîte d’envoi des codes
console-signed-in-as = Connecté en tant que { $name }
console-sign-out = Se déconnecter

console-forged-title = Formulaire refusé
console-forged-text = Ce formulaire ne contenait pas le jeton de sécurité de cette session : rien n’a donc été fait. Rouvrez la page depuis la console et envoyez le formulaire depuis celle-ci.
console-back-to-queue = Retour à la file d’examen

console-done-approved = Approuvé. Pour une demande, l’entreprise est désormais vérifiée et ses numéros confirmés portent le badge ; une modification du profil est désormais publique.
console-done-rejected = Refusé. L’entreprise voit votre motif ; rien de public n’a changé.
console-done-dismissed = Alerte classée. Les signalements restent comptés ; l’entreprise a quitté la file.
console-done-suspended = Suspendue. Tous les badges de l’entreprise sont retirés jusqu’à son rétablissement.
console-done-reinstated = Rétablie. Les numéros d’une entreprise vérifiée portent de nouveau le badge, avec de nouveaux jetons.
console-done-revoked = Badge retiré. Le jeton du numéro est révoqué et les consultations l’indiquent.
console-done-released = Numéro libéré de cette entreprise. Tout badge qu’il portait est révoqué.
console-done-unlocked = Blocage levé. L’entreprise peut de nouveau saisir des codes pour ce numéro.
console-done-nothing-locked = Rien à lever : le numéro n’était pas bloqué pour cette entreprise.

console-queue-title = File d’examen
console-queue-count = { $count ->
    [0] Rien n’attend de décision.
    [one] Une entreprise attend une décision.
   *[other] { $count } entreprises attendent une décision, les plus anciennes en premier.
}
console-queue-more = Seules les plus anciennes sont affichées : statuez sur celles-ci pour voir les suivantes.
console-kind-submission = Demande
console-kind-edit = Modification du profil
console-kind-flag = Alerte
console-legal-name = Raison sociale
console-names = Noms
console-about = Catégorie, lieu, statut
console-id = Identifiant de l’entreprise
console-queued = En attente depuis
console-flag = Alerte
console-evidence = Éléments de preuve
console-numbers = Numéros de téléphone
console-no-numbers = Aucun numéro de téléphone indiqué.
console-number = Numéro
console-state = État
console-proof = Confirmé par
console-reports = Signalements (30 jours)
console-reports-count = { $reports ->
    [0] Aucun
    [one] Un signalement ({ $reporters ->
        [one] un réseau
       *[other] { $reporters } réseaux
    })
   *[other] { $reports } signalements ({ $reporters ->
        [one] un réseau
       *[other] { $reporters } réseaux
    })
}
console-level = niveau { $level }
console-held-by-other = Détenu par une autre entreprise
console-not-proven = Non confirmé
console-proof-otp = Code à usage unique
console-proof-import = Importé d’un registre contrôlé
console-domain = Domaine
console-domain-proven = Domaine { $domain } confirmé le { $date }.
console-domain-unproven = Domaine { $domain } déclaré, non confirmé.
console-no-domain = Aucun domaine : niveau B au maximum.
console-warnings = Avertissements
console-warning-confusable = « { $name } » ressemble à « { $similar } », une entreprise vérifiée.
console-warning-brand = « { $name } » contient le nom de « { $similar } », une entreprise vérifiée.
console-warning-mixed-script = « { $name } » mélange des alphabets dans un même mot, un procédé courant pour imiter un nom.
console-warning-website = Le site web { $name } n’est pas sur le domaine confirmé.
console-see-business = Voir cette entreprise
console-changes = Modifications proposées
console-field = Champ
console-before = Actuel
console-after = Proposé
console-none = (aucun)
console-field-legal-name = Raison sociale
console-field-names = Noms
console-field-default-lang = Langue par défaut
console-field-category = Catégorie
console-field-city = Ville
console-field-website = Site web
console-field-description = Description
console-field-logo-url = Logo
console-field-commands = Réponses rapides
console-field-other = Autre champ
console-decision = Décision

console-note = Note (facultative)
console-reason = Motif (obligatoire)
console-approve = Approuver
console-approve-explain = Approuver : une demande rend l’entreprise vérifiée et donne son badge à chaque numéro confirmé (niveau A avec un domaine confirmé, sinon B) ; une modification du profil devient publique.
console-reject = Refuser
console-reject-explain = Refuser : l’entreprise voit votre motif et pourra refaire une demande plus tard. Rien de public ne change ; pour retirer une entreprise vérifiée, suspendez-la.
console-dismiss = Classer l’alerte
console-dismiss-explain = Classer : l’entreprise quitte la file ; ses signalements restent comptés et peuvent déclencher une nouvelle alerte.
console-suspend = Suspendre
console-suspend-explain = Suspendre : tous les badges de cette entreprise sont retirés immédiatement et ses numéros apparaissent comme suspendus jusqu’à ce qu’un modérateur la rétablisse.
console-reinstate = Rétablir
console-reinstate-explain = Rétablir : la suspension prend fin ; une entreprise vérifiée reçoit de nouveaux jetons pour ses numéros (les anciens restent révoqués).
console-revoke = Retirer le badge
console-revoke-explain = Retirer le badge : le jeton de ce numéro est révoqué et les consultations affichent la vérification comme retirée, avec votre motif. Ensuite, seule une libération rend le numéro disponible.
console-release = Libérer le numéro
console-release-explain = Libérer : le numéro quitte la liste de cette entreprise et tout badge est révoqué ; une autre entreprise examinée qui l’a confirmé le reprend.
console-unlock = Lever le blocage
console-unlock-explain = Lever le blocage : l’entreprise peut de nouveau saisir des codes pour ce numéro (il avait été bloqué après trop de codes erronés).

console-business-title = Entreprise ou numéro
console-find-label = Identifiant d’entreprise ou numéro de téléphone
console-find-hint = Un identifiant d’entreprise (b_…) ou un numéro au format international (+…).
console-find = Rechercher
console-find-unreadable = Ce n’est ni un identifiant d’entreprise ni un numéro de téléphone au format international.
console-find-no-business = Aucune entreprise n’a cet identifiant.
console-find-unlisted = Aucune entreprise n’indique le { $number }.
console-parties = Entreprises qui indiquent le { $number }
console-review = Examen
console-review-draft = Pas encore envoyée pour examen
console-review-submitted = En attente d’un modérateur
console-review-approved = Approuvée
console-review-rejected = Refusée
console-review-other = Inconnu
console-status-verified = Vérifiée
console-status-registered = Non vérifiée
console-status-suspended = Suspendue
console-in-queue = Elle est en attente dans la file d’examen.
console-public-profile = Profil public
console-locked-until = bloqué après des codes erronés jusqu’au { $date }
console-number-attested = Porte le badge
console-number-on-hold = En pause (entreprise suspendue)
console-number-revoked = Badge retiré
console-number-unproven = Non confirmé
console-number-proven = Confirmé, en attente d’examen
console-number-disputed = Confirmé, mais détenu par une autre entreprise
console-number-locked = Bloqué après des codes erronés
console-number-other = État inconnu
console-business-decision = L’entreprise
console-history = Dernières entrées du journal d’audit
console-whole-history = Tout le journal d’audit de cette entreprise

console-audit-title = Journal d’audit
console-audit-of = Uniquement l’entreprise { $business }.
console-audit-all = Tout afficher
console-audit-empty = Aucune entrée.
console-when = Quand
console-who = Qui
console-what = Quoi
console-business = Entreprise
console-detail = Détail
console-pages = Pages
console-newest = Entrées les plus récentes
console-older = Entrées plus anciennes
console-did-registered = Inscription
console-did-submitted = Envoi pour examen
console-did-submission-withdrawn = Retrait de la demande
console-did-deleted = Suppression de l’entreprise
console-did-profile-edited = Modification du profil
console-did-edit-submitted = Envoi d’une modification du profil pour examen
console-did-edit-withdrawn = Retrait d’une modification du profil
console-did-domain-challenge = Lancement d’une vérification du domaine
console-did-domain-proven = Confirmation du domaine
console-did-code-sent = Réception d’un code à usage unique
console-did-number-proven = Confirmation d’un numéro
console-did-number-removed = Suppression d’un numéro
console-did-number-disputed = Confirmation d’un numéro détenu par une autre entreprise
console-did-number-taken-over = Reprise d’un numéro libéré
console-did-flagged = Alerte pour examen
console-did-approved = Approbation de la demande ou de la modification
console-did-rejected = Refus de la demande ou de la modification
console-did-flag-dismissed = Classement de l’alerte
console-did-suspended = Suspension de l’entreprise
console-did-reinstated = Rétablissement de l’entreprise
console-did-number-revoked = Retrait du badge d’un numéro
console-did-number-released = Libération d’un numéro
console-did-number-unlocked = Levée du blocage d’un numéro
console-did-key-rotated = Renouvellement de la clé de signature
console-did-reviewer-created = Ajout d’un modérateur
console-did-admin-created = Ajout d’un modérateur administrateur
console-did-reviewer-removed = Suppression d’un modérateur
console-did-reviewer-lockout = Blocage d’un réseau après des jetons de modérateur erronés
console-did-country-breaker = Limitation des codes vers un pays

console-outbox-title = Boîte d’envoi des codes
console-outbox-intro = Les codes à usage unique arrivent dans cette boîte au lieu de passer par une passerelle SMS (l’envoi vers le journal). Ne lisez un code qu’à la personne qui l’a demandé, sur le numéro auquel il a été envoyé.
console-outbox-empty = Aucun code n’a encore été envoyé.
console-code = Code
console-language = Langue
