# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = Anmeldung für Prüfer
console-token = Prüfer-Token
console-token-hint = Das Token, das Sie von einem Betreiber erhalten haben (bizseal reviewer create). Melden Sie sich an einem gemeinsam genutzten Computer ab, wenn Sie fertig sind.
console-sign-in = Anmelden
console-wrong-token = Dieses Token ist nicht richtig. Prüfen Sie es und versuchen Sie es erneut.
console-locked-out = { $minutes ->
    [one] Aus Ihrem Netzwerk kamen zu viele falsche Tokens. Versuchen Sie es in einer Minute erneut.
   *[other] Aus Ihrem Netzwerk kamen zu viele falsche Tokens. Versuchen Sie es in { $minutes } Minuten erneut.
}
console-signed-out = Sie sind abgemeldet.

console-nav-label = Konsole
console-nav-queue = Prüfwarteschlange
console-nav-business = Unternehmen oder Nummer
console-nav-audit = Audit-Protokoll
console-nav-outbox = Code-Postausgang
console-signed-in-as = Angemeldet als { $name }
console-sign-out = Abmelden

console-forged-title = Formular abgelehnt
console-forged-text = Dieses Formular enthielt nicht das Sicherheitstoken dieser Sitzung, daher wurde nichts ausgeführt. Öffnen Sie die Seite erneut über die Konsole und senden Sie das Formular von dort.
console-back-to-queue = Zurück zur Prüfwarteschlange

console-done-approved = Genehmigt. Bei einem Antrag ist das Unternehmen jetzt verifiziert und seine bestätigten Nummern tragen das Siegel; eine Profiländerung ist jetzt öffentlich.
console-done-rejected = Abgelehnt. Das Unternehmen sieht Ihre Begründung; öffentlich hat sich nichts geändert.
console-done-dismissed = Markierung verworfen. Die Meldungen zählen weiter; das Unternehmen ist nicht mehr in der Warteschlange.
console-done-suspended = Gesperrt. Alle Siegel des Unternehmens sind entzogen, bis es reaktiviert wird.
console-done-reinstated = Reaktiviert. Die Nummern eines verifizierten Unternehmens tragen wieder das Siegel, mit neuen Tokens.
console-done-revoked = Siegel entzogen. Das Token der Nummer ist widerrufen, und Abfragen zeigen das an.
console-done-released = Nummer von diesem Unternehmen freigegeben. Ein etwaiges Siegel ist widerrufen.
console-done-unlocked = Sperre aufgehoben. Das Unternehmen kann für diese Nummer wieder Codes eingeben.
console-done-nothing-locked = Nichts aufzuheben: Die Nummer war für dieses Unternehmen nicht gesperrt.

console-queue-title = Prüfwarteschlange
console-queue-count = { $count ->
    [0] Nichts wartet auf eine Entscheidung.
    [one] Ein Unternehmen wartet auf eine Entscheidung, älteste zuerst.
   *[other] { $count } Unternehmen warten auf eine Entscheidung, älteste zuerst.
}
console-queue-more = Nur die ältesten werden angezeigt: Entscheiden Sie über sie, um die übrigen zu sehen.
console-kind-submission = Antrag
console-kind-edit = Profiländerung
console-kind-flag = Markiert
console-legal-name = Eingetragener Name
console-names = Namen
console-about = Kategorie, Ort, Status
console-id = Unternehmens-ID
console-queued = Wartet seit
console-flag = Markierung
console-evidence = Nachweise
console-numbers = Telefonnummern
console-no-numbers = Keine Telefonnummern eingetragen.
console-number = Nummer
console-state = Status
console-proof = Bestätigt durch
console-reports = Meldungen (30 Tage)
console-reports-count = { $reports ->
    [0] Keine
    [one] Eine Meldung ({ $reporters ->
        [one] ein Netzwerk
       *[other] { $reporters } Netzwerke
    })
   *[other] { $reports } Meldungen ({ $reporters ->
        [one] ein Netzwerk
       *[other] { $reporters } Netzwerke
    })
}
console-level = Stufe { $level }
console-held-by-other = Gehört einem anderen Unternehmen
console-not-proven = Nicht bestätigt
console-proof-otp = Einmalcode
console-proof-import = Aus einem geprüften Register importiert
console-domain = Domain
console-domain-proven = Domain { $domain } bestätigt am { $date }.
console-domain-unproven = Domain { $domain } angegeben, nicht bestätigt.
console-no-domain = Keine Domain: höchstens Stufe B.
console-warnings = Warnungen
console-warning-confusable = „{ $name }“ ähnelt „{ $similar }“, einem verifizierten Unternehmen.
console-warning-brand = „{ $name }“ enthält den Namen von „{ $similar }“, einem verifizierten Unternehmen.
console-warning-mixed-script = „{ $name }“ mischt Alphabete in einem Wort, ein gängiger Trick, um einen Namen nachzuahmen.
console-warning-website = Die Website { $name } liegt nicht auf der bestätigten Domain.
console-see-business = Dieses Unternehmen ansehen
console-changes = Vorgeschlagene Änderungen
console-field = Feld
console-before = Aktuell
console-after = Vorgeschlagen
console-none = (keine)
console-field-legal-name = Eingetragener Name
console-field-names = Namen
console-field-default-lang = Standardsprache
console-field-category = Kategorie
console-field-city = Ort
console-field-website = Website
console-field-description = Beschreibung
console-field-logo-url = Logo
console-field-commands = Schnellantworten
console-field-other = Anderes Feld
console-decision = Entscheidung

console-note = Notiz (optional)
console-reason = Begründung (erforderlich)
console-approve = Genehmigen
console-approve-explain = Genehmigen: Bei einem Antrag wird das Unternehmen verifiziert und jede bestätigte Nummer erhält ihr Siegel (Stufe A mit bestätigter Domain, sonst B); eine Profiländerung wird öffentlich.
console-reject = Ablehnen
console-reject-explain = Ablehnen: Das Unternehmen sieht Ihre Begründung und kann später erneut einen Antrag stellen. Öffentlich ändert sich nichts; um ein verifiziertes Unternehmen vom Netz zu nehmen, sperren Sie es.
console-dismiss = Markierung verwerfen
console-dismiss-explain = Verwerfen: Das Unternehmen verlässt die Warteschlange; seine Meldungen zählen weiter und können es erneut markieren.
console-suspend = Sperren
console-suspend-explain = Sperren: Alle Siegel dieses Unternehmens werden sofort entzogen, und seine Nummern werden als gesperrt angezeigt, bis ein Prüfer es reaktiviert.
console-reinstate = Reaktivieren
console-reinstate-explain = Reaktivieren: Die Sperrung endet; ein verifiziertes Unternehmen erhält neue Tokens für seine Nummern (die alten bleiben widerrufen).
console-revoke = Siegel entziehen
console-revoke-explain = Siegel entziehen: Das Token dieser Nummer wird widerrufen, und Abfragen zeigen die Verifizierung mit Ihrer Begründung als entzogen an. Danach macht nur eine Freigabe die Nummer wieder frei.
console-release = Nummer freigeben
console-release-explain = Freigeben: Die Nummer wird aus der Liste dieses Unternehmens entfernt und ein etwaiges Siegel widerrufen; ein anderes geprüftes Unternehmen, das sie bestätigt hat, übernimmt sie.
console-unlock = Sperre aufheben
console-unlock-explain = Sperre aufheben: Das Unternehmen kann für diese Nummer wieder Codes eingeben (sie wurde nach zu vielen falschen Codes gesperrt).

console-business-title = Unternehmen oder Nummer
console-find-label = Unternehmens-ID oder Telefonnummer
console-find-hint = Eine Unternehmens-ID (b_…) oder eine Nummer im internationalen Format (+…).
console-find = Suchen
console-find-unreadable = Das ist weder eine Unternehmens-ID noch eine Telefonnummer im internationalen Format.
console-find-no-business = Kein Unternehmen hat diese ID.
console-find-unlisted = Kein Unternehmen führt die Nummer { $number }.
console-parties = Unternehmen, die { $number } führen
console-review = Prüfung
console-review-draft = Noch nicht zur Prüfung gesendet
console-review-submitted = Wartet auf einen Prüfer
console-review-approved = Genehmigt
console-review-rejected = Abgelehnt
console-review-other = Unbekannt
console-status-verified = Verifiziert
console-status-registered = Nicht verifiziert
console-status-suspended = Gesperrt
console-in-queue = Es wartet in der Prüfwarteschlange.
console-public-profile = Öffentliches Profil
console-locked-until = nach falschen Codes gesperrt bis { $date }
console-number-attested = Trägt das Siegel
console-number-on-hold = Ausgesetzt (Unternehmen gesperrt)
console-number-revoked = Siegel entzogen
console-number-unproven = Nicht bestätigt
console-number-proven = Bestätigt, wartet auf Prüfung
console-number-disputed = Bestätigt, gehört aber einem anderen Unternehmen
console-number-locked = Nach falschen Codes gesperrt
console-number-other = Unbekannter Status
console-business-decision = Das Unternehmen
console-history = Neueste Protokolleinträge
console-whole-history = Das gesamte Audit-Protokoll dieses Unternehmens

console-audit-title = Audit-Protokoll
console-audit-of = Nur Unternehmen { $business }.
console-audit-all = Alles anzeigen
console-audit-empty = Keine Einträge.
console-when = Wann
console-who = Wer
console-what = Was
console-business = Unternehmen
console-detail = Details
console-pages = Seiten
console-newest = Neueste Einträge
console-older = Ältere Einträge
console-did-registered = Registriert
console-did-submitted = Zur Prüfung gesendet
console-did-submission-withdrawn = Antrag zurückgezogen
console-did-deleted = Unternehmen gelöscht
console-did-profile-edited = Profil bearbeitet
console-did-edit-submitted = Profiländerung zur Prüfung gesendet
console-did-edit-withdrawn = Profiländerung zurückgezogen
console-did-domain-challenge = Domainprüfung gestartet
console-did-domain-proven = Domain bestätigt
console-did-code-sent = Einmalcode erhalten
console-did-number-proven = Nummer bestätigt
console-did-number-removed = Nummer entfernt
console-did-number-disputed = Nummer bestätigt, die ein anderes Unternehmen führt
console-did-number-taken-over = Freigegebene Nummer übernommen
console-did-flagged = Zur Prüfung markiert
console-did-approved = Antrag oder Änderung genehmigt
console-did-rejected = Antrag oder Änderung abgelehnt
console-did-flag-dismissed = Markierung verworfen
console-did-suspended = Unternehmen gesperrt
console-did-reinstated = Unternehmen reaktiviert
console-did-number-revoked = Siegel einer Nummer entzogen
console-did-number-released = Nummer freigegeben
console-did-number-unlocked = Sperre einer Nummer aufgehoben
console-did-key-rotated = Signaturschlüssel gewechselt
console-did-reviewer-created = Prüfer hinzugefügt
console-did-admin-created = Prüfer mit Adminrechten hinzugefügt
console-did-reviewer-removed = Prüfer entfernt
console-did-reviewer-lockout = Netzwerk nach falschen Prüfer-Tokens gesperrt
console-did-country-breaker = Codes in ein Land gedrosselt

console-outbox-title = Code-Postausgang
console-outbox-intro = Einmalcodes gehen an diesen Postausgang statt an ein SMS-Gateway (der Log-Versand). Lesen Sie einen Code nur der Person vor, die ihn angefordert hat, und nur unter der Nummer, an die er gesendet wurde.
console-outbox-empty = Es wurden noch keine Codes gesendet.
console-code = Code
console-language = Sprache
