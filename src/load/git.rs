//! Guides' last commit dates, for "Last updated" when a guide has no `reviewed` date.
//!
//! One `git log` over the whole guides folder, whatever the number of files: its newest
//! commit touching a file gives that file's date. The committer date is part of the commit,
//! so the same commit always gives the same dates. Without git, outside a repository or
//! for files never committed there is simply no date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::civil::Date;

/// The last commit date of every committed file under `root`, by path relative to `root`.
pub(crate) fn commit_dates(root: &Path) -> HashMap<PathBuf, Date> {
    let dir = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "core.quotepath=off",
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            "--relative",
            "--",
            ".",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => parse(&String::from_utf8_lossy(&out.stdout)),
        _ => HashMap::new(),
    }
}

/// Reads `git log --format=%x00%cs --name-only`: newest commit first, so the first date
/// seen for a file is its last commit's.
fn parse(log: &str) -> HashMap<PathBuf, Date> {
    let mut dates = HashMap::new();
    let mut current: Option<Date> = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = date.parse().ok();
        } else if !line.is_empty()
            && let Some(d) = current
        {
            dates.entry(PathBuf::from(line)).or_insert(d);
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_of_a_file_gives_its_date() {
        let log = "\x002026-12-03\n\np/a.yaml\n\x002026-11-01\n\np/a.yaml\np/b.yaml\n";
        let dates = parse(log);
        assert_eq!(dates[Path::new("p/a.yaml")].to_string(), "2026-12-03");
        assert_eq!(dates[Path::new("p/b.yaml")].to_string(), "2026-11-01");
        assert_eq!(dates.len(), 2);
    }

    #[test]
    fn outside_a_repository_there_are_no_dates() {
        let dir = std::env::temp_dir().join(format!("stepwise-nogit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A folder outside any repository (the temp folder is not in one here).
        let dates = commit_dates(&dir);
        let _ = std::fs::remove_dir(&dir);
        assert!(dates.is_empty());
    }
}
