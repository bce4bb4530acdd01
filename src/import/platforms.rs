//! Which platforms a heading, a tab or a sentence names: "On your iPhone", "Android",
//! "Desktop app", "Mobile (Android and iOS)", "netflix.com".

use crate::model::{Platform, PlatformKind};

/// Words that name a computer (a desktop platform).
const COMPUTER: &[&str] = &[
    "web",
    "website",
    "browser",
    "computer",
    "desktop",
    "mac",
    "macos",
    "windows",
    "pc",
    "laptop",
    "online",
    "linux",
    "chromebook",
];
/// Words that name the apps of phones and tablets.
const MOBILE: &[&str] = &[
    "mobile",
    "phone",
    "phones",
    "app",
    "apps",
    "smartphone",
    "tablet",
];

/// The platforms of the site named in `text`, in the site's order.
pub(crate) fn detect(text: &str, site: &[Platform]) -> Vec<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let mut found: Vec<&Platform> = Vec::new();
    for p in site {
        let direct = has(&p.id) || has(&p.name.to_lowercase());
        let alias = match p.id.as_str() {
            "ios" => ["iphone", "ipad", "ipados"].iter().any(|w| has(w)),
            _ => false,
        };
        if direct || alias {
            found.push(p);
        }
    }
    let domain = words.iter().any(|w| is_domain(w));
    if (domain || COMPUTER.iter().any(|w| has(w)))
        && !found.iter().any(|p| p.kind == PlatformKind::Desktop)
        && let Some(p) = site.iter().find(|p| p.kind == PlatformKind::Desktop)
    {
        found.push(p);
    }
    let mobile = MOBILE.iter().any(|w| has(w));
    let touch = |p: &&Platform| matches!(p.kind, PlatformKind::Phone | PlatformKind::Tablet);
    if mobile && !found.iter().any(touch) && !(has("desktop") && has("app")) {
        found.extend(site.iter().filter(touch));
    }
    if (has("tv") || has("television")) && !found.iter().any(|p| p.kind == PlatformKind::Tv) {
        found.extend(site.iter().filter(|p| p.kind == PlatformKind::Tv));
    }
    site.iter()
        .filter(|p| found.iter().any(|f| f.id == p.id))
        .map(|p| p.id.clone())
        .collect()
}

/// `netflix.com`, `spotify.com/account`: a web address without a scheme.
fn is_domain(word: &str) -> bool {
    let host = word.split('/').next().unwrap_or(word);
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && [
            "com", "org", "net", "io", "co", "app", "tv", "help", "de", "fr", "uk",
        ]
        .contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Vec<Platform> {
        crate::load::default_site().platforms
    }

    #[test]
    fn headings_name_platforms() {
        let s = site();
        let d = |t: &str| detect(t, &s).join(",");
        assert_eq!(d("On your iPhone"), "ios");
        assert_eq!(d("Android phone or tablet"), "android");
        assert_eq!(d("Mobile app (Android and iOS)"), "android,ios");
        assert_eq!(d("Sign out of Netflix from your mobile"), "android,ios");
        assert_eq!(d("Steps to log out of Netflix from the web"), "web");
        assert_eq!(d("Netflix.com"), "web");
        assert_eq!(d("Desktop app"), "web");
        assert_eq!(d("Computer"), "web");
        assert_eq!(d("In the app"), "android,ios");
        assert_eq!(d("Reset your password"), "");
    }
}
