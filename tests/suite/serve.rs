//! `stepwise serve` end to end: first build, live reload on edit, the error page for a
//! broken guide and its recovery, a busy port, and a clean stop on Ctrl-C. Every wait is
//! bounded; everything stays on 127.0.0.1.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::GuideTest;

const WAIT: Duration = Duration::from_secs(10);

struct Server {
    child: Child,
    port: u16,
    guides: PathBuf,
    // Held so the copied guides outlive the server; removed after it is stopped.
    _tree: GuideTest,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let tree = GuideTest::from_dir("guides");
    let guides = tree.guides();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .args(["serve", guides.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(WAIT).expect("serve did not start");
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server {
        child,
        port,
        guides,
        _tree: tree,
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    let status = body
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body)
}

/// A subscription to the reload events; `next` waits (bounded) for one.
struct Events {
    rx: mpsc::Receiver<String>,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET /__stepwise/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(s).lines() {
                let Ok(line) = line else { break };
                if line.starts_with("event: ") && tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Let the server register the stream before anything changes.
        std::thread::sleep(Duration::from_millis(200));
        Events { rx }
    }

    fn next(&self) -> String {
        self.rx.recv_timeout(WAIT).expect("no reload event")
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn edits_reload_pages_and_errors_show_until_fixed() {
    let server = start();
    let page = "/guides/sign-out-all-devices.html";
    let (status, body) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(body.contains("<script src=\"/__stepwise/live.js\" defer></script>"));
    let (status, js) = get(server.port, "/__stepwise/live.js");
    assert_eq!(status, 200);
    assert!(js.contains("EventSource"));

    let guide = server.guides.join("netflix/sign-out-all-devices.yaml");
    let events = Events::open(server.port);
    let mut latencies = Vec::new();
    for (from, to) in [
        ("time: 2 min", "time: 3 min"),
        ("time: 3 min", "time: 4 min"),
        ("time: 4 min", "time: 5 min"),
    ] {
        let started = Instant::now();
        edit(&guide, from, to);
        assert_eq!(events.next(), "event: reload");
        latencies.push(started.elapsed());
        let minutes = to.trim_start_matches("time: ");
        assert!(get(server.port, page).1.contains(minutes), "{minutes}");
    }
    latencies.sort();
    eprintln!("save -> reload event, median of 3: {:?}", latencies[1]);

    edit(&guide, "  web:", "  wbe:");
    assert_eq!(events.next(), "event: reload");
    let (status, body) = get(server.port, page);
    assert_eq!(status, 500);
    assert!(
        body.contains("sign-out-all-devices.yaml:13:3: error[unknown-platform]"),
        "{body}"
    );
    assert!(body.contains("did you mean &quot;web&quot;?"));
    assert!(body.contains("/__stepwise/live.js"));

    edit(&guide, "  wbe:", "  web:");
    assert_eq!(events.next(), "event: reload");
    let (status, body) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(!body.contains("error[unknown-platform]"));
}

#[test]
fn unknown_paths_get_the_404_page_and_traversal_is_refused() {
    let server = start();
    let (status, body) = get(server.port, "/no/such/page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    let (status, _) = get(server.port, "/%2e%2e/%2e%2e/etc/passwd");
    assert_eq!(status, 400);
}

#[test]
fn ctrl_c_stops_cleanly() {
    let mut server = start();
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(started.elapsed() < WAIT, "serve did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .args(["serve", "guides", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "port {port} is already in use; choose another one with --port"
        )),
        "{err}"
    );
}

#[test]
fn responses_ask_the_browser_to_close_the_connection() {
    let server = start();
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    // A browser's request: no `Connection` header, so HTTP/1.1 keeps the connection alive.
    write!(
        s,
        "GET /assets/stepwise.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(s);
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push(line.trim_end().to_ascii_lowercase());
    }
    assert_eq!(head[0], "http/1.1 200 ok", "{head:?}");
    assert!(head.contains(&"connection: close".to_owned()), "{head:?}");
    assert!(
        head.contains(&"content-type: text/css; charset=utf-8".to_owned()),
        "{head:?}"
    );
    let len: usize = head
        .iter()
        .find_map(|h| h.strip_prefix("content-length: "))
        .and_then(|n| n.parse().ok())
        .expect("a Content-Length");
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    assert!(
        String::from_utf8(body)
            .unwrap()
            .starts_with("/* Stepwise help center")
    );
}
