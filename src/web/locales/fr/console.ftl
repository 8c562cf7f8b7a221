# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = Reviewer sign-in
console-token = Reviewer token
console-token-hint = The token an operator gave you (bizseal reviewer create). On a shared computer, sign out when you are done.
console-sign-in = Sign in
console-wrong-token = That token is not right. Check it and try again.
console-locked-out = { $minutes ->
    [one] Too many wrong tokens came from your network. Try again in one minute.
   *[other] Too many wrong tokens came from your network. Try again in { $minutes } minutes.
}
console-signed-out = You are signed out.

console-nav-label = Console
console-nav-queue = Review queue
console-nav-business = Business or number
console-nav-audit = Audit trail
console-nav-outbox = Code outbox
console-signed-in-as = Signed in as { $name }
console-sign-out = Sign out

console-forged-title = Form refused
console-forged-text = This form did not carry this session's security token, so nothing was done. Open the page again from the console and send the form from there.
console-back-to-queue = Back to the review queue

console-done-approved = Approved. A submission makes the business verified and its proven numbers carry the badge; an edit is now public.
console-done-rejected = Rejected. The business sees your reason; nothing public changed.
console-done-dismissed = Flag dismissed. The reports stay counted; the business left the queue.
console-done-suspended = Suspended. Every badge of the business is withdrawn until it is reinstated.
console-done-reinstated = Reinstated. A verified business's numbers carry the badge again, with new tokens.
console-done-revoked = Badge withdrawn. The number's token is revoked and lookups say so.
console-done-released = Number released from this business. Any badge it had is revoked.
console-done-unlocked = Lockout cleared. The business can enter codes for this number again.
console-done-nothing-locked = Nothing to clear: the number was not locked for this business.

console-queue-title = Review queue
console-queue-count = { $count ->
    [0] Nothing is waiting for a decision.
    [one] One business is waiting for a decision, oldest first.
   *[other] { $count } businesses are waiting for a decision, oldest first.
}
console-queue-more = Only the oldest are shown: decide on them to see the rest.
console-kind-submission = Application
console-kind-edit = Profile edit
console-kind-flag = Flagged
console-legal-name = Legal name
console-names = Names
console-about = Category, place, status
console-id = Business id
console-queued = Waiting since
console-flag = Flag
console-evidence = Evidence
console-numbers = Phone numbers
console-no-numbers = No phone numbers listed.
console-number = Number
console-state = State
console-proof = Proven by
console-reports = Reports (30 days)
console-reports-count = { $reports ->
    [0] None
    [one] One report ({ $reporters ->
        [one] one network
       *[other] { $reporters } networks
    })
   *[other] { $reports } reports ({ $reporters ->
        [one] one network
       *[other] { $reporters } networks
    })
}
console-level = level { $level }
console-held-by-other = Held by another business
console-not-proven = Not proven
console-proof-otp = One-time code
console-proof-import = Imported from a vetted registry
console-domain = Domain
console-domain-proven = Domain { $domain } proven on { $date }.
console-domain-unproven = Domain { $domain } claimed, not proven.
console-no-domain = No domain: at most level B.
console-warnings = Warnings
console-warning-confusable = “{ $name }” looks like “{ $similar }”, a verified business.
console-warning-brand = “{ $name }” contains the name of “{ $similar }”, a verified business.
console-warning-mixed-script = “{ $name }” mixes alphabets in one word, a common way to imitate a name.
console-warning-website = The website { $name } is not on the proven domain.
console-see-business = See that business
console-changes = Proposed changes
console-field = Field
console-before = Now
console-after = Proposed
console-none = (none)
console-field-legal-name = Legal name
console-field-names = Names
console-field-default-lang = Default language
console-field-category = Category
console-field-city = City
console-field-website = Website
console-field-description = Description
console-field-logo-url = Logo
console-field-commands = Quick replies
console-field-other = Other field
console-decision = Decision

console-note = Note (optional)
console-reason = Reason (required)
console-approve = Approve
console-approve-explain = Approve: a submission makes the business verified and gives each proven number its badge (level A with a proven domain, else B); an edit becomes public.
console-reject = Reject
console-reject-explain = Reject: the business sees your reason and may apply again later. Nothing public changes; to take a verified business down, suspend it.
console-dismiss = Dismiss the flag
console-dismiss-explain = Dismiss: the business leaves the queue; its reports stay counted and can flag it again.
console-suspend = Suspend
console-suspend-explain = Suspend: every badge of this business is withdrawn at once and its numbers show as suspended until a reviewer reinstates it.
console-reinstate = Reinstate
console-reinstate-explain = Reinstate: the suspension ends; a verified business gets new tokens for its numbers (the old ones stay revoked).
console-revoke = Withdraw the badge
console-revoke-explain = Withdraw the badge: this number's token is revoked and lookups show the verification as withdrawn, with your reason. Only a release frees the number afterwards.
console-release = Release the number
console-release-explain = Release: the number leaves this business's list and any badge is revoked; another reviewed business that proved it takes it over.
console-unlock = Clear the lockout
console-unlock-explain = Clear the lockout: the business may enter codes for this number again (it was locked after too many wrong codes).

console-business-title = Business or number
console-find-label = Business id or phone number
console-find-hint = A business id (b_…) or a number in international format (+…).
console-find = Find
console-find-unreadable = That is neither a business id nor a phone number in international format.
console-find-no-business = No business has that id.
console-find-unlisted = No business lists { $number }.
console-parties = Businesses that list { $number }
console-review = Review
console-review-draft = Not sent for review yet
console-review-submitted = Waiting for a reviewer
console-review-approved = Approved
console-review-rejected = Rejected
console-review-other = Unknown
console-status-verified = Verified
console-status-registered = Not verified
console-status-suspended = Suspended
console-in-queue = It is waiting in the review queue.
console-public-profile = Public profile
console-locked-until = locked after wrong codes until { $date }
console-number-attested = Carries the badge
console-number-on-hold = On hold (business suspended)
console-number-revoked = Badge withdrawn
console-number-unproven = Not proven
console-number-proven = Proven, waiting for review
console-number-disputed = Proven, but held by another business
console-number-locked = Locked after wrong codes
console-number-other = Unknown state
console-business-decision = The business
console-history = Latest audit entries
console-whole-history = The whole audit trail of this business

console-audit-title = Audit trail
console-audit-of = Only business { $business }.
console-audit-all = Show everything
console-audit-empty = No entries.
console-when = When
console-who = Who
console-what = What
console-business = Business
console-detail = Detail
console-pages = Pages
console-newest = Newest entries
console-older = Older entries
console-did-registered = Registered
console-did-submitted = Sent for review
console-did-submission-withdrawn = Withdrew the submission
console-did-deleted = Deleted the business
console-did-profile-edited = Edited the profile
console-did-edit-submitted = Sent a profile edit for review
console-did-edit-withdrawn = Withdrew a profile edit
console-did-domain-challenge = Started a domain check
console-did-domain-proven = Proved the domain
console-did-code-sent = Was sent a one-time code
console-did-number-proven = Proved a number
console-did-number-removed = Removed a number
console-did-number-disputed = Proved a number another business holds
console-did-number-taken-over = Took over a freed number
console-did-flagged = Flagged for review
console-did-approved = Approved the application or edit
console-did-rejected = Rejected the application or edit
console-did-flag-dismissed = Dismissed the flag
console-did-suspended = Suspended the business
console-did-reinstated = Reinstated the business
console-did-number-revoked = Withdrew a number's badge
console-did-number-released = Released a number
console-did-number-unlocked = Cleared a number's lockout
console-did-key-rotated = Rotated the signing key
console-did-reviewer-created = Added a reviewer
console-did-admin-created = Added an admin reviewer
console-did-reviewer-removed = Removed a reviewer
console-did-reviewer-lockout = Locked a network out after wrong reviewer tokens
console-did-country-breaker = Throttled codes to a country

console-outbox-title = Code outbox
console-outbox-intro = One-time codes go to this outbox instead of a text-message gateway (the log sender). Read a code only to the person who asked for it, on the number it was sent to.
console-outbox-empty = No codes were sent yet.
console-code = Code
console-language = Language
