# Español. Los mismos mensajes que en.ftl (allí se explica cada uno).

## The locale itself

locale-direction = ltr
locale-name = Español

## Page frame

skip-to-content = Ir al contenido
site-links = Enlaces del sitio
language-switcher = Idioma
site-information = Información del sitio
breadcrumb = Ruta de navegación
home = Inicio
page-title = { $title } · { $site }

## Search

search-label = Buscar en el centro de ayuda
search-placeholder = Buscar en la ayuda
search-button = Buscar
search-all-results = Todos los resultados
search-title = Búsqueda
search-intro = Escribe lo que quieres hacer en el cuadro de búsqueda de la parte superior de la página, por ejemplo, el nombre de un botón.
search-nojs = La búsqueda necesita JavaScript. Explora las guías desde la
search-nojs-home = página de inicio
search-steps-for = Pasos para { $platform }
search-too-short = Escribe una palabra más larga para buscar.
search-none = No se encontraron guías para «{ $query }».
search-see-all = { $count ->
    [one] Ver { $count } resultado para «{ $query }»
   *[other] Ver los { $count } resultados para «{ $query }»
}
search-see-all-results = Ver todos los resultados para «{ $query }»
search-found = { $count ->
    [one] { $count } guía encontrada para «{ $query }».
   *[other] { $count } guías encontradas para «{ $query }».
}
search-unavailable = La búsqueda no está disponible en esta página.

## Home and list pages

home-lead = ¿Cómo podemos ayudarte? Busca entre { $count ->
    [one] { $count } guía
   *[other] { $count } guías
} con pasos para { $platforms }.
products = Productos
categories = Categorías
all-categories = Todos los productos y categorías
popular-tags = Etiquetas populares
all-tags = Todas las etiquetas
guide-count = { $count ->
    [one] { $count } guía
   *[other] { $count } guías
}
list-lead = { $count ->
    [one] { $count } guía
   *[other] { $count } guías
}.
list-lead-paged = { $count ->
    [one] { $count } guía
   *[other] { $count } guías
}; se muestran de la { $first } a la { $last }.
list-page-title = { $heading } (página { $number } de { $total })
pages-of = Páginas de { $heading }
previous = Anterior
next = Siguiente
page-hidden = { " " }página
page-number-hidden = Página{ " " }
nothing-to-list = Todavía no hay nada que mostrar.
featured-guides = Guías destacadas
recently-updated = Actualizadas recientemente
guides = Guías
all-categories-heading = Todas las categorías
tags-heading = Etiquetas
kind-category = Categoría
kind-product = Producto
kind-tag = Etiqueta
platforms = Plataformas
updated = Actualizado el

## Guide page

time = Duración
last-updated = Última actualización
reviewed = Revisado el
meta-item = { $label }: { $value }
tags = Etiquetas
before-you-start = Antes de empezar
you-need = Necesitas:
warning = Advertencia:
note = Nota:
note-for = Para { $audience }:
result-label = Resultado:
steps-heading = Pasos
platform = Plataforma
same-steps-as = Los pasos son los mismos que en { $platform }.
not-on = No disponible en { $platform }:
result-heading = Resultado
tips = Consejos
troubleshooting = Solución de problemas
open-as-checklist = Abrir como lista de comprobación
feedback-question = ¿Te ha resultado útil esta guía?
feedback-thanks = Gracias por tus comentarios.
feedback-yes = Sí
feedback-no = No
related-guides = Guías relacionadas
still-need-help = ¿Todavía necesitas ayuda?
support-text = Nuestro equipo de asistencia puede ayudarte con todo lo que esta guía no resuelva.
contact-support = Contactar con asistencia
feedback-failed = Lo sentimos, no se ha podido enviar tu respuesta. Inténtalo de nuevo más tarde.

## Steps

switch-to = En { $device }
switch-back = De vuelta en { $device }
device-desktop = tu ordenador
device-phone = tu teléfono
device-tablet = tu tableta
device-tv = tu televisor
list-and = { $rest } y { $last }
list-lower-words = un una unos unas el la los las tu tus su sus
do-one-of = Haz una de las siguientes acciones:
option = Opción { $number }
option-if = Si
optional = Opcional
show-picture = Mostrar imagen
hide-picture = Ocultar imagen
of-step = { " " }del paso { $number }

## Checklist page

checklist = Lista de comprobación
checklist-title = Lista de comprobación: { $title }
checklist-legend = { $title } en { $platform }
one-of = Una de estas opciones:
reset-checklist = Restablecer la lista de { $platform }

## Illustrations

schematic-control = { $label } ({ $role })
schematic-place = { $what }, { $where }
schematic-alt = { $what }, { $surface ->
    [website] en el sitio web de { $product }
   *[other] en la aplicación de { $product }
} en { $platform }
schematic-confirm = { $alt }, y el cuadro de diálogo que lo confirma con { $confirm }
role-button = botón
role-link = enlace
role-menu-item = elemento de menú
role-menu = menú
role-tab = pestaña
role-icon = icono
role-section = sección
role-field = campo
role-toggle = interruptor
role-option = opción
role-screen = pantalla
role-dialog = cuadro de diálogo

## Not found

not-found = Página no encontrada
not-found-text = La página que buscas no existe.
browse-all-guides = Ver todas las guías

## Step sentences

verb-click = haz clic en
verb-tap = toca
verb-select = selecciona
verb-press = pulsa
step-press = { $verb } { $target }
    .alone = { $kind ->
        [click] haz clic
        [tap] toca la pantalla
        [select] selecciona la opción
       *[other] { $verb }
    }
step-open = abre { $target }
    .alone = abre la pantalla
step-scroll-to = desplázate hasta { $target }
    .alone = desplázate
step-toggle = { $to ->
    [on] activa { $target }
    [off] desactiva { $target }
   *[other] cambia { $target }
}
    .alone = { $to ->
        [on] activa la opción
        [off] desactiva la opción
       *[other] cambia la opción
    }
step-swipe = desliza { $target }
    .alone = desliza el dedo
step-hover = pasa el cursor sobre { $target }
    .alone = pasa el cursor
step-type = escribe { $value } en { $target }
    .value = escribe { $value }
    .target = rellena { $target }
    .alone = escribe el texto
step-sign-in = inicia sesión en { $target }
    .alone = inicia sesión
step-wait = espera { $text }
    .alone = espera
step-do = { $text }
step-if = Si { $condition }, { $action }
step-confirm = { $action } y confirma con { $target }
step-quoted = «{ $value }»
step-ui-quoted = «{ $label }»
step-described = { $description }
step-aside = { $description }, { $where }
step-screen = { $noun ->
    [sitio] el { $label }
    [menu] el { $label }
    [panel] el { $label }
    [portal] el { $label }
    [ajustes] los { $label }
   *[other] la { $label }
}
step-full-stop = .
step-determiners = el la los las un una unos unas tu tus su sus este esta estos estas mi mis
step-screen-nouns = { "" }
    .first = aplicación app sitio página pantalla ajustes configuración menú ventana panel pestaña sección lista vista portal tienda
step-lower-in-clause = tú tu tus el la los las un una unos unas se si cuando ves toca selecciona abre escribe espera haz pulsa desliza activa desactiva cierra vuelve busca usa comprueba elige introduce
step-condition-prefixes = si
step-lowercase-inside = yes
