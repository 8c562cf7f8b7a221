# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = Faites vérifier votre entreprise
apply-intro = Inscrivez votre entreprise, confirmez avec un code que vos numéros de téléphone sont bien les vôtres, puis envoyez-la pour examen. Dès qu’un modérateur l’approuve, vos numéros affichent le badge vert.
apply-have-key = Déjà inscrit ?
apply-sign-in = Connectez-vous avec votre clé
apply-form-h = À propos de votre entreprise
apply-legal-name = Raison sociale
apply-legal-name-hint = Telle qu’elle figure au registre du commerce.
apply-name = Nom connu de vos clients
apply-name-hint = Vous pourrez ajouter ce nom dans d’autres langues plus tard.
apply-name-lang = Langue de ce nom
apply-default-lang = Langue principale
apply-default-lang-hint = Vos clients voient votre nom dans leur propre langue si vous en avez un dans cette langue, sinon dans la langue principale. La langue principale doit avoir un nom.
apply-category = Catégorie
apply-category-choose = Choisissez une catégorie
apply-country = Pays
apply-city = Ville (facultatif)
apply-website = Site web (facultatif)
apply-website-hint = Par exemple example.com ; si vous omettez https://, nous l’ajoutons.
apply-button = S’inscrire
apply-done-title = Votre entreprise est inscrite
apply-done-intro = Votre entreprise est inscrite. Vous trouverez ci-dessous son identifiant et sa clé : la clé vous permet de vous connecter ici, et votre logiciel l’utilise pour travailler avec bizseal.

## Signing in and out.

account-sign-in-title = Connexion
account-sign-in-intro = Collez la clé reçue lors de votre inscription.
account-api-key = Votre clé d’API
account-sign-in-button = Se connecter
account-no-key = Pas encore inscrit ?
account-apply-link = Inscrire votre entreprise
account-sign-out = Se déconnecter
account-nav-label = Votre entreprise
account-nav-status = Statut et numéros
account-nav-profile = Profil
account-nav-reports = Signalements
account-nav-key = Clé

## What just happened, at the top of a page.

account-done-code-sent = Nous vous avons envoyé un code à 6 chiffres par SMS. Il est valable 10 minutes.
account-done-number-proven = Le numéro est confirmé.
account-done-number-removed = Le numéro a été retiré.
account-done-domain-started = Publiez maintenant le jeton ci-dessous, puis cliquez sur « Vérifier maintenant ».
account-done-domain-proven = Votre domaine est confirmé.
account-done-submitted = Votre entreprise a été envoyée pour examen.
account-done-profile-saved = Le profil a été enregistré.
account-done-profile-pending = Vos modifications ont été enregistrées et attendent un modérateur. D’ici là, le public voit le profil tel qu’il était.
account-done-signed-out = Vous êtes déconnecté.
account-refused = Cette action n’a pas été effectuée.
account-forbidden-title = Ce formulaire a expiré
account-forbidden-text = Rien n’a été modifié. Revenez en arrière, rechargez la page et réessayez.

## Status.

account-title = Votre entreprise
account-business-id = Identifiant de l’entreprise
account-status-h = Où vous en êtes
account-status-business = Statut
account-status-registered = Inscrite, pas encore vérifiée
account-status-verified = Vérifiée
account-status-suspended = Suspendue
account-status-review = Examen
account-review-draft = Pas encore envoyée pour examen
account-review-submitted = En attente d’un modérateur
account-review-approved = Approuvée
account-review-rejected = Refusée
account-review-reason = Le motif du modérateur
account-flag = Pourquoi des modérateurs examinent votre entreprise
account-next-h = Prochaine étape :
account-next-add-number = Ajoutez ci-dessous un numéro de téléphone de votre entreprise ; nous y enverrons un code.
account-next-send-code = Demandez ci-dessous un code pour l’un de vos numéros.
account-next-enter-code = Saisissez ci-dessous le code que nous avons envoyé à votre numéro.
account-next-submit = Envoyez votre entreprise pour examen (en bas de cette page).
account-next-wait = Rien pour l’instant : un modérateur va examiner votre entreprise.
account-next-rejected = Corrigez ce que le modérateur a relevé, puis renvoyez votre entreprise pour examen.
account-next-verified = Rien : votre entreprise est vérifiée.
account-next-verified-prove = Confirmez vos nouveaux numéros avec leurs codes : ils recevront aussitôt le badge.
account-next-edit-waits = Rien : les modifications de votre profil attendent un modérateur.
account-next-suspended = Votre entreprise est suspendue. Ses numéros affichent un avertissement jusqu’à ce qu’un modérateur lève la suspension.
account-edit-pending-link = Voir vos modifications en attente d’examen

## Numbers.

account-numbers-h = Vos numéros de téléphone
account-numbers-none = Aucun numéro pour l’instant.
account-number-unproven = Pas encore confirmé
account-number-proven = Confirmé ; public dès que l’examen est approuvé
account-number-disputed = Confirmé ; une autre entreprise le détient, les modérateurs vont donc trancher
account-number-locked = Bloqué après trop de codes erronés
account-number-attested = Vérifié (niveau { $level })
account-number-on-hold = En attente tant que l’entreprise est suspendue
account-number-revoked = Retiré par un modérateur
account-number-locked-until = Vous pourrez réessayer après { $time }.
account-code-label = Code envoyé au { $number }
account-code-hint = Les 6 chiffres du SMS.
account-confirm = Confirmer
account-code-wrong = { $left ->
    [0] Ce code n’est pas correct et ne peut plus être utilisé. Demandez-en un nouveau.
    [one] Ce code n’est pas correct. Il vous reste un essai.
   *[other] Ce code n’est pas correct. Il vous reste { $left } essais.
}
account-send-code = Envoyer un code
account-resend = Envoyer un nouveau code
account-remove = Retirer
account-add-h = Ajouter un numéro
account-add-number = Numéro de téléphone
account-add-hint = Nous y envoyons un code par SMS. Les numéros sans + au début sont lus comme des numéros du pays ci-dessous.
account-add-region = Pays du numéro
account-add-button = Ajouter et envoyer un code

## Domain.

account-domain-h = Votre domaine web (facultatif)
account-domain-intro = Prouver que vous contrôlez le domaine de votre site web fait passer vos numéros au niveau A.
account-domain-open = Pour confirmer { $domain }, publiez le jeton de l’une de ces deux façons, puis cliquez sur « Vérifier maintenant ».
account-domain-dns-h = Sous forme d’enregistrement DNS
account-domain-dns-name = Nom de l’enregistrement TXT
account-domain-dns-value = Valeur de l’enregistrement TXT
account-domain-http-h = Ou sur votre site web
account-domain-http-url = Adresse
account-domain-http-body = Son contenu, à l’identique
account-domain-check = Vérifier maintenant
account-domain-proven = { $domain } est confirmé.
account-domain-other-h = Utiliser un autre domaine
account-domain-restart-hint = Recommencer retire la preuve actuelle jusqu’à ce que la nouvelle soit vérifiée.
account-domain-label = Domaine
account-domain-hint = Par exemple example.com, sans http:// ni chemin.
account-domain-start = Obtenir le jeton
account-check-ok = Le domaine est confirmé.
account-check-txt-missing = Aucun enregistrement TXT n’a encore été trouvé à ce nom. Les modifications DNS peuvent mettre du temps à apparaître : réessayez plus tard.
account-check-txt-mismatch = Un enregistrement TXT existe, mais il ne contient pas le jeton. Copiez la valeur à l’identique.
account-check-dns-failed = La recherche DNS a échoué. Réessayez dans un instant.
account-check-dns-timeout = La recherche DNS a pris trop de temps. Réessayez dans un instant.
account-check-unresolvable = L’adresse de votre site web est introuvable.
account-check-private-address = Votre domaine pointe vers une adresse privée, que nous ne consultons pas.
account-check-connect-failed = Votre site web est injoignable.
account-check-redirect = L’adresse redirige ailleurs. Le jeton doit se trouver exactement à cette adresse.
account-check-http-status = Votre site web a répondu par une erreur au lieu du jeton.
account-check-too-large = Votre site web a renvoyé trop de contenu : la page doit contenir uniquement le jeton.
account-check-token-mismatch = Votre site web a répondu, mais pas avec le jeton. Copiez-le à l’identique.

## Review.

account-submit-h = Envoyer pour examen
account-submit-intro = Dès qu’au moins un numéro est confirmé, envoyez votre entreprise aux modérateurs. Ils vérifient qui vous êtes ; cela peut prendre quelques jours.
account-submit-button = Envoyer pour examen

## Profile.

account-profile-title = Votre profil
account-profile-pending = Certaines modifications attendent un modérateur ; ce formulaire les affiche. Tant qu’un modérateur ne les a pas approuvées, le public voit votre profil tel qu’il était.
account-profile-reviewed = Votre entreprise est vérifiée : les modifications attendent donc un modérateur avant d’être visibles par le public.
account-profile-basics = L’essentiel
account-profile-website-hint = Laissez vide pour n’afficher aucun site web. Si vous omettez https://, nous l’ajoutons.
account-profile-logo = Adresse du logo (facultatif)
account-profile-logo-hint = L’adresse d’une image sur votre site web. Laissez vide si vous ne voulez pas de logo.
account-profile-names = Votre nom dans chaque langue
account-profile-name-in = Nom en { $lang }
account-profile-remove-name = Retirer le nom en { $lang }
account-profile-add-name = Ajouter un nom dans une autre langue
account-profile-new-name-lang = Langue du nouveau nom
account-profile-new-name = Nouveau nom
account-profile-descriptions = Description
account-profile-description-in = Description en { $lang }
account-profile-remove-description = Retirer la description en { $lang }
account-profile-add-description = Ajouter une description dans une autre langue
account-profile-new-description-lang = Langue de la nouvelle description
account-profile-new-description = Nouvelle description
account-profile-commands = Réponses rapides
account-profile-commands-hint = Les clients qui envoient un mot-clé à votre numéro reçoivent aussitôt la réponse.
account-profile-keyword = Mot-clé
account-profile-reply = Réponse
account-profile-reply-lang = Langue de cette réponse
account-profile-remove-reply = Retirer la réponse rapide « { $keyword } »
account-profile-add-reply = Ajouter une réponse rapide
account-profile-save = Enregistrer le profil

## Reports.

account-reports-title = Signalements sur vos numéros
account-reports-intro = Ce que des personnes ont signalé au sujet de vos numéros confirmés, du plus récent au plus ancien. Nous ne montrons jamais qui a fait un signalement. Les signalements seuls ne retirent jamais votre badge ; s’ils sont nombreux, un modérateur examine la situation.
account-reports-count = { $count ->
    [0] Aucun signalement
    [one] Un signalement
   *[other] { $count } signalements
}

## Key.

account-key-title = Votre clé
account-key-replace-h = Remplacer votre clé
account-key-intro = Votre clé vous permet de vous connecter ici et permet à votre logiciel d’utiliser bizseal. Remplacez-la si quelqu’un d’autre a pu la voir.
account-key-warning = L’ancienne clé cesse de fonctionner immédiatement : partout où elle est utilisée, reconnectez-vous et mettez à jour votre logiciel avec la nouvelle.
account-key-button = Remplacer ma clé
account-new-key-title = Votre nouvelle clé
account-new-key-intro = Voici votre nouvelle clé. L’ancienne ne fonctionne plus.
account-new-key-sessions = Toutes les autres sessions ouvertes avec l’ancienne clé ont été fermées ; celle-ci reste ouverte.
account-key-h = Conservez cette clé en lieu sûr
account-key-once = Enregistrez cette clé maintenant, en lieu sûr : elle n’est affichée qu’une seule fois, et personne ne pourra l’afficher à nouveau.
account-go = Aller à votre entreprise

## One-time forms (registering, replacing the key)
form-spent = Ce formulaire a déjà été envoyé : rien n’a été refait. Une clé n’est affichée qu’une fois : si vous ne l’avez pas conservée, remplacez-la sur la page Clé de votre compte.
form-stale = Ce formulaire est trop ancien pour être envoyé, ou le service a redémarré depuis son affichage. Rien n’a été fait : vérifiez-le et envoyez-le à nouveau.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Votre webhook est enregistré.
account-done-webhook-removed = Votre webhook est supprimé.
account-done-webhook-replayed = L’événement sera renvoyé.
account-webhook-title = Votre webhook
account-webhook-h = Où vont vos événements
account-webhook-intro = bizseal envoie à votre serveur un message signé (Standard Webhooks) chaque fois que quelque chose change pour votre entreprise : un numéro prouvé, une décision de vérification, un badge révoqué, une suspension. Les messages en échec sont réessayés pendant un jour.
account-webhook-current = Envoi vers
account-webhook-none = Aucun webhook : rien n’est envoyé.
account-webhook-url = Adresse du webhook
account-webhook-url-hint = Une adresse https sur un serveur public, par ex. https://example.com/hooks/bizseal
account-webhook-rotate = Créer un nouveau secret (l’ancien cesse aussitôt de signer)
account-webhook-save = Enregistrer
account-webhook-remove = Supprimer le webhook
account-webhook-secret-h = Votre secret de signature
account-webhook-secret-once = Enregistrez ce secret maintenant dans la configuration de votre serveur : il n’est affiché qu’une fois. Il permet de vérifier que chaque message vient de bizseal.
account-webhook-deliveries-h = Messages récents
account-webhook-deliveries-none = Aucun message n’a encore été envoyé.
account-webhook-col-event = Événement
account-webhook-col-state = État
account-webhook-col-tries = Essais
account-webhook-col-result = Dernière réponse
account-webhook-col-time = Créé
account-webhook-col-action = Action
account-webhook-state-pending = En attente
account-webhook-state-delivered = Remis
account-webhook-state-dead = Abandonné
account-webhook-replay = Renvoyer
