//! Reading Markdown articles (CommonMark, with YAML front matter) with pulldown-cmark.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::article::{Article, Block, Image, Inline, Item, Run, push_text, quotes_to_labels};

/// What is being built while events arrive.
enum Frame {
    Quote(Vec<Block>),
    List { ordered: bool, items: Vec<Item> },
    Item { item: Item, has_text: bool },
}

/// Reads one Markdown article.
pub(crate) fn read(text: &str) -> Article {
    let mut r = Reader::default();
    for event in Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        if !r.block(&event) {
            r.inline(event);
        }
    }
    r.article
}

/// The state of reading: the article so far, the open containers and inline marks.
#[derive(Default)]
struct Reader {
    article: Article,
    frames: Vec<Frame>,
    inline: Inline,
    /// An open bold (`*`) or emphasis (`_`) with the text inside it.
    mark: Option<(u8, String)>,
    link: Option<(String, String)>,
    image: Option<(String, String)>,
    heading: Option<u8>,
    in_meta: bool,
    in_code_block: bool,
}

impl Reader {
    /// Block-level events; false for an event of inline text.
    fn block(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_meta = false,
            Event::Text(t) if self.in_meta => {
                if let Some(title) = front_matter_title(t) {
                    self.article.title.get_or_insert(title);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => self.in_code_block = true,
            Event::End(TagEnd::CodeBlock) => self.in_code_block = false,
            Event::Text(_) if self.in_code_block => {}
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some(level_number(*level));
                self.inline.clear();
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Paragraph) => self.inline.clear(),
            Event::End(TagEnd::Paragraph) => {
                let done = quotes_to_labels(std::mem::take(&mut self.inline));
                finish_paragraph(&mut self.article, &mut self.frames, done);
            }
            Event::Start(Tag::BlockQuote(_)) => self.frames.push(Frame::Quote(Vec::new())),
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some(Frame::Quote(blocks)) = self.frames.pop() {
                    push_block(&mut self.article, &mut self.frames, Block::Quote(blocks));
                }
            }
            Event::Start(Tag::List(first)) => {
                flush_item_text(&mut self.frames, &mut self.inline);
                self.frames.push(Frame::List {
                    ordered: first.is_some(),
                    items: Vec::new(),
                });
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(Frame::List { ordered, items }) = self.frames.pop() {
                    push_block(
                        &mut self.article,
                        &mut self.frames,
                        Block::List { ordered, items },
                    );
                }
            }
            Event::Start(Tag::Item) => {
                self.inline.clear();
                self.frames.push(Frame::Item {
                    item: Item::default(),
                    has_text: false,
                });
            }
            Event::End(TagEnd::Item) => {
                flush_item_text(&mut self.frames, &mut self.inline);
                if let Some(Frame::Item { item, .. }) = self.frames.pop()
                    && let Some(Frame::List { items, .. }) = self.frames.last_mut()
                {
                    items.push(item);
                }
            }
            _ => return false,
        }
        true
    }

    fn end_heading(&mut self) {
        let text = super::article::plain(&self.inline).trim().to_string();
        self.inline.clear();
        let level = self.heading.take().unwrap_or(2);
        if level == 1 && self.article.title.is_none() && self.frames.is_empty() {
            self.article.title = Some(text);
        } else {
            push_block(
                &mut self.article,
                &mut self.frames,
                Block::Heading { level, text },
            );
        }
    }

    /// Inline events: marks, links, pictures and text.
    fn inline(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Strong) => self.mark = Some((b'*', String::new())),
            Event::Start(Tag::Emphasis) if self.mark.is_none() => {
                self.mark = Some((b'_', String::new()))
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                if let Some((kind, t)) = self.mark.take() {
                    let run = if kind == b'*' {
                        Run::Label(t)
                    } else {
                        Run::Emph(t)
                    };
                    place(&mut self.inline, &mut self.link, run);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((href, text)) = self.link.take() {
                    self.inline.push(Run::Link { text, href });
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.image = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, alt)) = self.image.take() {
                    push_image(
                        &mut self.article,
                        &mut self.frames,
                        &mut self.inline,
                        Image { src, alt },
                    );
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some((_, alt)) = self.image.as_mut() {
                    alt.push_str(&t);
                } else if let Some((_, m)) = self.mark.as_mut() {
                    m.push_str(&t);
                } else if let Some((_, lt)) = self.link.as_mut() {
                    lt.push_str(&t);
                } else {
                    push_text(&mut self.inline, &t);
                }
            }
            Event::Code(t) => place(&mut self.inline, &mut self.link, Run::Code(t.to_string())),
            Event::SoftBreak | Event::HardBreak => match self.mark.as_mut() {
                Some((_, m)) => m.push(' '),
                None => push_text(&mut self.inline, " "),
            },
            _ => {}
        }
    }
}

/// Puts a marked run in the inline text, or inside the open link's text.
fn place(inline: &mut Inline, link: &mut Option<(String, String)>, run: Run) {
    match link {
        Some((_, text)) => text.push_str(&super::article::plain(&[run])),
        None => inline.push(run),
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `title: ...` of a YAML front matter block, without quotes.
fn front_matter_title(meta: &str) -> Option<String> {
    meta.lines().find_map(|l| {
        let v = l.strip_prefix("title:")?.trim();
        let v = v.trim_matches(|c| c == '"' || c == '\'');
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// The first paragraph of an item is its text; later ones are blocks inside it.
fn finish_paragraph(article: &mut Article, frames: &mut [Frame], inline: Inline) {
    if inline
        .iter()
        .all(|r| matches!(r, Run::Text(t) if t.trim().is_empty()))
    {
        return;
    }
    if let Some(Frame::Item { item, has_text }) = frames.last_mut() {
        if !*has_text {
            item.text = inline;
            *has_text = true;
            return;
        }
        item.blocks.push(Block::Paragraph(inline));
        return;
    }
    push_block(article, frames, Block::Paragraph(inline));
}

/// A tight list item's text arrives without a paragraph: take what was collected.
fn flush_item_text(frames: &mut [Frame], inline: &mut Inline) {
    if let Some(Frame::Item { item, has_text }) = frames.last_mut()
        && !*has_text
        && !inline.is_empty()
    {
        item.text = quotes_to_labels(std::mem::take(inline));
        *has_text = true;
    }
}

fn push_image(article: &mut Article, frames: &mut [Frame], inline: &mut Inline, img: Image) {
    flush_item_text(frames, inline);
    push_block(article, frames, Block::Image(img));
}

fn push_block(article: &mut Article, frames: &mut [Frame], block: Block) {
    match frames.last_mut() {
        Some(Frame::Quote(blocks)) => blocks.push(block),
        Some(Frame::Item { item, .. }) => item.blocks.push(block),
        Some(Frame::List { items, .. }) => {
            // Content directly in a list (not in an item) goes to its last item.
            if let Some(last) = items.last_mut() {
                last.blocks.push(block);
            }
        }
        None => article.blocks.push(block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_headings_labels_and_images() {
        let a = read(
            "# Title\n\nIntro.\n\n## Android\n\n1. Tap **More options** (⋮).\n2. Tap “Settings”.\n   ![The settings](img/s.png)\n\nNote: done.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Title"));
        assert_eq!(a.blocks.len(), 4, "{:#?}", a.blocks);
        let Block::List { ordered, items } = &a.blocks[2] else {
            panic!("{:#?}", a.blocks)
        };
        assert!(*ordered);
        assert_eq!(items[0].text[1], Run::Label("More options".into()));
        assert_eq!(items[1].text[1], Run::Label("Settings".into()));
        assert!(matches!(&items[1].blocks[0], Block::Image(i) if i.src == "img/s.png"));
    }

    #[test]
    fn front_matter_gives_the_title() {
        let a = read("---\ntitle: How do I reset?\n---\n\nText.\n");
        assert_eq!(a.title.as_deref(), Some("How do I reset?"));
    }
}
