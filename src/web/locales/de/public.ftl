# The public pages: check a number, search, profiles, reports.

home-title = Sind sie es wirklich?
home-intro = Geben Sie eine Telefonnummer ein, um zu sehen, ob sie zu einem verifizierten Unternehmen gehört, oder einen Namen, um die offiziellen Nummern eines Unternehmens zu finden.
home-label = Telefonnummer oder Name des Unternehmens
home-region = Land der Nummer
home-region-intl = International (beginnt mit +)
home-hint = Nummern ohne + am Anfang werden als Nummern des gewählten Landes gelesen.
home-button = Prüfen
home-result = Ergebnis
home-belongs = Diese Nummer gehört zu
badge-verified-detail = bizseal hat geprüft, wer dieses Unternehmen ist und dass es über diese Nummer verfügt.
badge-registered-detail = Diese Nummer ist eingetragen, aber die Identität des Unternehmens dahinter wurde nicht geprüft. Behandeln Sie sie als nicht verifiziert.
badge-unknown-detail = Niemand hat diese Nummer bei bizseal registriert. Es könnte jeder sein: Geben Sie keine Codes, Passwörter oder Geld weiter.
badge-suspended-detail = Das Unternehmen hinter dieser Nummer wurde gesperrt. Vertrauen Sie keinen Anrufen oder Nachrichten von dieser Nummer.
badge-revoked-detail = Diese Nummer war verifiziert, aber die Verifizierung wurde entzogen.
home-revoked-on = Entzogen am { $date }.
home-revoked-reason = Grund: { $reason }
home-reports = { $count ->
    [one] In den letzten 30 Tagen einmal als Spam oder Betrug gemeldet.
   *[other] In den letzten 30 Tagen { $count }-mal als Spam oder Betrug gemeldet.
}
home-see-profile = Unternehmensprofil ansehen
home-invalid = Das ist keine gültige Telefonnummer, und kein Unternehmen passt dazu. Prüfen Sie die Ziffern und das Land.
home-too-long = Das ist zu lang für eine Nummer oder einen Namen.
home-error = Die Prüfung ist fehlgeschlagen. Bitte versuchen Sie es gleich noch einmal.

search-count = { $count ->
    [one] Ein Unternehmen gefunden
   *[other] { $count } Unternehmen gefunden
}
search-none = Kein Unternehmen für „{ $query }“ gefunden.
search-unavailable = Die Suche ist gerade nicht verfügbar. Sie können aber weiterhin eine Telefonnummer prüfen.
search-official = Offizielle Nummern
search-report = Eine seiner Nummern melden

profile-legal-name = Eingetragener Name
profile-category = Kategorie
profile-location = Standort
profile-website = Website
profile-numbers = Telefonnummern
profile-no-numbers = Keine Telefonnummern eingetragen.
profile-names = Namen in anderen Sprachen
profile-commands = Schnellantworten
profile-commands-help = Senden Sie eines dieser Wörter an die Nummer des Unternehmens, um sofort die Antwort zu erhalten.
profile-commands-other = Schnellantworten in anderen Sprachen
profile-logo = Logo von { $name }
profile-verified-detail = bizseal hat geprüft, wer dieses Unternehmen ist und dass es über die mit „Verifiziert“ markierten Nummern verfügt.
profile-no-numbers-detail = bizseal hat geprüft, wer dieses Unternehmen ist, aber derzeit ist keine seiner Nummern verifiziert. Seien Sie bei Anrufen und Nachrichten vorsichtig.
profile-registered-detail = Dieses Unternehmen hat sich registriert, aber wer es ist, wurde noch nicht geprüft.
profile-suspended-detail = Dieses Unternehmen wurde gesperrt. Vertrauen Sie keinen Anrufen oder Nachrichten von seinen Nummern.

report-title = Nummer melden
report-intro = Spam oder einen Betrugsanruf von einer dieser Nummern erhalten? Sagen Sie es uns; Prüfer lesen jede Meldung.
report-open = Diese Nummer melden
report-this-number = { $number } melden
report-number = Nummer
report-reason = Was ist passiert
report-reason-spam = Spam
report-reason-scam = Betrug oder Abzocke
report-reason-impersonation = Jemand gibt sich als Unternehmen aus
report-reason-other = Etwas anderes
report-comment = Kommentar (optional)
report-next = Ihre Meldung ist anonym. Wenn mehrere Personen dieselbe Nummer melden, sieht sich ein Prüfer sie an.
report-send = Meldung senden
report-thanks = Vielen Dank. Ihre Meldung ist eingegangen.
report-what-next = Meldungen werden 30 Tage lang gezählt. Wenn mehrere verschiedene Personen dieselbe Nummer melden, geht sie an einen Prüfer, der das Unternehmen dahinter sperren kann. Eine Meldung allein entfernt nie ein Siegel – niemand kann also ein Siegel einfach durch Melden zu Fall bringen.
report-check-again = Nummer erneut prüfen
report-too-many = Sie haben in kurzer Zeit viele Meldungen gesendet. Bitte warten Sie eine Weile und versuchen Sie es erneut.
report-comment-too-long = Der Kommentar ist zu lang: höchstens 1000 Zeichen.
report-bad-number = Das ist keine Telefonnummer, die gemeldet werden kann.
report-incomplete = In der Meldung fehlte eine Nummer oder ein Grund.
report-failed = Die Meldung konnte nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.
