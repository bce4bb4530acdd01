//! A guide in the terminal (`stepwise preview`): wrapped to a width, with bold labels, dim
//! locations and highlighted code when colour is on, plain text otherwise.

use anstyle::{AnsiColor, Reset, Style};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::instruction::{Piece, instruction};
use super::view::human_time;
use crate::locale::{Arg, Locale};
use crate::resolve::{PlatformSteps, ResolvedGuide, ResolvedStep};
use crate::source::Spanned;

/// How to preview.
#[derive(Debug, Clone)]
pub struct PreviewOptions {
    /// Only this platform (`None`: every platform).
    pub platform: Option<String>,
    /// Line width in columns.
    pub width: usize,
    /// Use ANSI colours and styles.
    pub color: bool,
}

struct Out<'o> {
    opts: &'o PreviewOptions,
    locale: &'o Locale,
    text: String,
    /// The platform being shown: its step ids and their numbers, for `{step:id}`.
    refs: Vec<(String, String)>,
}

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const ITALIC: Style = Style::new().italic();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();
/// No style: painting with it leaves the text as it is.
const PLAIN: Style = Style::new();

impl Out<'_> {
    /// `Option 2 — If you see a code:`, in bold.
    fn option_head(&self, number: usize, option: &crate::model::StepOption) -> String {
        let number = i64::try_from(number).unwrap_or(i64::MAX);
        let name = self
            .locale
            .text_with("option", &[("number", Arg::Num(number))]);
        let head = if option.condition {
            let label = self.inline(&super::instruction::condition_in(
                &option.label.value,
                self.locale,
            ));
            format!("{name} — {} {label}:", self.locale.text("option-if"))
        } else {
            format!("{name} — {}:", self.inline(&option.label.value))
        };
        self.paint(BOLD, &head)
    }

    /// `Time: 2 min`: a fact of the guide's header, named by the locale's `key`.
    fn meta_item(&self, key: &str, value: &str) -> String {
        let label = self.locale.text(key);
        self.locale.text_with(
            "meta-item",
            &[("label", Arg::Str(&label)), ("value", Arg::Str(value))],
        )
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if self.opts.color && !s.is_empty() {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_owned()
        }
    }

    /// Appends `text` wrapped with the given first-line and following indents.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let opts = textwrap::Options::new(self.opts.width.max(20))
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(text, opts) {
            self.text.push_str(line.trim_end());
            self.text.push('\n');
        }
    }

    fn blank(&mut self) {
        if !self.text.ends_with("\n\n") && !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    fn heading(&mut self, s: &str) {
        self.blank();
        let h = self.paint(BOLD, s);
        self.text.push_str(&h);
        self.text.push('\n');
    }

    /// Inline Markdown with styles for strong, emphasis, code and links.
    fn inline(&self, md: &str) -> String {
        let md = &*crate::steps::replace(md, |id| {
            self.refs
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, n)| format!("step {n}"))
        });
        let mut out = String::new();
        let mut link: Vec<String> = Vec::new();
        for e in Parser::new(md) {
            match e {
                Event::Text(t) => out.push_str(&t),
                Event::Code(c) => out.push_str(&self.paint(CYAN, &c)),
                Event::Start(Tag::Strong) if self.opts.color => {
                    out.push_str(&BOLD.render().to_string());
                }
                Event::Start(Tag::Emphasis) if self.opts.color => {
                    out.push_str(&ITALIC.render().to_string());
                }
                Event::End(TagEnd::Strong | TagEnd::Emphasis) if self.opts.color => {
                    out.push_str(&Reset.render().to_string());
                }
                // Links into the site show the site path they lead to (`guide:x` as
                // `guides/x.html`), as on the page.
                Event::Start(Tag::Link { dest_url, .. }) => link.push(
                    crate::links::href(&dest_url, "").unwrap_or_else(|| dest_url.to_string()),
                ),
                Event::End(TagEnd::Link) => {
                    if let Some(url) = link.pop() {
                        out.push_str(&self.paint(DIM, &format!(" ({url})")));
                    }
                }
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                Event::End(TagEnd::Paragraph) => out.push(' '),
                Event::Html(h) | Event::InlineHtml(h) => out.push_str(&h),
                _ => {}
            }
        }
        out.trim_end().to_owned()
    }

    /// Block Markdown: paragraphs wrapped, fenced code highlighted, lists bulleted.
    fn block(&mut self, md: &str, indent: &str) {
        let mut para = String::new();
        let mut code: Option<(String, String)> = None;
        let flush = |out: &mut Self, para: &mut String| {
            if !para.trim().is_empty() {
                let text = out.inline(para);
                out.wrapped(&text, indent, indent);
            }
            para.clear();
        };
        for e in Parser::new(md) {
            match e {
                Event::Start(Tag::CodeBlock(kind)) => {
                    flush(self, &mut para);
                    let lang = match kind {
                        CodeBlockKind::Fenced(l) => {
                            l.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                Event::Text(t) if code.is_some() => {
                    if let Some((_, c)) = code.as_mut() {
                        c.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((lang, c)) = code.take() {
                        let body = if self.opts.color {
                            super::highlight::terminal(&c, &lang)
                        } else {
                            c
                        };
                        for line in body.lines() {
                            self.text.push_str(indent);
                            self.text.push_str("    ");
                            self.text.push_str(line);
                            self.text.push('\n');
                        }
                    }
                }
                Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                    flush(self, &mut para);
                }
                Event::Start(Tag::Item) => para.push_str("• "),
                Event::Text(t) => para.push_str(&super::escape::markdown(&t)),
                Event::Code(c) => {
                    para.push('`');
                    para.push_str(&c);
                    para.push('`');
                }
                Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => para.push_str("**"),
                Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => para.push('*'),
                Event::SoftBreak | Event::HardBreak => para.push(' '),
                _ => {}
            }
        }
        flush(self, &mut para);
    }

    /// "On your computer:" or "Back on your TV:" above a step that moves to another device
    /// or comes back.
    fn switch(
        &mut self,
        ps: &PlatformSteps<'_>,
        rs: &ResolvedStep<'_>,
        before: Option<&str>,
        pad: &str,
    ) {
        let (switch, back) =
            super::view::switches(rs, before, ps.platform.kind.device(), self.locale);
        if let Some(t) = switch.or(back) {
            let t = self.paint(BOLD, &format!("{t}:"));
            self.wrapped(&t, &format!("{pad}    "), &format!("{pad}    "));
        }
    }

    fn step(
        &mut self,
        rg: &ResolvedGuide<'_>,
        ps: &PlatformSteps<'_>,
        rs: &ResolvedStep<'_>,
        number: &str,
        depth: usize,
        before: Option<&str>,
    ) {
        let s = rs.step;
        let ins = instruction(s, rs.on, rg.product, self.locale);
        let pad = "   ".repeat(depth);
        self.switch(ps, rs, before, &pad);
        let mut line = String::new();
        if s.optional {
            line.push_str(&self.paint(DIM, "(optional) "));
        }
        for p in &ins.pieces {
            match p {
                Piece::Text(t) => line.push_str(t),
                Piece::Ui(t) => line.push_str(&self.paint(BOLD, t)),
                Piece::Markdown(m) => line.push_str(&self.inline(m)),
                Piece::Where(w) => line.push_str(&self.paint(DIM, &format!(" ({w})"))),
                Piece::Var(v) => line.push_str(&self.paint(ITALIC, &format!("<{v}>"))),
            }
        }
        let first = format!("{pad}{number:>3} ");
        let rest = " ".repeat(first.chars().count());
        self.wrapped(&line, &first, &rest);
        if let Some(d) = rs.detail() {
            self.block(&d.value, &rest);
        }
        for c in &s.choices {
            let t = format!("• {}", self.inline(&c.value));
            self.wrapped(&t, &rest, &format!("{rest}  "));
        }
        let notes = [
            (rs.result(), "→", PLAIN),
            (s.note.as_ref(), "ℹ", PLAIN),
            (s.warning.as_ref(), "⚠", YELLOW),
        ];
        for (field, symbol, style) in notes {
            if let Some(t) = field {
                let marker = self.paint(style, symbol);
                let text = format!("{marker} {}", self.inline(&t.value));
                self.wrapped(&text, &rest, &format!("{rest}  "));
            }
        }
        for (i, sub) in rs.substeps.iter().enumerate() {
            self.step(
                rg,
                ps,
                sub,
                &format!("{}.", (b'a' + (i % 26) as u8) as char),
                depth + 1,
                match i {
                    0 => rs.elsewhere,
                    _ => rs.substeps[i - 1].elsewhere,
                },
            );
        }
        if !rs.options.is_empty() {
            let pad = "   ".repeat(depth + 1);
            self.wrapped(
                &self.locale.text("do-one-of"),
                &format!("{pad}    "),
                &format!("{pad}    "),
            );
            for (k, o) in rs.options.iter().enumerate() {
                let head = self.option_head(k + 1, o.option);
                self.wrapped(&head, &format!("{pad}    "), &format!("{pad}      "));
                for (j, sub) in o.steps.iter().enumerate() {
                    self.step(
                        rg,
                        ps,
                        sub,
                        &format!("{}.", (b'a' + (j % 26) as u8) as char),
                        depth + 2,
                        match j {
                            0 => rs.elsewhere,
                            _ => o.steps[j - 1].elsewhere,
                        },
                    );
                }
            }
        }
    }
}

/// Renders a resolved guide for the terminal, in English.
pub fn preview(rg: &ResolvedGuide<'_>, opts: &PreviewOptions) -> String {
    preview_in(rg, opts, &Locale::english())
}

/// Renders a resolved guide for the terminal, its step sentences in `locale`'s language.
pub fn preview_in(rg: &ResolvedGuide<'_>, opts: &PreviewOptions, locale: &Locale) -> String {
    let mut o = Out {
        opts,
        locale,
        text: String::new(),
        refs: Vec::new(),
    };
    o.header(rg);
    for ps in &rg.platforms {
        if opts.platform.as_ref().is_some_and(|p| *p != ps.platform.id) {
            continue;
        }
        o.platform(rg, ps);
    }
    o.closing(rg);
    o.text
}

/// The guide's goal for a platform's procedure, as written.
fn g_goal<'g>(rg: &ResolvedGuide<'g>, ps: &PlatformSteps<'_>) -> Option<&'g str> {
    rg.guide
        .goals
        .iter()
        .find(|g| g.platform.value == ps.platform.id)
        .map(|g| g.text.value.as_str())
}

impl Out<'_> {
    /// Title, summary, facts about the guide, introduction, prerequisites and warnings.
    fn header(&mut self, rg: &ResolvedGuide<'_>) {
        let g = rg.guide;
        let title = self.paint(BOLD, &g.title.value);
        self.wrapped(&title, "", "");
        let summary = self.inline(&g.summary.value);
        self.wrapped(&summary, "", "");
        let mut meta = Vec::new();
        if let Some(t) = &g.time {
            meta.push(self.meta_item("time", &human_time(t.value)));
        }
        if let Some(d) = &g.reviewed {
            meta.push(self.meta_item("reviewed", &d.value.to_string()));
        }
        let names: Vec<&str> = rg
            .platforms
            .iter()
            .map(|p| p.platform.name.as_str())
            .collect();
        meta.push(self.meta_item("platforms", &names.join(", ")));
        let meta = self.paint(DIM, &meta.join(" · "));
        self.wrapped(&meta, "", "");
        if let Some(i) = &g.intro {
            self.blank();
            self.block(&i.value, "");
        }
        let needs = super::view::needs_in(
            g.tools.iter().chain(&g.supplies).map(|t| t.value.as_str()),
            self.locale,
        );
        if !g.prerequisites.is_empty() || needs.is_some() {
            self.heading(&self.locale.text("before-you-start"));
            if let Some(n) = needs {
                let t = format!("{} {}", self.locale.text("you-need"), self.inline(&n));
                self.wrapped(&t, "  ", "    ");
            }
            self.bullets(&g.prerequisites);
        }
        for w in &g.warnings {
            self.blank();
            let t = format!("{} {}", self.paint(YELLOW, "⚠"), self.inline(&w.value));
            self.wrapped(&t, "", "  ");
        }
        for n in &g.notes {
            self.blank();
            let label = match &n.audience {
                Some(a) => self
                    .locale
                    .text_with("note-for", &[("audience", Arg::Str(a.value.trim()))]),
                None => self.locale.text("note"),
            };
            let t = format!(
                "{} {}",
                self.paint(BOLD, &label),
                self.inline(&n.text.value)
            );
            self.wrapped(&t, "", "  ");
        }
    }

    /// One platform's heading and steps.
    fn platform(&mut self, rg: &ResolvedGuide<'_>, ps: &PlatformSteps<'_>) {
        self.refs = crate::steps::numbered(ps)
            .into_iter()
            .filter_map(|n| Some((n.id?.value.clone(), n.number)))
            .collect();
        let rule = "─".repeat(
            self.opts
                .width
                .min(72)
                .saturating_sub(ps.platform.name.chars().count() + 4),
        );
        self.heading(&format!("── {} {rule}", ps.platform.name));
        if let Some(src) = ps.same_as
            && let Some(p) = rg.platforms.iter().find(|p| p.platform.id == src)
        {
            let t = self.paint(
                ITALIC,
                &self
                    .locale
                    .text_with("same-steps-as", &[("platform", Arg::Str(&p.platform.name))]),
            );
            self.wrapped(&t, "", "");
        }
        if let Some(goal) = g_goal(rg, ps) {
            let t = self.paint(BOLD, &self.inline(goal));
            self.wrapped(&t, "", "");
        }
        for (i, rs) in ps.steps.iter().enumerate() {
            let before = i
                .checked_sub(1)
                .and_then(|p| super::view::last_device(&ps.steps[p]));
            self.step(rg, ps, rs, &format!("{}.", i + 1), 0, before);
        }
    }

    /// Unavailable platforms, outcome, tips and troubleshooting.
    fn closing(&mut self, rg: &ResolvedGuide<'_>) {
        let g = rg.guide;
        for u in &g.unavailable_on {
            self.blank();
            let t = format!(
                "Not on {}: {}",
                u.platform.value,
                self.inline(&u.reason.value)
            );
            self.wrapped(&t, "", "  ");
        }
        if let Some(out) = &g.outcome {
            self.heading(&self.locale.text("result-heading"));
            if let Some(t) = &out.text {
                self.block(&t.value, "");
            }
            self.bullets(&out.facts);
        }
        if !g.tips.is_empty() {
            self.heading(&self.locale.text("tips"));
            self.bullets(&g.tips);
        }
        if !g.troubleshooting.is_empty() {
            self.heading(&self.locale.text("troubleshooting"));
            for t in &g.troubleshooting {
                let p = format!("{} {}", self.paint(RED, "?"), self.inline(&t.problem.value));
                self.wrapped(&p, "  ", "    ");
                let s = self.inline(&t.solution.value);
                self.wrapped(&s, "    ", "    ");
            }
        }
    }

    /// An indented bullet list of inline Markdown.
    fn bullets(&mut self, items: &[Spanned<String>]) {
        for item in items {
            let t = format!("• {}", self.inline(&item.value));
            self.wrapped(&t, "  ", "    ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The preview snapshots hold these exact bytes; a change here rewrites every one.
    #[test]
    fn styles_are_plain_sgr_codes() {
        let sgr = |s: Style| format!("{}|{}", s.render(), s.render_reset());
        assert_eq!(sgr(BOLD), "\x1b[1m|\x1b[0m");
        assert_eq!(sgr(DIM), "\x1b[2m|\x1b[0m");
        assert_eq!(sgr(ITALIC), "\x1b[3m|\x1b[0m");
        assert_eq!(sgr(YELLOW), "\x1b[33m|\x1b[0m");
        assert_eq!(sgr(RED), "\x1b[31m|\x1b[0m");
        assert_eq!(sgr(CYAN), "\x1b[36m|\x1b[0m");
        assert_eq!(sgr(PLAIN), "|");
        assert_eq!(Reset.render().to_string(), "\x1b[0m");
    }
}
