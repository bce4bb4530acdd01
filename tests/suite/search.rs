//! The search index `build` writes: its table of files, what it indexes (labels of every
//! platform, replaced terminology), and how a rebuild keeps it current.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::harness::GuideTest;
use stepwise::build::{BuildOptions, build_with};

fn build(guides: &Path, out: &Path) -> stepwise::build::BuildStats {
    let o = BuildOptions {
        guides: guides.to_path_buf(),
        output: out.to_path_buf(),
        templates: None,
        static_dir: None,
    };
    build_with(&o, false).unwrap().1
}

/// The data of one index script: `stepwiseSearch.add("<name>",<json>);`.
fn script(out: &Path, name: &str) -> Value {
    let text = std::fs::read_to_string(out.join("search").join(name)).unwrap();
    let prefix = format!("stepwiseSearch.add({name:?},");
    let json = text
        .strip_prefix(&prefix)
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{name} is not an index script: {text}"));
    serde_json::from_str(json).unwrap()
}

/// The index as the browser sees it: meta, guide rows by number, and every term's
/// postings as (guide page, score, platform mask).
struct Index {
    meta: Value,
    terms: BTreeMap<String, Vec<(String, u64, u64)>>,
}

fn index(out: &Path) -> Index {
    let meta = script(out, "index.js");
    let bits = meta["bits"].as_u64().unwrap();
    let mut rows = Vec::new();
    for name in meta["docs"].as_array().unwrap() {
        for row in script(out, name.as_str().unwrap()).as_array().unwrap() {
            rows.push(row[0].as_str().unwrap().to_owned());
        }
    }
    let mut terms = BTreeMap::new();
    for entry in meta["terms"].as_array().unwrap() {
        let data = script(out, entry[1].as_str().unwrap());
        let first = data.as_object().unwrap().keys().next().unwrap().clone();
        assert_eq!(
            first,
            entry[0].as_str().unwrap(),
            "the table names each file's first term"
        );
        for (term, list) in data.as_object().unwrap() {
            let list: Vec<i64> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_i64().unwrap())
                .collect();
            let start = usize::from(list.first() == Some(&-1));
            let mut doc = 0;
            let postings = list[start..]
                .chunks(2)
                .map(|p| {
                    doc += p[0] as usize;
                    let v = p[1] as u64;
                    (rows[doc].clone(), v >> bits, v & ((1 << bits) - 1))
                })
                .collect();
            assert!(
                terms.insert(term.clone(), postings).is_none(),
                "{term} is in two files"
            );
        }
    }
    Index { meta, terms }
}

impl Index {
    fn guides(&self, term: &str) -> Vec<(&str, u64)> {
        self.terms
            .get(term)
            .map(|l| l.iter().map(|(g, _, m)| (g.as_str(), *m)).collect())
            .unwrap_or_default()
    }
}

const SEARCH: &str = "tests/fixtures/build/search/guides";

#[test]
fn the_index_lists_exactly_its_files_and_pages_load_it_only_on_demand() {
    let t = GuideTest::new();
    let out = t.path("out");
    build(Path::new(SEARCH), &out);
    let ix = index(&out);
    let mut listed: Vec<String> = ix.meta["docs"]
        .as_array()
        .unwrap()
        .iter()
        .chain(ix.meta["terms"].as_array().unwrap().iter().map(|e| &e[1]))
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    listed.push("index.js".into());
    listed.sort();
    let mut present: Vec<String> = std::fs::read_dir(out.join("search"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(listed, present);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains(r#"<form class="site-search" role="search""#),
        "{home}"
    );
    assert!(
        !home.contains("search/index.js"),
        "pages do not load the index themselves"
    );
    assert!(out.join("search.html").is_file());
    assert!(out.join("assets/search.js").is_file());
}

#[test]
fn labels_of_every_platform_and_replaced_words_find_a_guide() {
    let t = GuideTest::new();
    let out = t.path("out");
    build(Path::new(SEARCH), &out);
    let ix = index(&out);
    let platforms: Vec<&str> = ix.meta["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    assert_eq!(platforms, ["web", "android", "ios"]);
    let (web, android, ios) = (1, 2, 4);
    let sign_out = "guides/sign-out-everywhere.html";
    // The iOS label of a control the guide uses, specific to iOS.
    assert_eq!(ix.guides("management"), [(sign_out, ios)]);
    // The label the web and Android share (the title says "device").
    assert_eq!(ix.guides("devices"), [(sign_out, web | android)]);
    assert!(ix.guides("device").contains(&(sign_out, 0)));
    assert_eq!(
        ix.guides("documents"),
        [("guides/export-statement.html", android | ios)]
    );
    assert_eq!(
        ix.guides("statements"),
        [("guides/export-statement.html", web)]
    );
    // Words the terminology replaces, for guides that use the preferred wording.
    assert_eq!(ix.guides("logout"), [(sign_out, 0)]);
    let login: Vec<&str> = ix.guides("login").into_iter().map(|(g, _)| g).collect();
    assert_eq!(login, ["guides/change-password.html", sign_out]);
    assert!(
        ix.guides("login")
            .iter()
            .all(|(g, _)| !g.contains("freeze"))
    );
    // Titles weigh more than steps.
    let score = |term: &str, guide: &str| {
        ix.terms[term]
            .iter()
            .find(|p| p.0 == guide)
            .map(|p| p.1)
            .unwrap()
    };
    let change = "guides/change-password.html";
    assert!(
        score("password", change) > score("account", change),
        "a word of the title counts more than a word of the steps and summary"
    );
    // Stop words are not indexed, and the browser is told which they are.
    assert!(!ix.terms.contains_key("the"));
    assert!(
        ix.meta["stop"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "the")
    );
    // Accents are folded beside the original word.
    assert!(ix.terms.keys().all(|t| t.chars().count() > 1));
}

#[test]
fn a_rebuild_updates_the_index_and_removes_its_old_files() {
    let t = GuideTest::from_fixture("build/search");
    let guides = t.guides();
    let out = t.path("out");
    build(&guides, &out);
    let before = std::fs::read_dir(out.join("search")).unwrap().count();
    let again = build(&guides, &out);
    assert_eq!(again.written, 0, "{again:?}");
    let guide = guides.join("ledger/freeze-card.yaml");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(&guide, text.replace("turns blue", "turns turquoise")).unwrap();
    let step = build(&guides, &out);
    assert!(step.written >= 2 && step.removed >= 1, "{step:?}");
    let ix = index(&out);
    assert_eq!(ix.guides("turquoise"), [("guides/freeze-card.html", 2 | 4)]);
    assert!(ix.guides("blue").is_empty());
    assert_eq!(
        std::fs::read_dir(out.join("search")).unwrap().count(),
        before
    );
    // The same as a fresh build.
    let fresh = t.path("fresh");
    build(&guides, &fresh);
    for e in std::fs::read_dir(fresh.join("search")).unwrap() {
        let e = e.unwrap();
        let ours = std::fs::read(out.join("search").join(e.file_name())).unwrap();
        assert_eq!(ours, std::fs::read(e.path()).unwrap());
    }
}

#[test]
fn a_controls_former_label_finds_the_guides_that_use_it() {
    let t = GuideTest::from_fixture("build/search");
    let product = t.guides().join("streamly/product.yaml");
    let text = std::fs::read_to_string(&product).unwrap();
    std::fs::write(
        &product,
        text.replace(
            "    labels_differ: The iOS app groups every device setting on one screen.\n",
            "    labels_differ: The iOS app groups every device setting on one screen.\n    was: [Active Sessions]\n",
        ),
    )
    .unwrap();
    let out = t.path("out");
    build(&t.guides(), &out);
    let ix = index(&out);
    // A reader who remembers the old name finds the guide, on every platform.
    assert_eq!(
        ix.guides("sessions"),
        [("guides/sign-out-everywhere.html", 0)]
    );
    let before = GuideTest::new();
    let out = before.path("out");
    build(Path::new(SEARCH), &out);
    assert!(index(&out).guides("sessions").is_empty());
}
