//! Property tests: no input makes the loader, the checker or any emitter panic or hang.
//!
//! Three kinds of input: arbitrary bytes, the seed guide with random edits (so most of the
//! input is still meaningful YAML and the decoder's deeper paths run), and random YAML trees
//! built from the format's own field names. Cases per property: `PROPTEST_CASES` (default
//! 3000 here, so a run tries 9000 inputs).

use proptest::prelude::*;
use stepwise::check::check_project;
use stepwise::emit::{self, Format};
use stepwise::load::load_in_memory;

const SEED_GUIDE: &str = include_str!("../../guides/netflix/sign-out-all-devices.yaml");
const SEED_PRODUCT: &str = include_str!("../../guides/netflix/product.yaml");
const SEED_SITE: &str = include_str!("../../guides/site.yaml");

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(3000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Runs the whole pipeline on one tree and every emitter on the result.
fn run(site: &[u8], product: &[u8], guide: &[u8]) {
    let (project, diags) = load_in_memory(&[
        ("site.yaml", site),
        ("netflix/product.yaml", product),
        ("netflix/guide.yaml", guide),
        ("netflix/other.yaml", SEED_GUIDE.as_bytes()),
    ])
    .expect("in-memory load");
    let report = check_project(project, diags);
    for d in &report.diagnostics {
        assert!(d.span.start.line >= 1 && d.span.start.col >= 1, "{d:?}");
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(!d.message.is_empty());
    }
    for &f in Format::ALL {
        let _ = emit::render(f, &report.diagnostics, &report.project.sources, true);
    }
}

/// Characters that matter to YAML's grammar, to make edits that confuse the parser.
const YAML_BITS: &[&str] = &[
    ":",
    ": ",
    "-",
    "- ",
    " ",
    "  ",
    "\n",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!tag ",
    "'",
    "\"",
    "#",
    "|",
    ">",
    "%",
    "@",
    "`",
    "? ",
    "---\n",
    "...\n",
    "~",
    "\u{feff}",
    "é",
    "\u{0}",
    "\r\n",
    "steps:",
    "same_as: ",
    "tap: ",
    "only: [",
    "instead:",
    "image:",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
    Indent(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..YAML_BITS.len()).prop_map(|(a, b)| Edit::Insert(a, b)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 0usize..6).prop_map(|(a, n)| Edit::Indent(a, n)),
    ]
}

fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_owned();
    for e in edits {
        match *e {
            Edit::Delete(a, n) => {
                let a = floor_char(&s, a);
                let b = floor_char(&s, (a + n).min(s.len()));
                if b > a {
                    s.replace_range(a..b, "");
                }
            }
            Edit::Insert(a, b) => {
                let a = floor_char(&s, a);
                s.insert_str(a, YAML_BITS[b]);
            }
            Edit::DuplicateLine(a)
            | Edit::Truncate(a)
            | Edit::Indent(a, _)
            | Edit::SwapLines(a, _) => {
                let mut lines: Vec<String> = s.lines().map(str::to_owned).collect();
                if lines.is_empty() {
                    continue;
                }
                let i = a % lines.len();
                match *e {
                    Edit::DuplicateLine(_) => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    Edit::Truncate(_) => lines.truncate(i),
                    Edit::Indent(_, n) => lines[i].insert_str(0, &" ".repeat(n)),
                    Edit::SwapLines(_, b) => {
                        let j = b % lines.len();
                        lines.swap(i, j);
                    }
                    _ => {}
                }
                s = lines.join("\n");
                s.push('\n');
            }
        }
    }
    s
}

/// Words the decoder knows, so random trees reach its deeper paths.
const KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "steps",
    "web",
    "android",
    "ios",
    "andriod",
    "android, ios",
    "same_as",
    "tap",
    "click",
    "select",
    "do",
    "wait",
    "type",
    "toggle",
    "value",
    "to",
    "only",
    "instead",
    "image",
    "src",
    "alt",
    "confirm",
    "if",
    "optional",
    "choices",
    "result",
    "note",
    "outcome",
    "text",
    "facts",
    "tips",
    "related",
    "time",
    "reviewed",
    "unavailable_on",
    "troubleshooting",
    "problem",
    "solution",
    "glossary",
    "label",
    "role",
    "on",
    "where",
];
const SCALARS: &[&str] = &[
    "",
    "~",
    "my-netflix",
    "account",
    "menu",
    "android",
    "web",
    "true",
    "no",
    "2 min",
    "PT2M",
    "2026-02-30",
    "2026-11-25",
    "../../etc/passwd",
    "/abs.png",
    "img/x.png",
    "\"quoted text\"",
    "Free text",
    "on",
    "off",
    "-1 min",
    "sign-out-all-devices",
];

#[derive(Debug, Clone)]
enum Tree {
    Scalar(usize),
    Seq(Vec<Tree>),
    Map(Vec<(usize, Tree)>),
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (0..SCALARS.len()).prop_map(Tree::Scalar);
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Tree::Seq),
            prop::collection::vec((0..KEYS.len(), inner), 0..6).prop_map(Tree::Map),
        ]
    })
}

/// Writes a tree as flow-style YAML (always syntactically valid).
fn to_yaml(t: &Tree, out: &mut String) {
    match t {
        Tree::Scalar(i) => out.push_str(if SCALARS[*i].is_empty() {
            "''"
        } else {
            SCALARS[*i]
        }),
        Tree::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                to_yaml(item, out);
            }
            out.push(']');
        }
        Tree::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('"');
                out.push_str(KEYS[*k]);
                out.push_str("\": ");
                to_yaml(v, out);
            }
            out.push('}');
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run(SEED_SITE.as_bytes(), SEED_PRODUCT.as_bytes(), &bytes);
    }

    #[test]
    fn edited_seed_files_never_panic(
        guide_edits in prop::collection::vec(edit(), 1..8),
        product_edits in prop::collection::vec(edit(), 0..3),
        site_edits in prop::collection::vec(edit(), 0..2),
    ) {
        run(
            apply(SEED_SITE, &site_edits).as_bytes(),
            apply(SEED_PRODUCT, &product_edits).as_bytes(),
            apply(SEED_GUIDE, &guide_edits).as_bytes(),
        );
    }

    #[test]
    fn random_trees_of_known_fields_never_panic(guide in tree(), product in tree()) {
        let mut g = String::from("title: How to test\nsummary: Test.\nextra: ");
        to_yaml(&guide, &mut g);
        g.push_str("\nsteps: ");
        to_yaml(&guide, &mut g);
        let mut p = String::from(SEED_PRODUCT);
        p.push_str("\nextra: ");
        to_yaml(&product, &mut p);
        run(SEED_SITE.as_bytes(), p.as_bytes(), g.as_bytes());
        let mut whole = String::new();
        to_yaml(&guide, &mut whole);
        run(SEED_SITE.as_bytes(), SEED_PRODUCT.as_bytes(), whole.as_bytes());
    }
}

#[test]
fn hostile_inputs_are_reported_not_fatal() {
    let laughs = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
    let deep_block = "steps:\n".to_owned() + &"- ".repeat(100_000) + "x\n";
    let deep_flow = "steps: ".to_owned() + &"[".repeat(100_000);
    let huge = "title: x\n".repeat(200_000);
    let cases: [(&str, &[u8]); 7] = [
        ("billion laughs", laughs.as_bytes()),
        ("deep block nesting", deep_block.as_bytes()),
        ("deep flow nesting", deep_flow.as_bytes()),
        ("over the size limit", huge.as_bytes()),
        ("not UTF-8", b"title: \xff\xfe\n"),
        ("empty", b""),
        ("only a BOM", "\u{feff}".as_bytes()),
    ];
    for (what, bytes) in cases {
        let (project, diags) = load_in_memory(&[
            ("netflix/product.yaml", SEED_PRODUCT.as_bytes()),
            ("netflix/g.yaml", bytes),
        ])
        .unwrap();
        let report = check_project(project, diags);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity == stepwise::diag::Severity::Error),
            "{what}: no error reported"
        );
    }
}
