//! A product's glossary labels, indexed once per product for the rules that find labels in
//! free text (`quoted-label-mismatch`, `former-label`), and the platforms each text of a
//! guide is read on.

use std::collections::HashMap;

use super::text::{Field, Text};
use crate::model::{Control, Guide, PerPlatform, Platform, Product, Project, Step};
use crate::resolve::{ResolvedGuide, ResolvedStep};
use crate::source::Spanned;

/// One label of one control: for every platform the control is on (`platform: None`), or
/// for one platform.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'p> {
    /// The control.
    pub control: &'p Control,
    /// The label as written.
    pub label: &'p Spanned<String>,
    /// The platform it is for, or `None` for all.
    pub platform: Option<&'p str>,
}

impl Entry<'_> {
    /// Whether the label is what `platform` shows.
    pub fn on(&self, platform: &str) -> bool {
        self.control.exists_on(platform) && self.platform.is_none_or(|p| p == platform)
    }
}

/// How a phrase relates to the label it was matched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closeness {
    /// It is the control's label on another platform.
    OtherPlatform,
    /// It differs in case, word order, punctuation or `and`/`&`.
    Folded,
    /// It is a few letters off.
    Typo,
}

/// The labels of one product's glossary, with the glossaries it `uses`.
#[derive(Debug, Default)]
pub struct Labels<'p> {
    entries: Vec<Entry<'p>>,
    /// Lowercased label -> entries.
    lower: HashMap<String, Vec<usize>>,
    /// Folded label (lowercase words, `&` as `and`, sorted) -> entries.
    folded: HashMap<String, Vec<usize>>,
    /// Normalized label (lowercase words, `&` as `and`) of each entry and its length in
    /// characters, for edit distances.
    normalized: Vec<(String, usize)>,
    /// Labels of the controls of products in `uses`, as written.
    used: Vec<&'p str>,
    /// Former labels (`was`).
    formers: Vec<Entry<'p>>,
    /// Lowercased former label -> formers.
    former_lower: HashMap<String, Vec<usize>>,
    /// Former labels of two words or more, as written, by their first word.
    plain_formers: HashMap<&'p str, Vec<&'p str>>,
}

/// Lowercase words with `&` read as `and`, joined by one space.
pub fn normalize(s: &str) -> String {
    let s = s.replace('&', " and ");
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join(" ")
}

/// [`normalize`], with the words sorted: equal for labels that differ only in case, word
/// order, punctuation or `and`/`&`.
pub fn fold(s: &str) -> String {
    let n = normalize(s);
    let mut words: Vec<&str> = n.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}

impl<'p> Labels<'p> {
    /// The index of every product, by product key.
    pub fn per_product(project: &'p Project) -> HashMap<&'p str, Labels<'p>> {
        project
            .products
            .iter()
            .map(|p| (p.key.as_str(), Labels::new(p)))
            .collect()
    }

    /// The index of one product.
    pub fn new(product: &'p Product) -> Labels<'p> {
        let mut l = Labels::default();
        for c in &product.glossary {
            for (platform, label) in c.label.iter() {
                let i = l.entries.len();
                l.entries.push(Entry {
                    control: c,
                    label,
                    platform: platform.map(|p| p.value.as_str()),
                });
                l.lower
                    .entry(label.value.to_lowercase())
                    .or_default()
                    .push(i);
                l.folded.entry(fold(&label.value)).or_default().push(i);
                let n = normalize(&label.value);
                let len = n.chars().count();
                l.normalized.push((n, len));
            }
            for (platform, list) in c.was.iter().flat_map(PerPlatform::iter) {
                for former in list {
                    let i = l.formers.len();
                    l.formers.push(Entry {
                        control: c,
                        label: former,
                        platform: platform.map(|p| p.value.as_str()),
                    });
                    l.former_lower
                        .entry(former.value.to_lowercase())
                        .or_default()
                        .push(i);
                    let mut words = former.value.split_whitespace();
                    if let (Some(first), Some(_)) = (words.next(), words.next()) {
                        let list = l.plain_formers.entry(first).or_default();
                        if !list.contains(&former.value.as_str()) {
                            list.push(&former.value);
                        }
                    }
                }
            }
        }
        for (_, _, glossary) in &product.used {
            for c in glossary {
                l.used
                    .extend(c.label.iter().map(|(_, label)| label.value.as_str()));
            }
        }
        l
    }

    /// Every label, as written (for menu paths).
    pub fn all(&self) -> Vec<&'p str> {
        self.entries
            .iter()
            .map(|e| e.label.value.as_str())
            .collect()
    }

    /// Whether `phrase` is, exactly, a label `platform` shows.
    pub fn is_label_on(&self, phrase: &str, platform: &str) -> bool {
        self.with_lower(phrase)
            .any(|e| e.on(platform) && e.label.value == phrase)
    }

    /// Whether `phrase`, ignoring case, is a label `platform` shows.
    pub fn is_label_on_ignoring_case(&self, phrase: &str, platform: &str) -> bool {
        self.with_lower(phrase).any(|e| e.on(platform))
    }

    /// Whether `phrase`, ignoring case, is a label of any control on any platform.
    pub fn is_label_anywhere(&self, phrase: &str) -> bool {
        self.with_lower(phrase).next().is_some()
    }

    /// Whether `phrase` is, exactly, a label of a control of a product in `uses`.
    pub fn is_used_label(&self, phrase: &str) -> bool {
        self.used.contains(&phrase)
    }

    /// The entries whose label is `phrase` ignoring case.
    pub fn with_lower(&self, phrase: &str) -> impl Iterator<Item = &Entry<'p>> {
        self.lower
            .get(&phrase.to_lowercase())
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// The control on `platform` that `phrase` (not one of its labels there) most likely
    /// means, with its label there and how close the phrase is: a control whose label on
    /// another platform it is, then one whose label differs only in case, word order,
    /// punctuation or `and`/`&`, then the closest label a few letters off.
    pub fn closest_on(&self, phrase: &str, platform: &str) -> Option<(Entry<'p>, Closeness)> {
        let on_here = |c: &Control| {
            self.entries
                .iter()
                .find(|e| std::ptr::eq(e.control, c) && e.on(platform))
                .copied()
        };
        for e in self.with_lower(phrase) {
            if let Some(here) = on_here(e.control)
                && here.label.value != phrase
            {
                let how = if e.on(platform) {
                    Closeness::Folded
                } else {
                    Closeness::OtherPlatform
                };
                return Some((here, how));
            }
        }
        let folded = fold(phrase);
        if let Some(e) = self
            .folded
            .get(&folded)
            .into_iter()
            .flatten()
            .map(|&i| self.entries[i])
            .find(|e| e.on(platform))
        {
            return Some((e, Closeness::Folded));
        }
        let n = normalize(phrase);
        let len = n.chars().count();
        // Short words are too easily a letter away from a label to be a likely typo.
        let limit = if len < 5 { return None } else { len / 5 };
        self.entries
            .iter()
            .zip(&self.normalized)
            .filter(|(e, _)| e.on(platform))
            .filter(|(_, (_, l))| l.abs_diff(len) <= limit)
            .map(|(e, (l, _))| (strsim::osa_distance(&n, l), e))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)
            .map(|(_, e)| (*e, Closeness::Typo))
    }

    /// Whether the product records any former label.
    pub fn has_formers(&self) -> bool {
        !self.formers.is_empty()
    }

    /// Former labels, as written.
    pub fn formers(&self) -> impl Iterator<Item = &Entry<'p>> {
        self.formers.iter()
    }

    /// The former label `phrase` (ignoring case) on `platform`, unless a control shows it
    /// there now.
    pub fn former_on(&self, phrase: &str, platform: &str) -> Option<Entry<'p>> {
        if self.is_label_on_ignoring_case(phrase, platform) {
            return None;
        }
        self.former_lower
            .get(&phrase.to_lowercase())
            .into_iter()
            .flatten()
            .map(|&i| self.formers[i])
            .find(|e| e.on(platform))
    }

    /// Byte ranges of former labels of two words or more written in `text` in their own
    /// letter case, as whole words: one pass over the words of the text.
    pub fn plain_formers_in(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.plain_formers.is_empty() {
            return out;
        }
        let is_word = |c: char| c.is_alphanumeric() || c == '-';
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let starts = is_word(c) && !prev.is_some_and(is_word);
            prev = Some(c);
            if !starts {
                continue;
            }
            let rest = &text[i..];
            let first = rest.split(|c: char| !is_word(c)).next().unwrap_or("");
            let Some(list) = self.plain_formers.get(first) else {
                continue;
            };
            // The longest former label that starts here and ends at a word boundary.
            if let Some(len) = list
                .iter()
                .filter(|f| {
                    rest.starts_with(**f) && !rest[f.len()..].chars().next().is_some_and(is_word)
                })
                .map(|f| f.len())
                .max()
            {
                out.push((i, i + len));
            }
        }
        out
    }

    /// Whether `phrase` (ignoring case) is a former label of any control.
    pub fn is_former_anywhere(&self, phrase: &str) -> bool {
        self.former_lower.contains_key(&phrase.to_lowercase())
    }
}

/// The platforms each step of a guide is read on (a shared procedure: several; a step on
/// another device: that device's), and the guide's platforms for guide-level text.
pub struct Places<'p> {
    steps: HashMap<*const Step, Vec<&'p Platform>>,
    guide: Vec<&'p Platform>,
}

impl<'p> Places<'p> {
    /// The places of a resolved guide.
    pub fn of(rg: &ResolvedGuide<'p>) -> Places<'p> {
        fn visit<'p>(rs: &ResolvedStep<'p>, out: &mut HashMap<*const Step, Vec<&'p Platform>>) {
            let list = out.entry(std::ptr::from_ref(rs.step)).or_default();
            if !list.iter().any(|p| std::ptr::eq(*p, rs.on)) {
                list.push(rs.on);
            }
            for sub in rs.nested() {
                visit(sub, out);
            }
        }
        let mut steps = HashMap::new();
        for ps in &rg.platforms {
            for rs in &ps.steps {
                visit(rs, &mut steps);
            }
        }
        Places {
            steps,
            guide: rg.platforms.iter().map(|ps| ps.platform).collect(),
        }
    }

    /// The platforms `t` is read on, and whether it is guide-level text (read beside every
    /// platform's steps, so a label of any one of them is right).
    pub fn of_text(&self, t: &Text<'_>, guide: &Guide) -> (Vec<&'p Platform>, bool) {
        if let Some(step) = t.step {
            let list = self
                .steps
                .get(&std::ptr::from_ref(step))
                .cloned()
                .unwrap_or_default();
            return (list, false);
        }
        if t.field == Field::Prose
            && let Some(goal) = guide.goals.iter().find(|g| std::ptr::eq(&g.text, t.text))
            && let Some(p) = self.guide.iter().find(|p| p.id == goal.platform.value)
        {
            return (vec![*p], false);
        }
        (self.guide.clone(), true)
    }
}

/// `names` joined as "A", "A and B", "A, B and C".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_order_punctuation_and_ampersands() {
        assert_eq!(fold("Privacy & Security"), fold("security and privacy"));
        assert_eq!(fold("Sign-out"), fold("Sign out"));
        assert_ne!(fold("Sign out"), fold("Sign out of all devices"));
        assert_eq!(normalize("Privacy & Security"), "privacy and security");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&["Web"]), "Web");
        assert_eq!(and_list(&["Android", "iOS"]), "Android and iOS");
        assert_eq!(and_list(&["Web", "Android", "iOS"]), "Web, Android and iOS");
    }

    #[test]
    fn plain_former_labels_are_whole_words_in_their_case() {
        let files: [(&str, &[u8]); 1] = [(
            "demo/product.yaml",
            b"name: Demo\nglossary:\n  devices: {role: link, label: Devices, was: [Manage Devices, Gadgets]}\n",
        )];
        let (project, _) = crate::load::load_in_memory(&files).expect("in-memory load");
        let labels = Labels::new(&project.products[0]);
        let t = "Manage Devices, not manage devices, Gadgets or Manage Devices-list";
        assert_eq!(labels.plain_formers_in(t), [(0, 14)]);
    }
}
