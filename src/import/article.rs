//! What every reader makes of an article: headings, paragraphs, lists, images and tab
//! panels, with the inline runs that matter for steps (labels, links), whatever the format
//! it was written in.

/// A piece of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    /// Plain words.
    Text(String),
    /// Bold or quoted words: how articles mark the labels of the screen.
    Label(String),
    /// Emphasis, kept as Markdown `*...*`.
    Emph(String),
    /// Inline code, kept as Markdown.
    Code(String),
    /// A link with its text.
    Link { text: String, href: String },
}

/// A paragraph's or list item's inline text.
pub(crate) type Inline = Vec<Run>;

/// The words of inline text, labels and links included, without marks.
pub(crate) fn plain(inline: &[Run]) -> String {
    let mut s = String::new();
    for r in inline {
        match r {
            Run::Text(t) | Run::Label(t) | Run::Emph(t) | Run::Code(t) => s.push_str(t),
            Run::Link { text, .. } => s.push_str(text),
        }
    }
    s
}

/// A picture of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    /// Where the file is, as the article wrote it.
    pub src: String,
    /// Its alt text, or its caption when it has no alt text.
    pub alt: String,
}

/// A block of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A heading of some level (1 is the title).
    Heading { level: u8, text: String },
    /// A paragraph.
    Paragraph(Inline),
    /// A numbered or bulleted list.
    List { ordered: bool, items: Vec<Item> },
    /// A picture, standing on its own.
    Image(Image),
    /// One panel of a tab set, with the tab's label.
    Panel { label: String, blocks: Vec<Block> },
    /// A quotation or call-out box.
    Quote(Vec<Block>),
}

/// One item of a list: its first paragraph, and what follows inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Item {
    /// The item's text.
    pub text: Inline,
    /// Further paragraphs, lists and pictures inside the item.
    pub blocks: Vec<Block>,
}

/// An article as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Article {
    /// The title (a front matter `title`, the first top heading, or the first line).
    pub title: Option<String>,
    /// Everything else, in order.
    pub blocks: Vec<Block>,
}

/// Appends text to an inline list, merging with a preceding run of plain text.
pub(crate) fn push_text(inline: &mut Inline, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Run::Text(t)) = inline.last_mut() {
        t.push_str(text);
    } else {
        inline.push(Run::Text(text.to_string()));
    }
}

/// Splits quoted words out of plain text runs: `Go to “Your Orders”` has the label
/// `Your Orders`. Straight double quotes count too, when they pair up.
pub(crate) fn quotes_to_labels(inline: Inline) -> Inline {
    let mut out = Vec::new();
    for run in inline {
        let Run::Text(t) = run else {
            out.push(run);
            continue;
        };
        let mut rest = t.as_str();
        loop {
            let Some((open, close)) = next_quote(rest) else {
                push_text(&mut out, rest);
                break;
            };
            let inner = &rest[open.1..close.0];
            push_text(&mut out, &rest[..open.0]);
            out.push(Run::Label(inner.to_string()));
            rest = &rest[close.1..];
        }
    }
    out
}

/// The byte ranges of the next opening and closing quote around a short label.
fn next_quote(s: &str) -> Option<((usize, usize), (usize, usize))> {
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»')] {
        let Some(i) = s.find(open) else { continue };
        let after = i + open.len_utf8();
        let Some(j) = s[after..].find(close) else {
            continue;
        };
        let inner = &s[after..after + j];
        let short = !inner.trim().is_empty() && inner.chars().count() <= 60;
        if short && best.is_none_or(|b| i < b.0.0) {
            best = Some(((i, after), (after + j, after + j + close.len_utf8())));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_become_labels() {
        let got = quotes_to_labels(vec![Run::Text(
            "Go to “Your Orders” and \"Cancel\".".into(),
        )]);
        assert_eq!(
            got,
            vec![
                Run::Text("Go to ".into()),
                Run::Label("Your Orders".into()),
                Run::Text(" and ".into()),
                Run::Label("Cancel".into()),
                Run::Text(".".into()),
            ]
        );
        assert_eq!(plain(&got), "Go to Your Orders and Cancel.");
    }
}
