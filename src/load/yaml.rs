//! A YAML tree that remembers where every value was written.
//!
//! `saphyr-parser` supplies the event stream with start and end positions; this module
//! builds a small tree from it and rejects what guide files never need and what makes YAML
//! dangerous to load: anchors and aliases (no "billion laughs"), tags, several documents,
//! non-text mapping keys, duplicate keys and nesting deeper than [`MAX_DEPTH`]. Parsing stops
//! at the first syntax error (the parser cannot resynchronise), other problems are collected.

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Pos, Span, Spanned};

/// Deepest nesting of mappings and sequences accepted (a guide needs about 8).
pub const MAX_DEPTH: usize = 32;

/// A YAML value with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value was written.
    pub span: Span,
    /// The value.
    pub value: Value,
}

/// The three kinds of YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, as written (no type coercion).
    Scalar(Scalar),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in source order.
    Map(Vec<Entry>),
}

/// A scalar's text and whether it was quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The text after YAML unescaping and folding.
    pub text: String,
    /// True for plain (unquoted, non-block) scalars, which may mean null.
    pub plain: bool,
}

/// One `key: value` pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key text and span.
    pub key: Spanned<String>,
    /// The value.
    pub value: Node,
}

impl Node {
    /// True for an empty or `~`/`null` plain scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s) if s.plain && matches!(s.text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A word for the kind of value, for "expected X, found Y" messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing",
            Value::Scalar(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

enum Frame {
    Seq {
        start: Span,
        flow: bool,
        items: Vec<Node>,
    },
    Map {
        start: Span,
        flow: bool,
        entries: Vec<Entry>,
        key: Option<Spanned<String>>,
    },
}

fn pos(m: &saphyr_parser::Marker) -> Pos {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pos {
        line: clamp(m.line()),
        col: clamp(m.col()).saturating_add(1),
        index: clamp(m.index()),
    }
}

fn span(file: FileId, s: &YSpan) -> Span {
    Span {
        file,
        start: pos(&s.start),
        end: pos(&s.end),
    }
}

/// Parses one YAML document. Returns `None` (with diagnostics) if the text cannot be used.
/// An empty document gives `Some` of a null node.
pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let mut parser = Parser::new_from_str(text);
    let mut tree = Tree {
        file,
        text,
        stack: Vec::new(),
        root: None,
        documents: 0,
        ok: true,
    };
    while let Some(event) = parser.next_event() {
        let (event, ysp) = match event {
            Ok(e) => e,
            Err(err) => {
                diags.push(syntax_error(file, text, &err));
                return None;
            }
        };
        let sp = span(file, &ysp);
        if let Some(node) = tree.event(event, sp, diags).ok()? {
            tree.attach(node, diags).ok()?;
        }
    }
    tree.finish()
}

/// A problem that ends parsing was reported.
struct Stop;

/// The tree being built from the event stream.
struct Tree<'t> {
    file: FileId,
    text: &'t str,
    /// Open collections, innermost last.
    stack: Vec<Frame>,
    root: Option<Node>,
    documents: usize,
    /// False once a problem was reported that still lets parsing go on (duplicate keys).
    ok: bool,
}

impl Tree<'_> {
    /// Handles one event; returns the node it completes, if any.
    fn event(
        &mut self,
        event: Event<'_>,
        sp: Span,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Option<Node>, Stop> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    diags.push(
                        Diagnostic::new(
                            Code::YamlSyntax,
                            sp,
                            "a file holds one document, found a second one",
                        )
                        .help("remove the `---` line and everything after it, or move it to a file of its own"),
                    );
                    return Err(Stop);
                }
                Ok(None)
            }
            Event::Alias(_) => {
                diags.push(anchor_error(sp, "aliases"));
                Err(Stop)
            }
            Event::Scalar(value, style, anchor, tag) => {
                plain_node(anchor, tag.is_some(), sp, diags)?;
                let sp = match style {
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                        quoted_end(self.text, sp)
                    }
                    _ => sp,
                };
                Ok(Some(Node {
                    span: sp,
                    value: Value::Scalar(Scalar {
                        text: value.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    }),
                }))
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                plain_node(anchor, tag.is_some(), sp, diags)?;
                let seq = matches!(event, Event::SequenceStart(..));
                self.open(seq, sp, diags)?;
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => Ok(self.close(sp)),
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => Ok(None),
        }
    }

    /// Starts a sequence or mapping, unless that nests too deep.
    fn open(&mut self, seq: bool, sp: Span, diags: &mut Vec<Diagnostic>) -> Result<(), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            diags.push(
                Diagnostic::new(
                    Code::NestingTooDeep,
                    sp,
                    format!("values are nested more than {MAX_DEPTH} levels deep"),
                )
                .help("guides need only a few levels of nesting; check the indentation"),
            );
            return Err(Stop);
        }
        let flow = sp.start.index != sp.end.index;
        self.stack.push(if seq {
            Frame::Seq {
                start: sp,
                flow,
                items: Vec::new(),
            }
        } else {
            Frame::Map {
                start: sp,
                flow,
                entries: Vec::new(),
                key: None,
            }
        });
        Ok(())
    }

    /// Ends the innermost collection and returns it as a node.
    fn close(&mut self, sp: Span) -> Option<Node> {
        match self.stack.pop()? {
            Frame::Seq { start, flow, items } => {
                let end = close(start, flow, sp, items.last().map(|n| n.span));
                Some(Node {
                    span: end,
                    value: Value::Seq(items),
                })
            }
            Frame::Map {
                start,
                flow,
                entries,
                ..
            } => {
                let end = close(start, flow, sp, entries.last().map(|e| e.value.span));
                Some(Node {
                    span: end,
                    value: Value::Map(entries),
                })
            }
        }
    }

    /// Puts a finished node where it belongs: the root, an item, a key or a key's value.
    fn attach(&mut self, node: Node, diags: &mut Vec<Diagnostic>) -> Result<(), Stop> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some(k) => {
                    if let Some(first) = entries.iter().find(|e| e.key.value == k.value) {
                        diags.push(
                            Diagnostic::new(
                                Code::DuplicateKey,
                                k.span,
                                format!("the key `{}` appears twice in this mapping", k.value),
                            )
                            .help("remove one of them; YAML would silently keep only the last")
                            .related(first.key.span, "first defined here"),
                        );
                        self.ok = false;
                    } else {
                        entries.push(Entry {
                            key: k,
                            value: node,
                        });
                    }
                }
                None => match node.value {
                    Value::Scalar(s) => *key = Some(Spanned::new(s.text, node.span)),
                    _ => {
                        diags.push(
                            Diagnostic::new(
                                Code::YamlSyntax,
                                node.span,
                                "a mapping key must be plain text, found a list or mapping",
                            )
                            .help("write keys as `name: value`"),
                        );
                        return Err(Stop);
                    }
                },
            },
        }
        Ok(())
    }

    /// The document's root (a null node for an empty document), unless a problem was found.
    fn finish(self) -> Option<Node> {
        if !self.ok {
            return None;
        }
        Some(self.root.unwrap_or(Node {
            span: Span::file_start(self.file),
            value: Value::Scalar(Scalar {
                text: String::new(),
                plain: true,
            }),
        }))
    }
}

/// Rejects anchors and tags on a value.
fn plain_node(
    anchor: usize,
    tagged: bool,
    sp: Span,
    diags: &mut Vec<Diagnostic>,
) -> Result<(), Stop> {
    if anchor != 0 {
        diags.push(anchor_error(sp, "anchors"));
        return Err(Stop);
    }
    if tagged {
        diags.push(tag_error(sp));
        return Err(Stop);
    }
    Ok(())
}

/// A quoted scalar's span ending at its closing quote (the parser's end position lies after
/// any trailing spaces and comment).
fn quoted_end(text: &str, sp: Span) -> Span {
    let start = if text.is_ascii() {
        sp.start.index as usize
    } else {
        text.char_indices()
            .nth(sp.start.index as usize)
            .map_or(text.len(), |(b, _)| b)
    };
    let mut chars = text.get(start..).unwrap_or("").chars();
    let Some(quote) = chars.next().filter(|q| *q == '"' || *q == '\'') else {
        return sp;
    };
    let mut end = sp.start;
    let advance = |c: char, end: &mut Pos| {
        end.index += 1;
        if c == '\n' {
            end.line += 1;
            end.col = 1;
        } else {
            end.col += 1;
        }
    };
    advance(quote, &mut end);
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        advance(c, &mut end);
        match c {
            '\\' if quote == '"' => {
                if let Some(n) = chars.next() {
                    advance(n, &mut end);
                }
            }
            '\'' if quote == '\'' && chars.peek() == Some(&'\'') => {
                chars.next();
                advance('\'', &mut end);
            }
            c if c == quote => return Span { end, ..sp },
            _ => {}
        }
    }
    sp
}

/// The span of a finished collection: flow collections end at their bracket, block ones at
/// their last value (the parser reports block ends at the next token, often lines later).
fn close(start: Span, flow: bool, end_event: Span, last: Option<Span>) -> Span {
    match (flow, last) {
        (false, Some(last)) => Span {
            file: start.file,
            start: start.start.min(last.start),
            end: last.end,
        },
        _ => Span {
            file: start.file,
            start: start.start,
            end: end_event.end.max(start.end),
        },
    }
}

fn anchor_error(sp: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::YamlAnchor,
        sp,
        format!("YAML {what} are not supported in guide files"),
    )
    .help("write the value out (anchors and aliases can expand a small file into gigabytes); to share steps between platforms use `same_as`")
}

fn tag_error(sp: Span) -> Diagnostic {
    Diagnostic::new(Code::YamlAnchor, sp, "YAML tags (`!tag`) are not supported")
        .help("remove the tag; values are read as text and checked by their field")
}

/// The first tab on the line of `at` or on the line after it.
fn first_tab(text: &str, at: Pos) -> Option<Pos> {
    // The character offset of the start of `at`'s line.
    let mut index = (at.index + 1).saturating_sub(at.col);
    let lines = text.split('\n').enumerate();
    for (n, l) in lines.skip(at.line.saturating_sub(1) as usize).take(2) {
        if let Some(col) = l.chars().position(|c| c == '\t') {
            return Some(Pos {
                line: n as u32 + 1,
                col: col as u32 + 1,
                index: index + col as u32,
            });
        }
        index += l.chars().count() as u32 + 1;
    }
    None
}

fn syntax_error(file: FileId, text: &str, err: &saphyr_parser::ScanError) -> Diagnostic {
    let mut at = pos(err.marker());
    let info = err.info();
    let line = text
        .lines()
        .nth(at.line.saturating_sub(1) as usize)
        .unwrap_or("");
    // Point at the offending tab itself rather than where the scanner stopped (which may be
    // the end of the line before it).
    if info.contains("tab")
        && let Some(tab) = first_tab(text, at)
    {
        at = tab;
    }
    let sp = Span {
        file,
        start: at,
        end: Pos {
            col: at.col + 1,
            index: at.index + 1,
            ..at
        },
    };
    let help = if info.contains("tab") || line.starts_with('\t') || line.contains(":\t") {
        "YAML does not allow tabs for indentation; indent with spaces"
    } else if info.contains("quoted scalar") || info.contains("end of stream") {
        "a quoted value is not closed; add the closing quote"
    } else if info.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted, or the line is indented too far"
    } else if info.contains("did not find expected key") || info.contains("indentation") {
        "check the indentation: entries of one mapping must start in the same column"
    } else {
        "fix the YAML syntax at this position"
    };
    Diagnostic::new(Code::YamlSyntax, sp, format!("invalid YAML: {info}")).help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> (Option<Node>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        (parse(FileId(0), s, &mut d), d)
    }

    #[test]
    fn keeps_spans_of_keys_and_values() {
        let (node, d) = parse_str("a: hello\nb:\n  - \"x y\"\n");
        assert!(d.is_empty());
        let Value::Map(entries) = node.unwrap().value else {
            panic!()
        };
        assert_eq!(entries[0].key.span.start.line, 1);
        assert_eq!(entries[0].value.span.start.col, 4);
        assert_eq!(entries[0].value.span.end.col, 9);
        let Value::Seq(items) = &entries[1].value.value else {
            panic!()
        };
        assert_eq!(items[0].span.start.line, 3);
        assert_eq!(items[0].span.start.col, 5);
        assert!(!matches!(&items[0].value, Value::Scalar(s) if s.plain));
    }

    #[test]
    fn rejects_duplicate_keys_with_both_locations() {
        let (node, d) = parse_str("a: 1\nb: 2\na: 3\n");
        assert!(node.is_none());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::DuplicateKey);
        assert_eq!(d[0].span.start.line, 3);
        assert_eq!(d[0].related[0].span.start.line, 1);
    }

    #[test]
    fn rejects_anchors_and_aliases() {
        let (node, d) = parse_str("a: &x [1, 2]\nb: *x\n");
        assert!(node.is_none());
        assert_eq!(d.len(), 1, "only the first is reported");
        assert_eq!(d[0].code, Code::YamlAnchor);
        assert_eq!(d[0].span.start.col, 4);
    }

    #[test]
    fn limits_block_and_flow_nesting() {
        let (node, d) = parse_str(&"- ".repeat(10_000));
        assert!(node.is_none());
        assert_eq!(d[0].code, Code::NestingTooDeep);
        let (node, d) = parse_str(&"[".repeat(10_000));
        assert!(node.is_none());
        assert!(matches!(d[0].code, Code::NestingTooDeep | Code::YamlSyntax));
    }

    #[test]
    fn tab_indentation_gets_a_help_line() {
        let (_, d) = parse_str("a:\n\tb: 1\n");
        assert_eq!(d[0].code, Code::YamlSyntax);
        assert_eq!(d[0].span.start.line, 2);
        assert!(d[0].help.as_deref().unwrap().contains("tabs"));
    }

    #[test]
    fn a_tab_after_a_plain_value_is_pointed_at() {
        // The scanner stops at the end of `menu`; the mistake is the tab on the next line.
        let text = "steps:\n  - tap: menu\n\t- tap: account\n";
        let (_, d) = parse_str(text);
        assert_eq!(d[0].code, Code::YamlSyntax);
        let at = d[0].span.start;
        assert_eq!((at.line, at.col), (3, 1), "{}", d[0].message);
        assert_eq!(text.chars().nth(at.index as usize), Some('\t'));
    }

    #[test]
    fn quoted_scalars_end_at_their_quote() {
        let (node, _) = parse_str("a: \"Set \\\" x\"   # c\nb: 'it''s'  # d\nc: plain   # e\n");
        let Value::Map(entries) = node.unwrap().value else {
            panic!()
        };
        let ends: Vec<(u32, u32)> = entries
            .iter()
            .map(|e| (e.value.span.start.col, e.value.span.end.col))
            .collect();
        assert_eq!(ends, [(4, 14), (4, 11), (4, 9)]);
    }

    #[test]
    fn empty_document_is_null() {
        let (node, d) = parse_str("# only a comment\n");
        assert!(d.is_empty());
        assert!(node.unwrap().is_null());
    }
}
