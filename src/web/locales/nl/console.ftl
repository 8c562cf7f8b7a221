# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = Aanmelden als beoordelaar
console-token = Beoordelaarstoken
console-token-hint = Het token dat een beheerder u heeft gegeven (bizseal reviewer create). Meld u op een gedeelde computer af als u klaar bent.
console-sign-in = Aanmelden
console-wrong-token = Dat token klopt niet. Controleer het en probeer het opnieuw.
console-locked-out = { $minutes ->
    [one] Er kwamen te veel verkeerde tokens van uw netwerk. Probeer het over een minuut opnieuw.
   *[other] Er kwamen te veel verkeerde tokens van uw netwerk. Probeer het over { $minutes } minuten opnieuw.
}
console-signed-out = U bent afgemeld.

console-nav-label = Console
console-nav-queue = Beoordelingswachtrij
console-nav-business = Bedrijf of nummer
console-nav-audit = Auditlog
console-nav-outbox = Postvak uit voor codes
console-signed-in-as = Aangemeld als { $name }
console-sign-out = Afmelden

console-forged-title = Formulier geweigerd
console-forged-text = Dit formulier bevatte niet het beveiligingstoken van deze sessie, dus er is niets gedaan. Open de pagina opnieuw vanuit de console en verstuur het formulier van daaruit.
console-back-to-queue = Terug naar de beoordelingswachtrij

console-done-approved = Goedgekeurd. Bij een aanvraag is het bedrijf nu geverifieerd en hebben de bevestigde nummers de badge; een profielwijziging is nu openbaar.
console-done-rejected = Afgewezen. Het bedrijf ziet uw reden; er is niets openbaars veranderd.
console-done-dismissed = Markering afgewezen. De meldingen blijven meetellen; het bedrijf is uit de wachtrij.
console-done-suspended = Opgeschort. Alle badges van het bedrijf zijn ingetrokken tot het weer wordt geactiveerd.
console-done-reinstated = Weer geactiveerd. De nummers van een geverifieerd bedrijf hebben de badge weer, met nieuwe tokens.
console-done-revoked = Badge ingetrokken. Het token van het nummer is ingetrokken en opzoekingen melden dat.
console-done-released = Nummer vrijgegeven: het hoort niet meer bij dit bedrijf. Een eventuele badge is ingetrokken.
console-done-unlocked = Blokkering opgeheven. Het bedrijf kan weer codes voor dit nummer invoeren.
console-done-nothing-locked = Niets op te heffen: het nummer was niet geblokkeerd voor dit bedrijf.

console-queue-title = Beoordelingswachtrij
console-queue-count = { $count ->
    [0] Er wacht niets op een beslissing.
    [one] Eén bedrijf wacht op een beslissing, oudste eerst.
   *[other] { $count } bedrijven wachten op een beslissing, oudste eerst.
}
console-queue-more = Alleen de oudste worden getoond: beslis daarover om de rest te zien.
console-kind-submission = Aanvraag
console-kind-edit = Profielwijziging
console-kind-flag = Gemarkeerd
console-legal-name = Statutaire naam
console-names = Namen
console-about = Categorie, plaats, status
console-id = Bedrijfs-id
console-queued = Wacht sinds
console-flag = Markering
console-evidence = Bewijs
console-numbers = Telefoonnummers
console-no-numbers = Geen telefoonnummers vermeld.
console-number = Nummer
console-state = Status
console-proof = Bevestigd via
console-reports = Meldingen (30 dagen)
console-reports-count = { $reports ->
    [0] Geen
    [one] Eén melding ({ $reporters ->
        [one] één netwerk
       *[other] { $reporters } netwerken
    })
   *[other] { $reports } meldingen ({ $reporters ->
        [one] één netwerk
       *[other] { $reporters } netwerken
    })
}
console-level = niveau { $level }
console-held-by-other = Hoort bij een ander bedrijf
console-not-proven = Niet bevestigd
console-proof-otp = Eenmalige code
console-proof-import = Geïmporteerd uit een gecontroleerd register
console-domain = Domein
console-domain-proven = Domein { $domain } bevestigd op { $date }.
console-domain-unproven = Domein { $domain } opgegeven, niet bevestigd.
console-no-domain = Geen domein: hoogstens niveau B.
console-warnings = Waarschuwingen
console-warning-confusable = “{ $name }” lijkt op “{ $similar }”, een geverifieerd bedrijf.
console-warning-brand = “{ $name }” bevat de naam van “{ $similar }”, een geverifieerd bedrijf.
console-warning-mixed-script = “{ $name }” mengt alfabetten in één woord, een veelgebruikte manier om een naam na te bootsen.
console-warning-website = De website { $name } staat niet op het bevestigde domein.
console-see-business = Dat bedrijf bekijken
console-changes = Voorgestelde wijzigingen
console-field = Veld
console-before = Nu
console-after = Voorgesteld
console-none = (geen)
console-field-legal-name = Statutaire naam
console-field-names = Namen
console-field-default-lang = Standaardtaal
console-field-category = Categorie
console-field-city = Plaats
console-field-website = Website
console-field-description = Beschrijving
console-field-logo-url = Logo
console-field-commands = Snelle antwoorden
console-field-other = Ander veld
console-decision = Beslissing

console-note = Notitie (optioneel)
console-reason = Reden (verplicht)
console-approve = Goedkeuren
console-approve-explain = Goedkeuren: bij een aanvraag wordt het bedrijf geverifieerd en krijgt elk bevestigd nummer de badge (niveau A met een bevestigd domein, anders B); een profielwijziging wordt openbaar.
console-reject = Afwijzen
console-reject-explain = Afwijzen: het bedrijf ziet uw reden en kan later opnieuw een aanvraag doen. Er verandert niets openbaars; om een geverifieerd bedrijf offline te halen, schort u het op.
console-dismiss = Markering afwijzen
console-dismiss-explain = Markering afwijzen: het bedrijf gaat uit de wachtrij; de meldingen blijven meetellen en kunnen het opnieuw laten markeren.
console-suspend = Opschorten
console-suspend-explain = Opschorten: alle badges van dit bedrijf worden meteen ingetrokken en de nummers worden als opgeschort getoond tot een beoordelaar het bedrijf weer activeert.
console-reinstate = Weer activeren
console-reinstate-explain = Weer activeren: de opschorting eindigt; een geverifieerd bedrijf krijgt nieuwe tokens voor zijn nummers (de oude blijven ingetrokken).
console-revoke = Badge intrekken
console-revoke-explain = Badge intrekken: het token van dit nummer wordt ingetrokken en opzoekingen tonen de verificatie als ingetrokken, met uw reden. Daarna maakt alleen vrijgeven het nummer weer vrij.
console-release = Nummer vrijgeven
console-release-explain = Vrijgeven: het nummer verdwijnt van de lijst van dit bedrijf en een eventuele badge wordt ingetrokken; een ander beoordeeld bedrijf dat het nummer heeft bevestigd, neemt het over.
console-unlock = Blokkering opheffen
console-unlock-explain = Blokkering opheffen: het bedrijf kan weer codes voor dit nummer invoeren (het was geblokkeerd na te veel verkeerde codes).

console-business-title = Bedrijf of nummer
console-find-label = Bedrijfs-id of telefoonnummer
console-find-hint = Een bedrijfs-id (b_…) of een nummer in internationale notatie (+…).
console-find = Zoeken
console-find-unreadable = Dat is geen bedrijfs-id en ook geen telefoonnummer in internationale notatie.
console-find-no-business = Geen enkel bedrijf heeft dat id.
console-find-unlisted = Geen enkel bedrijf vermeldt { $number }.
console-parties = Bedrijven die { $number } vermelden
console-review = Beoordeling
console-review-draft = Nog niet ter beoordeling verstuurd
console-review-submitted = Wacht op een beoordelaar
console-review-approved = Goedgekeurd
console-review-rejected = Afgewezen
console-review-other = Onbekend
console-status-verified = Geverifieerd
console-status-registered = Niet geverifieerd
console-status-suspended = Opgeschort
console-in-queue = Het wacht in de beoordelingswachtrij.
console-public-profile = Openbaar profiel
console-locked-until = geblokkeerd na verkeerde codes tot { $date }
console-number-attested = Heeft de badge
console-number-on-hold = In de wacht (bedrijf opgeschort)
console-number-revoked = Badge ingetrokken
console-number-unproven = Niet bevestigd
console-number-proven = Bevestigd, wacht op beoordeling
console-number-disputed = Bevestigd, maar hoort bij een ander bedrijf
console-number-locked = Geblokkeerd na verkeerde codes
console-number-other = Onbekende status
console-business-decision = Het bedrijf
console-history = Laatste auditregels
console-whole-history = Het volledige auditlog van dit bedrijf

console-audit-title = Auditlog
console-audit-of = Alleen bedrijf { $business }.
console-audit-all = Alles tonen
console-audit-empty = Geen regels.
console-when = Wanneer
console-who = Wie
console-what = Wat
console-business = Bedrijf
console-detail = Details
console-pages = Pagina’s
console-newest = Nieuwste regels
console-older = Oudere regels
console-did-registered = Geregistreerd
console-did-submitted = Ter beoordeling verstuurd
console-did-submission-withdrawn = Aanvraag ingetrokken
console-did-deleted = Bedrijf verwijderd
console-did-profile-edited = Profiel bewerkt
console-did-edit-submitted = Profielwijziging ter beoordeling verstuurd
console-did-edit-withdrawn = Profielwijziging ingetrokken
console-did-domain-challenge = Domeincontrole gestart
console-did-domain-proven = Domein bevestigd
console-did-code-sent = Eenmalige code ontvangen
console-did-number-proven = Nummer bevestigd
console-did-number-removed = Nummer verwijderd
console-did-number-disputed = Nummer bevestigd dat bij een ander bedrijf hoort
console-did-number-taken-over = Vrijgegeven nummer overgenomen
console-did-flagged = Gemarkeerd voor beoordeling
console-did-approved = Aanvraag of wijziging goedgekeurd
console-did-rejected = Aanvraag of wijziging afgewezen
console-did-flag-dismissed = Markering afgewezen
console-did-suspended = Bedrijf opgeschort
console-did-reinstated = Bedrijf weer geactiveerd
console-did-number-revoked = Badge van een nummer ingetrokken
console-did-number-released = Nummer vrijgegeven
console-did-number-unlocked = Blokkering van een nummer opgeheven
console-did-key-rotated = Ondertekeningssleutel vervangen
console-did-reviewer-created = Beoordelaar toegevoegd
console-did-admin-created = Beoordelaar met beheerrechten toegevoegd
console-did-reviewer-removed = Beoordelaar verwijderd
console-did-reviewer-lockout = Netwerk geblokkeerd na verkeerde beoordelaarstokens
console-did-country-breaker = Codes naar een land afgeremd

console-outbox-title = Postvak uit voor codes
console-outbox-intro = Eenmalige codes gaan naar dit postvak in plaats van naar een sms-gateway (de logverzender). Lees een code alleen voor aan de persoon die erom heeft gevraagd, op het nummer waarnaar hij is verstuurd.
console-outbox-empty = Er zijn nog geen codes verstuurd.
console-code = Code
console-language = Taal
