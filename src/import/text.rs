//! Reading plain-text articles, as copied from a web page: the first line is the title,
//! lines starting with a dash or a number are steps, a short line after a step is its
//! picture's caption, and a short line naming a platform is a heading.

use super::article::{Article, Block, Image, Item, Run, quotes_to_labels};
use crate::model::Platform;

/// Lines of page furniture that copying a web page brings along.
const FURNITURE: &[&str] = &[
    "click to rate",
    "(votes:",
    "leave a comment",
    "leave a reply",
    "was this article helpful",
    "was this helpful",
    "share this",
    "related articles",
    "related posts",
];

/// Reads one plain-text article.
pub(crate) fn read(text: &str, site: &[Platform]) -> Article {
    let mut article = Article::default();
    let mut list: Vec<Item> = Vec::new();
    // The previous block was a step (so a short line after it is its caption).
    let mut after_step = false;
    for para in paragraphs(text) {
        if article.title.is_none() {
            article.title = Some(para);
            continue;
        }
        let lower = para.to_lowercase();
        if FURNITURE.iter().any(|f| lower.starts_with(f)) {
            continue;
        }
        if let Some(step) = list_item(&para) {
            list.push(Item {
                text: quotes_to_labels(vec![Run::Text(step.to_string())]),
                blocks: Vec::new(),
            });
            after_step = true;
            continue;
        }
        let short = para.chars().count() <= 70 && !para.ends_with(['.', '!', '?', ':', ')']);
        let names_platform = !super::platforms::detect(&para, site).is_empty();
        if short && after_step && !names_platform {
            if let Some(last) = list.last_mut() {
                last.blocks.push(Block::Image(Image {
                    src: String::new(),
                    alt: para,
                }));
            }
            after_step = false;
            continue;
        }
        if !list.is_empty() {
            article.blocks.push(Block::List {
                ordered: true,
                items: std::mem::take(&mut list),
            });
        }
        after_step = false;
        if short {
            article.blocks.push(Block::Heading {
                level: 2,
                text: para,
            });
        } else {
            article
                .blocks
                .push(Block::Paragraph(quotes_to_labels(vec![Run::Text(para)])));
        }
    }
    if !list.is_empty() {
        article.blocks.push(Block::List {
            ordered: true,
            items: list,
        });
    }
    article
}

/// Paragraphs: runs of lines separated by blank lines; a list item always starts one.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && list_item(line).is_none() => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        open = true;
    }
    out
}

/// The text of a list item line: `– Tap ...`, `- Tap ...`, `• Tap ...`, `1. Tap ...`.
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["– ", "- ", "* ", "• ", "— ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_captions_and_headings() {
        let site = crate::load::default_site().platforms;
        let a = read(
            "How to go\n\nIntro text that is long enough to be a paragraph of its own here.\n\nSteps on the web\n\n– Click “Account”\n\nThe account\n\n– Select “Sign out”\n\nOn Android\n\n1. Tap “Menu”\n",
            &site,
        );
        assert_eq!(a.title.as_deref(), Some("How to go"));
        let kinds: Vec<&str> = a
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { .. } => "h",
                Block::Paragraph(_) => "p",
                Block::List { .. } => "l",
                _ => "?",
            })
            .collect();
        assert_eq!(kinds, ["p", "h", "l", "h", "l"]);
        let Block::List { items, .. } = &a.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0].blocks[0], Block::Image(i) if i.alt == "The account"));
    }
}
