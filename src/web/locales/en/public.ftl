# The public pages: check a number, search, profiles, reports.

home-title = Is it really them?
home-intro = Type a phone number to see whether it belongs to a verified business, or a name to find a business's official numbers.
home-label = Phone number or business name
home-region = Country of the number
home-region-intl = International (starts with +)
home-hint = Numbers without a leading + are read as numbers of the country chosen.
home-button = Check
home-result = Result
home-belongs = This number belongs to
badge-verified-detail = bizseal checked who this business is and that it controls this number.
badge-registered-detail = This number is listed, but the identity of the business behind it has not been checked. Treat it as unverified.
badge-unknown-detail = Nobody has registered this number with bizseal. It could be anyone: do not share codes, passwords or money.
badge-suspended-detail = The business behind this number has been suspended. Do not trust calls or messages from it.
badge-revoked-detail = This number used to be verified, but its verification was withdrawn.
home-revoked-on = Withdrawn on { $date }.
home-revoked-reason = Reason: { $reason }
home-reports = { $count ->
    [one] Reported as spam or fraud once in the last 30 days.
   *[other] Reported as spam or fraud { $count } times in the last 30 days.
}
home-see-profile = See the business profile
home-invalid = This is not a valid phone number, and no business matches it. Check the digits and the country.
home-too-long = That is too long to be a number or a name.
home-error = The check failed. Please try again in a moment.

search-count = { $count ->
    [one] One business found
   *[other] { $count } businesses found
}
search-none = No business found for “{ $query }”.
search-unavailable = Search is unavailable right now. You can still check a phone number.
search-official = Official numbers
search-report = Report one of its numbers

profile-legal-name = Legal name
profile-category = Category
profile-location = Location
profile-website = Website
profile-numbers = Phone numbers
profile-no-numbers = No phone numbers listed.
profile-names = Names in other languages
profile-commands = Quick replies
profile-commands-help = Send one of these words to the business's number to get the answer at once.
profile-commands-other = Quick replies in other languages
profile-logo = Logo of { $name }
profile-verified-detail = bizseal checked who this business is and that it controls the numbers marked “Verified”.
profile-no-numbers-detail = bizseal checked who this business is, but none of its numbers is verified right now. Be careful with calls and messages.
profile-registered-detail = This business has registered, but who it is has not been checked yet.
profile-suspended-detail = This business has been suspended. Do not trust calls or messages from its numbers.

report-title = Report a number
report-intro = Got spam or a scam call from one of these numbers? Tell us; reviewers read every report.
report-open = Report this number
report-this-number = Report { $number }
report-number = Number
report-reason = What happened
report-reason-spam = Spam
report-reason-scam = Scam or fraud
report-reason-impersonation = Someone pretending to be a business
report-reason-other = Something else
report-comment = Comment (optional)
report-next = Your report is anonymous. When several people report the same number, a reviewer looks at it.
report-send = Send report
report-thanks = Thank you. Your report was received.
report-what-next = Reports are counted for 30 days. When several different people report the same number, it goes to a reviewer, who can suspend the business behind it. A report alone never removes a badge, so nobody can take one down just by reporting it.
report-check-again = Check the number again
report-too-many = You have sent many reports in a short time. Please wait a while and try again.
report-comment-too-long = The comment is too long: at most 1000 characters.
report-bad-number = That is not a phone number that can be reported.
report-incomplete = The report was missing a number or a reason.
report-failed = The report could not be sent. Please try again in a moment.
