//! Writes a deterministic benchmark corpus: `cargo run --release --example gen-corpus -- N DIR
//! [--markdown MDDIR] [--profile light|real] [--shared-image] [--languages en,fr]`.
//!
//! N guides over 50 products, each product with a glossary of 40 controls; every guide has
//! web, Android and iOS steps (iOS usually `same_as: android`) and tips and related links.
//! The same arguments always give the same files.
//!
//! - `--profile light` (the default): 5 to 8 steps per platform, some Markdown, and a few
//!   screenshot references drawn from a small shared set of generated PNGs.
//! - `--profile real`: shaped like real help-center articles: about 20 written steps per
//!   guide (9 or 10 per platform), every step with a screenshot and a one-line detail, and
//!   non-ASCII text (curly quotes, accents, an em dash) in a third of the guides. Each step
//!   has a PNG of its own; with `--shared-image`, every guide of a product takes its steps'
//!   pictures from one set of 32 PNGs (the nth step shows the nth picture), so files are
//!   shared across guides but no guide shows one picture under two steps.
//!
//! With `--languages en,fr` (light profile only) the site is in two languages: every control
//! has a French label and every guide a `<id>.fr.yaml` translation of all its texts (its
//! steps keyed by position), without the `source:` fingerprint, which
//! `stepwise translations --mark-current` writes.
//!
//! With `--markdown MDDIR` the same articles are also written as Markdown pages (one page
//! per guide, the platforms as sections) for Hugo (`MDDIR/hugo`) and mdBook (`MDDIR/mdbook`),
//! so the generators can be compared on the same content. With the real profile the mdBook
//! book is written only up to 1,000 guides (mdBook takes minutes beyond).

use std::fmt::Write as _;
use std::path::Path;

/// splitmix64: a tiny deterministic generator (the corpus must not depend on a crate's
/// algorithm changing between versions).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const PRODUCTS: usize = 50;
const CONTROLS: usize = 40;
const WORDS: &[&str] = &[
    "account",
    "profile",
    "privacy",
    "security",
    "devices",
    "billing",
    "plan",
    "language",
    "notifications",
    "downloads",
    "playback",
    "subtitles",
    "parental",
    "controls",
    "history",
    "password",
    "email",
    "phone",
    "payment",
    "gift",
    "card",
    "region",
    "quality",
    "storage",
    "sharing",
    "family",
    "members",
    "sessions",
    "backup",
    "sync",
    "theme",
    "accessibility",
];
const ROLES: &[&str] = &[
    "button",
    "link",
    "menu-item",
    "tab",
    "icon",
    "section",
    "toggle",
    "field",
];
const WHERE: &[&str] = &[
    "top right",
    "bottom tab bar",
    "side menu",
    "top bar",
    "bottom right",
    "inside Settings",
];
const VERBS_WEB: &[&str] = &["click", "select", "open", "scroll-to"];
const VERBS_TOUCH: &[&str] = &["tap", "select", "open", "scroll-to"];

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn png(w: u32, h: u32, shade: u8) -> Vec<u8> {
    let mut raw = Vec::new();
    for _ in 0..h {
        raw.extend_from_slice(&[0]);
        for x in 0..w {
            raw.extend_from_slice(&[shade, (x % 256) as u8, 200]);
        }
    }
    encode_png(w, h, &raw)
}

/// A small PNG whose pixels spell out `seed`, so that every seed gives different bytes.
fn png_seeded(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let bytes = seed.to_le_bytes();
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            let i = (y * w + x) as usize;
            raw.extend_from_slice(&[bytes[i % 8], (x * 16) as u8, (y * 24) as u8]);
        }
    }
    encode_png(w, h, &raw)
}

/// Encodes filtered RGB scanlines as a PNG.
fn encode_png(w: u32, h: u32, raw: &[u8]) -> Vec<u8> {
    // An uncompressed (stored) zlib stream: valid PNG without a compression crate.
    let mut z = vec![0x78, 0x01];
    for (i, chunk) in raw.chunks(65_535).enumerate() {
        let last = (i + 1) * 65_535 >= raw.len();
        z.push(u8::from(last));
        let len = chunk.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in raw {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &byte in data {
            c ^= u32::from(byte);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let chunk = |out: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc(&body).to_be_bytes());
    };
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

struct Control {
    key: String,
    label: String,
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: gen-corpus N DIR [--markdown MDDIR] [--profile light|real] [--shared-image] [--languages en,fr]";
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).expect(usage);
    let dir = Path::new(args.get(2).expect(usage));
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let markdown = value("--markdown").map(Path::new);
    let real = match value("--profile").map(String::as_str) {
        None | Some("light") => false,
        Some("real") => true,
        Some(other) => panic!("unknown profile `{other}`; {usage}"),
    };
    let shared_image = args.iter().any(|a| a == "--shared-image");
    assert!(!shared_image || real, "--shared-image needs --profile real");
    let french = match value("--languages").map(String::as_str) {
        None | Some("en") => false,
        Some("en,fr") => true,
        Some(other) => panic!("unknown languages `{other}` (only `en,fr`); {usage}"),
    };
    assert!(!french || !real, "--languages needs the light profile");
    let mut rng = Rng(0x5eed_0000 ^ n as u64);

    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("site.yaml"),
        format!(
            "title: Benchmark Help Center\nbase_url: https://help.example.com/\n{}platforms: [web, android, ios]\n",
            if french { "languages: [en, fr]\n" } else { "" }
        ),
    )?;
    let mut products = Vec::new();
    for p in 0..PRODUCTS {
        let key = format!("product-{p:02}");
        let pdir = dir.join(&key);
        std::fs::create_dir_all(pdir.join("img"))?;
        for i in 0..4u8 {
            std::fs::write(
                pdir.join(format!("img/shot-{i}.png")),
                png(48, 32, i * 60 + p as u8),
            )?;
        }
        let mut text = format!(
            "name: Product {p}\nhome: https://product-{p}.example.com\nplatforms: [web, android, ios]\nglossary:\n"
        );
        let mut controls = Vec::new();
        for c in 0..CONTROLS {
            let a = WORDS[(c + p) % WORDS.len()];
            let b = WORDS[(c * 7 + p * 3 + 1) % WORDS.len()];
            let ckey = format!("{a}-{b}-{c}");
            let label = format!("{} {b}", title_case(a));
            let _ = writeln!(
                text,
                "  {ckey}:\n    role: {}\n    label: {label}\n    where: {}",
                rng.pick(ROLES),
                rng.pick(WHERE)
            );
            if french {
                let _ = writeln!(
                    text,
                    "    translations:\n      fr: {{label: {label} (fr), where: à l'écran {c}}}"
                );
            }
            controls.push(Control { key: ckey, label });
        }
        std::fs::write(pdir.join("product.yaml"), text)?;
        products.push((key, controls));
    }
    let ids: Vec<String> = (0..n).map(|i| format!("task-{i:05}")).collect();
    let (mut hugo, mut book) = (None, None);
    if let Some(md) = markdown {
        let h = md.join("hugo");
        std::fs::create_dir_all(h.join("content/guides"))?;
        std::fs::create_dir_all(h.join("static"))?;
        std::fs::write(
            h.join("hugo.toml"),
            "baseURL = 'https://help.example.com/'\ntitle = 'Benchmark Help Center'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n",
        )?;
        std::fs::create_dir_all(h.join("layouts/_default"))?;
        std::fs::write(
            h.join("layouts/_default/single.html"),
            "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
        )?;
        std::fs::write(
            h.join("layouts/_default/list.html"),
            "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
        )?;
        let b = md.join("mdbook");
        std::fs::create_dir_all(b.join("src/guides"))?;
        std::fs::write(
            b.join("book.toml"),
            "[book]\ntitle = \"Benchmark Help Center\"\n[output.html]\nsearch.enable = false\n",
        )?;
        for (key, _) in &products {
            for i in 0..4 {
                let img = std::fs::read(dir.join(key).join(format!("img/shot-{i}.png")))?;
                std::fs::create_dir_all(h.join("static").join(key))?;
                std::fs::write(
                    h.join("static").join(key).join(format!("shot-{i}.png")),
                    &img,
                )?;
                std::fs::create_dir_all(b.join("src").join(key))?;
                std::fs::write(b.join("src").join(key).join(format!("shot-{i}.png")), &img)?;
            }
        }
        hugo = Some(h);
        if !real || n <= 1000 {
            book = Some((b, String::from("# Summary\n\n")));
        }
    }
    if real {
        let out = Out { dir, hugo, book };
        return real_guides(&mut rng, &products, &ids, shared_image, out);
    }
    for (i, id) in ids.iter().enumerate() {
        let (pkey, controls) = &products[i % PRODUCTS];
        let topic = rng.pick(WORDS);
        let mut g = format!(
            "id: {id}\ntitle: How to change your {topic} settings ({i})\nsummary: Change how **{topic}** works for your account, on the web and in the apps.\ncategory: {}\ntags: [{topic}, settings]\ntime: {} min\nreviewed: 2026-0{}-1{}\n",
            title_case(rng.pick(WORDS)),
            2 + rng.below(8),
            1 + rng.below(9),
            rng.below(9)
        );
        let mut md = format!(
            "---\ntitle: \"How to change your {topic} settings ({i})\"\n---\n\nChange how **{topic}** works for your account.\n\n"
        );
        g.push_str("steps:\n");
        let mut fr = format!(
            "title: Modifier vos réglages {topic} ({i})\nsummary: Modifiez le fonctionnement de **{topic}** pour votre compte, sur le web et dans les applications.\ncategory: Catégorie {topic}\ntags: [{topic}-fr, réglages]\nsteps:\n"
        );
        let platform_steps = |name: &str,
                              verbs: &[&str],
                              rng: &mut Rng,
                              (g, md, fr): (&mut String, &mut String, &mut String),
                              shots: &mut usize| {
            let count = 5 + rng.below(4);
            let _ = writeln!(g, "  {name}:");
            let _ = writeln!(fr, "  {name}:");
            let _ = writeln!(md, "## {}\n", title_case(name));
            for s in 0..count {
                let c = &controls[rng.below(controls.len())];
                let verb = rng.pick(verbs);
                let _ = writeln!(g, "    - {verb}: {}", c.key);
                let _ = writeln!(
                    md,
                    "{}. {} **{}**.",
                    s + 1,
                    title_case(verb).replace('-', " "),
                    c.label
                );
                let mut texts = Vec::new();
                if rng.below(4) == 0 {
                    let _ = writeln!(g, "      result: The *{}* page opens.", c.label);
                    let _ = writeln!(md, "   The *{}* page opens.", c.label);
                    texts.push(format!("result: La page *{} (fr)* s'ouvre.", c.label));
                }
                // A few screenshots, each used once per guide, with its own caption.
                if rng.below(12) == 0 && *shots < 4 {
                    let shot = *shots;
                    *shots += 1;
                    let _ = writeln!(
                        g,
                        "      image: {{src: img/shot-{shot}.png, alt: The {} screen at {name} step {}}}",
                        c.label,
                        s + 1
                    );
                    let _ = writeln!(
                        md,
                        "   ![The {} screen at {name} step {}](/{pkey}/shot-{shot}.png)",
                        c.label,
                        s + 1
                    );
                    texts.push(format!(
                        "alt: L'écran {} (fr) à l'étape {} ({name})",
                        c.label,
                        s + 1
                    ));
                }
                if !texts.is_empty() {
                    let _ = writeln!(fr, "    {}: {{{}}}", s + 1, texts.join(", "));
                }
            }
            md.push('\n');
        };
        let mut shots = 0;
        let texts = (&mut g, &mut md, &mut fr);
        platform_steps("web", VERBS_WEB, &mut rng, texts, &mut shots);
        let texts = (&mut g, &mut md, &mut fr);
        platform_steps("android", VERBS_TOUCH, &mut rng, texts, &mut shots);
        if rng.below(4) == 0 {
            let texts = (&mut g, &mut md, &mut fr);
            platform_steps("ios", VERBS_TOUCH, &mut rng, texts, &mut shots);
        } else {
            g.push_str("  ios: {same_as: android}\n");
            md.push_str("## Ios\n\nThe steps are the same as on Android.\n\n");
        }
        g.push_str("outcome: Your new settings apply at once on every device.\n");
        g.push_str("tips:\n  - Changes can take a few minutes to reach your TV.\n");
        md.push_str("Your new settings apply at once on every device.\n\n> Changes can take a few minutes to reach your TV.\n");
        let r1 = &ids[(i + 1) % n];
        let r2 = &ids[(i * 7 + 3) % n];
        if r1 != id && r2 != id && r1 != r2 {
            let _ = writeln!(g, "related: [{r1}, {r2}]");
        }
        std::fs::write(dir.join(pkey).join(format!("{id}.yaml")), g)?;
        if french {
            fr.push_str(
                "outcome: Vos nouveaux réglages s'appliquent aussitôt sur tous vos appareils.\n",
            );
            fr.push_str("tips:\n  - Les changements peuvent mettre quelques minutes à atteindre votre téléviseur.\n");
            std::fs::write(dir.join(pkey).join(format!("{id}.fr.yaml")), fr)?;
        }
        if let Some(h) = &hugo {
            std::fs::write(h.join("content/guides").join(format!("{id}.md")), &md)?;
        }
        if let Some((b, summary)) = &mut book {
            let body = md.split("---\n").nth(2).unwrap_or(&md);
            std::fs::write(
                b.join("src/guides").join(format!("{id}.md")),
                format!("# How to change your {topic} settings ({i})\n{body}")
                    .replace("](/", "](../"),
            )?;
            let _ = writeln!(summary, "- [Guide {i}](guides/{id}.md)");
        }
    }
    if let Some((b, summary)) = book {
        std::fs::write(b.join("src/SUMMARY.md"), summary)?;
    }
    Ok(())
}

/// Where the real profile writes: the guides folder and, with `--markdown`, Hugo's site and
/// mdBook's book (with its summary so far).
struct Out<'a> {
    dir: &'a Path,
    hugo: Option<std::path::PathBuf>,
    book: Option<(std::path::PathBuf, String)>,
}

impl Out<'_> {
    /// Writes a screenshot at `rel` inside product `pkey`, and its copies for Hugo and mdBook.
    fn image(&self, pkey: &str, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::write(self.dir.join(pkey).join(rel), bytes)?;
        if let Some(h) = &self.hugo {
            std::fs::write(h.join("static").join(pkey).join(rel), bytes)?;
        }
        if let Some((b, _)) = &self.book {
            std::fs::write(b.join("src").join(pkey).join(rel), bytes)?;
        }
        Ok(())
    }
}

/// Words with accents, for the third of the guides written with non-ASCII text.
const ACCENTED: &[&str] = &[
    "café",
    "résumé",
    "naïve",
    "Zoë",
    "São Paulo",
    "Málaga",
    "Ångström",
];
const DETAILS: &[&str] = &[
    "It may take a moment to appear.",
    "If you do not see it, scroll down a little.",
    "The page remembers your choice for next time.",
    "You may be asked for your password first.",
    "On a small screen it can be folded into a list.",
];

/// The guides of the real profile: about 20 written steps each, every one with a
/// screenshot and a one-line detail.
fn real_guides(
    rng: &mut Rng,
    products: &[(String, Vec<Control>)],
    ids: &[String],
    shared_image: bool,
    mut out: Out<'_>,
) -> std::io::Result<()> {
    const SHARED: usize = 32;
    let n = ids.len();
    for (key, _) in products {
        if let Some(h) = &out.hugo {
            std::fs::create_dir_all(h.join("static").join(key).join("img"))?;
        }
        if let Some((b, _)) = &out.book {
            std::fs::create_dir_all(b.join("src").join(key).join("img"))?;
        }
    }
    if shared_image {
        for (p, (key, _)) in products.iter().enumerate() {
            for k in 0..SHARED {
                let rel = format!("img/step-{k:02}.png");
                out.image(key, &rel, &png_seeded(12, 8, (p * SHARED + k) as u64))?;
            }
        }
    }
    for (i, id) in ids.iter().enumerate() {
        let (pkey, controls) = &products[i % products.len()];
        let topic = rng.pick(WORDS);
        // A third of the guides are written with curly quotes, accents and an em dash.
        let fancy = i % 3 == 0;
        let (title, summary) = if fancy {
            let place = rng.pick(ACCENTED);
            (
                format!("How to change your {topic} settings in {place} — step by step ({i})"),
                format!(
                    "Change how **{topic}** works for your account — on the web and in the apps, even at the “{place}” café."
                ),
            )
        } else {
            (
                format!("How to change your {topic} settings ({i})"),
                format!(
                    "Change how **{topic}** works for your account, on the web and in the apps."
                ),
            )
        };
        let mut g = format!(
            "id: {id}\ntitle: {title}\nsummary: {summary}\ncategory: {}\ntags: [{topic}, settings]\ntime: {} min\nreviewed: 2026-0{}-1{}\n",
            title_case(rng.pick(WORDS)),
            2 + rng.below(8),
            1 + rng.below(9),
            rng.below(9)
        );
        let mut md = format!(
            "---\ntitle: \"{}\"\n---\n\n{summary}\n\n",
            title.replace('"', "\\\"")
        );
        g.push_str("steps:\n");
        // The nth written step of the guide (across platforms) shows the nth shared picture.
        let mut nth = 0usize;
        let mut platform = |name: &str,
                            verbs: &[&str],
                            rng: &mut Rng,
                            g: &mut String,
                            md: &mut String|
         -> std::io::Result<()> {
            let count = 9 + rng.below(2);
            let _ = writeln!(g, "  {name}:");
            let _ = writeln!(md, "## {}\n", title_case(name));
            for s in 0..count {
                let c = &controls[rng.below(controls.len())];
                let verb = rng.pick(verbs);
                let _ = writeln!(g, "    - {verb}: {}", c.key);
                let _ = writeln!(
                    md,
                    "{}. {} **{}**.",
                    s + 1,
                    title_case(verb).replace('-', " "),
                    c.label
                );
                let detail = if fancy {
                    format!(
                        "Look for “{}” — it is where it was before the redesign.",
                        c.label
                    )
                } else {
                    String::from(rng.pick(DETAILS))
                };
                let _ = writeln!(g, "      detail: \"{detail}\"");
                let _ = writeln!(md, "   {detail}");
                let mut texts = Vec::new();
                if rng.below(4) == 0 {
                    let _ = writeln!(g, "      result: The *{}* page opens.", c.label);
                    let _ = writeln!(md, "   The *{}* page opens.", c.label);
                    texts.push(format!("result: La page *{} (fr)* s'ouvre.", c.label));
                }
                let rel = if shared_image {
                    format!("img/step-{:02}.png", nth % SHARED)
                } else {
                    let rel = format!("img/{id}-{name}-{s:02}.png");
                    out.image(pkey, &rel, &png_seeded(12, 8, (i * 64 + nth) as u64))?;
                    rel
                };
                nth += 1;
                let alt = if fancy {
                    format!("The “{}” screen — {name} step {}", c.label, s + 1)
                } else {
                    format!("The {} screen at {name} step {}", c.label, s + 1)
                };
                let _ = writeln!(g, "      image: {{src: {rel}, alt: \"{alt}\"}}");
                let _ = writeln!(md, "   ![{alt}](/{pkey}/{rel})");
            }
            md.push('\n');
            Ok(())
        };
        platform("web", VERBS_WEB, rng, &mut g, &mut md)?;
        platform("android", VERBS_TOUCH, rng, &mut g, &mut md)?;
        if rng.below(4) == 0 {
            platform("ios", VERBS_TOUCH, rng, &mut g, &mut md)?;
        } else {
            g.push_str("  ios: {same_as: android}\n");
            md.push_str("## Ios\n\nThe steps are the same as on Android.\n\n");
        }
        g.push_str("outcome: Your new settings apply at once on every device.\n");
        g.push_str("tips:\n  - Changes can take a few minutes to reach your TV.\n");
        md.push_str("Your new settings apply at once on every device.\n\n> Changes can take a few minutes to reach your TV.\n");
        let r1 = &ids[(i + 1) % n];
        let r2 = &ids[(i * 7 + 3) % n];
        if r1 != id && r2 != id && r1 != r2 {
            let _ = writeln!(g, "related: [{r1}, {r2}]");
        }
        std::fs::write(out.dir.join(pkey).join(format!("{id}.yaml")), g)?;
        if let Some(h) = &out.hugo {
            std::fs::write(h.join("content/guides").join(format!("{id}.md")), &md)?;
        }
        if let Some((b, summary)) = &mut out.book {
            let body = md.split("---\n").nth(2).unwrap_or(&md);
            std::fs::write(
                b.join("src/guides").join(format!("{id}.md")),
                format!("# {title}\n{body}").replace("](/", "](../"),
            )?;
            let _ = writeln!(summary, "- [Guide {i}](guides/{id}.md)");
        }
    }
    if let Some((b, summary)) = out.book {
        std::fs::write(b.join("src/SUMMARY.md"), summary)?;
    }
    Ok(())
}
