//! The controls an import finds: one entry per label, with the platforms it was seen on,
//! where it sits and what it looks like; and the product's existing glossary, whose keys
//! are used when a label matches.

use std::collections::BTreeMap;

use crate::model::Product;

pub(crate) use crate::model::Role;

/// A control found by the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Control {
    /// Its key.
    pub key: String,
    /// Its role.
    pub role: Role,
    /// Its label (the first one found).
    pub label: String,
    /// Labels that differ on some platforms, by platform: the same words in another order
    /// ("Privacy and Security" on the web, "Security and Privacy" in the apps).
    pub other_labels: BTreeMap<String, String>,
    /// Where it is, per platform.
    pub places: BTreeMap<String, String>,
    /// What it looks like.
    pub description: Option<String>,
    /// The platforms whose steps use it.
    pub on: Vec<String>,
}

impl Control {
    /// Where it is on a platform.
    #[cfg(test)]
    pub(crate) fn where_for(&self, platform: &str) -> Option<&str> {
        self.places.get(platform).map(String::as_str)
    }
}

/// The controls of one import, and the product's own glossary.
#[derive(Debug, Default)]
pub(crate) struct Glossary {
    controls: Vec<Control>,
    /// Labels of the existing glossary, lowercased, per platform: (platform or "" for
    /// all, label, key).
    existing: Vec<(String, String, String)>,
}

impl Glossary {
    /// A glossary that reuses the keys of `product`'s controls.
    pub(crate) fn with_product(product: Option<&Product>) -> Glossary {
        let mut g = Glossary::default();
        for c in product.map(|p| p.glossary.as_slice()).unwrap_or_default() {
            for (platforms, label) in c.label.iter() {
                let platforms = platforms.map(|p| p.value.clone()).unwrap_or_default();
                for p in platforms.split(',') {
                    g.existing.push((
                        p.trim().to_string(),
                        label.value.to_lowercase(),
                        c.key.value.clone(),
                    ));
                }
            }
        }
        g
    }

    /// The controls the import adds, in the order they were found.
    pub(crate) fn controls(&self) -> &[Control] {
        &self.controls
    }

    /// The control with `key`.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.key == key)
    }

    /// The key of the control labelled `label` on `platforms`: an existing control of the
    /// product, one found before, or a new one.
    pub(crate) fn control(
        &mut self,
        label: &str,
        role: Role,
        place: Option<&str>,
        description: Option<&str>,
        platforms: &[String],
    ) -> String {
        let lower = label.to_lowercase();
        let known = self
            .existing
            .iter()
            .find(|(p, l, _)| *l == lower && (p.is_empty() || platforms.iter().any(|q| q == p)));
        if let Some((_, _, key)) = known {
            return key.clone();
        }
        let found = self
            .controls
            .iter()
            .position(|c| {
                c.label.to_lowercase() == lower
                    || c.other_labels.values().any(|l| l.to_lowercase() == lower)
            })
            .or_else(|| self.reordered(&lower, platforms));
        if let Some(i) = found
            && self.controls[i].label.to_lowercase() != lower
        {
            for p in platforms {
                self.controls[i]
                    .other_labels
                    .insert(p.clone(), label.to_string());
            }
        }
        let i = match found {
            Some(i) => i,
            None => {
                let key = self.free_key(label, description, role);
                self.controls.push(Control {
                    key,
                    role,
                    label: label.to_string(),
                    other_labels: BTreeMap::new(),
                    places: BTreeMap::new(),
                    description: None,
                    on: Vec::new(),
                });
                self.controls.len() - 1
            }
        };
        let c = &mut self.controls[i];
        for p in platforms {
            if !c.on.contains(p) {
                c.on.push(p.clone());
            }
            if let Some(w) = place {
                c.places.entry(p.clone()).or_insert_with(|| w.to_string());
            }
        }
        if c.description.is_none() {
            c.description = description.map(str::to_string);
        }
        c.key.clone()
    }

    /// Records where a control is, on `platforms`, when it was not known yet.
    pub(crate) fn add_where(&mut self, key: &str, place: &str, platforms: &[String]) {
        if let Some(c) = self.controls.iter_mut().find(|c| c.key == key) {
            for p in platforms {
                c.places
                    .entry(p.clone())
                    .or_insert_with(|| place.to_string());
            }
        }
    }

    /// A control found on other platforms whose label has the same words in another order.
    fn reordered(&self, lower: &str, platforms: &[String]) -> Option<usize> {
        let words = |s: &str| {
            let mut w: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
            w.sort();
            w
        };
        let want = words(lower);
        self.controls.iter().position(|c| {
            want.len() > 1
                && words(&c.label) == want
                && !c.on.iter().any(|p| platforms.contains(p))
                && c.other_labels.is_empty()
        })
    }

    /// A key no control has yet: the label's slug, else its look's, else its role's.
    fn free_key(&self, label: &str, description: Option<&str>, role: Role) -> String {
        let base = [Some(label), description]
            .into_iter()
            .flatten()
            .map(crate::layout::slug)
            .find(|s| !s.is_empty() && s.as_bytes()[0].is_ascii_lowercase())
            .unwrap_or_else(|| role.as_str().to_string());
        let taken = |k: &str| {
            self.controls.iter().any(|c| c.key == k) || self.existing.iter().any(|(_, _, e)| e == k)
        };
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|k| !taken(k))
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_label_with_every_platform() {
        let mut g = Glossary::default();
        let web = ["web".to_string()];
        let phones = ["android".to_string(), "ios".to_string()];
        assert_eq!(
            g.control("Account", Role::MenuItem, Some("top right"), None, &web),
            "account"
        );
        assert_eq!(
            g.control("account", Role::Button, Some("menu"), None, &phones),
            "account"
        );
        assert_eq!(
            g.control("…", Role::Icon, None, Some("ellipsis"), &phones),
            "ellipsis"
        );
        assert_eq!(g.control("!!", Role::Icon, None, None, &phones), "icon");
        let a = g.get("account").unwrap();
        assert_eq!(a.on, ["web", "android", "ios"]);
        assert_eq!(a.where_for("web"), Some("top right"));
        assert_eq!(a.where_for("ios"), Some("menu"));
    }
}
