//! `serve`: build the site into a temporary folder, serve it on localhost, rebuild when a
//! guide, product file, image or template changes, and reload open pages.
//!
//! Served HTML pages get one extra script (`/__stepwise/live.js`) that listens to
//! server-sent events; `build` output never contains it. When an edit breaks the guides,
//! every page shows the diagnostics instead of a stale page, until the file is fixed.

use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Severity};
use crate::emit::{self, Format};

const LIVE_JS: &str = include_str!("../templates/assets/live.js");
const OVERLAY_CSS: &str = include_str!("../templates/assets/overlay.css");

/// How to serve.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    /// The guides folder.
    pub guides: PathBuf,
    /// Template overrides.
    pub templates: Option<PathBuf>,
    /// The static folder.
    pub static_dir: Option<PathBuf>,
    /// Address to bind (127.0.0.1 unless the user asks otherwise).
    pub bind: IpAddr,
    /// Port (0: any free port).
    pub port: u16,
}

/// A failure that stops the server.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ServeError {
    /// The port is taken.
    #[error(
        "port {0} is already in use; choose another one with --port (or --port 0 for any free port)"
    )]
    PortInUse(u16),
    /// The server could not start.
    #[error("cannot start the server on {addr}: {message}")]
    Start {
        /// Where.
        addr: SocketAddr,
        /// Why.
        message: String,
    },
    /// A build failed for a reason other than the guides (I/O, templates).
    #[error(transparent)]
    Build(#[from] build::BuildError),
    /// The file watcher failed.
    #[error("cannot watch files: {0}")]
    Watch(String),
    /// Another I/O failure.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What the server shows.
struct State {
    /// Incremented after every rebuild; open pages reload when it changes.
    generation: u64,
    /// Diagnostics page while the guides have errors.
    failure: Option<String>,
    /// Set when the server stops, to end event streams.
    stopping: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

/// Rebuilds into `dir` and updates the state; returns the findings to print.
fn rebuild(opts: &BuildOptions, shared: &Shared) -> Result<String, ServeError> {
    let started = Instant::now();
    let (built, stats) = match build::build_with(opts, false) {
        Ok(r) => r,
        Err(e) => {
            // A broken template or unreadable file: show it like a guide error.
            let mut st = shared.state.lock().unwrap_or_else(|p| p.into_inner());
            st.failure = Some(overlay(opts, &format!("stepwise: {e}"), &[]));
            st.generation += 1;
            shared.changed.notify_all();
            return Ok(format!("stepwise: build failed: {e}"));
        }
    };
    let report = built.report;
    let errors: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
        .cloned()
        .collect();
    let mut st = shared.state.lock().unwrap_or_else(|p| p.into_inner());
    let summary = if errors.is_empty() {
        st.failure = None;
        format!(
            "rebuilt in {} ms: {} file{} written, {} unchanged",
            started.elapsed().as_millis(),
            stats.written,
            if stats.written == 1 { "" } else { "s" },
            stats.unchanged
        )
    } else {
        let text = emit::render(Format::Human, &errors, &report.project.sources, false);
        let short = emit::render(Format::Short, &errors, &report.project.sources, false);
        st.failure = Some(overlay(opts, &text, &short.lines().collect::<Vec<_>>()));
        format!(
            "{text}{} error{}: open pages show them until they are fixed",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        )
    };
    st.generation += 1;
    shared.changed.notify_all();
    Ok(summary)
}

/// The page shown while the guides have errors (`error.html`, overridable like the others).
fn overlay(opts: &BuildOptions, human: &str, lines: &[&str]) -> String {
    let overrides = opts
        .templates
        .clone()
        .unwrap_or_else(|| build::default_templates(&opts.guides));
    crate::render::error_page(Some(&overrides), human, lines)
}

/// Editor swap files and other dot-files do not trigger rebuilds.
fn hidden(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.')
        || name.ends_with('~')
        || path
            .extension()
            .is_some_and(|e| e == "swp" || e == "tmp" || e == "stepwise-fix")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file in `dir`, refusing anything that would leave it.
fn resolve_path(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = dir.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        let decoded = percent_encoding::percent_decode_str(part)
            .decode_utf8()
            .ok()?;
        let p = Path::new(decoded.as_ref());
        if p.components().any(|c| !matches!(c, Component::Normal(_))) || decoded.contains('\\') {
            return None;
        }
        out.push(p);
    }
    if path.ends_with('/') || out == dir {
        out.push("index.html");
    }
    Some(out)
}

/// Streams `reload` events on the raw connection until the client leaves or the server
/// stops. Each event is flushed at once (a buffered HTTP body would hold them back).
fn stream_events(request: tiny_http::Request, shared: &Shared) {
    use std::io::Write;
    let mut seen = shared.state.lock().map_or(0, |s| s.generation);
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = {
            let st = shared.state.lock().unwrap_or_else(|p| p.into_inner());
            let (st, timeout) = shared
                .changed
                .wait_timeout_while(st, Duration::from_secs(15), |s| {
                    s.generation == seen && !s.stopping
                })
                .unwrap_or_else(|p| p.into_inner());
            if st.stopping {
                return;
            }
            if timeout.timed_out() {
                // A comment line keeps the connection from being closed as idle.
                ": keep-alive\n\n".to_owned()
            } else {
                seen = st.generation;
                format!("event: reload\ndata: {seen}\n\n")
            }
        };
        if w.write_all(message.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Answers one request and asks the browser to close the connection. A page load over
/// kept-alive connections sometimes stalled on an asset (the response never came), and
/// tiny_http drops a `Connection` header given to its own responses, so the response is
/// written as it goes on the wire.
fn send_closing(request: tiny_http::Request, status: u16, ctype: &str, body: &[u8]) {
    use std::io::Write;
    let head_only = *request.method() == tiny_http::Method::Head;
    let reason = tiny_http::StatusCode(status).default_reason_phrase();
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut w = request.into_writer();
    let _ = w
        .write_all(head.as_bytes())
        .and_then(|()| if head_only { Ok(()) } else { w.write_all(body) })
        .and_then(|()| w.flush());
}

fn respond(request: tiny_http::Request, dir: &Path, shared: &Arc<Shared>) {
    let url = request.url().to_owned();
    let send = |request: tiny_http::Request, status: u16, ctype: &str, body: Vec<u8>| {
        send_closing(request, status, ctype, &body);
    };
    match url.split('?').next().unwrap_or("") {
        "/__stepwise/events" => return stream_events(request, shared),
        "/__stepwise/live.js" => {
            return send(
                request,
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.into(),
            );
        }
        "/__stepwise/overlay.css" => {
            return send(request, 200, "text/css; charset=utf-8", OVERLAY_CSS.into());
        }
        _ => {}
    }
    let Some(path) = resolve_path(dir, &url) else {
        return send(request, 400, "text/plain", b"bad path".to_vec());
    };
    let is_html = path.extension().is_some_and(|e| e == "html");
    if is_html && let Some(page) = shared.state.lock().ok().and_then(|s| s.failure.clone()) {
        return send(request, 500, "text/html; charset=utf-8", page.into_bytes());
    }
    let (status, path) = if path.is_file() {
        (200, path)
    } else {
        (404, dir.join("404.html"))
    };
    let Ok(mut bytes) = std::fs::read(&path) else {
        return send(request, 404, "text/plain", b"not found".to_vec());
    };
    if path.extension().is_some_and(|e| e == "html") {
        let html = String::from_utf8_lossy(&bytes);
        let tag = "<script src=\"/__stepwise/live.js\" defer></script>\n</body>";
        bytes = html.replacen("</body>", tag, 1).into_bytes();
    }
    send(request, status, content_type(&path), bytes);
}

/// Serves until Ctrl-C. `on_ready` gets the address once the first build is served.
pub(crate) fn serve(
    opts: &ServeOptions,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let out = tempfile::Builder::new()
        .prefix("stepwise-serve-")
        .tempdir()?;
    let dir = out.path().to_path_buf();
    let bopts = BuildOptions {
        guides: opts.guides.clone(),
        output: dir.clone(),
        templates: opts.templates.clone(),
        static_dir: opts.static_dir.clone(),
    };
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            generation: 0,
            failure: None,
            stopping: false,
        }),
        changed: Condvar::new(),
    });
    let addr = SocketAddr::new(opts.bind, opts.port);
    let server = tiny_http::Server::http(addr).map_err(|e| {
        match e.downcast_ref::<std::io::Error>().map(std::io::Error::kind) {
            Some(std::io::ErrorKind::AddrInUse) => ServeError::PortInUse(opts.port),
            _ => ServeError::Start {
                addr,
                message: e.to_string(),
            },
        }
    })?;
    let local = server.server_addr().to_ip().unwrap_or(addr);
    eprintln!("{}", rebuild(&bopts, &shared)?);

    // Watch guides and templates. Only changes count: reading files during a rebuild
    // produces access events, which must not trigger another rebuild.
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
            && !event.paths.iter().all(|p| hidden(p))
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| ServeError::Watch(e.to_string()))?;
    watcher
        .watch(&opts.guides, RecursiveMode::Recursive)
        .map_err(|e| ServeError::Watch(e.to_string()))?;
    let templates = opts
        .templates
        .clone()
        .unwrap_or_else(|| build::default_templates(&opts.guides));
    if templates.is_dir() {
        let _ = watcher.watch(&templates, RecursiveMode::Recursive);
    }
    let statics = bopts.static_dir();
    if statics.is_dir() {
        let _ = watcher.watch(&statics, RecursiveMode::Recursive);
    }

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    on_ready(local);
    while !stop.load(Ordering::SeqCst) {
        if rx.try_recv().is_ok() {
            // Debounce: editors write a file in several steps; wait for 30 ms of quiet.
            while rx.recv_timeout(Duration::from_millis(30)).is_ok() {}
            match rebuild(&bopts, &shared) {
                Ok(summary) => eprintln!("{summary}"),
                Err(e) => eprintln!("stepwise: {e}"),
            }
        }
        match server.recv_timeout(Duration::from_millis(25)) {
            Ok(Some(request)) => {
                let dir = dir.clone();
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || respond(request, &dir, &shared));
            }
            Ok(None) => {}
            Err(e) => eprintln!("stepwise: {e}"),
        }
    }
    if let Ok(mut st) = shared.state.lock() {
        st.stopping = true;
    }
    shared.changed.notify_all();
    drop(watcher);
    eprintln!("stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let dir = Path::new("/site");
        assert_eq!(
            resolve_path(dir, "/").unwrap(),
            PathBuf::from("/site/index.html")
        );
        assert_eq!(
            resolve_path(dir, "/guides/a.html?x=1").unwrap(),
            PathBuf::from("/site/guides/a.html")
        );
        assert_eq!(
            resolve_path(dir, "/a%20b.html").unwrap(),
            PathBuf::from("/site/a b.html")
        );
        assert!(resolve_path(dir, "/../etc/passwd").is_none());
        assert!(resolve_path(dir, "/%2e%2e/etc/passwd").is_none());
    }
}
