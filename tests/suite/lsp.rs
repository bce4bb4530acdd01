//! `stepwise lsp` driven over stdio by a scripted client, as an editor would: initialize,
//! open a guide, get diagnostics as it changes, complete a target, go to its definition,
//! hover it, rename it, shut down; and a translation file edited the same way.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::harness::GuideTest;

/// The server process and the messages it sends, read on a thread.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(t: &GuideTest) -> Client {
        let mut child = crate::support::command(&["lsp"], &[])
            .current_dir(t.root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start stepwise lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("a Content-Length header")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn next(&self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("a message from the server within 20 s")
    }

    /// Sends a request and returns its response, with the notifications before it.
    fn request(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let mut notes = Vec::new();
        loop {
            let m = self.next();
            if m["id"] == json!(id) {
                return (m, notes);
            }
            notes.push(m);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics_for(&self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.next();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn uri(t: &GuideTest, rel: &str) -> String {
    let path = t.path(rel).canonicalize().unwrap();
    let mut s = String::from("file://");
    for c in path.to_string_lossy().chars() {
        match c {
            ' ' => s.push_str("%20"),
            c => s.push(c),
        }
    }
    s
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn an_editor_session_over_stdio() {
    let t = GuideTest::from_dir("guides");
    let guide = "guides/netflix/sign-out-all-devices.yaml";
    let guide_uri = uri(&t, guide);
    let product_uri = uri(&t, "guides/netflix/product.yaml");
    let text = t.read(guide);
    let line = text
        .lines()
        .position(|l| l.trim() == "- tap: my-netflix")
        .unwrap() as u64;
    let mut c = Client::start(&t);

    let (init, _) = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["result"]["capabilities"];
    assert!(caps["completionProvider"].is_object(), "{init}");
    assert_eq!(caps["renameProvider"], json!(true));
    c.notify("initialized", json!({}));

    // A misspelt key in the unsaved buffer is reported at once, and fixing it clears it.
    let typo = text.replace("- tap: my-netflix", "- tap: my-netflx");
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": guide_uri, "languageId": "yaml", "version": 1, "text": typo}}));
    let diags = c.diagnostics_for(&guide_uri);
    let found = diags
        .iter()
        .find(|d| d["code"] == "unknown-glossary-key")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(found["range"]["start"]["line"], json!(line), "{found}");
    assert!(
        found["message"].as_str().unwrap().contains("help:"),
        "{found}"
    );
    assert_eq!(found["source"], "stepwise");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": guide_uri, "version": 2}, "contentChanges": [{"text": text}]}));
    let diags = c.diagnostics_for(&guide_uri);
    assert!(
        !codes(&diags).contains(&"unknown-glossary-key".to_string()),
        "{diags:#?}"
    );
    // The file on disk was never touched.
    assert_eq!(t.read(guide), text);

    let at =
        json!({"textDocument": {"uri": guide_uri}, "position": {"line": line, "character": 12}});
    // Completion of a target: the product's glossary keys, with their labels.
    let (resp, _) = c.request("textDocument/completion", at.clone());
    let items = resp["result"]
        .as_array()
        .unwrap_or_else(|| panic!("{resp}"));
    let item = items
        .iter()
        .find(|i| i["label"] == "my-netflix")
        .unwrap_or_else(|| panic!("{items:#?}"));
    assert!(
        item["detail"].as_str().unwrap().contains("My Netflix"),
        "{item}"
    );
    assert!(items.iter().any(|i| i["label"] == "privacy-security"));
    // Completion of an action at the start of a new step.
    let actions =
        json!({"textDocument": {"uri": guide_uri}, "position": {"line": line, "character": 6}});
    let (resp, _) = c.request("textDocument/completion", actions);
    let labels: Vec<&str> = resp["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"scroll-to") && labels.contains(&"tap"),
        "{labels:?}"
    );

    // Go to definition: the entry in product.yaml.
    let (resp, _) = c.request("textDocument/definition", at.clone());
    assert_eq!(resp["result"]["uri"], product_uri, "{resp}");
    let product = t.read("guides/netflix/product.yaml");
    let def_line = product.lines().position(|l| l == "  my-netflix:").unwrap() as u64;
    assert_eq!(resp["result"]["range"]["start"]["line"], json!(def_line));

    // Hover: the control's labels and where it is.
    let (resp, _) = c.request("textDocument/hover", at.clone());
    let shown = resp["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{resp}"));
    assert!(
        shown.contains("My Netflix") && shown.contains("bottom right"),
        "{shown}"
    );

    // Rename: the key in product.yaml and every step that names it.
    let (resp, _) = c.request("textDocument/rename", json!({"textDocument": {"uri": guide_uri}, "position": {"line": line, "character": 12}, "newName": "my-netflix-tab"}));
    let changes = &resp["result"]["changes"];
    let in_product = changes[&product_uri]
        .as_array()
        .unwrap_or_else(|| panic!("{resp}"));
    assert_eq!(in_product.len(), 1, "{in_product:#?}");
    assert_eq!(in_product[0]["range"]["start"]["line"], json!(def_line));
    let in_guide = changes[&guide_uri].as_array().unwrap();
    assert_eq!(
        in_guide.len(),
        text.matches(": my-netflix\n").count(),
        "{in_guide:#?}"
    );
    assert!(in_guide.iter().all(|e| e["newText"] == "my-netflix-tab"));
    let (resp, _) = c.request("textDocument/rename", json!({"textDocument": {"uri": guide_uri}, "position": {"line": line, "character": 12}, "newName": "My Tab"}));
    assert!(
        resp["error"]["message"]
            .as_str()
            .unwrap()
            .contains("my-tab"),
        "{resp}"
    );

    let (resp, _) = c.request("shutdown", Value::Null);
    assert!(resp["error"].is_null(), "{resp}");
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn a_translation_gets_its_findings_as_it_is_edited() {
    let t = GuideTest::from_dir("guides");
    let file = "guides/netflix/sign-out-all-devices.fr.yaml";
    let file_uri = uri(&t, file);
    let text = t.read(file);
    let line = text
        .lines()
        .position(|l| l.trim() == "open-account:")
        .unwrap() as u64;
    let mut c = Client::start(&t);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));

    // A step id the source guide does not have, in the unsaved buffer.
    let typo = text.replace("open-account:", "open-acount:");
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": file_uri, "languageId": "yaml", "version": 1, "text": typo}}));
    let diags = c.diagnostics_for(&file_uri);
    let found = diags
        .iter()
        .find(|d| d["range"]["start"]["line"] == json!(line))
        .unwrap_or_else(|| panic!("no finding on line {line}: {diags:#?}"));
    assert!(
        found["message"].as_str().unwrap().contains("open-acount"),
        "{found}"
    );
    // Fixed in the buffer: the finding goes.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": file_uri, "version": 2}, "contentChanges": [{"text": text}]}));
    let diags = c.diagnostics_for(&file_uri);
    assert!(
        diags
            .iter()
            .all(|d| d["range"]["start"]["line"] != json!(line)),
        "{diags:#?}"
    );
    assert_eq!(t.read(file), text);

    let (resp, _) = c.request("shutdown", Value::Null);
    assert!(resp["error"].is_null(), "{resp}");
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}
