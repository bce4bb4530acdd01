#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit, integration, snapshot and
# property tests. Usage: tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Snapshots are compared, never rewritten, when the suite runs as a whole.
export INSTA_UPDATE=no

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo test (unit, integration, snapshots, property tests)"
cargo test --locked

step "stepwise check on the bundled guides"
cargo run --locked --quiet -- check guides

printf '\nAll tests passed.\n'
