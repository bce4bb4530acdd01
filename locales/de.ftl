# Deutsch. Dieselben Meldungen wie en.ftl (ihre Rolle steht dort).

## The locale itself

locale-direction = ltr
locale-name = Deutsch

## Page frame

skip-to-content = Zum Inhalt springen
site-links = Links der Website
language-switcher = Sprache
site-information = Informationen zur Website
breadcrumb = Navigationspfad
home = Startseite
page-title = { $title } · { $site }

## Search

search-label = Im Hilfe-Center suchen
search-placeholder = Hilfe durchsuchen
search-button = Suchen
search-all-results = Alle Ergebnisse
search-title = Suche
search-intro = Geben Sie oben auf der Seite in das Suchfeld ein, was Sie tun möchten, zum Beispiel den Namen einer Schaltfläche.
search-nojs = Die Suche benötigt JavaScript. Durchsuchen Sie die Anleitungen über die
search-nojs-home = Startseite
search-steps-for = Schritte für { $platform }
search-too-short = Geben Sie für die Suche ein längeres Wort ein.
search-none = Keine Anleitungen für „{ $query }“ gefunden.
search-see-all = { $count ->
    [one] { $count } Ergebnis für „{ $query }“ anzeigen
   *[other] Alle { $count } Ergebnisse für „{ $query }“ anzeigen
}
search-see-all-results = Alle Ergebnisse für „{ $query }“ anzeigen
search-found = { $count ->
    [one] { $count } Anleitung für „{ $query }“ gefunden.
   *[other] { $count } Anleitungen für „{ $query }“ gefunden.
}
search-unavailable = Die Suche ist auf dieser Seite nicht verfügbar.

## Home and list pages

home-lead = Wie können wir helfen? Durchsuchen Sie { $count ->
    [one] { $count } Anleitung
   *[other] { $count } Anleitungen
} mit Schritten für { $platforms }.
products = Produkte
categories = Kategorien
all-categories = Alle Produkte und Kategorien
popular-tags = Beliebte Schlagwörter
all-tags = Alle Schlagwörter
guide-count = { $count ->
    [one] { $count } Anleitung
   *[other] { $count } Anleitungen
}
list-lead = { $count ->
    [one] { $count } Anleitung
   *[other] { $count } Anleitungen
}.
list-lead-paged = { $count ->
    [one] { $count } Anleitung
   *[other] { $count } Anleitungen
}, { $first } bis { $last } werden angezeigt.
list-page-title = { $heading } (Seite { $number } von { $total })
pages-of = Seiten von { $heading }
previous = Zurück
next = Weiter
page-hidden = { " " }Seite
page-number-hidden = Seite{ " " }
nothing-to-list = Noch nichts vorhanden.
featured-guides = Empfohlene Anleitungen
recently-updated = Kürzlich aktualisiert
guides = Anleitungen
all-categories-heading = Alle Kategorien
tags-heading = Schlagwörter
kind-category = Kategorie
kind-product = Produkt
kind-tag = Schlagwort
platforms = Plattformen
updated = Aktualisiert am

## Guide page

time = Dauer
last-updated = Zuletzt aktualisiert
reviewed = Geprüft am
meta-item = { $label }: { $value }
tags = Schlagwörter
before-you-start = Bevor Sie beginnen
you-need = Sie benötigen:
warning = Achtung:
note = Hinweis:
note-for = Für { $audience }:
result-label = Ergebnis:
steps-heading = Schritte
platform = Plattform
same-steps-as = Die Schritte sind dieselben wie für { $platform }.
not-on = Nicht für { $platform }:
result-heading = Ergebnis
tips = Tipps
troubleshooting = Fehlerbehebung
open-as-checklist = Als Checkliste öffnen
feedback-question = War diese Anleitung hilfreich?
feedback-thanks = Vielen Dank für Ihr Feedback.
feedback-yes = Ja
feedback-no = Nein
related-guides = Ähnliche Anleitungen
still-need-help = Brauchen Sie weitere Hilfe?
support-text = Unser Support-Team hilft Ihnen bei allem, was diese Anleitung nicht beantwortet.
contact-support = Support kontaktieren
feedback-failed = Ihre Antwort konnte leider nicht gesendet werden. Bitte versuchen Sie es später noch einmal.

## Steps

switch-to = Auf { $device }
switch-back = Zurück auf { $device }
device-desktop = Ihrem Computer
device-phone = Ihrem Smartphone
device-tablet = Ihrem Tablet
device-tv = Ihrem Fernseher
list-and = { $rest } und { $last }
list-lower-words = ein eine einen einer der die das ihr ihre ihren
do-one-of = Führen Sie einen der folgenden Schritte aus:
option = Möglichkeit { $number }
option-if = Wenn
optional = Optional
show-picture = Bild anzeigen
hide-picture = Bild ausblenden
of-step = { " " }zu Schritt { $number }

## Checklist page

checklist = Checkliste
checklist-title = Checkliste: { $title }
checklist-legend = { $title } auf { $platform }
one-of = Eine der Möglichkeiten:
reset-checklist = Checkliste für { $platform } zurücksetzen

## Illustrations

schematic-control = { $label } ({ $role })
schematic-place = { $what }, { $where }
schematic-alt = { $what }, { $surface ->
    [website] auf der Website von { $product }
   *[other] in der App { $product }
} auf { $platform }
schematic-confirm = { $alt }, und der Dialog, der es mit { $confirm } bestätigt
role-button = Schaltfläche
role-link = Link
role-menu-item = Menüeintrag
role-menu = Menü
role-tab = Tab
role-icon = Symbol
role-section = Bereich
role-field = Feld
role-toggle = Schalter
role-option = Option
role-screen = Bildschirm
role-dialog = Dialogfeld

## Not found

not-found = Seite nicht gefunden
not-found-text = Die angeforderte Seite existiert nicht.
browse-all-guides = Alle Anleitungen durchsuchen

## Step sentences

verb-click = klicken Sie auf
verb-tap = tippen Sie auf
verb-select = wählen Sie
verb-press = drücken Sie
step-press = { $verb } { $target }
    .alone = { $kind ->
        [click] klicken Sie
        [tap] tippen Sie
        [select] wählen Sie aus
       *[other] { $verb }
    }
step-open = öffnen Sie { $target }
    .alone = öffnen Sie die Ansicht
step-scroll-to = scrollen Sie zu { $target }
    .alone = scrollen Sie
step-toggle = { $to ->
    [on] aktivieren Sie { $target }
    [off] deaktivieren Sie { $target }
   *[other] schalten Sie { $target } um
}
    .alone = { $to ->
        [on] aktivieren Sie die Option
        [off] deaktivieren Sie die Option
       *[other] schalten Sie die Option um
    }
step-swipe = wischen Sie über { $target }
    .alone = wischen Sie
step-hover = zeigen Sie mit der Maus auf { $target }
    .alone = bewegen Sie den Mauszeiger
step-type = geben Sie { $value } in { $target } ein
    .value = geben Sie { $value } ein
    .target = füllen Sie { $target } aus
    .alone = geben Sie Ihren Text ein
step-sign-in = melden Sie sich bei { $target } an
    .alone = melden Sie sich an
step-wait = warten Sie { $text }
    .alone = warten Sie
step-do = { $text }
step-if = Wenn { $condition }, { $action }
step-confirm = { $action } und bestätigen Sie mit { $target }
step-quoted = „{ $value }“
step-ui-quoted = „{ $label }“
step-described = { $description }
step-aside = { $description }, { $where }
step-screen = { $action ->
    [sign-in] { $noun ->
        [app] der { $label }
        [website] der { $label }
        [seite] der { $label }
        [liste] der { $label }
        [ansicht] der { $label }
        [einstellungen] den { $label }
        [menu] dem { $label }
        [fenster] dem { $label }
        [portal] dem { $label }
        [dashboard] dem { $label }
       *[other] dem { $label }
    }
   *[other] { $noun ->
        [app] die { $label }
        [website] die { $label }
        [seite] die { $label }
        [liste] die { $label }
        [ansicht] die { $label }
        [einstellungen] die { $label }
        [menu] das { $label }
        [fenster] das { $label }
        [portal] das { $label }
        [dashboard] das { $label }
       *[other] den { $label }
    }
}
step-full-stop = .
step-determiners = der die das den dem des ein eine einen einem einer ihr ihre ihren ihrem sein seine dieser diese dieses
step-screen-nouns = app website seite bildschirm einstellungen menü fenster dialog bereich tab abschnitt liste ansicht dashboard portal store
    .first = { "" }
step-lower-in-clause = ein eine einen der die das den es dort dann danach wenn falls
step-condition-prefixes = wenn falls
step-lowercase-inside = no
