# The public pages: check a number, search, profiles, reports.

home-title = Zijn zij het echt?
home-intro = Typ een telefoonnummer om te zien of het bij een geverifieerd bedrijf hoort, of een naam om de officiële nummers van een bedrijf te vinden.
home-label = Telefoonnummer of bedrijfsnaam
home-region = Land van het nummer
home-region-intl = Internationaal (begint met +)
home-hint = Nummers zonder + aan het begin worden gelezen als nummers van het gekozen land.
home-button = Controleren
home-result = Resultaat
home-belongs = Dit nummer hoort bij
badge-verified-detail = bizseal heeft gecontroleerd wie dit bedrijf is en dat het dit nummer beheert.
badge-registered-detail = Dit nummer staat vermeld, maar de identiteit van het bedrijf erachter is niet gecontroleerd. Behandel het als niet geverifieerd.
badge-unknown-detail = Niemand heeft dit nummer bij bizseal geregistreerd. Het kan iedereen zijn: deel geen codes, wachtwoorden of geld.
badge-suspended-detail = Het bedrijf achter dit nummer is opgeschort. Vertrouw geen oproepen of berichten van dit nummer.
badge-revoked-detail = Dit nummer was geverifieerd, maar de verificatie is ingetrokken.
home-revoked-on = Ingetrokken op { $date }.
home-revoked-reason = Reden: { $reason }
home-reports = { $count ->
    [one] In de afgelopen 30 dagen één keer gemeld als spam of fraude.
   *[other] In de afgelopen 30 dagen { $count } keer gemeld als spam of fraude.
}
home-see-profile = Bekijk het bedrijfsprofiel
home-invalid = Dit is geen geldig telefoonnummer en er past geen bedrijf bij. Controleer de cijfers en het land.
home-too-long = Dat is te lang voor een nummer of een naam.
home-error = De controle is mislukt. Probeer het over een ogenblik opnieuw.

search-count = { $count ->
    [one] Eén bedrijf gevonden
   *[other] { $count } bedrijven gevonden
}
search-none = Geen bedrijf gevonden voor “{ $query }”.
search-unavailable = Zoeken is nu niet beschikbaar. U kunt wel een telefoonnummer controleren.
search-official = Officiële nummers
search-report = Een van de nummers melden

profile-legal-name = Statutaire naam
profile-category = Categorie
profile-location = Locatie
profile-website = Website
profile-numbers = Telefoonnummers
profile-no-numbers = Geen telefoonnummers vermeld.
profile-names = Namen in andere talen
profile-commands = Snelle antwoorden
profile-commands-help = Stuur een van deze woorden naar het nummer van het bedrijf om meteen het antwoord te krijgen.
profile-commands-other = Snelle antwoorden in andere talen
profile-logo = Logo van { $name }
profile-verified-detail = bizseal heeft gecontroleerd wie dit bedrijf is en dat het de nummers met “Geverifieerd” beheert.
profile-no-numbers-detail = bizseal heeft gecontroleerd wie dit bedrijf is, maar geen van de nummers is nu geverifieerd. Wees voorzichtig met oproepen en berichten.
profile-registered-detail = Dit bedrijf heeft zich geregistreerd, maar wie het is, is nog niet gecontroleerd.
profile-suspended-detail = Dit bedrijf is opgeschort. Vertrouw geen oproepen of berichten van de nummers van dit bedrijf.

report-title = Een nummer melden
report-intro = Spam of een oplichtingstelefoontje gekregen van een van deze nummers? Laat het ons weten; beoordelaars lezen elke melding.
report-open = Dit nummer melden
report-this-number = { $number } melden
report-number = Nummer
report-reason = Wat er is gebeurd
report-reason-spam = Spam
report-reason-scam = Oplichting of fraude
report-reason-impersonation = Iemand die zich voordoet als een bedrijf
report-reason-other = Iets anders
report-comment = Opmerking (optioneel)
report-next = Uw melding is anoniem. Als meerdere mensen hetzelfde nummer melden, bekijkt een beoordelaar het.
report-send = Melding versturen
report-thanks = Bedankt. Uw melding is ontvangen.
report-what-next = Meldingen tellen 30 dagen mee. Als meerdere verschillende mensen hetzelfde nummer melden, gaat het naar een beoordelaar, die het bedrijf erachter kan opschorten. Een melding op zich haalt nooit een badge weg, dus niemand kan een badge laten verdwijnen door alleen te melden.
report-check-again = Het nummer opnieuw controleren
report-too-many = U hebt in korte tijd veel meldingen verstuurd. Wacht even en probeer het opnieuw.
report-comment-too-long = De opmerking is te lang: maximaal 1000 tekens.
report-bad-number = Dat is geen telefoonnummer dat gemeld kan worden.
report-incomplete = Bij de melding ontbrak een nummer of een reden.
report-failed = De melding kon niet worden verstuurd. Probeer het over een ogenblik opnieuw.
