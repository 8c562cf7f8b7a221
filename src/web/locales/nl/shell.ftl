# The page shell, and words every page shares.

nav-skip = Naar de inhoud
nav-label = Hoofdnavigatie
nav-check = Een nummer controleren
nav-apply = Voor bedrijven
nav-account = Uw bedrijf
lang-label = Taal
site-footer = bizseal controleert of een telefoonnummer echt hoort bij het bedrijf dat het zegt te zijn.

notfound-title = Niet gevonden
notfound-text = Op dit adres staat niets.
error-title = Er ging iets mis
error-text = De pagina kon niet worden weergegeven. Probeer het over een ogenblik opnieuw.

# Badges: for someone who has never heard of attestations.
badge-verified = Geverifieerd bedrijf
badge-registered = Niet geverifieerd — let op
badge-unknown = Onbekend nummer — let op
badge-suspended = Opgeschort — let op
badge-revoked = Verificatie ingetrokken — let op
badge-no-numbers = Identiteit gecontroleerd — nu geen nummer geverifieerd

# A number's state, as a short label.
status-verified = Geverifieerd
status-registered = Niet geverifieerd
status-unknown = Onbekend
status-suspended = Opgeschort
status-revoked = Ingetrokken
# Country and category names.

region-AE = Verenigde Arabische Emiraten
region-AR = Argentinië
region-AT = Oostenrijk
region-AU = Australië
region-BE = België
region-BO = Bolivia
region-BR = Brazilië
region-CA = Canada
region-CH = Zwitserland
region-CL = Chili
region-CN = China
region-CO = Colombia
region-CR = Costa Rica
region-CU = Cuba
region-DE = Duitsland
region-DO = Dominicaanse Republiek
region-EC = Ecuador
region-ES = Spanje
region-FR = Frankrijk
region-GB = Verenigd Koninkrijk
region-GQ = Equatoriaal-Guinea
region-GT = Guatemala
region-HN = Honduras
region-IE = Ierland
region-IN = India
region-IT = Italië
region-JP = Japan
region-MX = Mexico
region-NI = Nicaragua
region-NL = Nederland
region-PA = Panama
region-PE = Peru
region-PL = Polen
region-PR = Puerto Rico
region-PT = Portugal
region-PY = Paraguay
region-SA = Saoedi-Arabië
region-SV = El Salvador
region-TR = Turkije
region-US = Verenigde Staten
region-UY = Uruguay
region-VE = Venezuela

category-airline = Luchtvaartmaatschappij
category-bank = Bank
category-ecommerce = Webwinkel
category-government = Overheid
category-healthcare = Gezondheidszorg
category-insurance = Verzekeringen
category-restaurant = Restaurant
category-retail = Winkel
category-telecom = Telecom
category-travel = Reizen
category-utility = Energie en water
category-other = Overig

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = Het verzoek kon niet worden gelezen.
code-unprocessable-body = Het formulier was onvolledig. Vul het opnieuw in.
code-unsupported-media-type = Het verzoek kon niet worden gelezen.
code-payload-too-large = Dat is te veel om in één keer te versturen.
code-method-not-allowed = Dat kan hier niet.
code-not-found = Dat is niet gevonden. Misschien is het verwijderd.
code-invalid-request = Controleer wat u hebt ingevuld.
code-invalid-number = Dat is geen geldig telefoonnummer. Controleer de cijfers en het land.
code-unauthorized = Die sleutel klopt niet. Controleer hem en probeer het opnieuw.
code-forbidden = U mag dat niet doen.
code-rate-limited = Te veel pogingen in korte tijd. Wacht even en probeer het opnieuw.
code-wrong-code = Die code klopt niet. Controleer het bericht en probeer het opnieuw.
code-code-expired = Die code is verlopen. Vraag een nieuwe aan.
code-too-many-attempts = Te veel verkeerde codes. Vraag een nieuwe aan.
code-no-code = Er is nog geen code naar dat nummer gestuurd. Vraag er eerst een aan.
code-number-locked = Dit nummer is na te veel verkeerde codes een tijdje geblokkeerd.
code-business-suspended = Dit bedrijf is opgeschort, dus dit kan nu niet.
code-not-suspended = Dit bedrijf is niet opgeschort.
code-already-verified = Dit bedrijf is al geverifieerd.
code-nothing-proven = Bevestig ten minste één telefoonnummer voordat u de aanvraag verstuurt.
code-resubmit-later = Over de aanvraag is net beslist. U kunt hem iets later opnieuw versturen.
code-nothing-waits = Er wacht niets op een beslissing.
code-flag-not-submission = Dit is een markering, geen aanvraag: wijs hem af of schort het bedrijf op.
code-not-flagged = Hier is niets gemarkeerd.
code-already-proven = Dit nummer is al bevestigd.
code-not-attested = Dit nummer heeft geen badge die kan worden ingetrokken.
code-not-held = Dit nummer hoort niet bij dit bedrijf.
code-revoked-by-reviewer = Een beoordelaar heeft dit nummer ingetrokken; alleen een beoordelaar kan het weer vrijgeven.
code-no-domain-challenge = Start eerst de domeincontrole.
code-challenge-changed = De domeincontrole is intussen opnieuw gestart. Controleer de nieuwe.
code-search-running = De zoekindex is bezig. Probeer het over een ogenblik opnieuw.
code-sender-failed = De code kon nu niet worden verstuurd. Probeer het over een ogenblik opnieuw.
code-timeout = Dat duurde te lang. Probeer het opnieuw.
code-unavailable = De dienst is druk bezet. Probeer het over een ogenblik opnieuw.
code-storage-full = De dienst kan nu niets opslaan. Probeer het later opnieuw.
code-internal = Er ging bij ons iets mis. Probeer het later opnieuw.
# A field that was refused, when it has no message of its own.
invalid-field = Controleer dit veld.
invalid-url = Gebruik een https-adres op een openbare server (poort 443), zonder gebruikersnaam of wachtwoord.
invalid-reason = Geef een reden op: 1 tot 1000 tekens, platte tekst.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = Vul de statutaire naam van het bedrijf in, zoals die geregistreerd is (maximaal 200 tekens).
invalid-names = Vul voor elke vermelde taal een naam in (maximaal 200 tekens), en ook een in de hoofdtaal.
invalid-default-lang = Kies de hoofdtaal.
invalid-category = Kies een categorie.
invalid-country = Kies een land.
invalid-city = De plaats mag maximaal 200 tekens lang zijn.
invalid-website = Vul het adres van de website in, bijvoorbeeld https://example.com.
invalid-logo-url = Vul het adres van het logo in, bijvoorbeeld https://example.com/logo.png.
invalid-description = Kies een taal voor elke beschrijving; elke beschrijving mag maximaal 2000 tekens lang zijn.
invalid-commands = U kunt maximaal 60 snelle antwoorden hebben.
invalid-commands-keyword = Een trefwoord is één woord van kleine letters a–z, cijfers, “-” of “_”, maximaal 40 tekens lang.
invalid-commands-reply = Elk trefwoord heeft een antwoord nodig van maximaal 2000 tekens.
invalid-commands-lang = Elk trefwoord kan per taal één keer een snel antwoord zijn: wijzig het trefwoord of de taal.
invalid-code = De code bestaat uit de 6 cijfers van het bericht dat we hebben gestuurd.
invalid-domain = Vul een domeinnaam in zoals example.com, zonder http:// of pad.
