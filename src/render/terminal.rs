//! A guide in the terminal (`stepwise preview`): wrapped to a width, with bold labels, dim
//! locations and highlighted code when colour is on, plain text otherwise.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::instruction::{Piece, instruction};
use super::view::human_time;
use crate::resolve::{PlatformSteps, ResolvedGuide, ResolvedStep};

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
    text: String,
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const ITALIC: &str = "\x1b[3m";
const YELLOW: &str = "\x1b[33m";
const RED: &str = "\x1b[31m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

impl Out<'_> {
    fn paint(&self, style: &str, s: &str) -> String {
        if self.opts.color && !s.is_empty() {
            format!("{style}{s}{RESET}")
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
        let mut out = String::new();
        let mut link: Vec<String> = Vec::new();
        for e in Parser::new(md) {
            match e {
                Event::Text(t) => out.push_str(&t),
                Event::Code(c) => out.push_str(&self.paint(CYAN, &c)),
                Event::Start(Tag::Strong) if self.opts.color => out.push_str(BOLD),
                Event::Start(Tag::Emphasis) if self.opts.color => out.push_str(ITALIC),
                Event::End(TagEnd::Strong | TagEnd::Emphasis) if self.opts.color => {
                    out.push_str(RESET)
                }
                Event::Start(Tag::Link { dest_url, .. }) => link.push(dest_url.to_string()),
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

    fn step(
        &mut self,
        rg: &ResolvedGuide<'_>,
        ps: &PlatformSteps<'_>,
        rs: &ResolvedStep<'_>,
        number: &str,
        depth: usize,
    ) {
        let s = rs.step;
        let ins = instruction(s, ps.platform, rg.product);
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
            }
        }
        let pad = "   ".repeat(depth);
        let first = format!("{pad}{number:>3} ");
        let rest = " ".repeat(first.chars().count());
        self.wrapped(&line, &first, &rest);
        if let Some(d) = &s.detail {
            self.block(&d.value, &rest);
        }
        for c in &s.choices {
            let t = format!("• {}", self.inline(&c.value));
            self.wrapped(&t, &rest, &format!("{rest}  "));
        }
        let notes = [
            (&s.result, "→", ""),
            (&s.note, "ℹ", ""),
            (&s.warning, "⚠", YELLOW),
        ];
        for (field, symbol, style) in notes {
            if let Some(t) = field {
                let marker = if style.is_empty() {
                    symbol.to_owned()
                } else {
                    self.paint(style, symbol)
                };
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
            );
        }
    }
}

/// Renders a resolved guide for the terminal.
pub fn preview(rg: &ResolvedGuide<'_>, opts: &PreviewOptions) -> String {
    let mut o = Out {
        opts,
        text: String::new(),
    };
    let g = rg.guide;
    let title = o.paint(BOLD, &g.title.value);
    o.wrapped(&title, "", "");
    let summary = o.inline(&g.summary.value);
    o.wrapped(&summary, "", "");
    let mut meta = Vec::new();
    if let Some(t) = &g.time {
        meta.push(format!("Time: {}", human_time(t.value)));
    }
    if let Some(d) = &g.reviewed {
        meta.push(format!("Reviewed: {}", d.value));
    }
    let names: Vec<&str> = rg
        .platforms
        .iter()
        .map(|p| p.platform.name.as_str())
        .collect();
    meta.push(format!("Platforms: {}", names.join(", ")));
    let meta = o.paint(DIM, &meta.join(" · "));
    o.wrapped(&meta, "", "");
    if let Some(i) = &g.intro {
        o.blank();
        o.block(&i.value, "");
    }
    if !g.prerequisites.is_empty() {
        o.heading("Before you start");
        for p in &g.prerequisites {
            let t = format!("• {}", o.inline(&p.value));
            o.wrapped(&t, "  ", "    ");
        }
    }
    for w in &g.warnings {
        o.blank();
        let t = format!("{} {}", o.paint(YELLOW, "⚠"), o.inline(&w.value));
        o.wrapped(&t, "", "  ");
    }
    for ps in &rg.platforms {
        if opts.platform.as_ref().is_some_and(|p| *p != ps.platform.id) {
            continue;
        }
        let rule = "─".repeat(
            opts.width
                .min(72)
                .saturating_sub(ps.platform.name.chars().count() + 4),
        );
        o.heading(&format!("── {} {rule}", ps.platform.name));
        if let Some(src) = ps.same_as
            && let Some(p) = rg.platforms.iter().find(|p| p.platform.id == src)
        {
            let t = o.paint(
                ITALIC,
                &format!("The steps are the same as on {}.", p.platform.name),
            );
            o.wrapped(&t, "", "");
        }
        for (i, rs) in ps.steps.iter().enumerate() {
            o.step(rg, ps, rs, &format!("{}.", i + 1), 0);
        }
    }
    for u in &g.unavailable_on {
        o.blank();
        let t = format!("Not on {}: {}", u.platform.value, o.inline(&u.reason.value));
        o.wrapped(&t, "", "  ");
    }
    if let Some(out) = &g.outcome {
        o.heading("Result");
        if let Some(t) = &out.text {
            o.block(&t.value, "");
        }
        for f in &out.facts {
            let t = format!("• {}", o.inline(&f.value));
            o.wrapped(&t, "  ", "    ");
        }
    }
    if !g.tips.is_empty() {
        o.heading("Tips");
        for t in &g.tips {
            let t = format!("• {}", o.inline(&t.value));
            o.wrapped(&t, "  ", "    ");
        }
    }
    if !g.troubleshooting.is_empty() {
        o.heading("Troubleshooting");
        for t in &g.troubleshooting {
            let p = format!("{} {}", o.paint(RED, "?"), o.inline(&t.problem.value));
            o.wrapped(&p, "  ", "    ");
            let s = o.inline(&t.solution.value);
            o.wrapped(&s, "    ", "    ");
        }
    }
    o.text
}
