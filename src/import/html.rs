//! Reading HTML articles (help-center exports, static pages) with an HTML5 parser: the
//! article's main element, its headings, lists, pictures and tab panels.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::article::{Article, Block, Image, Inline, Item, Run, push_text, quotes_to_labels};

/// Elements whose content is never part of the article.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "footer", "noscript", "template", "svg", "button", "form", "head",
];
/// Elements that start a block of their own inside a list item.
const BLOCKS: &[&str] = &[
    "p",
    "ol",
    "ul",
    "div",
    "figure",
    "img",
    "section",
    "blockquote",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "aside",
];

/// Reads one HTML article.
pub(crate) fn read(text: &str) -> Article {
    let doc = Html::parse_document(text);
    let tabs = tab_labels(&doc);
    let root = main_element(&doc);
    let mut reader = Reader {
        tabs,
        panels: 0,
        article: Article::default(),
    };
    let mut blocks = Vec::new();
    reader.blocks(*root, &mut blocks);
    reader.article.blocks = blocks;
    if reader.article.title.is_none() {
        reader.article.title = page_title(&doc);
    }
    reader.article
}

struct Reader {
    /// The labels of `role="tab"` elements, in document order.
    tabs: Vec<String>,
    /// Panels seen so far (to pair a panel without a label with its tab).
    panels: usize,
    article: Article,
}

impl Reader {
    fn blocks(&mut self, node: NodeRef<'_, Node>, out: &mut Vec<Block>) {
        for child in node.children() {
            let Some(el) = ElementRef::wrap(child) else {
                if let Node::Text(t) = child.value()
                    && !t.trim().is_empty()
                {
                    out.push(Block::Paragraph(vec![Run::Text(collapse(t))]));
                }
                continue;
            };
            self.element(el, out);
        }
    }

    fn element(&mut self, el: ElementRef<'_>, out: &mut Vec<Block>) {
        let name = el.value().name();
        if SKIPPED.contains(&name) || el.value().attr("role") == Some("tablist") {
            return;
        }
        if let Some(label) = self.panel_label(el) {
            let mut blocks = Vec::new();
            self.blocks(*el, &mut blocks);
            out.push(Block::Panel { label, blocks });
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = collapse(&el.text().collect::<String>()).trim().to_string();
                let level = name.as_bytes()[1] - b'0';
                if level == 1 && self.article.title.is_none() {
                    self.article.title = Some(text);
                } else if !text.is_empty() {
                    out.push(Block::Heading { level, text });
                }
            }
            "p" | "dt" | "dd" | "figcaption" => {
                let inline = inline_of(*el);
                if !super::article::plain(&inline).trim().is_empty() {
                    out.push(Block::Paragraph(inline));
                }
            }
            "ol" | "ul" => out.push(self.list(el, name == "ol")),
            "img" => out.extend(image_of(el, None).map(Block::Image)),
            "figure" => self.figure(el, out),
            "blockquote" | "aside" => {
                let mut blocks = Vec::new();
                self.blocks(*el, &mut blocks);
                out.push(Block::Quote(blocks));
            }
            _ => {
                if has_block_child(*el) {
                    self.blocks(*el, out);
                } else {
                    let inline = inline_of(*el);
                    if !super::article::plain(&inline).trim().is_empty() {
                        out.push(Block::Paragraph(inline));
                    }
                }
            }
        }
    }

    fn figure(&mut self, el: ElementRef<'_>, out: &mut Vec<Block>) {
        let caption = el
            .children()
            .filter_map(ElementRef::wrap)
            .find(|c| c.value().name() == "figcaption")
            .map(|c| collapse(&c.text().collect::<String>()).trim().to_string());
        let img = el
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|c| c.value().name() == "img");
        if let Some(img) = img.and_then(|i| image_of(i, caption)) {
            out.push(Block::Image(img));
        }
    }

    fn list(&mut self, el: ElementRef<'_>, ordered: bool) -> Block {
        let mut items = Vec::new();
        for li in el.children().filter_map(ElementRef::wrap) {
            if li.value().name() != "li" {
                continue;
            }
            let mut item = Item::default();
            let mut inline: Inline = Vec::new();
            for child in li.children() {
                let block = ElementRef::wrap(child).filter(|c| BLOCKS.contains(&c.value().name()));
                match block {
                    Some(b)
                        if b.value().name() == "p" && item.text.is_empty() && inline.is_empty() =>
                    {
                        item.text = inline_of(*b);
                    }
                    Some(b) => {
                        if item.text.is_empty() && !inline.is_empty() {
                            item.text = quotes_to_labels(std::mem::take(&mut inline));
                        }
                        self.element(b, &mut item.blocks);
                    }
                    None => inline_into(child, &mut inline),
                }
            }
            if item.text.is_empty() {
                item.text = quotes_to_labels(inline);
            }
            trim_inline(&mut item.text);
            items.push(item);
        }
        Block::List { ordered, items }
    }

    /// The tab label of a tab panel: its `aria-label`, `data-tab`, the element its
    /// `aria-labelledby` names, or the tab at the same position.
    fn panel_label(&mut self, el: ElementRef<'_>) -> Option<String> {
        let v = el.value();
        let class = v.attr("class").unwrap_or("");
        let is_panel = v.attr("role") == Some("tabpanel")
            || v.attr("data-tab").is_some()
            || class.split_whitespace().any(|c| {
                c == "tab-pane" || c.ends_with("tabs__panel") || c == "tab-panel" || c == "tabpanel"
            });
        if !is_panel {
            return None;
        }
        let index = self.panels;
        self.panels += 1;
        let named = v
            .attr("aria-label")
            .or(v.attr("data-tab"))
            .map(str::to_string);
        named
            .or_else(|| self.tabs.get(index).cloned())
            .or(Some(String::new()))
    }
}

/// Text with runs of whitespace made one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

fn has_block_child(node: NodeRef<'_, Node>) -> bool {
    node.children()
        .filter_map(ElementRef::wrap)
        .any(|c| BLOCKS.contains(&c.value().name()) || c.value().attr("role") == Some("tabpanel"))
}

fn inline_of(node: NodeRef<'_, Node>) -> Inline {
    let mut inline = Vec::new();
    for child in node.children() {
        inline_into(child, &mut inline);
    }
    trim_inline(&mut inline);
    quotes_to_labels(inline)
}

fn inline_into(node: NodeRef<'_, Node>, inline: &mut Inline) {
    match node.value() {
        Node::Text(t) => push_text(inline, &collapse(t)),
        Node::Element(e) => {
            let text = || {
                collapse(
                    &ElementRef::wrap(node)
                        .map(|e| e.text().collect::<String>())
                        .unwrap_or_default(),
                )
                .trim()
                .to_string()
            };
            match e.name() {
                "strong" | "b" => inline.push(Run::Label(text())),
                "em" | "i" => inline.push(Run::Emph(text())),
                "code" | "kbd" => inline.push(Run::Code(text())),
                "a" => inline.push(Run::Link {
                    text: text(),
                    href: e.attr("href").unwrap_or("").to_string(),
                }),
                "br" => push_text(inline, " "),
                n if SKIPPED.contains(&n) => {}
                _ => {
                    for c in node.children() {
                        inline_into(c, inline);
                    }
                }
            }
        }
        _ => {}
    }
}

fn trim_inline(inline: &mut Inline) {
    if let Some(Run::Text(t)) = inline.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Run::Text(t)) = inline.last_mut() {
        *t = t.trim_end().to_string();
    }
    inline.retain(|r| !matches!(r, Run::Text(t) if t.is_empty()));
}

fn image_of(el: ElementRef<'_>, caption: Option<String>) -> Option<Image> {
    let src = el.value().attr("src")?.to_string();
    let alt = el
        .value()
        .attr("alt")
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .or(caption)
        .unwrap_or_default();
    Some(Image { src, alt })
}

/// `<main>`, `<article>`, `[role=main]` or a known article body, else `<body>`.
fn main_element(doc: &Html) -> ElementRef<'_> {
    let pick = |want: &dyn Fn(&scraper::node::Element) -> bool| {
        doc.root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| want(e.value()))
    };
    pick(&|e| e.name() == "article")
        .or_else(|| pick(&|e| e.name() == "main" || e.attr("role") == Some("main")))
        .or_else(|| pick(&|e| e.name() == "body"))
        .unwrap_or_else(|| doc.root_element())
}

fn tab_labels(doc: &Html) -> Vec<String> {
    doc.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().attr("role") == Some("tab"))
        .map(|e| collapse(&e.text().collect::<String>()).trim().to_string())
        .collect()
}

/// `<title>` without the site's name after a dash or a bar.
fn page_title(doc: &Html) -> Option<String> {
    let t = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")?;
    let text = collapse(&t.text().collect::<String>()).trim().to_string();
    let cut = [" – ", " — ", " - ", " | "]
        .iter()
        .filter_map(|sep| text.rfind(sep))
        .max()
        .unwrap_or(text.len());
    let title = text[..cut].trim().to_string();
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_become_panels_with_their_labels() {
        let a = read(
            r#"<html><head><title>Do it – Help</title></head><body><main>
            <div role="tablist"><button role="tab">Desktop</button><button role="tab">iOS</button></div>
            <div role="tabpanel"><ol><li>Click <strong>Save</strong>.</li></ol></div>
            <div role="tabpanel" aria-label="iOS"><ol><li><p>Tap <b>Save</b>.</p><img src="a.png" alt="Saved"></li></ol></div>
            </main></body></html>"#,
        );
        assert_eq!(a.title.as_deref(), Some("Do it"));
        let labels: Vec<_> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Panel { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["Desktop", "iOS"]);
        let Block::Panel { blocks, .. } = &a.blocks[1] else {
            panic!()
        };
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:#?}")
        };
        assert_eq!(items[0].text[1], Run::Label("Save".into()));
        assert!(matches!(&items[0].blocks[0], Block::Image(i) if i.alt == "Saved"));
    }
}
