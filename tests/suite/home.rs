//! The home page, list pages, tag pages and "Last updated" dates: pages stay bounded
//! whatever the number of guides, long lists are paginated, and dates come from `reviewed`
//! or from git as `updated:` says.

use std::path::Path;

use stepwise::build::{BuildOptions, build};

use crate::harness::{GuideTest, git};

fn build_site(guides: &Path, out: &Path) {
    let built = build(&BuildOptions {
        guides: guides.to_path_buf(),
        output: out.to_path_buf(),
        templates: None,
        static_dir: None,
    })
    .unwrap();
    assert!(built.files > 0, "{:#?}", built.report.diagnostics);
}

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const PRODUCT: &str = "name: Demo {p}\nglossary:\n  settings: {role: screen, label: Settings}\n";

/// A guide of product `p` numbered `i`, in category `i % 40`, tagged `common` and
/// `tag-<i % 30>`, reviewed on a day that depends on `i`.
fn guide(i: usize) -> String {
    let day = 1 + i % 28;
    let month = 1 + (i / 28) % 11;
    format!(
        "title: How to change setting {i}\nsummary: Change setting {i} of the demo app in a few steps.\ncategory: Category {c}\ntags: [common, tag {t}]\nreviewed: 2026-{month:02}-{day:02}\nsteps:\n  web:\n    - open: settings\n",
        c = i % 40,
        t = i % 30,
    )
}

fn generated(n: usize, site: &str) -> GuideTest {
    let t = GuideTest::new();
    t.write("guides/site.yaml", site);
    for p in 0..5 {
        t.write(
            &format!("guides/demo{p}/product.yaml"),
            PRODUCT.replace("{p}", &p.to_string()),
        );
    }
    for i in 0..n {
        t.write(&format!("guides/demo{}/g{i}.yaml", i % 5), guide(i));
    }
    t
}

/// `class="card"` occurrences: the guides a page lists.
fn cards(html: &str) -> usize {
    html.matches("<li class=\"card\">").count()
}

#[test]
fn a_5000_guide_site_keeps_every_list_page_small() {
    let t = generated(
        5000,
        "title: Big Help\nplatforms: [web]\nupdated: reviewed\n",
    );
    let out = t.path("site");
    build_site(&t.guides(), &out);

    let home = read(&out, "index.html");
    assert!(home.len() < 100 * 1024, "home page is {} bytes", home.len());
    // The six most recently reviewed guides (2026-11-28 is the latest date generated).
    assert_eq!(cards(&home), 6, "{home}");
    assert!(
        home.contains("<h2 id=\"featured\">Recently updated</h2>"),
        "{home}"
    );
    assert_eq!(home.matches("datetime=\"2026-11-28\"").count(), 6, "{home}");
    // Tiles: 5 products, 24 of the 40 categories, 20 of the 31 tags, with their counts.
    assert!(
        home.contains(
            "<span class=\"tile-title\">Demo 0</span> <span class=\"tile-count\">1000 guides</span>"
        ),
        "{home}"
    );
    assert_eq!(home.matches("class=\"tile\"").count(), 5 + 24, "{home}");
    assert!(home.contains("href=\"categories.html\">All products and categories</a>"));
    assert!(
        home.contains("href=\"tags/common.html\">common <span class=\"tile-count\">(5000)</span>")
    );
    assert!(home.contains("href=\"tags.html\">All tags</a>"));
    // The search form is in the page once, in the hero.
    assert_eq!(home.matches("id=\"search-q\"").count(), 1);
    assert!(home.find("class=\"hero\"") < home.find("id=\"search-q\""));

    // Every page that lists guides shows at most 50 and stays small.
    let mut list_pages = 0;
    let mut largest = 0;
    for dir in ["categories", "products", "tags"] {
        let mut stack = vec![out.join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let html = std::fs::read_to_string(&p).unwrap();
                assert!(cards(&html) <= 50, "{}", p.display());
                largest = largest.max(html.len());
                list_pages += 1;
            }
        }
    }
    assert!(largest < 100 * 1024, "largest list page is {largest} bytes");
    // 5000 guides: `common` has 100 pages, each product 20, each category 3, tags 4.
    assert_eq!(list_pages, 100 + 5 * 20 + 40 * 3 + 30 * 4, "list pages");

    let second = read(&out, "tags/common/2.html");
    assert!(second.contains("<link rel=\"prev\" href=\"../../tags/common.html\"><link rel=\"next\" href=\"../../tags/common/3.html\">"), "{second}");
    assert!(second.contains("<title>common (page 2 of 100) · Big Help</title>"));
    assert!(second.contains("5000 guides, showing 51 to 100."));
    assert!(second.contains("<a href=\"../../tags/common/2.html\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>2</a>"), "{second}");
    assert!(second.contains(
        "<a href=\"../../tags/common/100.html\"><span class=\"visually-hidden\">Page </span>100</a>"
    ));
    assert!(!out.join("tags/common/101.html").exists());
    let last = read(&out, "tags/common/100.html");
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
    // A tag page groups its guides by product, with a heading per product.
    assert!(
        second
            .contains("<h2 id=\"section-1\"><a href=\"../../products/demo0.html\">Demo 0</a></h2>"),
        "{second}"
    );

    let sitemap = read(&out, "sitemap.xml");
    for url in [
        "tags/common/100.html",
        "categories/category-7/3.html",
        "tags.html",
        "categories.html",
    ] {
        assert!(
            sitemap.contains(&format!("/{url}</loc>")),
            "sitemap lacks {url}"
        );
    }
    assert!(!sitemap.contains("search.html"));
    let tags = read(&out, "tags.html");
    assert_eq!(tags.matches("class=\"tile\"").count(), 31);
}

#[test]
fn featured_guides_come_first_in_their_order() {
    let t = generated(
        12,
        "title: Help\nplatforms: [web]\nupdated: reviewed\nfeatured: [g7, g2]\n",
    );
    let out = t.path("site");
    build_site(&t.guides(), &out);
    let home = read(&out, "index.html");
    assert!(home.contains("<h2 id=\"featured\">Featured guides</h2>"));
    assert_eq!(cards(&home), 2, "{home}");
    let (seven, two) = (
        home.find("How to change setting 7<"),
        home.find("How to change setting 2<"),
    );
    assert!(seven.is_some() && two.is_some() && seven < two, "{home}");
}

#[test]
fn an_unknown_featured_guide_is_reported_with_a_suggestion() {
    let t = generated(3, "featured:\n  - g1\n  - g11\n");
    let report = t.check();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "unknown-featured-guide")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!((d.span.start.line, d.span.start.col), (3, 5));
    assert!(d.message.contains("`g11`"), "{}", d.message);
    assert_eq!(d.help.as_deref(), Some("did you mean \"g1\"?"));
}

#[test]
fn git_dates_reach_the_page_the_sitemap_and_the_data_and_a_new_date_rebuilds() {
    let t = GuideTest::new()
        .file("site.yaml", "title: Help\nlanguage: en-GB\nplatforms: [web]\n")
        .file("demo/product.yaml", PRODUCT.replace("{p}", "0"))
        .file(
            "demo/a.yaml",
            "title: How to open settings\nsummary: Open them.\nsteps:\n  web:\n    - open: settings\n",
        )
        .file("demo/b.yaml", guide(1));
    let out = t.path("site");
    // Not a repository: no date, no error.
    build_site(&t.guides(), &out);
    let page = read(&out, "guides/a.html");
    assert!(!page.contains("Last updated"), "{page}");
    let root = t.root();
    if !git(root, &["init", "-q"], "2026-03-01T10:00:00+00:00") {
        eprintln!("git is not available: skipping the git part");
        return;
    }
    assert!(git(root, &["add", "."], "2026-03-01T10:00:00+00:00"));
    assert!(git(
        root,
        &["commit", "-qm", "guides"],
        "2026-03-01T10:00:00+00:00"
    ));
    build_site(&t.guides(), &out);
    let page = read(&out, "guides/a.html");
    assert!(
        page.contains(
            "<dt>Last updated</dt><dd><time datetime=\"2026-03-01\">1 March 2026</time></dd>"
        ),
        "{page}"
    );
    assert!(page.contains("\"dateModified\":\"2026-03-01\""));
    assert!(read(&out, "data/a.json").contains("\"updated\":\"2026-03-01\""));
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains("/guides/a.html</loc><lastmod>2026-03-01</lastmod>"),
        "{sitemap}"
    );
    // `reviewed` wins over the commit.
    assert!(
        sitemap.contains("/guides/b.html</loc><lastmod>2026-01-02</lastmod>"),
        "{sitemap}"
    );

    // The same files under a commit of another date: the pages follow.
    assert!(git(
        root,
        &["commit", "-q", "--amend", "--no-edit", "--reset-author"],
        "2026-04-02T23:30:00-05:00"
    ));
    build_site(&t.guides(), &out);
    let page = read(&out, "guides/a.html");
    assert!(
        page.contains("<time datetime=\"2026-04-02\">2 April 2026</time>"),
        "{page}"
    );
    assert!(read(&out, "index.html").contains("datetime=\"2026-04-02\""));

    // `updated: reviewed` ignores git; `none` shows no date at all.
    t.write(
        "guides/site.yaml",
        "title: Help\nplatforms: [web]\nupdated: reviewed\n",
    );
    build_site(&t.guides(), &out);
    assert!(!read(&out, "guides/a.html").contains("Last updated"));
    assert!(read(&out, "guides/b.html").contains("datetime=\"2026-01-02\""));
    t.write(
        "guides/site.yaml",
        "title: Help\nplatforms: [web]\nupdated: none\n",
    );
    build_site(&t.guides(), &out);
    assert!(!read(&out, "guides/b.html").contains("Last updated"));
    assert!(!read(&out, "sitemap.xml").contains("lastmod"));
}
