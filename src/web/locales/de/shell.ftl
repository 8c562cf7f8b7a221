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
invalid-reason = Geben Sie einen Grund an: 1 bis 1000 Zeichen, reiner Text.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = Enter the business's registered legal name (at most 200 characters).
invalid-names = Enter a name (at most 200 characters) for each language listed, and one in the main language.
invalid-default-lang = Choose the main language.
invalid-category = Choose a category.
invalid-country = Choose a country.
invalid-city = The city can be at most 200 characters long.
invalid-website = Enter the website's address, such as https://example.com.
invalid-logo-url = Enter the logo's address, such as https://example.com/logo.png.
invalid-description = Choose a language for each description; each can be at most 2,000 characters long.
invalid-commands = You can have at most 20 quick replies.
invalid-commands-keyword = A keyword is one word of lowercase letters a–z, digits, “-” or “_”, at most 40 long.
invalid-commands-reply = Each keyword needs a reply, at most 2,000 characters long.
invalid-code = The code is the 6 digits of the message we sent.
invalid-domain = Enter a domain name such as example.com, without http:// or a path.
