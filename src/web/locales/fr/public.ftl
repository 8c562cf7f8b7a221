# The public pages: check a number, search, profiles, reports.

home-title = Est-ce vraiment eux ?
home-intro = Saisissez un numéro de téléphone pour savoir s’il appartient à une entreprise vérifiée, ou un nom pour trouver les numéros officiels d’une entreprise.
home-label = Numéro de téléphone ou nom de l’entreprise
home-region = Pays du numéro
home-region-intl = International (commence par +)
home-hint = Les numéros sans + au début sont lus comme des numéros du pays choisi.
home-button = Vérifier
home-result = Résultat
home-belongs = Ce numéro appartient à
badge-verified-detail = bizseal a vérifié qui est cette entreprise et qu’elle contrôle ce numéro.
badge-registered-detail = Ce numéro est répertorié, mais l’identité de l’entreprise qui se trouve derrière n’a pas été vérifiée. Considérez-le comme non vérifié.
badge-unknown-detail = Personne n’a enregistré ce numéro auprès de bizseal. Il peut s’agir de n’importe qui : ne communiquez ni codes, ni mots de passe, ni argent.
badge-suspended-detail = L’entreprise derrière ce numéro a été suspendue. Ne vous fiez pas aux appels ni aux messages de ce numéro.
badge-revoked-detail = Ce numéro était vérifié, mais sa vérification a été retirée.
home-revoked-on = Retirée le { $date }.
home-revoked-reason = Motif : { $reason }
home-reports = { $count ->
    [one] Signalé comme spam ou fraude une fois au cours des 30 derniers jours.
   *[other] Signalé comme spam ou fraude { $count } fois au cours des 30 derniers jours.
}
home-see-profile = Voir le profil de l’entreprise
home-invalid = Ce n’est pas un numéro de téléphone valide, et aucune entreprise ne correspond. Vérifiez les chiffres et le pays.
home-too-long = C’est trop long pour un numéro ou un nom.
home-error = La vérification a échoué. Veuillez réessayer dans un instant.

search-count = { $count ->
    [one] { $count } entreprise trouvée
   *[other] { $count } entreprises trouvées
}
search-none = Aucune entreprise trouvée pour « { $query } ».
search-unavailable = La recherche est indisponible pour le moment. Vous pouvez toujours vérifier un numéro de téléphone.
search-official = Numéros officiels
search-report = Signaler l’un de ses numéros

profile-legal-name = Raison sociale
profile-category = Catégorie
profile-location = Localisation
profile-website = Site web
profile-numbers = Numéros de téléphone
profile-no-numbers = Aucun numéro de téléphone indiqué.
profile-names = Noms dans d’autres langues
profile-commands = Réponses rapides
profile-commands-help = Envoyez l’un de ces mots au numéro de l’entreprise pour obtenir la réponse immédiatement.
profile-commands-other = Réponses rapides dans d’autres langues
profile-logo = Logo de { $name }
profile-verified-detail = bizseal a vérifié qui est cette entreprise et qu’elle contrôle les numéros marqués « Vérifié ».
profile-no-numbers-detail = bizseal a vérifié qui est cette entreprise, mais aucun de ses numéros n’est vérifié pour le moment. Faites attention aux appels et aux messages.
profile-registered-detail = Cette entreprise s’est inscrite, mais son identité n’a pas encore été vérifiée.
profile-suspended-detail = Cette entreprise a été suspendue. Ne vous fiez pas aux appels ni aux messages provenant de ses numéros.

report-title = Signaler un numéro
report-intro = Vous avez reçu du spam ou un appel frauduleux de l’un de ces numéros ? Dites-le-nous : des modérateurs lisent chaque signalement.
report-open = Signaler ce numéro
report-this-number = Signaler le { $number }
report-number = Numéro
report-reason = Ce qui s’est passé
report-reason-spam = Spam
report-reason-scam = Arnaque ou fraude
report-reason-impersonation = Quelqu’un qui se fait passer pour une entreprise
report-reason-other = Autre chose
report-comment = Commentaire (facultatif)
report-next = Votre signalement est anonyme. Quand plusieurs personnes signalent le même numéro, un modérateur l’examine.
report-send = Envoyer le signalement
report-thanks = Merci. Votre signalement a bien été reçu.
report-what-next = Les signalements sont comptés pendant 30 jours. Quand plusieurs personnes différentes signalent le même numéro, il est transmis à un modérateur, qui peut suspendre l’entreprise concernée. Un signalement seul ne retire jamais un badge : personne ne peut donc en faire disparaître un simplement en le signalant.
report-check-again = Vérifier à nouveau le numéro
report-too-many = Vous avez envoyé beaucoup de signalements en peu de temps. Veuillez patienter un moment, puis réessayer.
report-comment-too-long = Le commentaire est trop long : 1000 caractères au maximum.
report-bad-number = Ce n’est pas un numéro de téléphone qui peut être signalé.
report-incomplete = Il manquait un numéro ou un motif dans le signalement.
report-failed = Le signalement n’a pas pu être envoyé. Veuillez réessayer dans un instant.
