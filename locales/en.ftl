# English: the reference locale. Every other locale has exactly these messages.
# Stepwise reads this file as data (Fluent syntax, https://projectfluent.org/); a site
# overrides any message in `locales/en.ftl` beside its site.yaml.

## The locale itself

# `ltr` or `rtl`: the direction of the page.
locale-direction = ltr
locale-name = English

## Page frame

skip-to-content = Skip to content
site-links = Site links
language-switcher = Language
site-information = Site information
breadcrumb = Breadcrumb
home = Home
page-title = { $title } · { $site }

## Search

search-label = Search the help center
search-placeholder = Search help
search-button = Search
search-all-results = All results
search-title = Search
search-intro = Type what you want to do in the search box at the top of the page, such as the name of a button.
search-nojs = Search needs JavaScript. Browse the guides from the
search-nojs-home = home page
# Shown by the search script.
search-steps-for = Steps for { $platform }
search-too-short = Type a longer word to search.
search-none = No guides found for “{ $query }”.
search-see-all = { $count ->
    [one] See all { $count } result for “{ $query }”
   *[other] See all { $count } results for “{ $query }”
}
search-see-all-results = See all results for “{ $query }”
search-found = { $count ->
    [one] { $count } guide found for “{ $query }”.
   *[other] { $count } guides found for “{ $query }”.
}
search-unavailable = Search is not available on this page.

## Home and list pages

home-lead = How can we help? Search { $count ->
    [one] { $count } guide
   *[other] { $count } guides
} with steps for { $platforms }.
products = Products
categories = Categories
all-categories = All products and categories
popular-tags = Popular tags
all-tags = All tags
guide-count = { $count ->
    [one] { $count } guide
   *[other] { $count } guides
}
list-lead = { $count ->
    [one] { $count } guide
   *[other] { $count } guides
}.
list-lead-paged = { $count ->
    [one] { $count } guide
   *[other] { $count } guides
}, showing { $first } to { $last }.
list-page-title = { $heading } (page { $number } of { $total })
pages-of = Pages of { $heading }
previous = Previous
next = Next
page-hidden = { " " }page
page-number-hidden = Page{ " " }
nothing-to-list = Nothing to list yet.
featured-guides = Featured guides
recently-updated = Recently updated
guides = Guides
all-categories-heading = All categories
tags-heading = Tags
# Before a list page's name: "Category: Account".
kind-category = Category
kind-product = Product
kind-tag = Tag
platforms = Platforms
updated = Updated

## Guide page

time = Time
last-updated = Last updated
reviewed = Reviewed
# A fact in a guide's header (the terminal preview): "Time: 2 min".
meta-item = { $label }: { $value }
tags = Tags
before-you-start = Before you start
you-need = You need:
warning = Warning:
note = Note:
# A note for some readers only.
note-for = For { $audience }:
result-label = Result:
steps-heading = Steps
platform = Platform
same-steps-as = The steps are the same as on { $platform }.
not-on = Not on { $platform }:
result-heading = Result
tips = Tips
troubleshooting = Troubleshooting
open-as-checklist = Open as a checklist
# The feedback form, where site.yaml does not word it.
feedback-question = Was this guide helpful?
feedback-thanks = Thank you for your feedback.
feedback-yes = Yes
feedback-no = No
related-guides = Related guides
still-need-help = Still need help?
support-text = Our support team can help with anything this guide does not answer.
contact-support = Contact support
feedback-failed = Sorry, your answer could not be sent. Please try again later.

## Steps

# Before a step done on another device, and the step that comes back.
switch-to = On { $device }
switch-back = Back on { $device }
# The reader's devices, by platform kind, as the two messages above name them.
device-desktop = your computer
device-phone = your phone
device-tablet = your tablet
device-tv = your TV
# Lists in a sentence ("You need: a computer, a cable and your password.").
list-and = { $rest } and { $last }
# First words of a listed item that lose their capital inside the sentence.
list-lower-words = a an the your some one two its their any

do-one-of = Do one of the following:
option = Option { $number }
option-if = If
optional = Optional
show-picture = Show picture
hide-picture = Hide picture
of-step = { " " }of step { $number }

## Checklist page

checklist = Checklist
checklist-title = Checklist: { $title }
checklist-legend = { $title } on { $platform }
one-of = One of:
reset-checklist = Reset { $platform } checklist

## Illustrations
#
# The alt text of a drawn illustration: the control ($label, with its $role and its place),
# then where it is ($surface: `website` or `app`).

schematic-control = { $label } { $role }
schematic-place = { $what }, { $where }
schematic-alt = { $what }, in the { $product } { $surface } on { $platform }
schematic-confirm = { $alt }, and the dialog that confirms it with { $confirm }
# A control's role, as the alt text names it.
role-button = button
role-link = link
role-menu-item = menu item
role-menu = menu
role-tab = tab
role-icon = icon
role-section = section
role-field = field
role-toggle = toggle
role-option = option
role-screen = screen
role-dialog = dialog

## Not found

not-found = Page not found
not-found-text = The page you asked for does not exist.
browse-all-guides = Browse all guides

## Step sentences
#
# A sentence is made of an action pattern, wrapped in `step-confirm` when the step has a
# confirmation, then in `step-if` when it has a condition. In the patterns:
#   $verb      the platform's verb (from the `verb-*` messages below),
#   $kind      the verb as the platform names it (click, tap, select or the site's own),
#   $target    the control or text acted on, $role its glossary role (button, tab, ...),
#   $value     what to type, $text the author's own words, $to `on`, `off` or `other`.
# Attributes stand for the sentence without an optional part: `.alone` without a target,
# `.value` with a value but no target (typing), `.target` with a target but no value.
# The first letter of a sentence is made upper case; patterns start in lower case.

verb-click = click
verb-tap = tap
verb-select = select
verb-press = press

step-press = { $verb } { $target }
    .alone = { $verb }
step-open = open { $target }
    .alone = open
step-scroll-to = scroll to { $target }
    .alone = scroll to
step-toggle = { $to ->
    [on] turn on { $target }
    [off] turn off { $target }
   *[other] switch { $target }
}
    .alone = { $to ->
        [on] turn on
        [off] turn off
       *[other] switch
    }
step-swipe = swipe { $target }
    .alone = swipe
step-hover = hover over { $target }
    .alone = hover over
step-type = type { $value } in { $target }
    .value = type { $value }
    .target = type in { $target }
    .alone = type
step-sign-in = sign in to { $target }
    .alone = sign in
step-wait = wait { $text }
    .alone = wait
step-do = { $text }
step-if = If { $condition }, { $action }
step-confirm = { $action }, then confirm with { $target }
# A typed value that is not a single placeholder.
step-quoted = “{ $value }”
# A UI label in plain text (checklists, structured data).
step-ui-quoted = “{ $label }”
# An icon's description in brackets after its label, and with its place.
step-described = the { $description }
step-aside = { $description }, { $where }
# A screen, where the reader goes, when its label names a kind of screen (`Netflix app`).
step-screen = the { $label }
step-full-stop = .

# Words that open a description or a screen's label already (no `the` added).
step-determiners = a an the your its their this that my our his her
# Nouns that name a kind of screen, as the last word of a screen's label (`.first`: as
# its first word, as in French `Application Netflix`).
step-screen-nouns = app application website site page screen settings menu window dialog panel tab section list view dashboard portal store
    .first = { "" }
# Words that lose their capital when a sentence goes on after a condition ("If …, you see").
step-lower-in-clause = a an the you your it its this that these those there when if once after before check choose enter go open select tap click press type wait scroll turn sign make follow read look find use keep repeat close return
# Words a condition may start with that the sentence's own `If` makes redundant.
step-condition-prefixes = if
# `yes`: an ordinary first word of a description or a screen's label is written in lower
# case inside a sentence (`Three lines` → `the three lines`); `no` keeps it (German nouns).
step-lowercase-inside = yes
