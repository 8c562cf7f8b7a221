# The page shell, and words every page shares.

nav-skip = Aller au contenu
nav-label = Navigation principale
nav-check = Vérifier un numéro
nav-apply = Pour les entreprises
nav-account = Votre entreprise
lang-label = Langue
site-footer = bizseal vérifie qu’un numéro de téléphone appartient vraiment à l’entreprise dont il se réclame.

notfound-title = Page introuvable
notfound-text = Il n’y a rien à cette adresse.
error-title = Une erreur s’est produite
error-text = La page n’a pas pu s’afficher. Veuillez réessayer dans un instant.

# Badges: for someone who has never heard of attestations.
badge-verified = Entreprise vérifiée
badge-registered = Non vérifié — attention
badge-unknown = Numéro inconnu — attention
badge-suspended = Suspendu — attention
badge-revoked = Vérification retirée — attention
badge-no-numbers = Identité contrôlée — aucun numéro vérifié pour l’instant

# A number's state, as a short label.
status-verified = Vérifié
status-registered = Non vérifié
status-unknown = Inconnu
status-suspended = Suspendu
status-revoked = Retiré
# Country and category names.

region-AE = Émirats arabes unis
region-AR = Argentine
region-AT = Autriche
region-AU = Australie
region-BE = Belgique
region-BO = Bolivie
region-BR = Brésil
region-CA = Canada
region-CH = Suisse
region-CL = Chili
region-CN = Chine
region-CO = Colombie
region-CR = Costa Rica
region-CU = Cuba
region-DE = Allemagne
region-DO = République dominicaine
region-EC = Équateur
region-ES = Espagne
region-FR = France
region-GB = Royaume-Uni
region-GQ = Guinée équatoriale
region-GT = Guatemala
region-HN = Honduras
region-IE = Irlande
region-IN = Inde
region-IT = Italie
region-JP = Japon
region-MX = Mexique
region-NI = Nicaragua
region-NL = Pays-Bas
region-PA = Panama
region-PE = Pérou
region-PL = Pologne
region-PR = Porto Rico
region-PT = Portugal
region-PY = Paraguay
region-SA = Arabie saoudite
region-SV = Salvador
region-TR = Turquie
region-US = États-Unis
region-UY = Uruguay
region-VE = Venezuela

category-airline = Compagnie aérienne
category-bank = Banque
category-ecommerce = Boutique en ligne
category-government = Administration publique
category-healthcare = Santé
category-insurance = Assurance
category-restaurant = Restaurant
category-retail = Commerce
category-telecom = Télécommunications
category-travel = Voyages
category-utility = Énergie et eau
category-other = Autre

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = La demande n’a pas pu être lue.
code-unprocessable-body = Le formulaire était incomplet. Veuillez le remplir à nouveau.
code-unsupported-media-type = La demande n’a pas pu être lue.
code-payload-too-large = C’est trop pour un seul envoi.
code-method-not-allowed = Cette action n’est pas possible ici.
code-not-found = Élément introuvable. Il a peut-être été supprimé.
code-invalid-request = Veuillez vérifier ce que vous avez saisi.
code-invalid-number = Ce n’est pas un numéro de téléphone valide. Vérifiez les chiffres et le pays.
code-unauthorized = Cette clé n’est pas correcte. Vérifiez-la et réessayez.
code-forbidden = Vous n’avez pas l’autorisation de faire cela.
code-rate-limited = Trop de tentatives en peu de temps. Veuillez patienter un peu, puis réessayer.
code-wrong-code = Ce code n’est pas correct. Vérifiez le message et réessayez.
code-code-expired = Ce code a expiré. Demandez-en un nouveau.
code-too-many-attempts = Trop de codes erronés. Demandez-en un nouveau.
code-no-code = Aucun code n’a encore été envoyé à ce numéro. Demandez-en un d’abord.
code-number-locked = Ce numéro est bloqué pendant un moment après trop de codes erronés.
code-business-suspended = Cette entreprise est suspendue : ce n’est donc pas possible pour le moment.
code-not-suspended = Cette entreprise n’est pas suspendue.
code-already-verified = Cette entreprise est déjà vérifiée.
code-nothing-proven = Confirmez au moins un numéro de téléphone avant d’envoyer la demande.
code-resubmit-later = Une décision vient d’être prise sur cette demande. Vous pourrez la renvoyer un peu plus tard.
code-nothing-waits = Rien n’attend de décision.
code-flag-not-submission = Ceci est un signalement, pas une demande : classez-le ou suspendez l’entreprise.
code-not-flagged = Rien n’est signalé ici.
code-already-proven = Ce numéro est déjà confirmé.
code-not-attested = Ce numéro n’a pas de badge à retirer.
code-not-held = Ce numéro n’appartient pas à cette entreprise.
code-revoked-by-reviewer = Un modérateur a retiré ce numéro ; seul un modérateur peut le libérer.
code-no-domain-challenge = Lancez d’abord la vérification du domaine.
code-challenge-changed = La vérification du domaine a été relancée entre-temps. Consultez la nouvelle.
code-search-running = L’index de recherche est occupé. Réessayez dans un instant.
code-sender-failed = Le code n’a pas pu être envoyé pour le moment. Réessayez dans un instant.
code-timeout = Cela a pris trop de temps. Veuillez réessayer.
code-unavailable = Le service est occupé. Veuillez réessayer dans un instant.
code-storage-full = Le service ne peut rien enregistrer pour le moment. Veuillez réessayer plus tard.
code-internal = Une erreur s’est produite de notre côté. Veuillez réessayer plus tard.
# A field that was refused, when it has no message of its own.
invalid-field = Veuillez vérifier ce champ.
invalid-url = Utilisez une adresse https sur un serveur public (port 443), sans nom d’utilisateur ni mot de passe.
invalid-reason = Indiquez un motif : de 1 à 1000 caractères, en texte brut.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = Saisissez la raison sociale de l’entreprise, telle qu’elle est enregistrée (200 caractères au maximum).
invalid-names = Saisissez un nom (200 caractères au maximum) pour chaque langue indiquée, ainsi qu’un nom dans la langue principale.
invalid-default-lang = Choisissez la langue principale.
invalid-category = Choisissez une catégorie.
invalid-country = Choisissez un pays.
invalid-city = La ville peut comporter 200 caractères au maximum.
invalid-website = Saisissez l’adresse du site web, par exemple https://example.com.
invalid-logo-url = Saisissez l’adresse du logo, par exemple https://example.com/logo.png.
invalid-description = Choisissez une langue pour chaque description ; chacune peut comporter 2000 caractères au maximum.
invalid-commands = Vous pouvez avoir 60 réponses rapides au maximum.
invalid-commands-keyword = Un mot-clé est un seul mot composé de lettres minuscules a–z, de chiffres, de « - » ou de « _ », de 40 caractères au maximum.
invalid-commands-reply = Chaque mot-clé doit avoir une réponse, de 2000 caractères au maximum.
invalid-commands-lang = Chaque mot-clé ne peut être une réponse rapide qu’une fois par langue : changez le mot-clé ou la langue.
invalid-code = Le code correspond aux 6 chiffres du message que nous vous avons envoyé.
invalid-domain = Saisissez un nom de domaine comme example.com, sans http:// ni chemin.
