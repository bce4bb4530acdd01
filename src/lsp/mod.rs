//! `stepwise lsp`: a Language Server over stdio, for editors.
//!
//! Diagnostics come from the same loader and checker as `stepwise check`, run on the guides
//! folder with the editor's unsaved buffers in place of the files on disk. Completion,
//! go to definition, hover and rename work on the glossary: the keys that steps name as
//! targets, and their entries in product.yaml ([`text`] reads the line at the cursor).

mod convert;
mod text;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{Completion, GotoDefinition, HoverRequest, Rename, Request as _};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionOptions, CompletionParams, CompletionResponse,
    Documentation, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, OneOf, PublishDiagnosticsParams,
    RenameParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    WorkspaceEdit,
};

use crate::check::{Report, check_project};
use crate::model::{Action, Control, PerPlatform, Project};
use convert::{path_of, range_of_span, uri_of};
use text::{Context, Word};

/// A failure of the connection itself (the editor went away, a malformed message).
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serves one editor session on stdin and stdout until it asks to shut down.
pub fn run_stdio() -> Result<(), Error> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// The capabilities the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "[".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        rename_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one session on `connection`.
pub fn serve(connection: &Connection) -> Result<(), Error> {
    connection.initialize(serde_json::to_value(capabilities())?)?;
    let mut server = Server::default();
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                let resp = server.request(req);
                connection.sender.send(Message::Response(resp))?;
            }
            Message::Notification(n) => {
                for out in server.notification(n) {
                    connection.sender.send(Message::Notification(out))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The open documents and the last analysis.
#[derive(Default)]
struct Server {
    /// Open documents' texts, by path.
    docs: BTreeMap<PathBuf, String>,
    /// Files that were given diagnostics last time, per guides folder (to clear them).
    published: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    /// The last analysis of each guides folder, made again on every change of an open
    /// document, so that requests (completion on every keystroke) never load the folder.
    reports: RefCell<BTreeMap<PathBuf, Rc<Report>>>,
}

impl Server {
    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let path = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| {
                        let path = path_of(&p.text_document.uri)?;
                        self.docs.insert(path.clone(), p.text_document.text);
                        Some(path)
                    })
            }
            DidChangeTextDocument::METHOD => {
                serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| {
                        let path = path_of(&p.text_document.uri)?;
                        // Full sync: the last change holds the whole text.
                        let text = p.content_changes.into_iter().last()?.text;
                        self.docs.insert(path.clone(), text);
                        Some(path)
                    })
            }
            DidSaveTextDocument::METHOD => {
                serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| path_of(&p.text_document.uri))
            }
            DidCloseTextDocument::METHOD => {
                serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| {
                        let path = path_of(&p.text_document.uri)?;
                        self.docs.remove(&path);
                        Some(path)
                    })
            }
            _ => None,
        };
        match path.and_then(|p| guides_root(&p)) {
            Some(root) => self.publish(&root),
            None => Vec::new(),
        }
    }

    /// Loads and checks the guides folder with the open buffers.
    fn analyse(&self, root: &Path) -> Option<Report> {
        let docs = &self.docs;
        let overlay = |p: &Path| docs.get(p).cloned();
        let (project, diags) = crate::load::load_overlaid(root, &overlay).ok()?;
        Some(check_project(project, diags))
    }

    /// The analysis of a guides folder: the last one, or a new one if there is none.
    fn report(&self, root: &Path) -> Option<Rc<Report>> {
        if let Some(r) = self.reports.borrow().get(root) {
            return Some(Rc::clone(r));
        }
        let report = Rc::new(self.analyse(root)?);
        self.reports
            .borrow_mut()
            .insert(root.to_path_buf(), Rc::clone(&report));
        Some(report)
    }

    /// Diagnostics for every file with findings, and empty lists for those that had some.
    fn publish(&mut self, root: &Path) -> Vec<Notification> {
        let Some(report) = self.analyse(root).map(Rc::new) else {
            self.reports.borrow_mut().remove(root);
            return Vec::new();
        };
        self.reports
            .borrow_mut()
            .insert(root.to_path_buf(), Rc::clone(&report));
        let mut by_file: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
        for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            let file = report.project.sources.get(d.span.file);
            by_file
                .entry(file.path.clone())
                .or_default()
                .push(convert::diagnostic(d, &file.text));
        }
        let before = self.published.remove(root).unwrap_or_default();
        let mut out = Vec::new();
        for path in before.iter().filter(|p| !by_file.contains_key(*p)) {
            out.extend(publication(path, Vec::new()));
        }
        let now: BTreeSet<PathBuf> = by_file.keys().cloned().collect();
        for (path, diags) in by_file {
            out.extend(publication(&path, diags));
        }
        self.published.insert(root.to_path_buf(), now);
        out
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            Completion::METHOD => self.json(req, |s, p: CompletionParams| {
                s.completion(
                    &p.text_document_position.text_document.uri,
                    p.text_document_position.position,
                )
                .map(CompletionResponse::Array)
            }),
            GotoDefinition::METHOD => self.json(req, |s, p: GotoDefinitionParams| {
                let at = p.text_document_position_params;
                s.definition(&at.text_document.uri, at.position)
                    .map(GotoDefinitionResponse::Scalar)
            }),
            HoverRequest::METHOD => self.json(req, |s, p: HoverParams| {
                let at = p.text_document_position_params;
                s.hover(&at.text_document.uri, at.position)
            }),
            Rename::METHOD => match serde_json::from_value::<RenameParams>(req.params) {
                Ok(p) => match self.rename(&p) {
                    Ok(edit) => Ok(serde_json::to_value(edit).unwrap_or_default()),
                    Err(message) => Err((ErrorCode::InvalidParams, message)),
                },
                Err(e) => Err((ErrorCode::InvalidParams, e.to_string())),
            },
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("`{}` is not supported", req.method),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// Decodes a request's parameters, answers with `f`, `null` when it has no answer.
    fn json<P: serde::de::DeserializeOwned, R: serde::Serialize>(
        &mut self,
        req: Request,
        f: impl FnOnce(&mut Self, P) -> Option<R>,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        let params: P = serde_json::from_value(req.params)
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        Ok(f(self, params).map_or(serde_json::Value::Null, |r| {
            serde_json::to_value(r).unwrap_or_default()
        }))
    }

    /// The text of a document: the open buffer, else the file.
    fn text(&self, path: &Path) -> Option<String> {
        self.docs
            .get(path)
            .cloned()
            .or_else(|| std::fs::read_to_string(path).ok())
    }

    /// The analysis of the document's folder, its text, and what is at the cursor.
    fn at(
        &self,
        uri: &lsp_types::Uri,
        pos: lsp_types::Position,
    ) -> Option<(PathBuf, Rc<Report>, String, Word)> {
        let path = path_of(uri)?;
        let root = guides_root(&path)?;
        let report = self.report(&root)?;
        let text = self.text(&path)?;
        let word = text::word_at(&text, pos.line as usize, pos.character as usize)?;
        Some((path, report, text, word))
    }

    fn completion(
        &self,
        uri: &lsp_types::Uri,
        pos: lsp_types::Position,
    ) -> Option<Vec<CompletionItem>> {
        let path = path_of(uri)?;
        let root = guides_root(&path)?;
        let text = self.text(&path)?;
        let report = self.report(&root)?;
        let project = &report.project;
        let ctx = text::context(&text, pos.line as usize, pos.character as usize);
        let product = product_of(&path, &root);
        let items = match ctx {
            Context::Target => glossary_items(project, product.as_deref()),
            Context::Action => Action::NAMES
                .iter()
                .map(|(name, a)| CompletionItem {
                    label: (*name).to_string(),
                    kind: Some(CompletionItemKind::KEYWORD),
                    detail: Some(action_help(*a).to_string()),
                    ..CompletionItem::default()
                })
                .collect(),
            Context::Platform => project
                .site
                .platforms
                .iter()
                .map(|p| CompletionItem {
                    label: p.id.clone(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: Some(format!("{} ({} to press)", p.name, p.verb)),
                    ..CompletionItem::default()
                })
                .collect(),
            Context::Guide => project
                .guides
                .iter()
                .map(|g| CompletionItem {
                    label: g.id.value.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(g.title.value.clone()),
                    ..CompletionItem::default()
                })
                .collect(),
            Context::Screen => glossary_items(project, product.as_deref())
                .into_iter()
                .filter(|i| i.detail.as_deref().is_some_and(|d| d.starts_with("screen")))
                .collect(),
            Context::None => return None,
        };
        Some(items)
    }

    fn definition(&self, uri: &lsp_types::Uri, pos: lsp_types::Position) -> Option<Location> {
        let (path, report, _, word) = self.at(uri, pos)?;
        let root = guides_root(&path)?;
        let (_, control) = resolve(&report.project, &path, &root, &word)?;
        let file = report.project.sources.get(control.key.span.file);
        Some(Location {
            uri: uri_of(&file.path)?,
            range: range_of_span(&control.key.span, &file.text),
        })
    }

    fn hover(&self, uri: &lsp_types::Uri, pos: lsp_types::Position) -> Option<Hover> {
        let (path, report, text, word) = self.at(uri, pos)?;
        let root = guides_root(&path)?;
        let (_, control) = resolve(&report.project, &path, &root, &word)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: control_markdown(control),
            }),
            range: Some(convert::range(&text, word.line, word.start, word.end)),
        })
    }

    // `WorkspaceEdit::changes` is keyed by `Uri`, whose parsed form caches offsets inside.
    #[allow(clippy::mutable_key_type)]
    fn rename(&self, p: &RenameParams) -> Result<WorkspaceEdit, String> {
        let at = &p.text_document_position;
        let none = || {
            "rename works on a glossary key: put the cursor on a step's target or on a key in product.yaml".to_string()
        };
        let (path, report, _, word) = self
            .at(&at.text_document.uri, at.position)
            .ok_or_else(none)?;
        let root = guides_root(&path).ok_or_else(none)?;
        let (product, control) = resolve(&report.project, &path, &root, &word).ok_or_else(none)?;
        let new = p.new_name.trim();
        if !crate::load::decode::is_id(new) {
            return Err(format!(
                "`{new}` is not a glossary key: use lowercase words joined by hyphens, such as `{}`",
                crate::load::decode::slugify(new)
            ));
        }
        let old = control.key.value.clone();
        if report
            .project
            .products
            .iter()
            .any(|pr| pr.key == product && pr.control(new).is_some())
        {
            return Err(format!(
                "the glossary of `{product}` already has a key `{new}`"
            ));
        }
        let mut changes: std::collections::HashMap<lsp_types::Uri, Vec<TextEdit>> =
            std::collections::HashMap::new();
        let mut files: Vec<PathBuf> = Vec::new();
        for id in 0..report.project.sources.len() {
            files.push(
                report
                    .project
                    .sources
                    .get(crate::source::FileId(id as u32))
                    .path
                    .clone(),
            );
        }
        for file in files {
            let Some(text) = self.text(&file) else {
                continue;
            };
            let own = product_of(&file, &root).as_deref() == Some(product.as_str());
            let is_product_file = file.file_name().is_some_and(|n| n == "product.yaml");
            let mut edits = Vec::new();
            for (line, start, end, with_prefix) in
                text::references(&text, &old, &product, own, is_product_file)
            {
                let replacement = if with_prefix {
                    format!("{product}:{new}")
                } else {
                    new.to_string()
                };
                edits.push(TextEdit {
                    range: convert::range(&text, line, start, end),
                    new_text: replacement,
                });
            }
            if !edits.is_empty()
                && let Some(uri) = uri_of(&file)
            {
                changes.insert(uri, edits);
            }
        }
        Ok(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        })
    }
}

fn publication(path: &Path, diagnostics: Vec<lsp_types::Diagnostic>) -> Option<Notification> {
    let params = PublishDiagnosticsParams {
        uri: uri_of(path)?,
        diagnostics,
        version: None,
    };
    Some(Notification::new(
        PublishDiagnostics::METHOD.to_string(),
        params,
    ))
}

/// The guides folder a file belongs to: the folder above its product folder, or the folder
/// of `site.yaml`.
fn guides_root(file: &Path) -> Option<PathBuf> {
    let dir = file.parent()?;
    if dir.join("product.yaml").is_file() || file.file_name().is_some_and(|n| n == "product.yaml") {
        return dir.parent().map(Path::to_path_buf);
    }
    if dir.join("site.yaml").is_file() {
        return Some(dir.to_path_buf());
    }
    crate::load::locate::discover(dir)
}

/// The product folder a file is in, if it is in one.
fn product_of(file: &Path, root: &Path) -> Option<String> {
    let rel = file.strip_prefix(root).ok()?;
    let mut parts = rel.components();
    let first = parts.next()?;
    parts.next()?;
    Some(first.as_os_str().to_string_lossy().into_owned())
}

/// The control a word names: `key` in the file's product, `product:key` in another; in
/// product.yaml, the key of a glossary entry or of a `screen:` value.
fn resolve<'p>(
    project: &'p Project,
    file: &Path,
    root: &Path,
    word: &Word,
) -> Option<(String, &'p Control)> {
    if !word.is_reference {
        return None;
    }
    let own = product_of(file, root)?;
    let (product, key) = match word.text.split_once(':') {
        Some((p, k)) => (p.to_string(), k),
        None => (own, word.text.as_str()),
    };
    let control = project
        .products
        .iter()
        .find(|p| p.key == product)?
        .control(key)?;
    Some((product, control))
}

fn glossary_items(project: &Project, product: Option<&str>) -> Vec<CompletionItem> {
    let Some(own) = product.and_then(|k| project.products.iter().find(|p| p.key == k)) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    let mut add = |prefix: Option<&str>, c: &Control| {
        let label = match prefix {
            Some(p) => format!("{p}:{}", c.key.value),
            None => c.key.value.clone(),
        };
        items.push(CompletionItem {
            label,
            kind: Some(CompletionItemKind::FIELD),
            detail: Some(format!(
                "{} · {}",
                c.role.value.as_str(),
                labels_line(&c.label)
            )),
            documentation: Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: control_markdown(c),
            })),
            ..CompletionItem::default()
        });
    };
    for c in &own.glossary {
        add(None, c);
    }
    for other in &own.uses {
        if let Some(p) = project.products.iter().find(|p| p.key == other.value) {
            for c in &p.glossary {
                add(Some(&p.key), c);
            }
        }
    }
    items
}

/// `Account` or `web: Privacy and Security · android, ios: Security and Privacy`.
fn labels_line(label: &PerPlatform<crate::source::Spanned<String>>) -> String {
    label
        .iter()
        .map(|(p, l)| match p {
            Some(p) => format!("{}: {}", p.value, l.value),
            None => l.value.clone(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A control's labels, where it is and what it looks like, as Markdown.
fn control_markdown(c: &Control) -> String {
    let mut s = format!("**{}** ({})\n\n", c.key.value, c.role.value.as_str());
    for (p, l) in c.label.iter() {
        match p {
            Some(p) => s.push_str(&format!("- {}: “{}”\n", p.value, l.value)),
            None => s.push_str(&format!("- “{}”\n", l.value)),
        }
    }
    if let Some(w) = &c.location {
        s.push_str(&format!("\nWhere: {}\n", labels_line(w)));
    }
    if let Some(d) = &c.description {
        s.push_str(&format!("\nLooks like: {}\n", d.value));
    }
    if let Some(on) = &c.on {
        let on: Vec<&str> = on.iter().map(|p| p.value.as_str()).collect();
        s.push_str(&format!("\nOn: {}\n", on.join(", ")));
    }
    s
}

fn action_help(a: Action) -> &'static str {
    match a {
        Action::Click => "click a control with a pointer",
        Action::Tap => "tap a control on a touch screen",
        Action::Press => "press a control with the platform's verb",
        Action::Select => "choose an item from a menu or a list",
        Action::Open => "open an app, a page or a screen",
        Action::ScrollTo => "scroll until the control is visible",
        Action::Type => "type text into a field (`value`)",
        Action::Toggle => "switch a toggle (`to: on|off`)",
        Action::Swipe => "swipe on a control",
        Action::Hover => "hover the pointer over a control",
        Action::SignIn => "sign in to the product",
        Action::Wait => "wait, optionally saying what for",
        Action::Do => "any other instruction, as Markdown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::RequestId;

    #[test]
    fn request_ids_of_unknown_methods_get_an_error() {
        let mut s = Server::default();
        let resp = s.request(Request::new(
            RequestId::from(7),
            "workspace/symbol".into(),
            serde_json::json!({}),
        ));
        assert_eq!(resp.id, RequestId::from(7));
        assert!(resp.error.is_some());
    }
}
