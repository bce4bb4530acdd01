//! The shape of the library, read from `src/` as text (the code is rustfmt-formatted):
//! modules depend on each other one way (a ladder, no import circle), and no function
//! outside the tests is longer than [`MAX_FN_LINES`] lines.
//!
//! A module's dependencies are the `crate::`, `super::`, `self::` and child-module paths its
//! files name, in `use` lines and inline, outside comments, strings and `#[cfg(test)]`
//! items. The graph is checked once per folder: between the top-level modules, and between
//! the files of each folder (its `mod.rs` included), so `render/view.rs` naming
//! `super::escape` from `render/mod.rs`, which names `view`, is a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The longest function allowed outside the tests, signature and closing brace included.
const MAX_FN_LINES: usize = 100;

/// A module path under the crate root (`["render", "view"]`); the root is empty.
type Module = Vec<String>;

/// One source file with comments, strings and test items blanked out.
struct File {
    /// The path under `src/`, with `/`.
    rel: String,
    /// The module the file defines.
    module: Module,
    /// The code, line by line.
    lines: Vec<String>,
}

/// Every library file under `src/` (the binary's `main.rs` is not part of the graph).
fn files() -> Vec<File> {
    let mut paths = Vec::new();
    let mut stack = vec![Path::new(SRC).to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read a src folder") {
            let p = e.expect("read a src entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let rel = p
            .strip_prefix(SRC)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "main.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&p).expect("read a source file");
        out.push(File {
            module: module_of(&rel),
            lines: without_tests(&mask(&text)),
            rel,
        });
    }
    assert!(out.len() > 10, "too few files under {SRC}: {}", out.len());
    out
}

/// `lib.rs` -> `[]`, `a.rs` and `a/mod.rs` -> `[a]`, `a/b.rs` -> `[a, b]`.
fn module_of(rel: &str) -> Module {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// `text` with comments and the contents of string and character literals replaced by
/// spaces, keeping every line break (so line numbers and indentation stay).
fn mask(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(k).copied().unwrap_or('\0');
        if c[i] == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == '"' {
            // A raw string `r#"..."#` ends at a quote followed by as many `#`.
            let hashes = out.chars().rev().take_while(|&ch| ch == '#').count();
            let before: String = out.chars().rev().skip(hashes).take(3).collect();
            let raw = before.starts_with('r')
                && !before[1..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '_')
                || before.starts_with("rb")
                    && !before[2..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '_');
            let hashes = if raw { hashes } else { 0 };
            out.push('"');
            i += 1;
            while i < c.len() {
                if !raw && c[i] == '\\' {
                    out.push(' ');
                    out.push(blank(at(i + 1)));
                    i += 2;
                } else if c[i] == '"' && (0..hashes).all(|k| at(i + 1 + k) == '#') {
                    out.push('"');
                    i += 1;
                    break;
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal; anything else after `'` is a lifetime.
            out.push('\'');
            i += 1;
            while i < c.len() && c[i] != '\'' {
                let skip = if c[i] == '\\' { 2 } else { 1 };
                for _ in 0..skip {
                    out.push(' ');
                }
                i += skip;
            }
            out.push('\'');
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The lines of `code`, with every `#[cfg(test)]` item (a `mod tests` block, a `use`, a
/// function) blanked: it ends at its `;` line, or at the first line that is its
/// indentation and `}`.
fn without_tests(code: &str) -> Vec<String> {
    let mut lines: Vec<String> = code.lines().map(str::to_owned).collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "#[cfg(test)]" {
            i += 1;
            continue;
        }
        let indent = indentation(&lines[i]);
        let close = format!("{}}}", " ".repeat(indent));
        let mut item = i + 1;
        while item < lines.len() && lines[item].trim_start().starts_with("#[") {
            item += 1;
        }
        let end = if lines.get(item).is_some_and(|l| l.trim_end().ends_with(';')) {
            item
        } else {
            (item..lines.len())
                .find(|&k| lines[k] == close || lines[k] == format!("{close};"))
                .unwrap_or(lines.len() - 1)
        };
        for line in &mut lines[i..=end] {
            line.clear();
        }
        i = end + 1;
    }
    lines
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The paths of a `use` tree (`crate::{a, b::{c, d}}` -> `crate::a`, `crate::b::c`, ...).
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    expand(&tree, &mut Vec::new(), &mut out);
    out
}

fn segments(path: &str) -> impl Iterator<Item = String> + '_ {
    let path = path.split(" as ").next().unwrap_or(path);
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "*")
        .map(str::to_owned)
}

fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let n = prefix.len();
    let Some(open) = tree.find('{') else {
        prefix.extend(segments(tree));
        out.push(prefix.clone());
        prefix.truncate(n);
        return;
    };
    prefix.extend(segments(&tree[..open]));
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    // Split the group at commas outside nested braces.
    let (mut depth, mut start) = (0, 0);
    for (k, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&inner[start..k], prefix, out);
                start = k + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand(&inner[start..], prefix, out);
    }
    prefix.truncate(n);
}

/// The paths named inline on `line`: `crate::a::b`, `super::x`, `self::y`, `child::z`
/// (each a list of segments; groups and generics end a path).
fn inline_paths(line: &str) -> Vec<Vec<String>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, ch) = chars[k];
        let prev = line[..start].chars().next_back();
        if !is_ident(ch) || prev.is_some_and(|p| is_ident(p) || p == ':') {
            k += 1;
            continue;
        }
        let rest = &line[start..];
        let mut segs = Vec::new();
        let mut pos = 0;
        loop {
            let len = rest[pos..]
                .find(|c: char| !is_ident(c))
                .unwrap_or(rest.len() - pos);
            segs.push(rest[pos..pos + len].to_owned());
            pos += len;
            if rest[pos..].starts_with("::") && rest[pos + 2..].starts_with(is_ident) {
                pos += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 {
            out.push(segs);
        }
        let consumed = rest[..pos].chars().count().max(1);
        k += consumed;
    }
    out
}

/// The module a path names, seen from `from`; `None` for other crates.
fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    resolve_item(from, path, modules).map(|(m, _)| m)
}

/// The module a path names and the item after it (`crate::model::Guide` -> `(model, Guide)`).
fn resolve_item(
    from: &Module,
    path: &[String],
    modules: &BTreeSet<Module>,
) -> Option<(Module, Option<String>)> {
    let mut base: Module;
    let mut rest = path;
    match path.first().map(String::as_str)? {
        "crate" => {
            base = Vec::new();
            rest = &path[1..];
        }
        "self" => {
            base = from.clone();
            rest = &path[1..];
        }
        "super" => {
            base = from.clone();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        first => {
            let mut child = from.clone();
            child.push(first.to_owned());
            if !modules.contains(&child) {
                return None;
            }
            base = from.clone();
        }
    }
    for (k, seg) in rest.iter().enumerate() {
        base.push(seg.clone());
        if !modules.contains(&base) {
            base.pop();
            return Some((base, Some(rest[k].clone())));
        }
    }
    Some((base, None))
}

/// Items a module re-exports from another (`pub use guide::Guide;` in `model/mod.rs`):
/// module -> item -> the module it is defined in.
type Reexports = BTreeMap<Module, BTreeMap<String, Module>>;

fn reexports(files: &[File], modules: &BTreeSet<Module>) -> Reexports {
    let mut out = Reexports::new();
    for f in files {
        for (_, stmt) in use_statements(&f.lines) {
            if !stmt.starts_with("pub") {
                continue;
            }
            let tree = stmt.split_once("use ").map_or("", |(_, t)| t);
            for path in use_paths(tree) {
                if let Some((to, Some(item))) = resolve_item(&f.module, &path, modules) {
                    if to != f.module {
                        out.entry(f.module.clone()).or_default().insert(item, to);
                    }
                }
            }
        }
    }
    out
}

/// The `use` statements of a file: the line each starts on and its text, `;` excluded.
fn use_statements(lines: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stmt: Option<(usize, String)> = None;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let starts = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
            .iter()
            .any(|k| trimmed.starts_with(k));
        match &mut stmt {
            None if starts => stmt = Some((n, trimmed.to_owned())),
            Some((_, text)) => {
                text.push(' ');
                text.push_str(trimmed);
            }
            None => {}
        }
        if let Some((first, text)) = stmt.take_if(|(_, t)| t.contains(';')) {
            let text = text.split(';').next().unwrap_or_default().to_owned();
            out.push((first, text));
        }
    }
    out
}

/// The module a path names, following re-exports to where the item is defined.
fn target(
    from: &Module,
    path: &[String],
    modules: &BTreeSet<Module>,
    reexports: &Reexports,
) -> Option<Module> {
    let (mut to, item) = resolve_item(from, path, modules)?;
    if let Some(item) = item {
        // A chain of re-exports ends where the item is defined; a bound guards a loop.
        for _ in 0..8 {
            match reexports.get(&to).and_then(|r| r.get(&item)) {
                Some(next) => to = next.clone(),
                None => break,
            }
        }
    }
    Some(to)
}

/// One folder's graph: node -> node -> where the dependency is written (`file:line`).
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The node of `m` in folder `dir`: its child of `dir`, or `mod.rs` (`lib.rs` at the root)
/// for `dir` itself.
fn node(dir: &Module, m: &Module) -> String {
    match m.get(dir.len()) {
        Some(child) => child.clone(),
        None if dir.is_empty() => "lib.rs".into(),
        None => "mod.rs".into(),
    }
}

/// The dependency graph of every folder (keyed by the folder's path, `""` for `src/`).
fn graphs(files: &[File]) -> BTreeMap<String, Graph> {
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let reexports = reexports(files, &modules);
    let mut out: BTreeMap<String, Graph> = BTreeMap::new();
    for f in files {
        let mut paths: Vec<(usize, Vec<String>)> = Vec::new();
        for (n, line) in f.lines.iter().enumerate() {
            paths.extend(inline_paths(line).into_iter().map(|p| (n, p)));
        }
        for (n, stmt) in use_statements(&f.lines) {
            let tree = stmt.split_once("use ").map_or("", |(_, t)| t);
            paths.extend(use_paths(tree).into_iter().map(|p| (n, p)));
        }
        for (n, p) in paths {
            let Some(to) = target(&f.module, &p, &modules, &reexports) else {
                continue;
            };
            let common = f.module.iter().zip(&to).take_while(|(a, b)| a == b).count();
            let dir: Module = f.module[..common].to_vec();
            let (a, b) = (node(&dir, &f.module), node(&dir, &to));
            if a != b {
                let at = format!("src/{}:{}", f.rel, n + 1);
                let lines = out
                    .entry(dir.join("/"))
                    .or_default()
                    .entry(a)
                    .or_default()
                    .entry(b)
                    .or_default();
                if !lines.contains(&at) {
                    lines.push(at);
                }
            }
        }
    }
    // Every folder is listed, also one without edges, so its ladder shows all its files.
    for f in files {
        for depth in 0..=f.module.len() {
            if depth == f.module.len() && !f.rel.ends_with("mod.rs") && !f.rel.ends_with("lib.rs") {
                continue;
            }
            let dir: Module = f.module[..depth.min(f.module.len())].to_vec();
            let g = out.entry(dir.join("/")).or_default();
            g.entry(node(&dir, &f.module)).or_default();
        }
    }
    out
}

/// The strongly connected components of `g` (Tarjan), each sorted.
fn components(g: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        let g = s.g;
        for w in g.get(v).into_iter().flat_map(|e| e.keys()) {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                comp.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            comp.sort();
            s.out.push(comp);
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    let nodes: BTreeSet<&str> = g
        .iter()
        .flat_map(|(a, e)| std::iter::once(a.as_str()).chain(e.keys().map(String::as_str)))
        .collect();
    for v in nodes {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// A shortest circle through `start` inside `comp`, as `a -> b -> a`.
fn circle(g: &Graph, comp: &[String], start: &str) -> Vec<String> {
    let mut prev: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in g.get(v).into_iter().flat_map(|e| e.keys()) {
            if !comp.contains(w) {
                continue;
            }
            if w == start {
                let mut path = vec![start.to_owned()];
                let mut at = v;
                while at != start {
                    path.push(at.to_owned());
                    at = prev[at];
                }
                path.push(start.to_owned());
                path.reverse();
                return path;
            }
            if !prev.contains_key(w.as_str()) {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    vec![start.to_owned()]
}

/// The circles of a graph, each with the lines that write its dependencies.
fn circles(g: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for comp in components(g).into_iter().filter(|c| c.len() > 1) {
        let path = circle(g, &comp, &comp[0]);
        let mut text = format!(
            "{} (a circle among {{{}}})",
            path.join(" -> "),
            comp.join(", ")
        );
        for pair in path.windows(2) {
            let at = &g[&pair[0]][&pair[1]];
            let shown: Vec<&str> = at.iter().take(3).map(String::as_str).collect();
            let more = if at.len() > 3 {
                format!(" and {} more", at.len() - 3)
            } else {
                String::new()
            };
            text.push_str(&format!(
                "\n      {} -> {}: {}{more}",
                pair[0],
                pair[1],
                shown.join(", ")
            ));
        }
        out.push(text);
    }
    out
}

/// The ladder: rung 0 depends on nothing, each rung only on lower ones; a circle is one
/// step of the ladder, shown in braces.
fn ladder(g: &Graph) -> String {
    let comps = components(g);
    let comp_of: BTreeMap<&str, usize> = comps
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |n| (n.as_str(), i)))
        .collect();
    // Tarjan emits a component after every component it depends on.
    let mut rung = vec![0usize; comps.len()];
    for (i, comp) in comps.iter().enumerate() {
        for n in comp {
            for w in g.get(n).into_iter().flat_map(|e| e.keys()) {
                let j = comp_of[w.as_str()];
                if j != i {
                    rung[i] = rung[i].max(rung[j] + 1);
                }
            }
        }
    }
    let top = rung.iter().copied().max().unwrap_or(0);
    let mut out = String::new();
    for r in (0..=top).rev() {
        let names: Vec<String> = comps
            .iter()
            .enumerate()
            .filter(|(i, _)| rung[*i] == r)
            .map(|(_, c)| {
                if c.len() > 1 {
                    format!("{{{}}}", c.join(", "))
                } else {
                    c[0].clone()
                }
            })
            .collect();
        out.push_str(&format!("    {r:>2}: {}\n", names.join(", ")));
    }
    out
}

#[test]
fn modules_form_a_ladder_without_circles() {
    let graphs = graphs(&files());
    assert!(
        graphs.get("").is_some_and(|g| g.len() > 5),
        "the top-level graph was not read: {:?}",
        graphs.get("")
    );
    let mut failures = Vec::new();
    for (dir, g) in &graphs {
        for c in circles(g) {
            failures.push(format!("  src/{dir}: {c}"));
        }
    }
    if failures.is_empty() {
        return;
    }
    let mut ladders = String::new();
    for (dir, g) in &graphs {
        ladders.push_str(&format!("  src/{dir} (top uses bottom):\n{}", ladder(g)));
    }
    panic!(
        "import circles between modules (a -> b: a uses b):\n{}\n\nthe ladder as it is:\n{ladders}",
        failures.join("\n")
    );
}

/// Every function outside `#[cfg(test)]` items with its length: `(file:line, name, lines)`.
fn functions(files: &[File]) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for f in files {
        for (i, line) in f.lines.iter().enumerate() {
            let Some(name) = fn_name(line) else {
                continue;
            };
            let indent = indentation(line);
            let close = format!("{}}}", " ".repeat(indent));
            // The body opens on the first line with `{`; a `;` first is a declaration.
            let Some(open) = (i..f.lines.len()).find(|&k| {
                let l = f.lines[k].trim_end();
                l.contains('{') || l.ends_with(';')
            }) else {
                continue;
            };
            let l = f.lines[open].trim_end();
            if !l.contains('{') {
                continue;
            }
            let opens = l.matches('{').count();
            let end = if opens == l.matches('}').count() {
                open
            } else {
                (open + 1..f.lines.len())
                    .find(|&k| f.lines[k] == close)
                    .unwrap_or(f.lines.len() - 1)
            };
            out.push((format!("src/{}:{}", f.rel, i + 1), name, end - i + 1));
        }
    }
    out
}

/// The name of the function a line starts (`pub(crate) const unsafe fn name<...>(`).
fn fn_name(line: &str) -> Option<String> {
    let mut rest = line.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("pub(") {
            rest = r.split_once(") ")?.1;
        } else if let Some(r) = ["pub ", "const ", "async ", "unsafe ", "default "]
            .iter()
            .find_map(|k| rest.strip_prefix(k))
        {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("extern ") {
            rest = r.trim_start_matches(|c: char| c == '"' || c == ' ' || c.is_alphanumeric());
        } else {
            break;
        }
    }
    let r = rest.strip_prefix("fn ")?;
    let name: String = r.chars().take_while(|&c| is_ident(c) || c == '$').collect();
    (!name.is_empty()).then_some(name)
}

#[test]
fn no_function_is_over_100_lines() {
    let all = functions(&files());
    assert!(all.len() > 100, "too few functions found: {}", all.len());
    let long: Vec<String> = all
        .iter()
        .filter(|(_, _, n)| *n > MAX_FN_LINES)
        .map(|(at, name, n)| format!("  {at}: `{name}` is {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (split them):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_reader_sees_paths_and_skips_comments_strings_and_tests() {
    let code = mask(
        "use crate::{a::{b, c}, d};\n\
         // crate::comment::x\n\
         let s = \"crate::string::x\"; let r = r#\"crate::raw\"#;\n\
         let c = '\"'; let l: &'static str = crate::e::f(x);\n\
         #[cfg(test)]\n\
         mod tests {\n\
         use crate::g;\n\
         }\n",
    );
    let lines = without_tests(&code);
    let mut found: Vec<Vec<String>> = Vec::new();
    found.extend(use_paths(
        lines[0].trim_start_matches("use ").trim_end_matches(';'),
    ));
    for l in &lines {
        found.extend(
            inline_paths(l)
                .into_iter()
                .filter(|p| p[0] != "crate" || p.len() > 1),
        );
    }
    let found: BTreeSet<String> = found.iter().map(|p| p.join("::")).collect();
    let expected: BTreeSet<String> = ["crate::a::b", "crate::a::c", "crate::d", "crate::e::f"]
        .map(str::to_owned)
        .into();
    assert_eq!(found, expected);

    let modules: BTreeSet<Module> = [vec![], vec!["r".into()], vec!["r".into(), "v".into()]]
        .into_iter()
        .collect();
    let from: Module = vec!["r".into(), "v".into()];
    let p = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        resolve(&from, &p("super::escape"), &modules),
        Some(vec!["r".into()])
    );
    assert_eq!(
        resolve(&from, &p("crate::r::v::x"), &modules),
        Some(from.clone())
    );
    assert_eq!(
        resolve(&vec!["r".into()], &p("v::x"), &modules),
        Some(from.clone())
    );
    assert_eq!(resolve(&from, &p("serde::Value"), &modules), None);

    let f = |body: &str| fn_name(body);
    assert_eq!(f("    pub(crate) fn draw<T>("), Some("draw".into()));
    assert_eq!(f("pub const fn id() -> u8 {"), Some("id".into()));
    assert_eq!(f("    let fn_x = 1;"), None);
}
