//! Stage timings on request: with `STEPWISE_TIMINGS` set (to anything but `0`), each
//! pipeline stage prints one line to stderr when it ends (`stepwise: resolve: 3.1 ms`), so a
//! slow build can be broken down and a test can count how often each stage ran.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

/// Told the name of each stage as it starts (a progress display's message).
pub(crate) type StageObserver = Arc<dyn Fn(&str) + Send + Sync>;

fn observer() -> &'static Mutex<Option<StageObserver>> {
    static OBSERVER: OnceLock<Mutex<Option<StageObserver>>> = OnceLock::new();
    OBSERVER.get_or_init(|| Mutex::new(None))
}

/// Sets (or with `None` removes) the observer told of each stage as it starts.
pub(crate) fn observe(f: Option<StageObserver>) {
    if let Ok(mut o) = observer().lock() {
        *o = f;
    }
}

fn tell(name: &str) {
    let f = observer().lock().ok().and_then(|o| o.clone());
    if let Some(f) = f {
        f(name);
    }
}

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("STEPWISE_TIMINGS").is_some_and(|v| v != "0"))
}

/// Runs one pipeline stage, timing it when timings are on.
pub(crate) fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    tell(name);
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!("stepwise: {name}: {ms:.1} ms");
    out
}

/// Reports a count when timings are on (`stepwise: files parsed: 3`), so a test can tell
/// how much work a command did.
pub(crate) fn count(name: &str, n: usize) {
    if enabled() {
        eprintln!("stepwise: {name}: {n}");
    }
}
