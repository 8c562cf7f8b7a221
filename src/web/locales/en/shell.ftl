# The page shell, and words every page shares.

nav-skip = Skip to content
nav-label = Main
nav-check = Check a number
nav-apply = For businesses
nav-account = Your business
lang-label = Language
site-footer = bizseal checks that a phone number really belongs to the business it claims to be.

notfound-title = Not found
notfound-text = There is nothing at this address.
error-title = Something went wrong
error-text = The page could not be shown. Please try again in a moment.

# Badges: for someone who has never heard of attestations.
badge-verified = Verified business
badge-registered = Not verified — be careful
badge-unknown = Unknown number — be careful
badge-suspended = Suspended — be careful
badge-revoked = Verification withdrawn — be careful
badge-no-numbers = Identity checked — no number verified now

# A number's state, as a short label.
status-verified = Verified
status-registered = Not verified
status-unknown = Unknown
status-suspended = Suspended
status-revoked = Withdrawn
# Country and category names.

region-AE = United Arab Emirates
region-AR = Argentina
region-AT = Austria
region-AU = Australia
region-BE = Belgium
region-BO = Bolivia
region-BR = Brazil
region-CA = Canada
region-CH = Switzerland
region-CL = Chile
region-CN = China
region-CO = Colombia
region-CR = Costa Rica
region-CU = Cuba
region-DE = Germany
region-DO = Dominican Republic
region-EC = Ecuador
region-ES = Spain
region-FR = France
region-GB = United Kingdom
region-GQ = Equatorial Guinea
region-GT = Guatemala
region-HN = Honduras
region-IE = Ireland
region-IN = India
region-IT = Italy
region-JP = Japan
region-MX = Mexico
region-NI = Nicaragua
region-NL = Netherlands
region-PA = Panama
region-PE = Peru
region-PL = Poland
region-PR = Puerto Rico
region-PT = Portugal
region-PY = Paraguay
region-SA = Saudi Arabia
region-SV = El Salvador
region-TR = Türkiye
region-US = United States
region-UY = Uruguay
region-VE = Venezuela

category-airline = Airline
category-bank = Bank
category-ecommerce = Online shop
category-government = Government
category-healthcare = Health care
category-insurance = Insurance
category-restaurant = Restaurant
category-retail = Shop
category-telecom = Telecom
category-travel = Travel
category-utility = Energy and water
category-other = Other

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = The request could not be read.
code-unprocessable-body = The form was incomplete. Please fill it in again.
code-unsupported-media-type = The request could not be read.
code-payload-too-large = That is too much to send at once.
code-method-not-allowed = That cannot be done here.
code-not-found = That could not be found. It may have been removed.
code-invalid-request = Please check what you entered.
code-invalid-number = That is not a valid phone number. Check the digits and the country.
code-unauthorized = That key is not right. Check it and try again.
code-forbidden = You are not allowed to do that.
code-rate-limited = Too many attempts in a short time. Please wait a little and try again.
code-wrong-code = That code is not right. Check the message and try again.
code-code-expired = That code has expired. Ask for a new one.
code-too-many-attempts = Too many wrong codes. Ask for a new one.
code-no-code = No code was sent to that number yet. Ask for one first.
code-number-locked = This number is locked for a while after too many wrong codes.
code-business-suspended = This business is suspended, so this cannot be done now.
code-not-suspended = This business is not suspended.
code-already-verified = This business is already verified.
code-nothing-proven = Prove at least one phone number before you send the application.
code-resubmit-later = The application was just decided. You can send it again a little later.
code-nothing-waits = Nothing is waiting for a decision.
code-flag-not-submission = This is a flag, not an application: dismiss it or suspend the business.
code-not-flagged = Nothing is flagged here.
code-already-proven = This number is already proven.
code-not-attested = This number has no badge to withdraw.
code-not-held = This number is not held by this business.
code-revoked-by-reviewer = A reviewer withdrew this number; only a reviewer can release it.
code-no-domain-challenge = Start the domain check first.
code-challenge-changed = The domain check was started again meanwhile. Check the new one.
code-search-running = The search index is busy. Try again in a moment.
code-sender-failed = The code could not be sent just now. Try again in a moment.
code-timeout = That took too long. Please try again.
code-unavailable = The service is busy. Please try again in a moment.
code-storage-full = The service cannot save anything right now. Please try again later.
code-internal = Something went wrong on our side. Please try again later.
# A field that was refused, when it has no message of its own.
invalid-field = Please check this field.
invalid-url = Use an https address on a public server (port 443), with no user name or password in it.
# A reason a reviewer must give (reject, suspend, revoke, ...).
invalid-reason = Give a reason: 1 to 1000 characters, plain text.

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
invalid-commands = You can have at most 60 quick replies.
invalid-commands-keyword = A keyword is one word of lowercase letters a–z, digits, “-” or “_”, at most 40 long.
invalid-commands-reply = Each keyword needs a reply, at most 2,000 characters long.
invalid-commands-lang = Each keyword can be a quick reply once in each language: change the keyword or the language.
invalid-code = The code is the 6 digits of the message we sent.
invalid-domain = Enter a domain name such as example.com, without http:// or a path.
