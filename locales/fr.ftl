# Français. Les mêmes messages que en.ftl (voir ce fichier pour leur rôle).

## The locale itself

locale-direction = ltr
locale-name = Français

## Page frame

skip-to-content = Aller au contenu
site-links = Liens du site
language-switcher = Langue
site-information = Informations sur le site
breadcrumb = Fil d’Ariane
home = Accueil
page-title = { $title } · { $site }

## Search

search-label = Rechercher dans le centre d’aide
search-placeholder = Rechercher dans l’aide
search-button = Rechercher
search-all-results = Tous les résultats
search-title = Recherche
search-intro = Saisissez ce que vous voulez faire dans le champ de recherche en haut de la page, par exemple le nom d’un bouton.
search-nojs = La recherche nécessite JavaScript. Parcourez les guides depuis la
search-nojs-home = page d’accueil
search-steps-for = Étapes pour { $platform }
search-too-short = Saisissez un mot plus long pour lancer la recherche.
search-none = Aucun guide trouvé pour « { $query } ».
search-see-all = { $count ->
    [one] Voir { $count } résultat pour « { $query } »
   *[other] Voir les { $count } résultats pour « { $query } »
}
search-see-all-results = Voir tous les résultats pour « { $query } »
search-found = { $count ->
    [one] { $count } guide trouvé pour « { $query } ».
   *[other] { $count } guides trouvés pour « { $query } ».
}
search-unavailable = La recherche n’est pas disponible sur cette page.

## Home and list pages

home-lead = Comment pouvons-nous vous aider ? Parcourez { $count ->
    [one] { $count } guide
   *[other] { $count } guides
} avec les étapes pour { $platforms }.
products = Produits
categories = Catégories
all-categories = Tous les produits et catégories
popular-tags = Mots-clés populaires
all-tags = Tous les mots-clés
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
}, de { $first } à { $last }.
list-page-title = { $heading } (page { $number } sur { $total })
pages-of = Pages de { $heading }
previous = Précédente
next = Suivante
page-hidden = { " " }page
page-number-hidden = Page{ " " }
nothing-to-list = Rien à afficher pour l’instant.
featured-guides = Guides à la une
recently-updated = Mis à jour récemment
guides = Guides
all-categories-heading = Toutes les catégories
tags-heading = Mots-clés
kind-category = Catégorie
kind-product = Produit
kind-tag = Mot-clé
platforms = Plateformes
updated = Mis à jour le

## Guide page

time = Durée
last-updated = Dernière mise à jour
reviewed = Relu le
meta-item = { $label } : { $value }
tags = Mots-clés
before-you-start = Avant de commencer
you-need = Vous aurez besoin de :
warning = Attention :
note = Remarque :
note-for = Pour { $audience } :
result-label = Résultat :
steps-heading = Étapes
platform = Plateforme
same-steps-as = Les étapes sont les mêmes que sur { $platform }.
not-on = Non disponible sur { $platform } :
result-heading = Résultat
tips = Astuces
troubleshooting = Dépannage
open-as-checklist = Ouvrir sous forme de liste
feedback-question = Ce guide vous a-t-il été utile ?
feedback-thanks = Merci pour votre avis.
feedback-yes = Oui
feedback-no = Non
related-guides = Guides associés
still-need-help = Besoin d’aide supplémentaire ?
support-text = Notre équipe d’assistance peut vous aider pour tout ce que ce guide ne couvre pas.
contact-support = Contacter l’assistance
feedback-failed = Désolé, votre réponse n’a pas pu être envoyée. Veuillez réessayer plus tard.

## Steps

switch-to = Sur { $device }
switch-back = De retour sur { $device }
device-desktop = votre ordinateur
device-phone = votre téléphone
device-tablet = votre tablette
device-tv = votre téléviseur
list-and = { $rest } et { $last }
list-lower-words = un une des le la les l’ votre vos son sa ses du

do-one-of = Effectuez l’une des actions suivantes :
option = Option { $number }
option-if = Si
optional = Facultatif
show-picture = Afficher l’image
hide-picture = Masquer l’image
of-step = { " " }de l’étape { $number }

## Checklist page

checklist = Liste de contrôle
checklist-title = Liste de contrôle : { $title }
checklist-legend = { $title } sur { $platform }
one-of = Au choix :
reset-checklist = Réinitialiser la liste { $platform }

## Illustrations

schematic-control = { $label } ({ $role })
schematic-place = { $what }, { $where }
schematic-alt = { $what }, { $surface ->
    [website] sur le site { $product }
   *[other] dans l’application { $product }
} sur { $platform }
schematic-confirm = { $alt }, et la boîte de dialogue qui le confirme avec { $confirm }
role-button = bouton
role-link = lien
role-menu-item = élément de menu
role-menu = menu
role-tab = onglet
role-icon = icône
role-section = section
role-field = champ
role-toggle = interrupteur
role-option = option
role-screen = écran
role-dialog = boîte de dialogue

## Not found

not-found = Page introuvable
not-found-text = La page demandée n’existe pas.
browse-all-guides = Parcourir tous les guides

## Step sentences

verb-click = cliquez sur
verb-tap = appuyez sur
verb-select = sélectionnez
verb-press = appuyez sur

step-press = { $verb } { $target }
    .alone = { $kind ->
        [click] cliquez
        [tap] appuyez
        [select] sélectionnez
       *[other] { $verb }
    }
step-open = ouvrez { $target }
    .alone = ouvrez
step-scroll-to = faites défiler jusqu’à { $target }
    .alone = faites défiler
step-toggle = { $to ->
    [on] activez { $target }
    [off] désactivez { $target }
   *[other] basculez { $target }
}
    .alone = { $to ->
        [on] activez l’option
        [off] désactivez l’option
       *[other] basculez l’option
    }
step-swipe = faites glisser { $target }
    .alone = faites glisser
step-hover = survolez { $target }
    .alone = survolez l’élément
step-type = saisissez { $value } dans { $target }
    .value = saisissez { $value }
    .target = remplissez { $target }
    .alone = saisissez votre texte
step-sign-in = connectez-vous à { $target }
    .alone = connectez-vous
step-wait = patientez { $text }
    .alone = patientez
step-do = { $text }
step-if = Si { $condition }, { $action }
step-confirm = { $action }, puis confirmez avec { $target }
step-quoted = « { $value } »
step-ui-quoted = « { $label } »
step-described = { $description }
step-aside = { $description }, { $where }
step-screen = { $noun ->
    [application] l’{ $label }
    [appli] l’{ $label }
    [ecran] l’{ $label }
    [onglet] l’{ $label }
    [espace] l’{ $label }
    [site] le { $label }
    [menu] le { $label }
    [tableau] le { $label }
    [portail] le { $label }
    [panneau] le { $label }
    [parametres] les { $label }
    [reglages] les { $label }
   *[other] la { $label }
}
step-full-stop = .

step-determiners = le la les l’ un une des votre vos son sa ses leur leurs ce cet cette ces mon ma mes notre nos
step-screen-nouns = { "" }
    .first = application appli site page écran paramètres réglages menu fenêtre boîte panneau onglet section liste vue tableau portail boutique espace
step-lower-in-clause = vous votre vos le la les un une des il elle ils elles on ce cet cette ces cela si quand lorsque une après avant vérifiez choisissez saisissez entrez allez ouvrez sélectionnez appuyez cliquez tapez patientez faites activez désactivez fermez revenez suivez lisez cherchez utilisez gardez répétez retournez attendez
step-condition-prefixes = si
step-lowercase-inside = yes
