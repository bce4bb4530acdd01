//! The site's brand: the files `logo` and `favicon` name exist, and the accent colour
//! reaches WCAG AA contrast with the page backgrounds and the text of accent buttons.

use crate::diag::{Code, Diagnostic};
use crate::model::{Accent, Project, Rgb};
use crate::source::Spanned;

/// Appends the brand findings.
pub(super) fn check(project: &Project, diags: &mut Vec<Diagnostic>) {
    let brand = &project.site.brand;
    // An in-memory project has no folder to look in.
    if !project.root.as_os_str().is_empty() {
        for (key, file) in [("logo", &brand.logo), ("favicon", &brand.favicon)] {
            let Some(file) = file else { continue };
            let path = project.root.join(&file.value);
            if !path.is_file() {
                diags.push(
                    Diagnostic::new(
                        Code::SiteFileNotFound,
                        file.span,
                        format!("the {key} file `{}` does not exist", file.value),
                    )
                    .help(format!(
                        "looked for `{}`; the path is relative to the guides folder",
                        path.display()
                    )),
                );
            }
        }
    }
    if let Some(accent) = &brand.accent {
        if let Some(c) = &accent.light {
            contrast(c, "light", Accent::LIGHT_BG, true, diags);
        }
        if let Some(c) = &accent.dark {
            contrast(c, "dark", Accent::DARK_BG, false, diags);
        }
    }
}

/// Links are accent text on the page background, and accent buttons carry text in the
/// page background's colour: one ratio decides both.
fn contrast(c: &Spanned<Rgb>, scheme: &str, bg: Rgb, darker: bool, diags: &mut Vec<Diagnostic>) {
    let ratio = c.value.contrast(bg);
    if ratio >= Accent::AA {
        return;
    }
    let mut d = Diagnostic::new(
        Code::AccentContrast,
        c.span,
        format!(
            "the accent `{}` has a contrast of {:.2}:1 with the {scheme} page background `{}` and with the text of accent buttons; WCAG AA needs 4.5:1",
            c.value.hex(),
            // Rounded down, so a colour just under 4.5 never shows as "4.50".
            (ratio * 100.0).floor() / 100.0,
            bg.hex()
        ),
    );
    d = match c.value.nearest_passing(&[bg], Accent::AA, darker) {
        Some(fix) => d.help(format!(
            "the nearest passing colour of the same hue is `{}` ({:.2}:1); write `accent: {{{scheme}: \"{}\"}}`",
            fix.hex(),
            (fix.contrast(bg) * 100.0).floor() / 100.0,
            fix.hex()
        )),
        None => d.help(format!(
            "choose a {} colour",
            if darker { "darker" } else { "lighter" }
        )),
    };
    diags.push(d);
}
