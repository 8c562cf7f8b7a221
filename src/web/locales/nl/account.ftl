# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = Laat uw bedrijf verifiëren
apply-intro = Registreer uw bedrijf, bevestig met een code dat uw telefoonnummers van u zijn, en stuur het in ter beoordeling. Zodra een beoordelaar het goedkeurt, tonen uw nummers de groene badge.
apply-have-key = Al geregistreerd?
apply-sign-in = Aanmelden met uw sleutel
apply-form-h = Over uw bedrijf
apply-legal-name = Statutaire naam
apply-legal-name-hint = Zoals die in het handelsregister staat.
apply-name = Naam die uw klanten kennen
apply-name-hint = U kunt de naam later in andere talen toevoegen.
apply-name-lang = Taal van die naam
apply-default-lang = Hoofdtaal
apply-default-lang-hint = Klanten zien uw naam in hun eigen taal als u er een in die taal hebt, en anders in de hoofdtaal. Voor de hoofdtaal is een naam nodig.
apply-category = Categorie
apply-category-choose = Kies een categorie
apply-country = Land
apply-city = Plaats (optioneel)
apply-website = Website (optioneel)
apply-website-hint = Bijvoorbeeld example.com; als u https:// weglaat, voegen wij het toe.
apply-button = Registreren
apply-done-title = Uw bedrijf is geregistreerd
apply-done-intro = Uw bedrijf is geregistreerd. Hieronder staan het id en de sleutel: met de sleutel meldt u zich hier aan, en uw software gebruikt hem om met bizseal te werken.

## Signing in and out.

account-sign-in-title = Aanmelden
account-sign-in-intro = Plak de sleutel die u bij de registratie hebt gekregen.
account-api-key = Uw API-sleutel
account-sign-in-button = Aanmelden
account-no-key = Nog niet geregistreerd?
account-apply-link = Registreer uw bedrijf
account-sign-out = Afmelden
account-nav-label = Uw bedrijf
account-nav-status = Status en nummers
account-nav-profile = Profiel
account-nav-reports = Meldingen
account-nav-key = Sleutel

## What just happened, at the top of a page.

account-done-code-sent = We hebben een code van 6 cijfers per sms gestuurd. Die is 10 minuten geldig.
account-done-number-proven = Het nummer is bevestigd.
account-done-number-removed = Het nummer is verwijderd.
account-done-domain-started = Publiceer nu het token hieronder en klik daarna op “Nu controleren”.
account-done-domain-proven = Uw domein is bevestigd.
account-done-submitted = Uw bedrijf is ingestuurd ter beoordeling.
account-done-profile-saved = Het profiel is opgeslagen.
account-done-profile-pending = Uw wijzigingen zijn opgeslagen en wachten op een beoordelaar. Tot die tijd zien mensen het profiel zoals het was.
account-done-signed-out = U bent afgemeld.
account-refused = Dit is niet uitgevoerd.
account-forbidden-title = Dit formulier is verlopen
account-forbidden-text = Er is niets gewijzigd. Ga terug, laad de pagina opnieuw en probeer het nog eens.

## Status.

account-title = Uw bedrijf
account-business-id = Bedrijfs-id
account-status-h = Hoe u ervoor staat
account-status-business = Status
account-status-registered = Geregistreerd, nog niet geverifieerd
account-status-verified = Geverifieerd
account-status-suspended = Opgeschort
account-status-review = Beoordeling
account-review-draft = Nog niet ingestuurd ter beoordeling
account-review-submitted = Wacht op een beoordelaar
account-review-approved = Goedgekeurd
account-review-rejected = Afgewezen
account-review-reason = De reden van de beoordelaar
account-flag = Waarom beoordelaars naar uw bedrijf kijken
account-next-h = Wat u nu kunt doen:
account-next-add-number = Voeg hieronder een telefoonnummer van uw bedrijf toe; we sturen er een code naartoe.
account-next-send-code = Vraag hieronder een code aan voor een van uw nummers.
account-next-enter-code = Vul hieronder de code in die we naar uw nummer hebben gestuurd.
account-next-submit = Stuur uw bedrijf in ter beoordeling (onderaan deze pagina).
account-next-wait = Voorlopig niets: een beoordelaar gaat naar uw bedrijf kijken.
account-next-rejected = Verbeter wat de beoordelaar heeft aangegeven en stuur uw bedrijf daarna opnieuw in ter beoordeling.
account-next-verified = Niets: uw bedrijf is geverifieerd.
account-next-verified-prove = Bevestig uw nieuwe nummers met hun codes: ze krijgen meteen de badge.
account-next-edit-waits = Niets: uw profielwijzigingen wachten op een beoordelaar.
account-next-suspended = Uw bedrijf is opgeschort. De nummers tonen een waarschuwing tot een beoordelaar de opschorting opheft.
account-edit-pending-link = Bekijk uw wijzigingen die op beoordeling wachten

## Numbers.

account-numbers-h = Uw telefoonnummers
account-numbers-none = Nog geen nummers.
account-number-unproven = Nog niet bevestigd
account-number-proven = Bevestigd; openbaar zodra de beoordeling is goedgekeurd
account-number-disputed = Bevestigd; een ander bedrijf heeft het nummer, dus beslissen beoordelaars
account-number-locked = Geblokkeerd na te veel verkeerde codes
account-number-attested = Geverifieerd (niveau { $level })
account-number-on-hold = In de wacht zolang het bedrijf is opgeschort
account-number-revoked = Ingetrokken door een beoordelaar
account-number-locked-until = U kunt het na { $time } opnieuw proberen.
account-code-label = Code gestuurd naar { $number }
account-code-hint = De 6 cijfers uit de sms.
account-confirm = Bevestigen
account-code-wrong = { $left ->
    [0] Die code klopt niet en kan niet meer worden gebruikt. Vraag een nieuwe aan.
    [one] Die code klopt niet. U hebt nog één poging.
   *[other] Die code klopt niet. U hebt nog { $left } pogingen.
}
account-send-code = Een code sturen
account-resend = Een nieuwe code sturen
account-remove = Verwijderen
account-add-h = Een nummer toevoegen
account-add-number = Telefoonnummer
account-add-hint = We sturen er per sms een code naartoe. Nummers zonder + aan het begin worden gelezen als nummers van het land hieronder.
account-add-region = Land van het nummer
account-add-button = Toevoegen en een code sturen

## Domain.

account-domain-h = Uw webdomein (optioneel)
account-domain-intro = Als u bevestigt dat het domein van uw website van u is, gaan uw nummers naar niveau A.
account-domain-open = Om { $domain } te bevestigen, publiceert u het token op een van deze twee manieren en klikt u daarna op “Nu controleren”.
account-domain-dns-h = Als DNS-record
account-domain-dns-name = Naam van het TXT-record
account-domain-dns-value = Waarde van het TXT-record
account-domain-http-h = Of op uw website
account-domain-http-url = Adres
account-domain-http-body = De inhoud, precies zo
account-domain-check = Nu controleren
account-domain-proven = { $domain } is bevestigd.
account-domain-other-h = Een ander domein gebruiken
account-domain-restart-hint = Als u opnieuw begint, vervalt de huidige bevestiging tot de nieuwe is gecontroleerd.
account-domain-label = Domein
account-domain-hint = Bijvoorbeeld example.com, zonder http:// of pad.
account-domain-start = Het token ophalen
account-check-ok = Het domein is bevestigd.
account-check-txt-missing = Er is nog geen TXT-record met die naam gevonden. Het kan even duren voordat DNS-wijzigingen zichtbaar zijn: probeer het later opnieuw.
account-check-txt-mismatch = Er is wel een TXT-record, maar het bevat het token niet. Kopieer de waarde precies.
account-check-dns-failed = Het opzoeken in de DNS is mislukt. Probeer het over een ogenblik opnieuw.
account-check-dns-timeout = Het opzoeken in de DNS duurde te lang. Probeer het over een ogenblik opnieuw.
account-check-unresolvable = Het adres van uw website is niet gevonden.
account-check-private-address = Uw domein verwijst naar een privéadres, en dat bezoeken wij niet.
account-check-connect-failed = Uw website was niet bereikbaar.
account-check-redirect = Het adres stuurt door naar een ander adres. Het token moet precies op dit adres staan.
account-check-http-status = Uw website antwoordde met een foutmelding in plaats van het token.
account-check-too-large = Uw website stuurde te veel terug: de pagina mag alleen het token bevatten.
account-check-token-mismatch = Uw website antwoordde, maar niet met het token. Kopieer het precies.

## Review.

account-submit-h = Insturen ter beoordeling
account-submit-intro = Zodra ten minste één nummer is bevestigd, stuurt u uw bedrijf naar de beoordelaars. Zij controleren wie u bent; dat kan een paar dagen duren.
account-submit-button = Insturen ter beoordeling

## Profile.

account-profile-title = Uw profiel
account-profile-pending = Sommige wijzigingen wachten op een beoordelaar; dit formulier toont ze. Tot een beoordelaar ze goedkeurt, zien mensen uw profiel zoals het was.
account-profile-reviewed = Uw bedrijf is geverifieerd, dus wijzigingen wachten op een beoordelaar voordat mensen ze zien.
account-profile-basics = De basis
account-profile-website-hint = Laat dit leeg om geen website te tonen. Als u https:// weglaat, voegen wij het toe.
account-profile-logo = Adres van het logo (optioneel)
account-profile-logo-hint = Het adres van een afbeelding op uw website. Laat dit leeg als u geen logo wilt.
account-profile-names = Uw naam in elke taal
account-profile-name-in = Naam ({ $lang })
account-profile-remove-name = Naam ({ $lang }) verwijderen
account-profile-add-name = Een naam in een andere taal toevoegen
account-profile-new-name-lang = Taal van de nieuwe naam
account-profile-new-name = Nieuwe naam
account-profile-descriptions = Beschrijving
account-profile-description-in = Beschrijving ({ $lang })
account-profile-remove-description = Beschrijving ({ $lang }) verwijderen
account-profile-add-description = Een beschrijving in een andere taal toevoegen
account-profile-new-description-lang = Taal van de nieuwe beschrijving
account-profile-new-description = Nieuwe beschrijving
account-profile-commands = Snelle antwoorden
account-profile-commands-hint = Klanten die een trefwoord naar uw nummer sturen, krijgen meteen het antwoord.
account-profile-keyword = Trefwoord
account-profile-reply = Antwoord
account-profile-reply-lang = Taal van dit antwoord
account-profile-remove-reply = Het snelle antwoord “{ $keyword }” verwijderen
account-profile-add-reply = Een snel antwoord toevoegen
account-profile-save = Profiel opslaan

## Reports.

account-reports-title = Meldingen over uw nummers
account-reports-intro = Wat mensen over uw bevestigde nummers hebben gemeld, nieuwste eerst. We tonen nooit wie iets heeft gemeld. Meldingen alleen nemen uw badge nooit weg; bij veel meldingen kijkt een beoordelaar mee.
account-reports-count = { $count ->
    [0] Geen meldingen
    [one] Eén melding
   *[other] { $count } meldingen
}

## Key.

account-key-title = Uw sleutel
account-key-replace-h = Uw sleutel vervangen
account-key-intro = Met uw sleutel meldt u zich hier aan en gebruikt uw software bizseal. Vervang hem als iemand anders hem misschien heeft gezien.
account-key-warning = De oude sleutel werkt meteen niet meer: meld u overal waar hij wordt gebruikt opnieuw aan en zet de nieuwe in uw software.
account-key-button = Mijn sleutel vervangen
account-new-key-title = Uw nieuwe sleutel
account-new-key-intro = Dit is uw nieuwe sleutel. De oude werkt niet meer.
account-new-key-sessions = Overal waar met de oude sleutel was aangemeld, bent u nu afgemeld; hier blijft u aangemeld.
account-key-h = Bewaar deze sleutel goed
account-key-once = Bewaar deze sleutel nu op een veilige plek: hij wordt maar één keer getoond en niemand kan hem opnieuw tonen.
account-go = Naar uw bedrijf

## One-time forms (registering, replacing the key)
form-spent = Dit formulier is al verzonden, dus er is niets opnieuw gedaan. Een sleutel wordt maar één keer getoond: hebt u hem niet bewaard, vervang hem dan op de pagina Sleutel van uw account.
form-stale = Dit formulier is te oud om te verzenden, of de dienst is opnieuw gestart sinds het werd getoond. Er is niets gedaan: controleer het en verzend het opnieuw.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Uw webhook is opgeslagen.
account-done-webhook-removed = Uw webhook is verwijderd.
account-done-webhook-replayed = De gebeurtenis wordt opnieuw verstuurd.
account-webhook-title = Uw webhook
account-webhook-h = Waar uw gebeurtenissen heen gaan
account-webhook-intro = bizseal stuurt uw server een ondertekend bericht (Standard Webhooks) zodra er iets verandert voor uw bedrijf: een bewezen nummer, een beoordeling, een ingetrokken badge, een schorsing. Mislukte berichten worden een dag lang opnieuw geprobeerd.
account-webhook-current = Verstuurd naar
account-webhook-none = Geen webhook ingesteld: er wordt niets verstuurd.
account-webhook-url = Webhookadres
account-webhook-url-hint = Een https-adres op een openbare server, bijv. https://example.com/hooks/bizseal
account-webhook-rotate = Een nieuw geheim maken (het oude ondertekent meteen niet meer)
account-webhook-save = Opslaan
account-webhook-remove = Webhook verwijderen
account-webhook-secret-h = Uw ondertekeningsgeheim
account-webhook-secret-once = Bewaar dit geheim nu in de instellingen van uw server: het wordt maar één keer getoond. Hiermee controleert u dat elk bericht van bizseal komt.
account-webhook-deliveries-h = Recente berichten
account-webhook-deliveries-none = Er is nog geen bericht verstuurd.
account-webhook-col-event = Gebeurtenis
account-webhook-col-state = Status
account-webhook-col-tries = Pogingen
account-webhook-col-result = Laatste antwoord
account-webhook-col-time = Gemaakt
account-webhook-col-action = Actie
account-webhook-state-pending = Wacht
account-webhook-state-delivered = Bezorgd
account-webhook-state-dead = Opgegeven
account-webhook-replay = Opnieuw versturen
