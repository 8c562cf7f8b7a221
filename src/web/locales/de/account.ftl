# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = Lassen Sie Ihr Unternehmen verifizieren
apply-intro = Registrieren Sie Ihr Unternehmen, bestätigen Sie mit einem Code, dass Ihre Telefonnummern Ihnen gehören, und senden Sie es zur Prüfung. Sobald ein Prüfer es genehmigt, zeigen Ihre Nummern das grüne Siegel.
apply-have-key = Schon registriert?
apply-sign-in = Mit Ihrem Schlüssel anmelden
apply-form-h = Über Ihr Unternehmen
apply-legal-name = Eingetragener Name
apply-legal-name-hint = So, wie er im Handelsregister steht.
apply-name = Name, den Ihre Kunden kennen
apply-name-hint = Den Namen in anderen Sprachen können Sie später hinzufügen.
apply-name-lang = Sprache dieses Namens
apply-default-lang = Hauptsprache
apply-default-lang-hint = Kunden sehen Ihren Namen in ihrer eigenen Sprache, wenn Sie einen in dieser Sprache haben, sonst in der Hauptsprache. Für die Hauptsprache ist ein Name nötig.
apply-category = Kategorie
apply-category-choose = Kategorie wählen
apply-country = Land
apply-city = Ort (optional)
apply-website = Website (optional)
apply-website-hint = Zum Beispiel example.com; wenn Sie https:// weglassen, ergänzen wir es.
apply-button = Registrieren
apply-done-title = Ihr Unternehmen ist registriert
apply-done-intro = Ihr Unternehmen ist registriert. Unten stehen seine ID und sein Schlüssel: Mit dem Schlüssel melden Sie sich hier an, und Ihre Software nutzt ihn, um mit bizseal zu arbeiten.

## Signing in and out.

account-sign-in-title = Anmelden
account-sign-in-intro = Fügen Sie den Schlüssel ein, den Sie bei der Registrierung erhalten haben.
account-api-key = Ihr API-Schlüssel
account-sign-in-button = Anmelden
account-no-key = Noch nicht registriert?
account-apply-link = Unternehmen registrieren
account-sign-out = Abmelden
account-nav-label = Ihr Unternehmen
account-nav-status = Status und Nummern
account-nav-profile = Profil
account-nav-reports = Meldungen
account-nav-key = Schlüssel

## What just happened, at the top of a page.

account-done-code-sent = Wir haben Ihnen per SMS einen 6-stelligen Code gesendet. Er ist 10 Minuten lang gültig.
account-done-number-proven = Die Nummer ist bestätigt.
account-done-number-removed = Die Nummer wurde entfernt.
account-done-domain-started = Veröffentlichen Sie jetzt das Token unten und klicken Sie dann auf „Jetzt prüfen“.
account-done-domain-proven = Ihre Domain ist bestätigt.
account-done-submitted = Ihr Unternehmen wurde zur Prüfung gesendet.
account-done-profile-saved = Das Profil wurde gespeichert.
account-done-profile-pending = Ihre Änderungen wurden gespeichert und warten auf einen Prüfer. Bis dahin sehen alle das Profil wie bisher.
account-done-signed-out = Sie sind abgemeldet.
account-refused = Das wurde nicht ausgeführt.
account-forbidden-title = Dieses Formular ist abgelaufen
account-forbidden-text = Es wurde nichts geändert. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.

## Status.

account-title = Ihr Unternehmen
account-business-id = Unternehmens-ID
account-status-h = Ihr aktueller Stand
account-status-business = Status
account-status-registered = Registriert, noch nicht verifiziert
account-status-verified = Verifiziert
account-status-suspended = Gesperrt
account-status-review = Prüfung
account-review-draft = Noch nicht zur Prüfung gesendet
account-review-submitted = Wartet auf einen Prüfer
account-review-approved = Genehmigt
account-review-rejected = Abgelehnt
account-review-reason = Begründung des Prüfers
account-flag = Warum Prüfer sich Ihr Unternehmen ansehen
account-next-h = Als Nächstes:
account-next-add-number = Fügen Sie unten eine Telefonnummer Ihres Unternehmens hinzu; wir senden einen Code an diese Nummer.
account-next-send-code = Fordern Sie unten einen Code für eine Ihrer Nummern an.
account-next-enter-code = Geben Sie unten den Code ein, den wir an Ihre Nummer gesendet haben.
account-next-submit = Senden Sie Ihr Unternehmen zur Prüfung (unten auf dieser Seite).
account-next-wait = Vorerst nichts: Ein Prüfer sieht sich Ihr Unternehmen an.
account-next-rejected = Beheben Sie, was der Prüfer angemerkt hat, und senden Sie Ihr Unternehmen dann erneut zur Prüfung.
account-next-verified = Nichts: Ihr Unternehmen ist verifiziert.
account-next-verified-prove = Bestätigen Sie Ihre neuen Nummern mit ihren Codes, dann erhalten diese sofort das Siegel.
account-next-edit-waits = Nichts: Ihre Profiländerungen warten auf einen Prüfer.
account-next-suspended = Ihr Unternehmen ist gesperrt. Seine Nummern zeigen eine Warnung, bis ein Prüfer die Sperrung aufhebt.
account-edit-pending-link = Ihre Änderungen ansehen, die auf Prüfung warten

## Numbers.

account-numbers-h = Ihre Telefonnummern
account-numbers-none = Noch keine Nummern.
account-number-unproven = Noch nicht bestätigt
account-number-proven = Bestätigt; öffentlich, sobald die Prüfung genehmigt ist
account-number-disputed = Bestätigt; ein anderes Unternehmen führt sie, daher entscheiden Prüfer
account-number-locked = Nach zu vielen falschen Codes gesperrt
account-number-attested = Verifiziert (Stufe { $level })
account-number-on-hold = Ausgesetzt, solange das Unternehmen gesperrt ist
account-number-revoked = Von einem Prüfer entzogen
account-number-locked-until = Sie können es ab { $time } erneut versuchen.
account-code-label = Code gesendet an { $number }
account-code-hint = Die 6 Ziffern aus der SMS.
account-confirm = Bestätigen
account-code-wrong = { $left ->
    [0] Dieser Code ist nicht richtig und kann nicht mehr verwendet werden. Fordern Sie einen neuen an.
    [one] Dieser Code ist nicht richtig. Sie haben noch einen Versuch.
   *[other] Dieser Code ist nicht richtig. Sie haben noch { $left } Versuche.
}
account-send-code = Code senden
account-resend = Neuen Code senden
account-remove = Entfernen
account-add-h = Nummer hinzufügen
account-add-number = Telefonnummer
account-add-hint = Wir senden per SMS einen Code an diese Nummer. Nummern ohne + am Anfang werden als Nummern des unten gewählten Landes gelesen.
account-add-region = Land der Nummer
account-add-button = Hinzufügen und Code senden

## Domain.

account-domain-h = Ihre Web-Domain (optional)
account-domain-intro = Wenn Sie bestätigen, dass die Domain Ihrer Website Ihnen gehört, steigen Ihre Nummern auf Stufe A.
account-domain-open = Um { $domain } zu bestätigen, veröffentlichen Sie das Token auf eine dieser beiden Arten und klicken dann auf „Jetzt prüfen“.
account-domain-dns-h = Als DNS-Eintrag
account-domain-dns-name = Name des TXT-Eintrags
account-domain-dns-value = Wert des TXT-Eintrags
account-domain-http-h = Oder auf Ihrer Website
account-domain-http-url = Adresse
account-domain-http-body = Inhalt, genau so
account-domain-check = Jetzt prüfen
account-domain-proven = { $domain } ist bestätigt.
account-domain-other-h = Andere Domain verwenden
account-domain-restart-hint = Wenn Sie neu beginnen, wird die aktuelle Bestätigung zurückgezogen, bis die neue geprüft ist.
account-domain-label = Domain
account-domain-hint = Zum Beispiel example.com, ohne http:// und ohne Pfad.
account-domain-start = Token abrufen
account-check-ok = Die Domain ist bestätigt.
account-check-txt-missing = Unter diesem Namen wurde noch kein TXT-Eintrag gefunden. Änderungen im DNS können eine Weile brauchen, bis sie sichtbar sind: Versuchen Sie es später erneut.
account-check-txt-mismatch = Es gibt einen TXT-Eintrag, aber er enthält das Token nicht. Kopieren Sie den Wert genau.
account-check-dns-failed = Die DNS-Abfrage ist fehlgeschlagen. Versuchen Sie es gleich noch einmal.
account-check-dns-timeout = Die DNS-Abfrage hat zu lange gedauert. Versuchen Sie es gleich noch einmal.
account-check-unresolvable = Die Adresse Ihrer Website wurde nicht gefunden.
account-check-private-address = Ihre Domain verweist auf eine private Adresse, die wir nicht aufrufen.
account-check-connect-failed = Ihre Website war nicht erreichbar.
account-check-redirect = Die Adresse leitet auf eine andere weiter. Das Token muss genau unter dieser Adresse stehen.
account-check-http-status = Ihre Website hat statt mit dem Token mit einem Fehler geantwortet.
account-check-too-large = Ihre Website hat zu viel zurückgegeben: Die Seite darf nur das Token enthalten.
account-check-token-mismatch = Ihre Website hat geantwortet, aber nicht mit dem Token. Kopieren Sie es genau.

## Review.

account-submit-h = Zur Prüfung senden
account-submit-intro = Sobald mindestens eine Nummer bestätigt ist, senden Sie Ihr Unternehmen an die Prüfer. Diese prüfen, wer Sie sind; das kann einige Tage dauern.
account-submit-button = Zur Prüfung senden

## Profile.

account-profile-title = Ihr Profil
account-profile-pending = Einige Änderungen warten auf einen Prüfer; dieses Formular zeigt sie. Bis ein Prüfer sie genehmigt, sehen alle Ihr Profil wie bisher.
account-profile-reviewed = Ihr Unternehmen ist verifiziert, daher warten Änderungen auf einen Prüfer, bevor andere sie sehen.
account-profile-basics = Das Wichtigste
account-profile-website-hint = Leer lassen, wenn keine Website angezeigt werden soll. Wenn Sie https:// weglassen, ergänzen wir es.
account-profile-logo = Adresse des Logos (optional)
account-profile-logo-hint = Die Adresse eines Bildes auf Ihrer Website. Leer lassen, wenn Sie kein Logo möchten.
account-profile-names = Ihr Name in jeder Sprache
account-profile-name-in = Name auf { $lang }
account-profile-remove-name = Namen auf { $lang } entfernen
account-profile-add-name = Namen in einer weiteren Sprache hinzufügen
account-profile-new-name-lang = Sprache des neuen Namens
account-profile-new-name = Neuer Name
account-profile-descriptions = Beschreibung
account-profile-description-in = Beschreibung auf { $lang }
account-profile-remove-description = Beschreibung auf { $lang } entfernen
account-profile-add-description = Beschreibung in einer weiteren Sprache hinzufügen
account-profile-new-description-lang = Sprache der neuen Beschreibung
account-profile-new-description = Neue Beschreibung
account-profile-commands = Schnellantworten
account-profile-commands-hint = Kunden, die ein Stichwort an Ihre Nummer senden, erhalten sofort die Antwort.
account-profile-keyword = Stichwort
account-profile-reply = Antwort
account-profile-reply-lang = Sprache dieser Antwort
account-profile-remove-reply = Schnellantwort „{ $keyword }“ entfernen
account-profile-add-reply = Schnellantwort hinzufügen
account-profile-save = Profil speichern

## Reports.

account-reports-title = Meldungen zu Ihren Nummern
account-reports-intro = Was andere über Ihre bestätigten Nummern gemeldet haben, neueste zuerst. Wir zeigen nie, wer etwas gemeldet hat. Meldungen allein nehmen Ihnen nie das Siegel; bei vielen Meldungen sieht sich ein Prüfer die Sache an.
account-reports-count = { $count ->
    [0] Keine Meldungen
    [one] Eine Meldung
   *[other] { $count } Meldungen
}

## Key.

account-key-title = Ihr Schlüssel
account-key-replace-h = Schlüssel ersetzen
account-key-intro = Mit Ihrem Schlüssel melden Sie sich hier an, und Ihre Software nutzt ihn für bizseal. Ersetzen Sie ihn, wenn jemand anderes ihn gesehen haben könnte.
account-key-warning = Der alte Schlüssel funktioniert sofort nicht mehr: Melden Sie sich überall, wo er verwendet wird, neu an und tragen Sie den neuen in Ihrer Software ein.
account-key-button = Meinen Schlüssel ersetzen
account-new-key-title = Ihr neuer Schlüssel
account-new-key-intro = Das ist Ihr neuer Schlüssel. Der alte funktioniert nicht mehr.
account-new-key-sessions = Überall sonst, wo Sie mit dem alten Schlüssel angemeldet waren, wurden Sie abgemeldet; hier bleiben Sie angemeldet.
account-key-h = Bewahren Sie diesen Schlüssel sicher auf
account-key-once = Speichern Sie diesen Schlüssel jetzt an einem sicheren Ort: Er wird nur einmal angezeigt, und niemand kann ihn erneut anzeigen.
account-go = Zu Ihrem Unternehmen

## One-time forms (registering, replacing the key)
form-spent = Dieses Formular wurde bereits gesendet, daher wurde nichts erneut ausgeführt. Ein Schlüssel wird nur einmal angezeigt: Wenn Sie ihn nicht aufbewahrt haben, ersetzen Sie ihn auf der Seite „Schlüssel“ Ihres Kontos.
form-stale = Dieses Formular ist zu alt zum Senden, oder der Dienst wurde seit seiner Anzeige neu gestartet. Es wurde nichts ausgeführt: Prüfen Sie es und senden Sie es erneut.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Ihr Webhook ist gespeichert.
account-done-webhook-removed = Ihr Webhook ist entfernt.
account-done-webhook-replayed = Das Ereignis wird erneut gesendet.
account-webhook-title = Ihr Webhook
account-webhook-h = Wohin Ihre Ereignisse gehen
account-webhook-intro = bizseal sendet Ihrem Server eine signierte Nachricht (Standard Webhooks), sobald sich für Ihr Unternehmen etwas ändert: eine bestätigte Nummer, eine Prüfentscheidung, ein widerrufenes Abzeichen, eine Sperre. Fehlgeschlagene Nachrichten werden einen Tag lang wiederholt.
account-webhook-current = Ziel
account-webhook-none = Kein Webhook eingerichtet: es wird nichts gesendet.
account-webhook-url = Webhook-Adresse
account-webhook-url-hint = Eine https-Adresse auf einem öffentlichen Server, z. B. https://example.com/hooks/bizseal
account-webhook-rotate = Neues Geheimnis erzeugen (das alte signiert ab sofort nicht mehr)
account-webhook-save = Speichern
account-webhook-remove = Webhook entfernen
account-webhook-secret-h = Ihr Signaturgeheimnis
account-webhook-secret-once = Speichern Sie dieses Geheimnis jetzt in den Einstellungen Ihres Servers: Es wird nur einmal angezeigt. Damit prüfen Sie, dass jede Nachricht von bizseal kommt.
account-webhook-deliveries-h = Letzte Nachrichten
account-webhook-deliveries-none = Es wurde noch keine Nachricht gesendet.
account-webhook-col-event = Ereignis
account-webhook-col-state = Status
account-webhook-col-tries = Versuche
account-webhook-col-result = Letzte Antwort
account-webhook-col-time = Erstellt
account-webhook-col-action = Aktion
account-webhook-state-pending = Wartet
account-webhook-state-delivered = Zugestellt
account-webhook-state-dead = Aufgegeben
account-webhook-replay = Erneut senden
