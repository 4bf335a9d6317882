# Praxis — English. Every key here must also exist in ar/main.ftl (a test checks).

## Layout
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-members = Members
nav-settings = Settings
nav-sign-in = Sign in
nav-sign-up = Join the network
nav-log-out = Log out
language-switcher = Choose a language
language-label = Language:
footer-api = API
pager-next = Next page
save = Save

## Home
home-title = Home
home-heading = A community of practice for organizing
home-lead = Organizers, coaches, trainers and researchers developing leaders, learning from each other's campaigns and building the capacity to win change.
home-welcome-back = Welcome back, { $name }
home-member-lead = Tell the network what you practise and where you can help: a complete profile is how coaches, peers and organizations find you.
home-edit-profile = Edit your profile
home-my-nodes = Your nodes
home-no-nodes = You have not joined a node yet.
home-people = People in the network
home-all-members = See all members

## Members
members-title = Members
members-public-only = You see the profiles their owners made public. Sign in to see everyone who shares their profile with the network.
members-empty = No profiles to show yet.
profile-nodes = Nodes
profile-joined = Joined
profile-visible-public = Anyone can see your profile, even people who are not signed in.
profile-visible-members = Only signed-in members of the network can see your profile.
profile-visible-private = Your profile is private: only you can see it.
practice-column = Practice
level-column = Self-assessed level
available-to-coach = Available to coach
available-to-mentor = Available to mentor
capacity-of = Can take on { $count } people at once.

## Roles, practices and visibility
role-organizer = Organizer
role-educator = Coach or trainer
role-researcher = Researcher
practice-public_narrative = Public narrative
practice-relationships = Relationships
practice-structure = Structure
practice-strategy = Strategy
practice-action = Action
practice-coaching = Coaching
visibility-public = Public: anyone, even without signing in
visibility-members = Members: anyone signed in to the network
visibility-private = Private: only me

## Form fields
field-display-name = Display name
display-name-hint = The name others see. A pseudonym is fine.
field-email = Email address
field-password = Password
password-hint = At least 10 characters. A few unrelated words make a strong password.
field-new-password = New password
field-current-password = Current password
field-new-email = New email address
field-bio = About you
bio-hint = Markdown is supported: **bold**, *italic*, lists and links.
field-roles = Roles
field-practices = Practices
practices-hint = How experienced are you in each practice? 0 means new to it, 5 means you teach it.
level-none = Not set
field-domains = Domains
field-regions = Regions
field-languages = Languages
languages-hint = Language codes, separated by commas: ar, en, sr.
list-hint = Separate several entries with commas.
field-time-zone = Time zone
time-zone-hint = For example Asia/Amman or Europe/Belgrade. Leave empty if you prefer not to say.
field-availability = Availability
field-capacity = How many people can you coach or mentor at once?
field-visibility = Who can see your profile?
field-token-name = Token name
form-has-errors = Some fields need your attention. Nothing was saved.
profile-saved = Your profile was saved.

## Sign up, sign in
sign-up-title = Join the network
sign-up-lead = Create an account to share your practice, find coaches and peers, and take part in workshops.
sign-up-submit = Create account
sign-up-have-account = Already a member?
check-email-title = Check your email
check-email-body = If this address can be used, we have sent a message to it. Follow the link in it to finish creating your account.
verified-title = Your email address is confirmed
verified-body = Thank you. You can now sign in.
link-invalid-title = This link does not work
link-invalid-body = The link is invalid, was already used, or has expired. Ask for a new one.
log-in-title = Sign in
log-in-submit = Sign in
log-in-forgot = Forgot your password?
log-in-no-account = New here?
forgot-title = Reset your password
forgot-lead = Enter the email address of your account and we will send you a link to choose a new password.
forgot-submit = Send the link
reset-sent-title = Check your email
reset-sent-body = If an account uses this address, we have sent it a link to choose a new password. The link works for two hours.
reset-title = Choose a new password
reset-submit = Save the new password
reset-done-title = Your password was changed
reset-done-body = You have been signed out everywhere and your access tokens stopped working. Sign in with your new password.
confirm-email-title = Confirm your new email address
confirm-email-lead = Press the button to move your account to this address.
confirm-email-submit = Confirm the new address
email-changed-title = Your email address was changed
email-changed-body = From now on, sign in and receive mail at your new address.

## Settings
settings-nav = Settings
settings-profile = Profile
settings-account = Account
settings-tokens = Access tokens
account-email-is = Your email address is
sessions-title = Where you are signed in
sessions-started = Signed in
sessions-last-seen = Last used
sessions-this-device = This browser
sessions-end-others = Sign out everywhere else
sessions-ended-notice = You are now signed in here only.
change-password-title = Change your password
change-password-submit = Change password
password-changed-notice = Your password was changed. Your other sessions were signed out, your access tokens stopped working and links sent by mail before now no longer work.
change-email-title = Change your email address
change-email-submit = Send a confirmation link
email-change-sent-notice = We sent a confirmation link to the new address. Your address changes when you follow it.
tokens-lead = Personal access tokens let scripts use the API as you. Treat them like passwords.
token-create = Create token
token-created = Your new token is shown only this once. Copy it now:
token-created-at = Created
token-last-used = Last used
token-never-used = Never
token-revoke = Revoke
tokens-empty = You have no access tokens.

export-title = Your data
export-lead = Download everything Praxis keeps about you — your account, your profile and your access tokens — as a JSON file.
export-download = Download your data
delete-title = Delete your account
delete-lead = This deletes your account, your profile, your sessions and your access tokens at once. It cannot be undone.
delete-submit = Delete my account for good
account-deleted-title = Your account was deleted
account-deleted-body = Your account and everything that was yours are gone from this site. Thank you for having been part of the network.

## Nodes
nav-nodes = Nodes
nodes-title = Nodes of practice
nodes-lead = Nodes gather members around a domain, a region or shared values. Join one to learn with people who do the same work.
nodes-inside = Nodes inside { $node }
node-all-children = See every node inside this one
nodes-empty = No nodes to show yet.
node-create = Create a node
node-edit = Edit this node
node-propose = Propose a node
node-proposals = Proposed nodes
node-no-proposals = No proposals are waiting.
node-proposed-notice = This node is a proposal: a network admin will approve it. Until then only you and the admins see it.
node-event-approved_node = A network admin approved the node.
error-parent-proposed = A node cannot be created inside a proposal that is still waiting.
field-node-organization = Hosted by the organization
node-organization-hint = The web address of an organization you belong to, such as amman-tenants-union. Leave empty for none.
node-hosted-by = Hosted by
org-nodes = Nodes it hosts
error-organization-host = Name an organization you are a confirmed member of.
node-create-child = Create a node inside this one
node-ancestors = Where this node sits
node-safety-on = member list for stewards only
node-standing-outsider = You are not a member of this node.
node-standing-requested = You asked to join; a steward will answer.
node-standing-member = You are a member of this node.
node-standing-steward = You are a steward of this node.
node-standing-banned = A steward removed you from this node.
node-ban = Ban
node-event-banned = A steward banned someone.
node-join = Join
node-ask-to-join = Ask to join
node-withdraw = Withdraw my request
node-leave = Leave this node
node-children = Inside this node
node-no-children = No nodes inside this one yet.
node-requests = Requests to join
node-approve = Approve
node-decline = Decline
node-members = Members
node-no-members-visible = No members to show.
node-members-hidden = To keep its members safe, only the stewards of this node see who belongs to it.
node-steward = steward
node-make-steward = Make steward
node-remove-steward = No longer steward
node-remove = Remove
node-activity = Recent activity
field-node-name = Name
field-node-slug = Web address
node-slug-hint = Lower-case letters, digits and hyphens, such as balkans or climate-jordan. It appears in the node's address. A secret node's address gets a random ending, so that only those you give it to can find it.
field-node-kind = Kind
field-node-description = About this node
field-node-visibility = Who knows this node exists?
field-node-join = How do people join?
node-safety-label = Members are at risk: only stewards see the member list, and membership never shows on profiles.
node-kind-domain = Domain
node-kind-region = Region
node-kind-values = Shared values
node-visibility-public = Public: anyone, even without signing in
node-visibility-members = Members: anyone signed in to the network
node-visibility-secret = Secret: only its members know it exists
node-join-open = Open: anyone can join
node-join-request = By request: stewards approve
node-join-invite = By invitation only
node-event-created = The node was created.
node-event-joined = Someone joined.
node-event-requested = Someone asked to join.
node-event-approved = A steward approved a request.
node-event-declined = A steward declined a request.
node-event-left = Someone left.
node-event-removed = A steward removed a member.
node-event-steward_added = A new steward was named.
node-event-steward_removed = A steward stepped back.
node-event-child_created = A node was created inside this one.
error-slug = Use 2 to 60 lower-case letters, digits and single hyphens.
error-slug-taken = Another node already uses this address.
error-last-steward = A node always needs a steward: name another steward first.

## Directory
nav-directory = Directory
directory-title = Find people
directory-lead = Find coaches, trainers, researchers and organizers by what they practise, where they work and the languages they speak. You see only the profiles their owners share with you.
directory-words = Name or words
directory-words-hint = Every word must begin a word of the name, the regions, the domains or the bio: "mil bel" finds Milica in Belgrade.
directory-any = Any
field-practice = Practice
field-min-level = Level at least
field-role = Role
field-language = Language
field-domain = Domain
field-region = Region
field-node = Node
directory-search = Search
directory-clear = Clear the filters
directory-results = People
directory-none = Nobody matches these filters yet.
error-unknown-node = There is no node with this address that you can search in.

error-ban-self = You cannot ban yourself.
mail-approved-subject = Welcome to { $node }
mail-approved-body =
    A steward of { $node } on { $site } accepted your request to join.

    { $link }
mail-declined-subject = About your request to join { $node }
mail-declined-body =
    A steward of { $node } on { $site } did not accept your request to join this time.

## Invitations
invite-title = Invite people
invite-emails = Email addresses
invite-emails-hint = One or more addresses, separated by commas or lines. Each invitation works once, for two weeks.
invite-send = Send invitations
invite-make-link = Make an invitation link
invite-sent = Invited
invite-skipped = Already invited or already members
invite-invalid = Not email addresses
invite-link-created = Anyone with this link can join for two weeks. It is shown only this once:
invite-link-row = Invitation link
invite-expires = works until
invite-back = Back to the node
invite-pending = { $count } invitations are waiting for an answer.
invitation-title = You are invited to join { $node }
invitation-accept = Accept the invitation
invitation-sign-in-first = Sign in (or join the network) to accept the invitation.
mail-invitation-subject = An invitation to { $node } on { $site }
mail-invitation-body =
    You are invited to join { $node } on { $site }.

    To accept, open this link within two weeks:

    { $link }

    If you do not know why you received this, ignore it.

## Rosters
import-title = Import a roster
import-lead = Invite many people at once from a spreadsheet saved as CSV. First the file is checked row by row and nothing happens; then you decide to send the invitations.
import-file = CSV file
import-file-hint = UTF-8, separated by commas, semicolons or tabs, with a header row. Names may be in any script.
import-email-column = Column with email addresses
import-email-column-hint = Leave empty to find a column named "email" or "e-mail".
import-check = Check the file
import-recheck = Check again with this column
import-check-title = What importing this file would do
import-column-used = Addresses are read from the column "{ $column }".
import-count-invite = { $count } new people would be invited.
import-count-merge = { $count } are already members or already invited.
import-count-reject = { $count } rows cannot be used.
import-count-invited = { $count } people were invited.
import-line = Line
import-outcome = What happens
import-outcome-invite = invited
import-outcome-merge = already in: nothing new
import-outcome-reject = refused
import-run = Send { $count } invitations
import-another = Check another file
import-progress-title = Importing the roster
import-progress = { $done } rows handled
import-refresh = Refresh
import-status-done = The import is finished.
import-status-failed = The import stopped because of an error. The invitations sent so far stand; importing the file again sends only the rest.
import-status-running = The import is running.
export-roster = Download the roster (CSV)
error-roster-empty = The file has no rows.
error-roster-encoding = The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8".
error-roster-malformed = The file is not a valid CSV file.
error-roster-too-many = The file has more than 100,000 rows. Split it into smaller files.
error-roster-no-email = No column holds email addresses. Choose the column.
error-roster-missing-email = This row has no email address.
error-roster-duplicate = This address appears earlier in the file.
error-import-started = This import has already started.

## Organizations
nav-organizations = Organizations
orgs-title = Organizations
orgs-lead = The organizations members work with, and who is affiliated with them.
orgs-empty = No organizations yet.
org-create = Add an organization
org-edit = Edit the organization
org-leave = I no longer work with this organization
error-last-admin = An organization always needs an admin, so its last admin cannot leave.
org-website = Website
org-contact = Contact
org-contact-visibility = Who can see the contact details?
org-contact-public = Anyone
org-contact-members = Signed-in members
org-contact-admins = Only the organization's admins
org-claim = I work with this organization
org-claimed = You said you work with this organization; an organization admin will confirm.
org-claims = Waiting for confirmation
org-confirm = Confirm
org-members = People
org-admin = admin
error-website = Enter a web address starting with https://.

## API page
api-title = The Praxis API
api-lead = Everything in Praxis is available as JSON under /api/v1. This page is generated from the same OpenAPI document scripts can download.
api-auth-title = Authentication
api-auth-body = Create a personal access token under Settings → Access tokens and send it in the Authorization header. Requests from a signed-in browser use the session instead.
api-example-host = https://your-praxis.example
api-endpoints = Endpoints

## Errors
error-required = This field is required.
error-email-invalid = Enter an email address like name@example.org.
error-email-taken = Another account already uses this address.
error-email-same = This is already your email address.
error-email-unverified = Please confirm your email address first. We have sent you a new link.
error-password-short = The password must have at least 10 characters.
error-password-long = The password must have at most 256 characters.
error-password-wrong = The password is not correct.
error-login-failed = The email address or the password is not correct.
error-too-long = This is too long.
error-too-many = Too many entries.
error-invalid-characters = This contains characters that are not allowed.
error-unknown-choice = Choose one of the options offered.
error-level-range = Choose a level from 0 to 5.
error-capacity-range = Enter a number from 0 to 20.
error-language-code = Use language codes such as ar, en or sr-Latn, separated by commas.
error-time-zone = Use a time zone name such as Asia/Amman or UTC.
error-cursor = This page link is not valid.
error-too-many-attempts = Too many failed attempts. Wait a few minutes before trying again.
error-not-found = Not found.
error-unauthenticated = You need to sign in.
error-bidi-control = Remove the invisible characters that reverse the order of text: in a name or a title they can make it read as something else.
error-forbidden = You are not allowed to do this.
error-cross-site = This request came from another site, or without the security token this site sends with it: nothing was changed. Reload the page and try again.
error-invalid = Some fields are not valid.
error-unavailable = The service is unavailable. Try again in a moment.
error-unexpected = Something went wrong on our side. It has been logged.
error-json-content-type = Send the body as JSON with Content-Type: application/json.
error-json-syntax = The body is not valid JSON.
error-json-shape = This field is missing, unknown or of the wrong type.
error-body-too-large = The body is too large.
error-page-not-found-title = Page not found
error-page-not-found = There is nothing here, or you are not allowed to see it.
error-page-forbidden-title = Not allowed
error-page-forbidden = This form has expired or did not come from this site. Go back, reload the page and try again.
error-page-bad-request-title = Request not understood
error-page-bad-request = The request could not be understood.
error-page-too-many-title = Too many attempts
error-page-unavailable-title = Temporarily unavailable
error-page-unexpected-title = Something went wrong

## Mail
mail-verify-subject = Confirm your email address for { $site }
mail-verify-body =
    Welcome to { $site }.

    To finish creating your account, open this link within 48 hours:

    { $link }

    If you did not sign up, ignore this message: no account will be created in your name.
mail-registered-subject = About your account at { $site }
mail-registered-body =
    Someone tried to create an account at { $site } with this email address, but it already has one.

    If it was you, sign in at { $base }/login, or reset your password at { $base }/forgot-password.

    If it was not you, you can ignore this message.
mail-reset-subject = Reset your password for { $site }
mail-reset-body =
    To choose a new password, open this link within two hours:

    { $link }

    If you did not ask for this, ignore this message: your password stays as it is.
mail-password-changed-subject = Your { $site } password was changed
mail-password-changed-body =
    The password of your { $site } account was just changed: your other sessions were signed out and your access tokens stopped working.

    If this was not you, reset your password at once: { $base }/forgot-password
mail-confirm-email-subject = Confirm your new email address for { $site }
mail-confirm-email-body =
    To move your { $site } account to this address, open this link within 24 hours and press the button:

    { $link }

    If you did not ask for this, ignore this message.
mail-email-change-subject = A change of email address was requested at { $site }
mail-email-change-body =
    Someone signed in to your { $site } account asked to move it to another email address. Nothing changes unless the new address is confirmed.

    If this was not you, change your password at once: { $base }/forgot-password

mail-email-changed-subject = Your { $site } account moved to another email address
mail-email-changed-body =
    Your { $site } account now uses { $address }. This address will not receive its mail any more.

    If this was not you, open this link within seven days and press the button: the account comes back to this address, everyone signed in to it is signed out, and its access tokens stop working. Then choose a new password.

    { $link }
mail-email-restored-subject = Your { $site } account is back on this address
mail-email-restored-body =
    The move of your { $site } account to another address was undone. Everyone signed in to it was signed out and its access tokens stopped working.

    Choose a new password now: { $base }/forgot-password
undo-email-title = Bring your account back to this address
undo-email-lead = The account moves back to the address this link was sent to; everyone signed in to it is signed out and its access tokens stop working.
undo-email-submit = Bring it back
email-restored-title = Your account is back
email-restored-body = It uses this address again and everyone was signed out. Choose a new password now.
## Library
nav-library = Library
library-title = Library
library-lead = Worksheets, guides, agendas, case studies and research the network has made and adapted — each linked to the versions it came from.
library-of-node = Library of { $node }
library-search-placeholder = Search the library
library-new = Publish an item
library-edit = Edit
library-adapt = Adapt or translate
library-kinds = Kinds of material
library-all-kinds = All
library-tagged = Tagged
library-clear-filter = Show everything
library-empty = Nothing here yet.
library-an-adaptation = an adaptation
library-feed = Feed of new public items (Atom)
library-kind-guide = Guide
library-kind-worksheet = Worksheet
library-kind-agenda = Agenda
library-kind-case_study = Case study
library-kind-research_summary = Research summary
library-kind-recording = Recording
library-kind-slide_deck = Slide deck
library-kind-other = Other
library-scope-public = Public: anyone can read it
library-scope-members = Network members
library-scope-node = Whoever may see its node
library-version-n = version { $version }
library-from-version = version { $version }
library-adapted-from = Adapted from
library-into-language = into
library-adapted-from-removed = Adapted from an item that has since been removed.
library-adapted-from-private = Adapted from an item you cannot see.
library-adapted-context = Adapted to the context of
library-adapted-audience = Adapted for the audience
library-adapted-language = Translated into (language code)
library-what-changed = What this adaptation changes
library-adapting = Adapting
library-authors = Authors
library-authors-hint = One name per line.
library-published-by = Published by
library-license = License
library-files = Files
library-no-files = No files attached.
library-attach = Attach a file
library-attach-hint = PDF, office documents, images, audio or video. Photos lose their camera and location data.
library-upload = Upload
library-remove-file = Remove
library-file-attached = The file was attached.
library-file-removed = The file was removed.
library-file-refused = The file was not attached
library-back-to-item = Back to the item
library-family = Adaptations
library-no-adaptations = No adaptations yet. Adapt it to your language or context and it will appear here.
library-family-tree = Family tree
library-family-lead = The original and every adaptation made from it, as far as you may see them.
library-removed-item = A removed item
library-history = History
library-version = Version
library-when = When
library-who = Who
library-what = What
library-someone = a member
library-see-changes = See changes
library-restore = Restore this version
library-restored = The old version is current again (as a new version).
library-saved = Saved as a new version.
library-note-created = Published
library-note-adapted = Published as an adaptation
library-note-edited = Edited
library-note-restored = Restored version { $version }
library-changes = Changes
library-before = Before
library-after = After
library-body-unchanged = The text did not change.
library-delete = Delete this item
library-delete-hint = Its adaptations stay, showing that their original was removed.
library-field-title = Title
library-field-kind = Kind
library-field-summary = Summary
library-field-body = Text
library-field-practices = Practices
library-field-domains = Domains
library-field-regions = Regions
library-field-languages = Languages
library-field-license = License
library-field-authors = Authors
library-field-scope = Who may read it
library-field-node = Node
library-no-node = No node
library-body-hint = Markdown: # headings, - lists, | tables |, [links](https://…) and ![images](https://…).
library-language-hint = Language codes such as en, ar, es, pt-BR, separated by commas.
error-adaptation-empty = Say what the adaptation changes: a language, a context or an audience.
error-not-node-member = Choose a node you belong to.
error-stale-version = Someone saved a newer version while you were editing. Reload the item and make your change again.
error-file-type = This kind of file is not accepted. Attach a PDF, an office document, an image, audio or video.
error-file-too-large = The file is larger than this network accepts.
error-file-damaged = The image could not be read, so it was not kept.
error-page-too-large-title = Too large
error-page-range = That page is too far into the results.
pager-previous = Previous page

## Search
search-title = Search
search-label = Search
search-placeholder = Search Praxis
search-button = Search
search-lead = Search the library, nodes and members at once. Every word must match; other forms of a word and small typos count.
search-refine = Refine
search-total = { $count ->
    [one] One result
   *[other] { $count } results
}
search-nothing = Nothing matches. Try fewer or different words.
search-facet-type = Type
search-facet-kind = Kind
search-facet-practice = Practice
search-facet-domain = Domain
search-facet-region = Region
search-facet-language = Language
search-type-item = Library
search-type-node = Node
search-type-member = Member
node-library = Library of this node
node-publish = Publish to this node

## Workshops
nav-workshops = Workshops
workshops-title = Workshops
workshops-lead = Workshops and longer programs where participants practise in small teams, each with a coach.
workshops-empty = No workshops yet.
workshop-new = Create a workshop
workshop-edit = Edit the workshop
workshop-apply-until = Applications until { $date }
workshop-field-title = Title
workshop-field-description = Description
workshop-field-modules = Practice modules covered
workshop-field-format = Format
workshop-field-place = Place
workshop-field-participant-capacity = Seats for participants
workshop-field-coach-capacity = Seats for coaches
workshop-field-applications-open = Applications open on
workshop-field-applications-close = Applications close on
workshop-field-scope = Who may see it
workshop-format-online = Online
workshop-format-in_person = In person
workshop-format-hybrid = Hybrid
workshop-sessions = Sessions
workshop-no-sessions = No sessions scheduled yet.
workshop-session-date = Date
workshop-session-start = Start (local time)
workshop-session-duration = Length (minutes)
workshop-session-module = Module
workshop-session-location = Room or link
workshop-minutes = { $minutes } min
workshop-add-session = Add the session
workshop-staff = Staff
workshop-staff-member = Member id
workshop-staff-member-hint = The id at the end of the member's profile address.
workshop-staff-role = Role
workshop-add-staff = Add to the staff
workshop-role-lead_trainer = Lead trainer
workshop-role-trainer = Trainer
workshop-role-coach = Coach
workshop-role-meta_coach = Meta-coach
workshop-role-coordinator = Coordinator
error-date = Write a date as YYYY-MM-DD.
error-time-of-day = Write a time as HH:MM (24 hours).
error-count-range = Enter a whole number within the allowed range.
error-close-before-open = Applications cannot close before they open.
error-unknown-member = There is no member with this id.
error-last-lead-trainer = A workshop always keeps at least one lead trainer.

## Applications
application-apply-participant = Apply to take part
application-apply-coach = Apply to coach
application-no-questions = This workshop asks no questions: send your application as it is.
application-send = Send the application
application-sent = Your application was sent. You will get an email when the trainers decide.
application-yours = Your applications
application-see = See it
application-withdraw = Withdraw
application-review = Applications
application-questions = Application questions
application-role = Role
application-role-participant = Participant
application-role-coach = Coach
application-status = Status
application-status-submitted = Waiting for a decision
application-status-accepted = Accepted
application-status-waitlisted = On the waiting list
application-status-declined = Declined
application-status-withdrawn = Withdrawn
application-none = No applications match.
application-choose = Choose
application-applicant = Applicant
application-decision = Decision for the chosen applications
application-accept = Accept
application-waitlist = Put on the waiting list
application-decline = Decline
application-apply-decision = Decide
application-decided = { $count ->
    [one] One application changed.
   *[other] { $count } applications changed.
}
question-prompt = Question
question-audience = Asked of
question-kind = Answered with
question-kind-short = A line of text
question-kind-long = Paragraphs
question-kind-single = One choice
question-kind-multiple = Several choices
question-kind-scale = A scale from 1 to 5
question-choices = Choices
question-choices-hint = One per line, for one or several choices.
question-required = An answer is required
question-add = Add the question
error-two-choices = Give at least two choices.
error-scale = Choose a number from 1 to 5.
error-applications-closed = Applications are not open for this workshop.
error-already-applied = You have already applied in this role.
error-workshop-full = There are not enough seats left to accept them all.
error-cannot-decide = One of the chosen applications cannot take this decision.
error-none-chosen = Choose at least one application.
mail-application-accepted-subject = You have a seat: { $workshop }
mail-application-accepted-body =
    Your application to { $workshop } was accepted. The trainers will be in touch about your team.

    { $link }
mail-application-waitlisted-subject = On the waiting list: { $workshop }
mail-application-waitlisted-body =
    Your application to { $workshop } is on the waiting list. If a seat frees up it is yours, and we will tell you at once.

    { $link }
mail-application-declined-subject = About your application: { $workshop }
mail-application-declined-body =
    The trainers could not offer you a seat in { $workshop } this time. Thank you for applying — other workshops are listed at { $base }/workshops

## Teams
team-title = Teams
team-yours = Your team
team-propose-hint = Teams are formed from the accepted participants and coaches: every member shares a language with their coach, lives within the time window of their coach, and colleagues are split (or kept together); then teams are made as diverse as they can be.
team-min-size = Smallest team
team-max-size = Largest team
team-window = Hours from the coach, at most
team-seed = Seed (another seed, another equally valid proposal)
team-colleagues = Colleagues from one organization
team-colleagues-split = In different teams
team-colleagues-together = In the same team
team-pair-new = Pair new coaches with an experienced coach
team-propose = Propose teams
team-none-yet = No teams yet: accept participants and coaches, then propose teams.
team-not-published = Your team has not been published yet.
team-number = Team { $number }
team-draft = draft
team-coach = Coach
team-co-coach = Co-coach
team-move-to = Move to
team-move = Move
team-publish = Publish the teams to their members
team-proposed = { $count ->
    [one] One team proposed.
   *[other] { $count } teams proposed.
}
team-objective = Diversity score: { $value }.
team-published = { $count ->
    [one] One team published.
   *[other] { $count } teams published.
}
team-reason-language = shares { $language } with the coach
team-reason-time = { $hours } h from the coach
team-reason-region = the only one from { $region }
team-reason-colleagues-elsewhere = colleagues are in other teams
team-reason-with-colleagues = with their colleagues
team-problem-no-shared-language = No coach speaks a language of { $who }.
team-problem-no-coach-in-time = No coach of their language is within the time window of { $who }.
team-problem-language-group-too-small = Too few people work in { $who } to make a team.
team-problem-not-enough-coaches = Not enough coaches for the teams needed ({ $who }).
team-problem-too-few-participants = Too few accepted participants ({ $who }).
team-problem-colleagues-cannot-be-split = Colleagues cannot all be put in different teams.
team-problem-colleagues-cannot-stay-together = Colleagues cannot all stay together.
team-problem-team-sizes-impossible = The { $who } group cannot be cut into teams of these sizes.
team-problem-no-coach-for-team = No coach can take this team: { $who }.
team-problem-bad-option = This option is out of range: { $who }.
warning-team-large = Moved. That team is now larger than the usual six.
warning-no-shared-language = Moved. This person shares no language with that team's coach.
error-infeasible = Teams cannot be formed with these people and options:
error-teams-published = The teams are published; move people by hand instead.
error-no-teams = There are no teams to publish.

## Coaching
coaching-attendance = Attendance
coaching-attendance-saved = Attendance saved.
coaching-nobody = Nobody to mark yet: participants appear once accepted (a coach sees their own team).
coaching-present = Present
coaching-save-attendance = Save attendance
coaching-logs = Coaching logs
coaching-notes-for-you = Notes from your coach
coaching-no-logs = No coaching logs yet.
coaching-new-log = Write a coaching log
coaching-subject = About
coaching-challenge = Challenge
coaching-challenge-heart = Heart (motivation)
coaching-challenge-hands = Hands (skills)
coaching-challenge-head = Head (strategy)
coaching-observation = What you observed
coaching-diagnosis = Your diagnosis
coaching-intervention = What you did
coaching-debrief = The debrief
coaching-next-steps = Agreed next steps
coaching-next-check-in = Next check-in
coaching-shared-note = Note shared with the participant
coaching-shared-hint = The participant reads this note.
coaching-private-note = Private note
coaching-private-hint = Only you and the lead trainers read this note, and every read is recorded. It never appears to the participant, in lists, exports or mail.
coaching-save-log = Save the log
coaching-reads = Who read the private note
error-not-in-roster = This person is not among those you coach in this workshop.
error-log-empty = Write at least one part of the log.

workshop-export = Download
certificate-title = Certificates
certificate-yours = Your certificate
certificate-issue = Issue certificates to every accepted participant
certificate-issue-hint = Each certificate gets a verification address its holder can share; participants who have one keep it.
certificate-none = No certificates yet.
certificate-link = verification page
certificate-revoke = Revoke
certificate-revoked = This certificate was revoked
certificate-revoked-on = Revoked on
certificate-valid = A valid certificate of completion
certificate-issued-on = Issued on
pathway-title = Pathways
pathway-lead = Emerging leaders grow from participant to coach, meta-coach or trainer, and lead trainer. Anyone can nominate someone with evidence; network admins and stewards see the pipeline.
pathway-chart = People at each step
pathway-moved = Moved this quarter
pathway-moved-none = Nobody reached a new step this quarter yet.
pathway-record = Record a step reached
pathway-step = Step
pathway-reached-on = Reached on
pathway-nominations = Nominations
pathway-no-nominations = No nominations yet.
pathway-nominate = Nominate an emerging leader
pathway-evidence = Evidence: what did you see them do?
pathway-saved = Saved.
pathway-step-participant = Participant
pathway-step-paired_coach = Coach (paired)
pathway-step-coach = Coach
pathway-step-meta_coach = Meta-coach
pathway-step-upfront_trainer = Upfront trainer
pathway-step-lead_trainer = Lead trainer
error-nominate-self = Nominate someone else.
feedback-title = Plus/delta
feedback-ratings = Ratings of the session, 1 to 5
feedback-plus = Plus: what worked
feedback-delta = Delta: what to change
feedback-rating = How was the session, from 1 to 5?
feedback-anonymous = The trainers see what you write without your name.
feedback-send = Send
feedback-thanks = Thank you: the trainers will read it.
survey-pre = Before the workshop
survey-post = After the workshop
survey-hint = How confident are you in each practice, from 1 (not at all) to 5 (very)?
survey-answered = You answered; you may change your answers.
survey-results = Self-assessment
survey-results-lead = The participants' average confidence in each practice, before and after the workshop.
survey-legend = Grey: before. Green: after.
survey-answers = Answers (before / after)
import-participants = Import participants
import-participants-lead = A CSV file with an email column, from any spreadsheet. Check it first: every row is reported. Each good address is sent an invitation; people take their seat by following it, signed in (accepted while seats last, then on the waiting list). The report is the same whether or not an address has an account here.
import-file = CSV file
import-email-column = Email column (optional)
import-email-column-hint = Found by its name when left empty.
import-check = Check the file
import-run = Import
import-would-add = { $count ->
    [one] One address would be invited.
   *[other] { $count } addresses would be invited.
}
import-added = { $count ->
    [one] One invitation sent.
   *[other] { $count } invitations sent.
}
import-line = Line
import-outcome = Outcome
import-outcome-will-invite = will be invited
import-outcome-already-invited = invited before
workshop-invitation-title = A seat in { $workshop }
workshop-invitation-lead = The trainers of this workshop invite you to take part.
workshop-invitation-accept = Take my seat
workshop-invitation-sign-in = Sign in (or join the network) to take your seat.
workshop-invitation-accepted = You have a seat in this workshop.
workshop-invitation-waitlisted = The workshop is full: you are on its waiting list, and a freed seat goes to you in turn.
mail-workshop-invitation-subject = A seat for you in { $workshop } on { $site }
mail-workshop-invitation-body =
    The trainers of { $workshop } on { $site } invite you to take part.

    To take your seat, open this link within three weeks (you will be asked to sign in or join):

    { $link }

    If you do not know why you received this, ignore it.
mail-next-step-subject = You are invited to coach: { $workshop }
mail-next-step-body =
    The trainers of { $site } saw what you did and invite you to take the next step: to coach a team in { $workshop }. Apply as a coach here:

    { $link }
pathway-invite = Invite to coach a workshop
pathway-invite-workshop = Workshop
pathway-invited = The invitation was sent.
warning-time-zone = Moved. This person lives more than three hours from that team's coach.
warning-colleagues = Moved. A colleague from the same organization is already in that team.
nav-commitments = Commitments
commitments-title = Commitments
commitments-lead = Who asked whom for what, by when — and whether it was done.
commitments-kept-rate = Kept rate of what you asked for: { $rate } %
commitments-kept-rate-none = No commitment you asked for has come due yet.
commitments-follow-up = To follow up: due within a week, not yet confirmed
commitments-follow-up-none = Nothing to follow up this week.
commitments-asked-by-me = What I asked of others
commitments-asked-of-me = What others asked of me
commitments-ask = Ask for a commitment
commitments-asked = Member (id or profile address)
commitments-due = Due
commitments-what = What
commitments-context = Note (optional)
commitments-made-at = Made at
commitments-made-at-none = — not at a session or a one-on-one —
commitments-made-at-sessions = Workshop sessions
commitments-made-at-one-on-ones = My one-on-ones
commitments-one-on-one-with = One-on-one with { $name }
commitments-in-a-one-on-one = a one-on-one
commitments-for-campaign = For the campaign
commitments-who = Who → whom
commitments-status = Status
commitments-moves = Moves
one-on-one-ask-commitment = Ask for a commitment made here
commitment-status-asked = asked
commitment-status-agreed = agreed
commitment-status-confirmed = confirmed
commitment-status-done = done
commitment-status-flaked = flaked
commitment-status-declined = declined
commitment-move-asked = Ask again
commitment-move-agreed = Agreed
commitment-move-confirmed = Confirmed
commitment-move-done = Done
commitment-move-flaked = Flaked
commitment-move-declined = Declined
error-commitment-closed = This commitment is closed: it was done, flaked or declined.
error-commitment-transition = A commitment goes asked → agreed → confirmed → done (or flaked, or declined); this move skips or reverses a step.
error-commitment-one-place = Choose a session or a one-on-one, not both.
organizing-title = Teams and campaigns
organizing-lead = Organizing teams in the snowflake model, the campaigns they plan with the framework, and what they learn.
teams-title = Teams
teams-none = No team you may see yet.
team-new = Start a team
team-name = Team name
team-parent = Part of
team-no-parent = No parent team
team-purpose = Shared purpose
team-norms = Norms (one per line)
team-your-role = Your role on it
team-role = Role
team-roles = Roles and who holds them
team-add-member = Add to the team
team-remove-member = Remove
team-children = Teams under this one
team-edit = Edit the team
team-save = Save
health-title = Team health
health-lead = Score each of the six conditions of an effective team (Hackman and Wageman) from 1 to 5. Each check is kept, so you see how the team changes.
health-chart = Team health over time, each condition from 1 to 5
health-date = Date
health-notes = Notes
health-record = Record a health check
condition-real_team = Real team
condition-compelling_purpose = Compelling purpose
condition-right_people = Right people
condition-sound_structure = Sound structure
condition-supportive_context = Supportive context
condition-team_coaching = Team coaching
campaigns-title = Campaigns
campaigns-none = No campaign you may see yet.
campaign-new = Plan a campaign
campaign-title-field = Title
campaign-team = Team
campaign-no-team = The whole node
campaign-edit = Edit the strategy
campaign-strategy = Strategy
campaign-constituency = Constituency
campaign-problem = Problem
campaign-vision = Vision
campaign-goal-statement = Strategic goal
campaign-goal-metric = What we count
campaign-goal-target = Target
campaign-goal-deadline = Deadline
campaign-toc-if = Theory of change: if…
campaign-toc-then = …then…
campaign-toc-because = …because…
campaign-os-who = Organizing sentence: who
campaign-os-what = What
campaign-os-how = How
campaign-os-when = When
campaign-actors = Actor map
campaign-add-actor = Add an actor
campaign-timeline = Timeline
campaign-chart = Goal and actual number for each phase
campaign-add-phase = Add a phase
campaign-phase-kind = Phase
campaign-phase-label = What it is
campaign-phase-on = Date
campaign-phase-goal = Goal
campaign-phase-actual = Actual
campaign-kept-rate-label = Commitments kept
campaign-export-md = Export as Markdown
campaign-export-json = Export as JSON
actor-name = Actor
actor-category = Where they stand
actor-interests = Interests
actor-resources = Resources
actor-constituency = Constituency
actor-leaders = Leaders
actor-supporters = Supporters
actor-competition = Competition
actor-opposition = Opposition
actor-sideline = On the sidelines
phase-foundation = Foundation
phase-peak = Peak
phase-climax = Climax
phase-resolution = Resolution
reach-label = Who sees it
reach-team = The team (and the node's stewards)
reach-node = The node's members
reach-network = The network's members
reflections-title = Reflections
reflections-none = No reflection yet. After each peak, take stock together.
reflection-new = Write a reflection
reflection-subject = Looking back on
reflection-label = Which one
reflection-intended = What did we intend?
reflection-happened = What happened?
reflection-difference = Why was there a difference?
reflection-sustain = What should we sustain?
reflection-improve = What should we improve?
reflection-numbers = Numbers
reflection-participants = Who took part
subject-campaign = The campaign
subject-phase = A phase
subject-action = An action
subject-workshop = A workshop
lessons-title = Lessons
lessons-lead = What this node has learned, drawn from its reflections.
lessons-none = No lesson you may see yet.
lessons-like-mine = Lessons like my situation
lesson-title = Lesson
lesson-draw = Draw a lesson from the chosen reflections
lesson-from-this = Draw a lesson from this reflection
lesson-statement = The lesson
lesson-status = Status
lesson-status-observation = Observation
lesson-status-identified = Lesson identified
lesson-status-adopted = Lesson adopted
lesson-provenance = Where it comes from
lesson-private-source = From a private reflection
lesson-endorsements = Endorsements
lesson-endorsements-none = Nobody has endorsed it yet.
lesson-endorse = This worked for us too
lesson-endorse-context = Where and with whom
lesson-items = Library materials
lesson-item = Library item (id or address)
lesson-link = Link
lesson-like-this = Lessons like this one
lesson-steward = Stewards: status and sharing
search-type-lesson = Lesson
error-reach-needs-team = Only a campaign, reflection or lesson of a team can be kept to its team.
error-lesson-sources = Choose reflections you may read, all from one node.
error-lesson-step = A lesson moves one step at a time: observation, lesson identified, lesson adopted.
error-unknown-item = There is no library item with this id that you may read.
error-not-in-node = This member does not belong to the node.
organizing-links = Your organizing
one-on-ones-title = One-on-ones
one-on-ones-lead = What you heard in each one-on-one: private to you unless you share it with one of your teams.
one-on-ones-follow-up = Follow-ups due this week
one-on-ones-log = Log a one-on-one
one-on-ones-all = Your one-on-ones and your teams'
one-on-one-with = With whom
one-on-one-met-on = Met on
one-on-one-follow-up = Follow up on
one-on-one-purpose = Purpose
one-on-one-values-heard = Values heard
one-on-one-interests = Interests heard
one-on-one-resources = Resources heard
one-on-one-exchanged = What was exchanged
one-on-one-commitment = The commitment
one-on-one-share = Share with
one-on-one-private = Only me
one-on-one-shared-with = Shared with
narratives-title = Public narrative
narratives-lead = Draft your story of self, us and now; tell it again and again, and ask peers or your coach what they heard.
narratives-none = No story yet.
narratives-versions = { $count ->
    [one] one telling
   *[other] { $count } tellings
}
narratives-asked-you = asked for your feedback
narratives-start = Start a story
narratives-kind = Which story
story-self = Story of self
story-us = Story of us
story-now = Story of now
telling-challenge = The challenge
telling-choice = The choice
telling-outcome = The outcome
telling-values-aimed = The values it aims at
telling-emotions = The emotions it aims at
narratives-versions-label = Tellings
narratives-version = Telling { $number }
narratives-compared = Side by side with telling { $number }
narratives-compare-with = Compare with
narratives-compare = Compare
narratives-feedback = Feedback
narratives-feedback-none = No feedback on this telling yet.
narratives-answer = Answer
narratives-feedback-on = Your feedback on telling { $number }
narratives-give-feedback = Give feedback
narratives-reviewers = Asked for feedback
narratives-ask = Ask for feedback
narratives-retell = Tell it again
reflections-other = Reflections on workshops and actions
mail-commitment-asked-subject = You were asked for a commitment
mail-commitment-asked-body =
    A member of { $site } asked you for a commitment. See it, and answer, here:

    { $link }
mail-feedback-asked-subject = You were asked for feedback on a story
mail-feedback-asked-body =
    A member of { $site } asked for your feedback on a story they are telling. Read it here:

    { $link }
library-lessons = Lessons that draw on it
one-on-one-delete = Delete for good
narratives-delete = Delete this story
narratives-delete-hint = Every telling and all feedback on it are deleted for good.
campaign-kept-rate-none = No commitment for this campaign has come due yet.

## Deleting campaigns, reflections and lessons
campaign-delete = Delete this campaign for good
campaign-delete-hint = Its actor map, timeline and reflections go with it; lessons drawn from them stay, and so do its commitments.
reflection-delete = Delete this reflection
lesson-delete = Delete this lesson for good
lesson-delete-hint = Its endorsements and links go with it, and it leaves the search.
mail-lesson-endorsed-subject = A lesson you drew was endorsed
mail-lesson-endorsed-body =
    A member of { $site } says a lesson you drew worked for them too. Read what they wrote here:

    { $link }
mail-lesson-moved-subject = A lesson you drew moved on
mail-lesson-moved-body =
    The stewards of its node moved a lesson you drew to a new status. See it here:

    { $link }
team-size = { $count ->
    [one] one person
   *[other] { $count } people
}
commitments-asked-teammate = Someone on your teams
commitments-asked-other = Or anyone else (id or profile address)
commitments-none = None yet.
campaign-chart-download = Download the chart (SVG, for slides)
error-reflection-workshop-subject = Only a reflection on a workshop names one: choose “a workshop” as what you look back on.
reflection-workshop = Which workshop (one you took part in)
reflection-workshop-none = — none —
reflection-on-workshop = On the workshop
workshop-reflections = What was learned from it
workshop-reflections-lead = Reflections that nodes wrote on this workshop, as far as you may read them.
mail-commitment-answered-subject = A commitment you asked for was answered
mail-commitment-answered-body =
    A member of { $site } answered a commitment you asked them for. See the answer here:

    { $link }
mail-commitment-reminder-subject = A commitment you made comes due soon
mail-commitment-reminder-body =
    You agreed to a commitment on { $site } that comes due today or tomorrow. Confirm it — or say it will not happen — here:

    { $link }
mail-follow-up-reminder-subject = A one-on-one's follow-up is due
mail-follow-up-reminder-body =
    The follow-up you set after a one-on-one on { $site } is due. Your log is here:

    { $link }
reminders-title = Reminders
reminders-label = Mail me a reminder when a commitment I agreed to or a one-on-one follow-up comes due
reminders-hint = The mail holds a link and nothing of the commitment or the person. Turn it off if mail from the network should reach your inbox as rarely as possible.
reminders-saved-notice = Your reminder choice is saved.
