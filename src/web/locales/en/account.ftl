# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = Get your business verified
apply-intro = Register your business, prove with a code that you control your phone numbers, and send it for review. Once a reviewer approves, your numbers show the green badge.
apply-have-key = Already registered?
apply-sign-in = Sign in with your key
apply-form-h = About your business
apply-legal-name = Legal name
apply-legal-name-hint = As it appears in the company register.
apply-name = Name your customers know
apply-name-hint = You can add the name in other languages later.
apply-name-lang = Language of that name
apply-default-lang = Main language
apply-default-lang-hint = Customers see your name in their own language when you have one in it, else in the main language. The main language needs a name.
apply-category = Category
apply-category-choose = Choose a category
apply-country = Country
apply-city = City (optional)
apply-website = Website (optional)
apply-website-hint = For example example.com; we add https:// if you leave it out.
apply-button = Register
apply-done-title = Your business is registered
apply-done-intro = Your business is registered. Below are its id and its key: the key is how you sign in here, and how your software uses bizseal.

## Signing in and out.

account-sign-in-title = Sign in
account-sign-in-intro = Paste the key you received when you registered.
account-api-key = Your key
account-sign-in-button = Sign in
account-no-key = Not registered yet?
account-apply-link = Register your business
account-sign-out = Sign out
account-nav-label = Your business
account-nav-status = Status and numbers
account-nav-profile = Profile
account-nav-reports = Reports
account-nav-key = Key

## What just happened, at the top of a page.

account-done-code-sent = We sent a 6-digit code by text message. It is valid for 10 minutes.
account-done-number-proven = The number is proven.
account-done-number-removed = The number was removed.
account-done-domain-started = Now publish the token below, then press “Check now”.
account-done-domain-proven = Your domain is proven.
account-done-submitted = Your business was sent for review.
account-done-profile-saved = The profile was saved.
account-done-profile-pending = Your changes were saved and wait for a reviewer. Until then, people see the profile as it was.
account-done-signed-out = You are signed out.
account-refused = This was not done.
account-forbidden-title = This form has expired
account-forbidden-text = Nothing was changed. Go back, reload the page and try again.

## Status.

account-title = Your business
account-business-id = Business id
account-status-h = Where you stand
account-status-business = Status
account-status-registered = Registered, not verified yet
account-status-verified = Verified
account-status-suspended = Suspended
account-status-review = Review
account-review-draft = Not sent for review yet
account-review-submitted = Waiting for a reviewer
account-review-approved = Approved
account-review-rejected = Turned down
account-review-reason = The reviewer's reason
account-flag = Why reviewers are looking at your business
account-next-h = What to do next:
account-next-add-number = Add a phone number of your business below; we send it a code.
account-next-send-code = Ask for a code for one of your numbers below.
account-next-enter-code = Enter the code we sent to your number below.
account-next-submit = Send your business for review (at the bottom of this page).
account-next-wait = Nothing for now: a reviewer will look at your business.
account-next-rejected = Fix what the reviewer pointed out, then send your business for review again.
account-next-verified = Nothing: your business is verified.
account-next-verified-prove = Prove your new numbers with their codes: they get the badge at once.
account-next-edit-waits = Nothing: your profile changes wait for a reviewer.
account-next-suspended = Your business is suspended. Its numbers show a warning until a reviewer lifts the suspension.
account-edit-pending-link = See your changes waiting for review

## Numbers.

account-numbers-h = Your phone numbers
account-numbers-none = No numbers yet.
account-number-unproven = Not proven yet
account-number-proven = Proven; public once the review approves
account-number-disputed = Proven; another business holds it, so reviewers decide
account-number-locked = Locked after too many wrong codes
account-number-attested = Verified (level { $level })
account-number-on-hold = On hold while the business is suspended
account-number-revoked = Withdrawn by a reviewer
account-number-locked-until = You can try again after { $time }.
account-code-label = Code sent to { $number }
account-code-hint = The 6 digits of the text message.
account-confirm = Confirm
account-code-wrong = { $left ->
    [0] That code is not right, and it cannot be used any more. Ask for a new one.
    [one] That code is not right. You have one more try.
   *[other] That code is not right. You have { $left } more tries.
}
account-send-code = Send a code
account-resend = Send a new code
account-remove = Remove
account-add-h = Add a number
account-add-number = Phone number
account-add-hint = We send a code to it by text message. Numbers without a leading + are read as numbers of the country below.
account-add-region = Country of the number
account-add-button = Add and send a code

## Domain.

account-domain-h = Your web domain (optional)
account-domain-intro = Proving that you control your website's domain raises your numbers to level A.
account-domain-open = To prove { $domain }, publish the token in one of these two ways, then press “Check now”.
account-domain-dns-h = As a DNS record
account-domain-dns-name = TXT record name
account-domain-dns-value = TXT record value
account-domain-http-h = Or on your website
account-domain-http-url = Address
account-domain-http-body = Its content, exactly
account-domain-check = Check now
account-domain-proven = { $domain } is proven.
account-domain-other-h = Use another domain
account-domain-restart-hint = Starting again withdraws the current proof until the new one is checked.
account-domain-label = Domain
account-domain-hint = For example example.com, without http:// or a path.
account-domain-start = Get the token
account-check-ok = The domain is proven.
account-check-txt-missing = No TXT record was found at that name yet. Changes to DNS can take a while to show: try again later.
account-check-txt-mismatch = A TXT record is there, but it does not hold the token. Copy the value exactly.
account-check-dns-failed = The DNS lookup failed. Try again in a moment.
account-check-dns-timeout = The DNS lookup took too long. Try again in a moment.
account-check-unresolvable = Your website's address could not be found.
account-check-private-address = Your domain points to a private address, which we do not visit.
account-check-connect-failed = Your website could not be reached.
account-check-redirect = The address redirects elsewhere. The token must be at that exact address.
account-check-http-status = Your website answered with an error instead of the token.
account-check-too-large = Your website answered with too much: the page must hold only the token.
account-check-token-mismatch = Your website answered, but not with the token. Copy it exactly.

## Review.

account-submit-h = Send for review
account-submit-intro = When at least one number is proven, send your business to the reviewers. They check who you are; that can take a few days.
account-submit-button = Send for review

## Profile.

account-profile-title = Your profile
account-profile-pending = Some changes wait for a reviewer; this form shows them. Until a reviewer approves them, people see your profile as it was.
account-profile-reviewed = Your business is verified, so changes wait for a reviewer before people see them.
account-profile-basics = The basics
account-profile-website-hint = Leave it empty to show no website. We add https:// if you leave it out.
account-profile-logo = Logo address (optional)
account-profile-logo-hint = The address of an image on your website. Leave it empty for no logo.
account-profile-names = Your name in each language
account-profile-name-in = Name in { $lang }
account-profile-remove-name = Remove the name in { $lang }
account-profile-add-name = Add a name in another language
account-profile-new-name-lang = Language of the new name
account-profile-new-name = New name
account-profile-descriptions = Description
account-profile-description-in = Description in { $lang }
account-profile-remove-description = Remove the description in { $lang }
account-profile-add-description = Add a description in another language
account-profile-new-description-lang = Language of the new description
account-profile-new-description = New description
account-profile-commands = Quick replies
account-profile-commands-hint = Customers who send a keyword to your number get the reply at once.
account-profile-keyword = Keyword
account-profile-reply = Reply
account-profile-reply-lang = Language of this reply
account-profile-remove-reply = Remove the quick reply “{ $keyword }”
account-profile-add-reply = Add a quick reply
account-profile-save = Save the profile

## Reports.

account-reports-title = Reports on your numbers
account-reports-intro = What people reported about your proven numbers, newest first. We never show who reported. Reports alone never remove your badge; many of them bring a reviewer.
account-reports-count = { $count ->
    [0] No reports
    [one] One report
   *[other] { $count } reports
}

## Key.

account-key-title = Your key
account-key-replace-h = Replace your key
account-key-intro = Your key signs you in here and lets your software use bizseal. Replace it if someone else may have seen it.
account-key-warning = The old key stops working at once: everywhere it is used, sign in and update your software with the new one.
account-key-button = Replace my key
account-new-key-title = Your new key
account-new-key-intro = This is your new key. The old one no longer works.
account-new-key-sessions = Every other place that was signed in with the old key has been signed out; this one stays signed in.
account-key-h = Keep this key safe
account-key-once = Store this key now, somewhere safe: it is shown only once, and nobody can show it again.
account-go = Go to your business

## One-time forms (registering, replacing the key)
form-spent = This form was already sent, so nothing was done again. A key is shown only once: if you did not keep it, replace it on your account’s Key page.
form-stale = This form is too old to send, or the service restarted since it was shown. Nothing was done: check it and send it again.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Your webhook is saved.
account-done-webhook-removed = Your webhook is removed.
account-done-webhook-replayed = The event is queued to be sent again.
account-webhook-title = Your webhook
account-webhook-h = Where your events go
account-webhook-intro = bizseal sends your server a signed message (Standard Webhooks) whenever something changes for your business: a number proven, a review decided, a badge revoked, a suspension. Failed messages are retried for a day.
account-webhook-current = Sending to
account-webhook-none = No webhook is set: nothing is sent.
account-webhook-url = Webhook address
account-webhook-url-hint = An https address on a public server, e.g. https://example.com/hooks/bizseal
account-webhook-rotate = Make a new secret (the old one stops signing at once)
account-webhook-save = Save
account-webhook-remove = Remove the webhook
account-webhook-secret-h = Your signing secret
account-webhook-secret-once = Store this secret now in your server's settings: it is shown only once. It checks that each message comes from bizseal.
account-webhook-deliveries-h = Recent messages
account-webhook-deliveries-none = No message has been sent yet.
account-webhook-col-event = Event
account-webhook-col-state = State
account-webhook-col-tries = Tries
account-webhook-col-result = Last answer
account-webhook-col-time = Made
account-webhook-col-action = Action
account-webhook-state-pending = Waiting
account-webhook-state-delivered = Delivered
account-webhook-state-dead = Given up
account-webhook-replay = Send again
