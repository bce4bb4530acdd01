//! From an article's blocks to guide drafts: platform sections become procedures, list
//! items steps, call-outs notes and warnings, the first paragraph the summary. A second
//! procedure for a platform under a heading of its own is a guide of its own.

use super::article::{Article, Block, Inline, Item, Run, plain};
use super::glossary::Glossary;
use super::platforms::detect;
use super::sentence::{self, Context, Step, Target, sentence};
use crate::model::{Platform, PlatformKind};

/// A drafted guide.
#[derive(Debug, Clone, Default)]
pub(crate) struct Guide {
    /// The id (the file name).
    pub id: String,
    /// The title as the article has it.
    pub title: String,
    /// The summary: the first paragraph, or made from the title.
    pub summary: String,
    /// True when the summary was made from the title.
    pub summary_from_title: bool,
    /// Further introduction.
    pub intro: Vec<String>,
    /// Notes about the whole task.
    pub notes: Vec<String>,
    /// Warnings about the whole task.
    pub warnings: Vec<String>,
    /// Tips.
    pub tips: Vec<String>,
    /// The outcome.
    pub outcome: Option<String>,
    /// Steps per platform, in the site's order; `Err(platform)` is `same_as` that platform.
    pub steps: Vec<(String, Result<Vec<Step>, String>)>,
    /// Text that went nowhere: lead-in sentences, pictures without a step.
    pub left_out: Vec<String>,
}

/// Reads the whole article into one or more guides.
pub(crate) struct Drafter<'a> {
    /// The site's platforms.
    pub site: &'a [Platform],
    /// The glossary being built.
    pub glossary: &'a mut Glossary,
    /// Rewrites a link's target (`other-article.md` to `guide:other-article`).
    pub link: &'a dyn Fn(&str) -> String,
}

/// A block with the platforms it is for, or a heading that names none (a topic's start).
type Flat = (Option<Vec<String>>, Option<String>, Block);

/// A part of the article that becomes one guide.
#[derive(Default)]
struct Topic {
    heading: Option<String>,
    blocks: Vec<(Option<Vec<String>>, Block)>,
}

impl Drafter<'_> {
    /// The guides of one article; `id` is the first guide's id.
    pub(crate) fn guides(&mut self, article: &Article, id: &str) -> Vec<Guide> {
        let title = article
            .title
            .clone()
            .unwrap_or_else(|| id.replace('-', " "));
        let topics = self.topics(&article.blocks);
        let mut out = Vec::new();
        for (n, topic) in topics.iter().enumerate() {
            let mut g = Guide {
                id: match (&topic.heading, n) {
                    (Some(h), n) if n > 0 => crate::layout::slug(h),
                    _ => id.to_string(),
                },
                title: match (&topic.heading, n) {
                    (Some(h), n) if n > 0 => h.clone(),
                    _ => title.clone(),
                },
                ..Guide::default()
            };
            self.fill(&mut g, topic);
            tidy(&mut g);
            if g.summary.is_empty() {
                g.summary = sentence(&g.title);
                g.summary_from_title = true;
            }
            out.push(g);
        }
        out
    }

    /// Splits the blocks into topics, each with the platforms its blocks are for.
    fn topics(&self, blocks: &[Block]) -> Vec<Topic> {
        let mut flat: Vec<Flat> = Vec::new();
        let mut platforms: Option<Vec<String>> = None;
        for b in blocks {
            self.flatten(b, &mut platforms, &mut flat);
        }
        let mut topics = vec![Topic::default()];
        let mut has_steps = false;
        for i in 0..flat.len() {
            let (p, heading, block) = &flat[i];
            if let Some(h) = heading {
                let more_steps = flat[i + 1..]
                    .iter()
                    .take_while(|(_, h2, _)| h2.is_none())
                    .any(|(_, _, b)| matches!(b, Block::List { ordered: true, .. }));
                if has_steps && more_steps {
                    topics.push(Topic {
                        heading: Some(h.clone()),
                        blocks: Vec::new(),
                    });
                    has_steps = false;
                }
                continue;
            }
            has_steps |= matches!(block, Block::List { .. });
            if let Some(t) = topics.last_mut() {
                t.blocks.push((p.clone(), block.clone()));
            }
        }
        topics.retain(|t| !t.blocks.is_empty());
        if topics.is_empty() {
            topics.push(Topic::default());
        }
        topics
    }

    /// Blocks in order, each with its platforms; a heading that names no platform is kept
    /// as a marker (the middle field).
    fn flatten(&self, b: &Block, platforms: &mut Option<Vec<String>>, out: &mut Vec<Flat>) {
        match b {
            Block::Heading { text, .. } => {
                let p = detect(text, self.site);
                if p.is_empty() {
                    *platforms = None;
                    out.push((None, Some(text.clone()), b.clone()));
                } else {
                    *platforms = Some(p);
                }
            }
            Block::Panel { label, blocks } => {
                let p = detect(label, self.site);
                let mut inner = (!p.is_empty()).then_some(p);
                for b in blocks {
                    self.flatten(b, &mut inner, out);
                }
            }
            Block::Paragraph(inline) if is_heading_paragraph(inline, self.site) => {
                *platforms = Some(detect(&plain(inline), self.site));
            }
            _ => out.push((platforms.clone(), None, b.clone())),
        }
    }

    fn fill(&mut self, g: &mut Guide, topic: &Topic) {
        let mut procedures: Vec<(Vec<String>, Vec<Step>)> = Vec::new();
        let mut trailing: Vec<String> = Vec::new();
        for (platforms, block) in &topic.blocks {
            match block {
                Block::List { ordered, items }
                    if *ordered || !procedures.is_empty() || platforms.is_some() =>
                {
                    self.flush_trailing(g, &mut trailing);
                    let platforms = platforms.clone().unwrap_or_else(|| self.guess(items));
                    let steps = self.steps(items, &platforms, g);
                    match procedures.iter_mut().find(|(p, _)| *p == platforms) {
                        Some((_, existing)) => existing.extend(steps),
                        None => procedures.push((platforms, steps)),
                    }
                }
                Block::List { items, .. } => {
                    for item in items {
                        g.intro.push(format!("- {}", self.markdown(&item.text)));
                    }
                }
                Block::Paragraph(inline) => {
                    if self.callout(g, inline) {
                        continue;
                    }
                    let md = self.markdown(inline);
                    if says_platforms_are_alike(&plain(inline), self.site) {
                        // The drafted steps say it with `same_as`.
                        g.left_out.push(md);
                        continue;
                    }
                    if procedures.is_empty() {
                        if g.summary.is_empty() {
                            g.summary = md;
                        } else if md.trim_end().ends_with(':') {
                            g.left_out.push(md);
                        } else {
                            g.intro.push(md);
                        }
                    } else {
                        trailing.push(md);
                    }
                }
                Block::Quote(blocks) => {
                    for b in blocks {
                        if let Block::Paragraph(inline) = b
                            && !self.callout(g, inline)
                        {
                            g.notes.push(self.markdown(inline));
                        }
                    }
                }
                Block::Image(img) => {
                    let last = procedures.last_mut().and_then(|(_, s)| s.last_mut());
                    match last {
                        Some(step) if step.image.is_none() => {
                            step.image = Some((img.src.clone(), img.alt.clone()));
                        }
                        _ => g
                            .left_out
                            .push(format!("picture `{}` ({})", img.src, img.alt)),
                    }
                }
                Block::Heading { .. } | Block::Panel { .. } => {}
            }
        }
        // The last words of the article: what the reader gets, then notes.
        for t in trailing {
            if g.outcome.is_none() && describes_result(&t) {
                g.outcome = Some(t);
            } else if t.trim_end().ends_with(':') {
                g.left_out.push(t);
            } else {
                g.notes.push(t);
            }
        }
        procedures.retain(|(_, steps)| !steps.is_empty());
        if procedures.is_empty() {
            // No list of steps: the article's paragraphs are its steps, as written.
            let steps: Vec<Step> = std::mem::take(&mut g.intro)
                .into_iter()
                .chain(std::mem::take(&mut g.notes))
                .map(Step::text)
                .collect();
            let steps = if steps.is_empty() {
                vec![Step::text(g.title.clone())]
            } else {
                steps
            };
            let first = self.site.iter().take(1).map(|p| p.id.clone()).collect();
            g.left_out
                .push("no numbered steps: the paragraphs were kept as `do:` steps".to_string());
            procedures.push((first, steps));
        }
        g.steps = self.by_platform(procedures);
    }

    fn flush_trailing(&self, g: &mut Guide, trailing: &mut Vec<String>) {
        for t in trailing.drain(..) {
            if t.trim_end().ends_with(':') {
                g.left_out.push(t);
            } else {
                g.notes.push(t);
            }
        }
    }

    /// `Note:`, `Warning:`, `Tip:` paragraphs go to their fields.
    fn callout(&self, g: &mut Guide, inline: &Inline) -> bool {
        let Some((kind, rest)) = callout_kind(inline) else {
            return false;
        };
        let md = sentence(&self.markdown(&rest));
        match kind {
            "warning" => g.warnings.push(md),
            "tip" => g.tips.push(md),
            _ => g.notes.push(md),
        }
        true
    }

    /// The platforms of steps written under no platform heading: touch screens when they
    /// tap, a computer when they click, else the site's first platform.
    fn guess(&self, items: &[Item]) -> Vec<String> {
        let words: String = items
            .iter()
            .map(|i| plain(&i.text).to_lowercase() + " ")
            .collect();
        let kind = |k: &[PlatformKind]| -> Vec<String> {
            self.site
                .iter()
                .filter(|p| k.contains(&p.kind))
                .map(|p| p.id.clone())
                .collect()
        };
        let touch = words.contains("tap ") || words.starts_with("tap") || words.contains("swipe");
        let pointer = words.contains("click") || words.contains("hover");
        let found = match (touch, pointer) {
            (true, false) => kind(&[PlatformKind::Phone, PlatformKind::Tablet]),
            _ => kind(&[PlatformKind::Desktop]),
        };
        if found.is_empty() {
            self.site.iter().take(1).map(|p| p.id.clone()).collect()
        } else {
            found
                .into_iter()
                .take(if touch && !pointer { usize::MAX } else { 1 })
                .collect()
        }
    }

    fn steps(&mut self, items: &[Item], platforms: &[String], g: &mut Guide) -> Vec<Step> {
        let ctx = Context {
            platforms,
            press: press_verb(platforms, self.site),
        };
        let mut out: Vec<Step> = Vec::new();
        for item in items {
            let parsed = sentence::parse(&item.text, &ctx, self.glossary, self.link);
            if let Some(key) = parsed.confirms_previous {
                match out.last_mut() {
                    Some(prev) if prev.confirm.is_none() && !prev.is_unstructured() => {
                        prev.confirm = Some(key)
                    }
                    _ => out.push(confirm_step(&ctx, key)),
                }
                continue;
            }
            let mut steps = parsed.steps;
            if steps.is_empty() {
                continue;
            }
            self.extras(item, &ctx, &mut steps, g);
            out.extend(steps);
        }
        out
    }

    /// What an item holds besides its sentence: paragraphs, notes, pictures, sub-lists.
    fn extras(&mut self, item: &Item, ctx: &Context<'_>, steps: &mut [Step], g: &mut Guide) {
        let Some(last) = steps.last_mut() else { return };
        for b in &item.blocks {
            match b {
                Block::Paragraph(inline) => match callout_kind(inline) {
                    Some(("warning", rest)) => last.warning = Some(sentence(&self.markdown(&rest))),
                    Some((_, rest)) => last.note = Some(sentence(&self.markdown(&rest))),
                    None => {
                        let md = self.markdown(inline);
                        last.detail = Some(match last.detail.take() {
                            Some(d) => format!("{d} {md}"),
                            None => md,
                        });
                    }
                },
                Block::Image(img) if last.image.is_none() => {
                    last.image = Some((img.src.clone(), img.alt.clone()));
                }
                Block::List {
                    ordered: true,
                    items,
                } => {
                    for sub in items {
                        let parsed = sentence::parse(&sub.text, ctx, self.glossary, self.link);
                        last.steps.extend(parsed.steps.into_iter().map(|mut s| {
                            s.steps.clear();
                            s
                        }));
                    }
                }
                Block::List {
                    ordered: false,
                    items,
                } => {
                    last.choices
                        .extend(items.iter().map(|i| self.markdown(&i.text)));
                }
                Block::Image(img) => g
                    .left_out
                    .push(format!("picture `{}` ({})", img.src, img.alt)),
                other => g.left_out.push(format!("{:?}", short(other))),
            }
        }
    }

    /// Procedures per platform in the site's order; a platform whose steps are the same as
    /// an earlier one's is `same_as` it.
    fn by_platform(
        &self,
        procedures: Vec<(Vec<String>, Vec<Step>)>,
    ) -> Vec<(String, Result<Vec<Step>, String>)> {
        let mut per: Vec<(String, Vec<Step>)> = Vec::new();
        for (platforms, steps) in procedures {
            for p in platforms {
                if !per.iter().any(|(q, _)| *q == p) {
                    per.push((p, steps.clone()));
                }
            }
        }
        per.sort_by_key(|(p, _)| {
            self.site
                .iter()
                .position(|s| s.id == *p)
                .unwrap_or(usize::MAX)
        });
        let mut out: Vec<(String, Result<Vec<Step>, String>)> = Vec::new();
        for (p, steps) in per {
            let same = out.iter().find_map(|(q, s)| match s {
                Ok(s) if *s == steps => Some(q.clone()),
                _ => None,
            });
            out.push((p, same.map_or(Ok(steps), Err)));
        }
        out
    }

    fn markdown(&self, inline: &[Run]) -> String {
        markdown(inline, self.link)
    }
}

/// Drops what is empty: a field the format requires to have text is left out instead.
fn tidy(g: &mut Guide) {
    let blank = |s: &String| {
        s.trim()
            .trim_matches(['.', '*', '`', '_'])
            .trim()
            .is_empty()
    };
    for list in [&mut g.intro, &mut g.notes, &mut g.warnings, &mut g.tips] {
        list.retain(|s| !blank(s));
    }
    if g.outcome.as_ref().is_some_and(blank) {
        g.outcome = None;
    }
    if blank(&g.title) {
        g.title = g.id.replace('-', " ");
    }
    if blank(&g.summary) {
        g.summary.clear();
    }
    fn tidy_step(s: &mut Step, blank: &dyn Fn(&String) -> bool) {
        for f in [
            &mut s.cond,
            &mut s.detail,
            &mut s.note,
            &mut s.warning,
            &mut s.value,
        ] {
            if f.as_ref().is_some_and(blank) {
                *f = None;
            }
        }
        if let Target::Free(t) = &s.target
            && blank(t)
        {
            s.target = Target::None;
        }
        s.choices.retain(|c| !blank(c));
        for sub in &mut s.steps {
            tidy_step(sub, blank);
        }
        s.steps.retain(|sub| !says_nothing(sub));
    }
    for (_, steps) in &mut g.steps {
        if let Ok(steps) = steps {
            for s in steps.iter_mut() {
                tidy_step(s, &blank);
            }
            // Actions that need a target, left without one, say nothing.
            steps.retain(|s| !says_nothing(s));
            if steps.is_empty() {
                steps.push(Step::text(sentence(&g.title)));
            }
        }
    }
}

/// An action that needs a target, left without one: it says nothing.
fn says_nothing(s: &Step) -> bool {
    s.target == Target::None && !matches!(s.action, "sign-in" | "wait")
}

/// Inline text as Markdown: labels in bold.
pub(crate) fn markdown(inline: &[Run], link: &dyn Fn(&str) -> String) -> String {
    let mut s = String::new();
    for r in inline {
        match r {
            Run::Text(t) => s.push_str(t),
            Run::Label(l) => s.push_str(&format!("**{}**", l.trim())),
            Run::Emph(t) => s.push_str(&format!("*{}*", t.trim())),
            Run::Code(t) => s.push_str(&format!("`{t}`")),
            Run::Link { text, href } => s.push_str(&format!("[{text}]({})", link(href))),
        }
    }
    s.trim().to_string()
}

fn confirm_step(ctx: &Context<'_>, key: String) -> Step {
    Step::new(ctx.press, Target::Control(key))
}

/// `tap` when every platform is a touch screen, `click` when every one has a pointer.
fn press_verb(platforms: &[String], site: &[Platform]) -> &'static str {
    let kinds: Vec<PlatformKind> = platforms
        .iter()
        .filter_map(|p| site.iter().find(|s| s.id == *p))
        .map(|p| p.kind)
        .collect();
    if !kinds.is_empty()
        && kinds
            .iter()
            .all(|k| matches!(k, PlatformKind::Phone | PlatformKind::Tablet))
    {
        "tap"
    } else if !kinds.is_empty() && kinds.iter().all(|k| *k == PlatformKind::Desktop) {
        "click"
    } else {
        "press"
    }
}

/// A bold paragraph of its own that names a platform: `**On the website**`.
fn is_heading_paragraph(inline: &Inline, site: &[Platform]) -> bool {
    matches!(&inline[..], [Run::Label(l)] if !detect(l, site).is_empty())
}

/// `Note: ...` and the like: the kind and the text after the prefix.
fn callout_kind(inline: &Inline) -> Option<(&'static str, Inline)> {
    let text = plain(inline);
    let lower = text.trim_start().to_lowercase();
    let kinds = [
        ("note:", "note"),
        ("important:", "note"),
        ("please note:", "note"),
        ("warning:", "warning"),
        ("caution:", "warning"),
        ("tip:", "tip"),
        ("pro tip:", "tip"),
    ];
    let (prefix, kind) = kinds.iter().find(|(p, _)| lower.starts_with(p))?;
    // Drop the prefix from the first runs.
    let mut rest = inline.clone();
    let mut to_drop = prefix.chars().count();
    while to_drop > 0 && !rest.is_empty() {
        let (Run::Text(t) | Run::Label(t) | Run::Emph(t)) = &mut rest[0] else {
            break;
        };
        let trimmed = t.trim_start();
        let n = trimmed.chars().count();
        if n <= to_drop {
            to_drop -= n;
            rest.remove(0);
        } else {
            *t = trimmed.chars().skip(to_drop).collect();
            to_drop = 0;
        }
    }
    if let Some(Run::Text(t)) = rest.first_mut() {
        *t = t.trim_start().to_string();
    }
    Some((kind, rest))
}

/// "The instructions are the same on both Android and iOS".
fn says_platforms_are_alike(text: &str, site: &[Platform]) -> bool {
    let lower = text.to_lowercase();
    [
        "are the same on",
        "are the same for",
        "is the same on",
        "the same on both",
        "are identical on",
    ]
    .iter()
    .any(|p| lower.contains(p))
        && detect(text, site).len() >= 2
}

/// "Now you have ...", "You'll get ...", "Your account ...": what the reader ends with.
fn describes_result(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "now ",
        "you'll ",
        "you will ",
        "your ",
        "once ",
        "after ",
        "when this is done",
        "that's it",
        "done",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn short(b: &Block) -> String {
    match b {
        Block::Heading { text, .. } => text.clone(),
        Block::Paragraph(i) => plain(i),
        _ => "a block".to_string(),
    }
}
