# The page shell, and words every page shares.

nav-skip = Zum Inhalt springen
nav-label = Hauptnavigation
nav-check = Nummer prüfen
nav-apply = Für Unternehmen
nav-account = Ihr Unternehmen
lang-label = Sprache
site-footer = bizseal prüft, ob eine Telefonnummer wirklich zu dem Unternehmen gehört, für das sie sich ausgibt.

notfound-title = Nicht gefunden
notfound-text = Unter dieser Adresse gibt es nichts.
error-title = Etwas ist schiefgelaufen
error-text = Die Seite konnte nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal.

# Badges: for someone who has never heard of attestations.
badge-verified = Verifiziertes Unternehmen
badge-registered = Nicht verifiziert — Vorsicht
badge-unknown = Unbekannte Nummer — Vorsicht
badge-suspended = Gesperrt — Vorsicht
badge-revoked = Verifizierung entzogen — Vorsicht
badge-no-numbers = Identität geprüft — derzeit keine Nummer verifiziert

# A number's state, as a short label.
status-verified = Verifiziert
status-registered = Nicht verifiziert
status-unknown = Unbekannt
status-suspended = Gesperrt
status-revoked = Entzogen
# Country and category names.

region-AE = Vereinigte Arabische Emirate
region-AR = Argentinien
region-AT = Österreich
region-AU = Australien
region-BE = Belgien
region-BO = Bolivien
region-BR = Brasilien
region-CA = Kanada
region-CH = Schweiz
region-CL = Chile
region-CN = China
region-CO = Kolumbien
region-CR = Costa Rica
region-CU = Kuba
region-DE = Deutschland
region-DO = Dominikanische Republik
region-EC = Ecuador
region-ES = Spanien
region-FR = Frankreich
region-GB = Vereinigtes Königreich
region-GQ = Äquatorialguinea
region-GT = Guatemala
region-HN = Honduras
region-IE = Irland
region-IN = Indien
region-IT = Italien
region-JP = Japan
region-MX = Mexiko
region-NI = Nicaragua
region-NL = Niederlande
region-PA = Panama
region-PE = Peru
region-PL = Polen
region-PR = Puerto Rico
region-PT = Portugal
region-PY = Paraguay
region-SA = Saudi-Arabien
region-SV = El Salvador
region-TR = Türkei
region-US = Vereinigte Staaten
region-UY = Uruguay
region-VE = Venezuela

category-airline = Fluggesellschaft
category-bank = Bank
category-ecommerce = Onlineshop
category-government = Behörde
category-healthcare = Gesundheitswesen
category-insurance = Versicherung
category-restaurant = Restaurant
category-retail = Einzelhandel
category-telecom = Telekommunikation
category-travel = Reisen
category-utility = Energie und Wasser
category-other = Sonstiges

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = Die Anfrage konnte nicht gelesen werden.
code-unprocessable-body = Das Formular war unvollständig. Bitte füllen Sie es erneut aus.
code-unsupported-media-type = Die Anfrage konnte nicht gelesen werden.
code-payload-too-large = Das ist zu viel, um es auf einmal zu senden.
code-method-not-allowed = Das ist hier nicht möglich.
code-not-found = Das wurde nicht gefunden. Vielleicht wurde es entfernt.
code-invalid-request = Bitte prüfen Sie Ihre Eingaben.
code-invalid-number = Das ist keine gültige Telefonnummer. Prüfen Sie die Ziffern und das Land.
code-unauthorized = Dieser Schlüssel ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.
code-forbidden = Dazu sind Sie nicht berechtigt.
code-rate-limited = Zu viele Versuche in kurzer Zeit. Bitte warten Sie etwas und versuchen Sie es dann erneut.
code-wrong-code = Dieser Code ist nicht richtig. Prüfen Sie die Nachricht und versuchen Sie es erneut.
code-code-expired = Dieser Code ist abgelaufen. Fordern Sie einen neuen an.
code-too-many-attempts = Zu viele falsche Codes. Fordern Sie einen neuen an.
code-no-code = An diese Nummer wurde noch kein Code gesendet. Fordern Sie zuerst einen an.
code-number-locked = Diese Nummer ist nach zu vielen falschen Codes eine Weile gesperrt.
code-business-suspended = Dieses Unternehmen ist gesperrt, daher ist das jetzt nicht möglich.
code-not-suspended = Dieses Unternehmen ist nicht gesperrt.
code-already-verified = Dieses Unternehmen ist bereits verifiziert.
code-nothing-proven = Bestätigen Sie mindestens eine Telefonnummer, bevor Sie den Antrag senden.
code-resubmit-later = Über den Antrag wurde gerade entschieden. Sie können ihn etwas später erneut senden.
code-nothing-waits = Es wartet nichts auf eine Entscheidung.
code-flag-not-submission = Dies ist eine Markierung, kein Antrag: Verwerfen Sie sie oder sperren Sie das Unternehmen.
code-not-flagged = Hier ist nichts markiert.
code-already-proven = Diese Nummer ist bereits bestätigt.
code-not-attested = Diese Nummer hat kein Siegel, das entzogen werden könnte.
code-not-held = Diese Nummer gehört nicht zu diesem Unternehmen.
code-revoked-by-reviewer = Ein Prüfer hat diese Nummer entzogen; nur ein Prüfer kann sie wieder freigeben.
code-no-domain-challenge = Starten Sie zuerst die Domainprüfung.
code-challenge-changed = Die Domainprüfung wurde inzwischen neu gestartet. Prüfen Sie die neue.
code-search-running = Der Suchindex ist ausgelastet. Versuchen Sie es gleich noch einmal.
code-sender-failed = Der Code konnte gerade nicht gesendet werden. Versuchen Sie es gleich noch einmal.
code-timeout = Das hat zu lange gedauert. Bitte versuchen Sie es erneut.
code-unavailable = Der Dienst ist ausgelastet. Bitte versuchen Sie es gleich noch einmal.
code-storage-full = Der Dienst kann gerade nichts speichern. Bitte versuchen Sie es später erneut.
code-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.
# A field that was refused, when it has no message of its own.
invalid-field = Bitte prüfen Sie dieses Feld.
invalid-url = Verwenden Sie eine https-Adresse auf einem öffentlichen Server (Port 443), ohne Benutzernamen oder Passwort.
invalid-reason = Geben Sie einen Grund an: 1 bis 1000 Zeichen, reiner Text.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = Geben Sie den eingetragenen Namen des Unternehmens an (höchstens 200 Zeichen).
invalid-names = Geben Sie für jede aufgeführte Sprache einen Namen an (höchstens 200 Zeichen) und einen in der Hauptsprache.
invalid-default-lang = Wählen Sie die Hauptsprache.
invalid-category = Wählen Sie eine Kategorie.
invalid-country = Wählen Sie ein Land.
invalid-city = Der Ort darf höchstens 200 Zeichen lang sein.
invalid-website = Geben Sie die Adresse der Website an, etwa https://example.com.
invalid-logo-url = Geben Sie die Adresse des Logos an, etwa https://example.com/logo.png.
invalid-description = Wählen Sie für jede Beschreibung eine Sprache; jede darf höchstens 2000 Zeichen lang sein.
invalid-commands = Sie können höchstens 60 Schnellantworten haben.
invalid-commands-keyword = Ein Stichwort ist ein einzelnes Wort aus Kleinbuchstaben a–z, Ziffern, „-“ oder „_“, höchstens 40 Zeichen lang.
invalid-commands-reply = Jedes Stichwort braucht eine Antwort mit höchstens 2000 Zeichen.
invalid-commands-lang = Jedes Stichwort kann pro Sprache nur einmal eine Schnellantwort sein: Ändern Sie das Stichwort oder die Sprache.
invalid-code = Der Code besteht aus den 6 Ziffern der Nachricht, die wir Ihnen gesendet haben.
invalid-domain = Geben Sie einen Domainnamen wie example.com an, ohne http:// und ohne Pfad.
