//! Running the binary in the package folder (tests of a guides tree of their own use
//! [`crate::harness::GuideTest`]).

use std::process::Command;

/// The `stepwise` command with `args` and extra environment variables, after removing
/// the variables of the caller's shell that change output (`NO_COLOR`, `COLUMNS`,
/// `CLICOLOR`, `CLICOLOR_FORCE`).
pub(crate) fn command(args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stepwise"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// Runs `stepwise` in the package folder (see [`command`]). Returns the exit code, stdout
/// and stderr.
pub(crate) fn run(args: &[&str], envs: &[(&str, &str)]) -> (i32, String, String) {
    let o = command(args, envs).output().expect("run stepwise");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}
