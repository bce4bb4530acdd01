//! The progress line `stepwise build` shows on a terminal: a spinner with the stage under
//! way and the time so far, on stderr. It appears only once a build has taken a second
//! (short builds print nothing extra), and never when stderr is not a terminal, in CI (`CI`
//! set) or with `--quiet`; it is erased when the build ends, so the summary line and the
//! findings read the same with or without it.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its progress line appears.
const DELAY: Duration = Duration::from_secs(1);

/// Whether progress may be drawn: stderr is a terminal, not in CI, not quiet.
pub(super) fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// A build's progress line; ends (and is erased) when dropped.
pub(super) struct Progress {
    bar: ProgressBar,
    done: Option<mpsc::Sender<()>>,
    shower: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts following the build's stages; draws nothing unless `enabled`, and nothing
    /// before [`DELAY`].
    pub(super) fn start(enabled: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} building{prefix}: {msg} ({elapsed})")
        {
            bar.set_style(style);
        }
        bar.set_message("load");
        let observed = bar.clone();
        crate::trace::observe(Some(Arc::new(move |stage: &str| {
            observed.set_message(stage.to_owned());
        })));
        if !enabled {
            return Progress {
                bar,
                done: None,
                shower: None,
            };
        }
        let (done, wait) = mpsc::channel::<()>();
        let shown = bar.clone();
        let shower = std::thread::spawn(move || {
            // Ended before the delay (or the handle was dropped): stay hidden.
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(DELAY) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress {
            bar,
            done: Some(done),
            shower: Some(shower),
        }
    }
}

impl Progress {
    /// Names the number of guides being built, once known.
    pub(super) fn guides(&self, n: usize) {
        let plural = if n == 1 { "" } else { "s" };
        self.bar.set_prefix(format!(" {n} guide{plural}"));
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        crate::trace::observe(None);
        if let Some(done) = self.done.take() {
            let _ = done.send(());
        }
        if let Some(shower) = self.shower.take() {
            let _ = shower.join();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_means_no_progress() {
        assert!(!wanted(true));
    }

    #[test]
    fn a_hidden_progress_follows_stages_and_ends() {
        let p = Progress::start(false);
        p.guides(2);
        crate::trace::stage("render and write", || ());
        // Other tests may run stages at the same time: any stage name will do.
        assert!(!p.bar.message().is_empty());
        assert_eq!(p.bar.prefix(), " 2 guides");
        assert!(p.bar.is_hidden());
        drop(p);
    }
}
