#!/bin/sh
# Installs the stepwise binary from a GitHub release of stepwise-docs/stepwise.
#
#   curl -fsSL https://raw.githubusercontent.com/stepwise-docs/stepwise/main/install.sh | sh
#   curl -fsSL https://raw.githubusercontent.com/stepwise-docs/stepwise/main/install.sh | sh -s -- --version 0.1.0 --to /usr/local/bin
#
# It picks the archive for this OS and processor, checks it against the release's
# SHA256SUMS and puts `stepwise` in ~/.local/bin (or --to DIR). POSIX sh; needs curl or
# wget, tar (unzip on Windows) and sha256sum or shasum. See docs/install.md.
set -eu

# The repository whose releases are installed (a fork can name its own).
REPO="${STEPWISE_REPO:-stepwise-docs/stepwise}"
# Where the release assets are: a mirror of them can be named with STEPWISE_DOWNLOAD_BASE
# (a folder holding v<version>/<asset>).
DOWNLOAD_BASE="${STEPWISE_DOWNLOAD_BASE:-https://github.com/$REPO/releases/download}"
LATEST_URL="https://github.com/$REPO/releases/latest"

usage() {
  cat <<EOF
Install stepwise from a release of https://github.com/$REPO.

Usage: install.sh [OPTIONS]

Options:
  --version VERSION  the release to install, such as 0.1.0 (default: the latest)
  --to DIR           the folder to put the binary in (default: ~/.local/bin)
  --os OS            linux, macos or windows (default: this machine's)
  --arch ARCH        x86_64 or aarch64 (default: this machine's)
  --dry-run          print what would be downloaded and installed, and do nothing
  -h, --help         print this help

Environment:
  STEPWISE_REPO           the GitHub repository of the releases
                          (default: stepwise-docs/stepwise)
  STEPWISE_DOWNLOAD_BASE  a mirror of the release assets, holding v<version>/<asset>
                          (default: https://github.com/$REPO/releases/download)
EOF
}

die() {
  printf 'error: %s\n' "$1" >&2
  [ $# -lt 2 ] || printf 'help: %s\n' "$2" >&2
  exit 1
}

usage_error() {
  printf 'error: %s\n' "$1" >&2
  # shellcheck disable=SC2016 # backquotes, not a command
  printf 'help: run `install.sh --help` for the options\n' >&2
  exit 2
}

need_value() {
  case "${2:-}" in
    "" | -*) usage_error "$1 needs a value" ;;
  esac
}

# Everything runs from here, once the whole script has been read: a download cut short
# (curl ... | sh) runs nothing.
main() {
  version=latest
  to_dir=
  os=
  arch=
  dry_run=
  while [ $# -gt 0 ]; do
    case "$1" in
      --version) need_value "$@"; version="$2"; shift 2 ;;
      --version=*) version="${1#*=}"; shift ;;
      --to) need_value "$@"; to_dir="$2"; shift 2 ;;
      --to=*) to_dir="${1#*=}"; shift ;;
      --os) need_value "$@"; os="$2"; shift 2 ;;
      --os=*) os="${1#*=}"; shift ;;
      --arch) need_value "$@"; arch="$2"; shift 2 ;;
      --arch=*) arch="${1#*=}"; shift ;;
      --dry-run) dry_run=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage_error "unknown option \`$1\`" ;;
    esac
  done

  # This machine's OS and processor, in the names of the release targets.
  detect_os() {
    case "$(uname -s)" in
      Linux) echo linux ;;
      Darwin) echo macos ;;
      MINGW* | MSYS* | CYGWIN* | Windows_NT) echo windows ;;
      *) uname -s ;;
    esac
  }

  detect_arch() {
    machine="$(uname -m)"
    # A shell under Rosetta 2 reports x86_64 on an Apple silicon Mac: take the native build.
    if [ "$machine" = x86_64 ] && [ "$(uname -s)" = Darwin ] \
      && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0)" = 1 ]; then
      machine=arm64
    fi
    echo "$machine"
  }

  [ -n "$os" ] || os="$(detect_os)"
  [ -n "$arch" ] || arch="$(detect_arch)"

  case "$os" in
    linux | Linux) os=linux ;;
    macos | darwin | Darwin | macOS) os=macos ;;
    windows | Windows) os=windows ;;
    *) die "there is no prebuilt stepwise for the OS \`$os\`" \
      "build it from source with \`cargo install stepwise\` (see https://github.com/$REPO/blob/main/docs/install.md)" ;;
  esac
  case "$arch" in
    x86_64 | amd64 | x64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) die "there is no prebuilt stepwise for the processor \`$arch\` on $os" \
      "build it from source with \`cargo install stepwise\` (see https://github.com/$REPO/blob/main/docs/install.md)" ;;
  esac

  ext=tar.gz
  exe=stepwise
  case "$os-$arch" in
    linux-x86_64) target=x86_64-unknown-linux-musl ;;
    linux-aarch64) target=aarch64-unknown-linux-musl ;;
    macos-x86_64) target=x86_64-apple-darwin ;;
    macos-aarch64) target=aarch64-apple-darwin ;;
    windows-x86_64) target=x86_64-pc-windows-msvc; ext=zip; exe=stepwise.exe ;;
    *) die "there is no prebuilt stepwise for $os on $arch" \
      "build it from source with \`cargo install stepwise\` (see https://github.com/$REPO/blob/main/docs/install.md)" ;;
  esac

  version="${version#v}"
  case "$version" in
    latest) ;;
    *[!0-9A-Za-z.-]*) usage_error "\`$version\` is not a version such as 0.1.0 (or \`latest\`)" ;;
    [0-9]*.[0-9]*.[0-9]*) ;;
    *) usage_error "\`$version\` is not a version such as 0.1.0 (or \`latest\`)" ;;
  esac

  if [ -z "$to_dir" ]; then
    [ -n "${HOME:-}" ] || die "HOME is not set, so there is no ~/.local/bin" "name the folder with --to DIR"
    to_dir="$HOME/.local/bin"
  fi

  asset_url() {
    printf '%s/v%s/%s\n' "$DOWNLOAD_BASE" "$1" "$2"
  }

  if [ -n "$dry_run" ]; then
    if [ "$version" = latest ]; then
      printf 'version:   latest (looked up at %s)\n' "$LATEST_URL"
      shown=VERSION
    else
      printf 'version:   %s\n' "$version"
      shown="$version"
    fi
    archive="stepwise-$shown-$target.$ext"
    printf 'target:    %s\n' "$target"
    printf 'archive:   %s\n' "$(asset_url "$shown" "$archive")"
    printf 'checksums: %s\n' "$(asset_url "$shown" SHA256SUMS)"
    printf 'install:   %s/%s\n' "$to_dir" "$exe"
    exit 0
  fi

  # Downloads $1 into the file $2.
  if command -v curl >/dev/null 2>&1; then
    fetch() { curl --proto '=https,file' --tlsv1.2 -fsSL --retry 3 -o "$2" "$1"; }
  elif command -v wget >/dev/null 2>&1; then
    fetch() { wget -q -O "$2" "$1"; }
  else
    die "neither curl nor wget is installed" "install one of them and run the script again"
  fi

  # The tag the latest release redirects to.
  resolve_latest() {
    if command -v curl >/dev/null 2>&1; then
      url="$(curl --proto '=https' -fsSLI -o /dev/null -w '%{url_effective}' "$LATEST_URL")" || return 1
    else
      url="$(wget -q -S --spider "$LATEST_URL" 2>&1 | sed -n 's/^ *[Ll]ocation: *//p' | tail -n 1 | tr -d '\r')"
    fi
    tag="${url##*/}"
    case "$tag" in v[0-9]*) echo "${tag#v}" ;; *) return 1 ;; esac
  }

  if [ "$version" = latest ]; then
    version="$(resolve_latest)" \
      || die "could not find the latest release at $LATEST_URL" \
        "check the network, or name a release with --version VERSION"
  fi

  archive="stepwise-$version-$target.$ext"
  tmp="$(mktemp -d 2>/dev/null || mktemp -d -t stepwise)"
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM

  printf 'Downloading %s\n' "$(asset_url "$version" "$archive")" >&2
  fetch "$(asset_url "$version" "$archive")" "$tmp/$archive" \
    || die "could not download $(asset_url "$version" "$archive")" \
      "check that release v$version exists at https://github.com/$REPO/releases and has a $target archive"
  fetch "$(asset_url "$version" SHA256SUMS)" "$tmp/SHA256SUMS" \
    || die "could not download $(asset_url "$version" SHA256SUMS)" \
      "the archive cannot be verified without it; check the release's assets"

  # The checksum line of the archive: `<sha256>  <file name>`.
  expected="$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1; exit }' "$tmp/SHA256SUMS")"
  [ -n "$expected" ] || die "SHA256SUMS of v$version has no line for $archive" \
    "the release is incomplete; try another --version"
  if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$tmp/$archive" | awk '{ print $1 }')"
  elif command -v shasum >/dev/null 2>&1; then
    actual="$(shasum -a 256 "$tmp/$archive" | awk '{ print $1 }')"
  else
    die "neither sha256sum nor shasum is installed, so the download cannot be verified" \
      "install coreutils (sha256sum) or perl (shasum)"
  fi
  [ "$actual" = "$expected" ] || die "the checksum of $archive does not match SHA256SUMS (expected $expected, got $actual)" \
    "the download is damaged or was changed: nothing was installed; run the script again"

  mkdir "$tmp/unpacked"
  if [ "$ext" = zip ]; then
    command -v unzip >/dev/null 2>&1 || die "unzip is needed to unpack $archive" "install unzip"
    unzip -q "$tmp/$archive" -d "$tmp/unpacked" || die "could not unpack $archive"
  else
    tar -xzf "$tmp/$archive" -C "$tmp/unpacked" || die "could not unpack $archive"
  fi
  binary="$tmp/unpacked/stepwise-$version-$target/$exe"
  [ -f "$binary" ] || die "$archive holds no stepwise-$version-$target/$exe" "the release is damaged; try another --version"

  mkdir -p "$to_dir" 2>/dev/null || die "could not create the folder $to_dir" "choose another with --to DIR"
  [ -w "$to_dir" ] || die "$to_dir is not writable" "choose another folder with --to DIR, or run with sudo"
  # Copy next to the target, then rename: a running stepwise is never half overwritten.
  cp "$binary" "$to_dir/.$exe.$$" || die "could not write to $to_dir"
  chmod 755 "$to_dir/.$exe.$$"
  mv -f "$to_dir/.$exe.$$" "$to_dir/$exe" || die "could not replace $to_dir/$exe"

  printf 'Installed stepwise %s (%s) in %s/%s\n' "$version" "$target" "$to_dir" "$exe"
  # shellcheck disable=SC2016 # the $PATH of the note is for the user's profile
  case ":${PATH:-}:" in
    *":$to_dir:"*) ;;
    *) printf 'note: %s is not on your PATH; add it, e.g. in ~/.profile: export PATH="%s:$PATH"\n' "$to_dir" "$to_dir" >&2 ;;
  esac
  printf 'Shell completions: stepwise completions bash|zsh|fish (or the completions/ folder of %s)\n' "$archive"
}

main "$@"
