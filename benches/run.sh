#!/usr/bin/env bash
# Benchmarks stepwise on generated corpora and compares it with Hugo and mdBook on the same
# articles. Usage: benches/run.sh [SIZES...]   (default: 1000 10000 30000)
# Environment: RUNS (timed runs per figure, default 3), BENCH_DIR (where corpora go),
# BASELINE (an older stepwise binary to compare build times with), PROFILES (the corpus
# shapes, default "light real"; "shared" is the real shape with one set of pictures per
# product; "i18n" is the light shape in two languages, English and French, every guide with
# its translation and every control a French label; e.g. `PROFILES=real benches/run.sh 1000`
# for a quick look, `PROFILES="light i18n" benches/run.sh 10000` for what a second language
# costs).
#
# Installs what it needs when missing (Debian's hugo and hyperfine; mdbook with
# `cargo install --locked` into the target folder's bench-tools/, CARGO_TARGET_DIR honoured). Not part of tests/run.sh: it takes
# minutes and its figures depend on the machine. Prints a Markdown table of medians, with
# ratios to peers measured in the same run, so the machine's noise mostly cancels.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000 30000); fi
read -r -a PROFILE_LIST <<<"${PROFILES:-light real}"
for profile in "${PROFILE_LIST[@]}"; do
  case "$profile" in light | real | shared | i18n) ;; *) echo "unknown profile: $profile (light, real, shared, i18n)" >&2; exit 2 ;; esac
done
TARGET="$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)"
WORK="${BENCH_DIR:-$TARGET/bench}"
RUNS="${RUNS:-3}"
TOOLS="$TARGET/bench-tools"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt() {
  command -v "$1" >/dev/null 2>&1 && return
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"
}
need_apt hyperfine hyperfine
need_apt hugo hugo
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
# mdBook runs only at 1,000 guides or fewer (minutes beyond), so it is built only then;
# NO_MDBOOK=1 leaves it out (building it takes minutes on a small machine).
want_mdbook=${MDBOOK_ALL:-}
for n in "${SIZES[@]}"; do [ "$n" -le 1000 ] && want_mdbook=1; done
[ -n "${NO_MDBOOK:-}" ] && want_mdbook=""
if [ -n "$want_mdbook" ] && ! command -v mdbook >/dev/null 2>&1 && [ ! -x "$TOOLS/bin/mdbook" ]; then
  cargo install mdbook --locked --root "$TOOLS"
fi
MDBOOK="$(command -v mdbook || echo "$TOOLS/bin/mdbook")"

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example gen-corpus
BIN="$TARGET/release/stepwise"
GEN="$TARGET/release/examples/gen-corpus"
mkdir -p "$WORK"

median() { # hyperfine JSON -> median seconds
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
time_cmd() { # name, prepare, command -> median seconds
  local name="$1" prepare="$2" cmd="$3"
  hyperfine --style none --runs "$RUNS" --warmup 1 --prepare "$prepare" --export-json "$WORK/$name.json" "$cmd" >/dev/null 2>&1
  median "$WORK/$name.json"
}
peak_rss_mb() { # command... -> peak RSS in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%d", $1/1024}'
}
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }

# The corpus folder of a profile and size (the light profile keeps its historical name).
corpus() { if [ "$1" = light ]; then echo "$WORK/c$2"; else echo "$WORK/$1-c$2"; fi; }
gen_args() { case "$1" in light) ;; real) echo "--profile real" ;; shared) echo "--profile real --shared-image" ;; i18n) echo "--languages en,fr" ;; esac; }
declare -A R # "figure profile size" -> value, for the ratios below

printf '\nMachine: %s, %s cores, %s\n\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" "$(uname -r)"
printf 'Profiles: light = a few shared screenshots per guide, 5 to 8 steps per platform; real = a screenshot and a detail on every step (a PNG of its own), about 20 steps per guide, non-ASCII text in a third of the guides; shared = real with one set of pictures per product; i18n = light in English and French (a translation per guide, two trees; Hugo and mdBook build the English articles only).\n\n'
printf '| profile | guides | check | render (dry run) | build, empty output | cp -r of the output | build / cp -r | rebuild, nothing changed | rebuild, one guide changed | rebuild, one summary changed | Hugo build | render / Hugo | build / Hugo | mdBook build | peak RSS build / Hugo |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for profile in "${PROFILE_LIST[@]}"; do
for n in "${SIZES[@]}"; do
  dir="$(corpus "$profile" "$n")"
  if [ ! -d "$dir/guides" ]; then
    # shellcheck disable=SC2046 # the generator's flags are words
    "$GEN" "$n" "$dir/guides" --markdown "$dir/md" $(gen_args "$profile")
    # The translations record the source they match (the generator cannot hash it).
    if [ "$profile" = i18n ]; then "$BIN" translations "$dir/guides" --mark-current >/dev/null; fi
  fi
  out="$dir/out"
  one="$dir/guides/product-03/task-00003.yaml"
  check=$(time_cmd "check-$profile-$n" "true" "$BIN check $dir/guides --format short")
  render=$(time_cmd "render-$profile-$n" "true" "$BIN build $dir/guides -o $out --dry-run")
  fresh=$(time_cmd "build-$profile-$n" "rm -rf $out $dir/.out.stepwise-new; sync" "$BIN build $dir/guides -o $out")
  copy=$(time_cmd "copy-$profile-$n" "rm -rf $dir/copy; sync" "cp -r $out $dir/copy")
  rm -rf "$dir/copy"
  same=$(time_cmd "rebuild-$profile-$n" "true" "$BIN build $dir/guides -o $out")
  # Each run flips one guide's outcome, so every measured rebuild has one changed guide;
  # a second series flips its summary, which also changes the home and list pages.
  flip="sed -i -e 's/^outcome: Your new settings/outcome: XYour settings/' -e 's/^outcome: Your settings/outcome: Your new settings/' -e 's/^outcome: XYour/outcome: Your/' $one"
  changed=$(time_cmd "rebuild-one-$profile-$n" "$flip" "$BIN build $dir/guides -o $out")
  flip_card="sed -i -e 's/^summary: Change how/summary: XNow change how/' -e 's/^summary: Now change how/summary: Change how/' -e 's/^summary: XNow/summary: Now/' $one"
  card=$(time_cmd "rebuild-card-$profile-$n" "$flip_card" "$BIN build $dir/guides -o $out")
  hugo_t=$(time_cmd "hugo-$profile-$n" "rm -rf $dir/md/hugo/public; sync" "hugo --quiet -s $dir/md/hugo")
  if [ ! -d "$dir/md/mdbook/src" ]; then
    mdbook_t="(not generated: real profile over 1,000)"
  elif [ -n "${NO_MDBOOK:-}" ]; then
    mdbook_t="(NO_MDBOOK)"
  elif [ "$n" -le 1000 ] || [ -n "${MDBOOK_ALL:-}" ]; then
    mdbook_t="$(time_cmd "mdbook-$profile-$n" "rm -rf $dir/md/mdbook/book" "$MDBOOK build $dir/md/mdbook") s"
  else
    mdbook_t="(skipped: minutes; MDBOOK_ALL=1)"
  fi
  rm -rf "$out"; rss=$(peak_rss_mb "$BIN" build "$dir/guides" -o "$out")
  rm -rf "$dir/md/hugo/public"; hugo_rss=$(peak_rss_mb hugo --quiet -s "$dir/md/hugo")
  for f in check render fresh same changed card hugo_t rss; do R["$f $profile $n"]="${!f}"; done
  printf '| %s | %s | %s s | %s s | %s s | %s s | %s | %s s | %s s | %s s | %s s | %s | %s | %s | %s MB / %s MB |\n' \
    "$profile" "$n" "$check" "$render" "$fresh" "$copy" "$(ratio "$fresh" "$copy")" "$same" "$changed" "$card" \
    "$hugo_t" "$(ratio "$render" "$hugo_t")" "$(ratio "$fresh" "$hugo_t")" "$mdbook_t" "$rss" "$hugo_rss"
done
done

# Ratios between profiles measured in this run: what real-shaped guides cost over light ones.
ref="${PROFILE_LIST[0]}"
for profile in "${PROFILE_LIST[@]:1}"; do
  printf '\n| guides | check %s/%s | build %s/%s | build / Hugo, %s | build / Hugo, %s | rebuild nothing changed %s/%s | rebuild one guide %s/%s | peak RSS %s/%s |\n' \
    "$profile" "$ref" "$profile" "$ref" "$ref" "$profile" "$profile" "$ref" "$profile" "$ref" "$profile" "$ref"
  printf '|---|---|---|---|---|---|---|---|\n'
  for n in "${SIZES[@]}"; do
    r() { ratio "${R["$1 $profile $n"]}" "${R["$1 $ref $n"]}"; }
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(r check)" "$(r fresh)" \
      "$(ratio "${R["fresh $ref $n"]}" "${R["hugo_t $ref $n"]}")" \
      "$(ratio "${R["fresh $profile $n"]}" "${R["hugo_t $profile $n"]}")" "$(r same)" "$(r changed)" "$(r rss)"
  done
done
# Growth from the smallest to the largest size: the exponent k in time ~ guides^k.
if [ "${#SIZES[@]}" -gt 1 ]; then
  lo="${SIZES[0]}"; hi="${SIZES[-1]}"
  printf '\n| profile | exponent %s to %s guides: check | build | rebuild, nothing changed | peak RSS |\n|---|---|---|---|---|\n' "$lo" "$hi"
  for profile in "${PROFILE_LIST[@]}"; do
    k() { python3 -c "import math; print('%.2f' % (math.log(${R["$1 $profile $hi"]} / ${R["$1 $profile $lo"]}) / math.log($hi / $lo)))"; }
    printf '| %s | %s | %s | %s | %s |\n' "$profile" "$(k check)" "$(k fresh)" "$(k same)" "$(k rss)"
  done
fi

# Pages that list guides: the home page stays the same size whatever the number of guides,
# and list pages hold 50 guides at most (the builds of the loop above are still there).
printf '\n| guides | home page | largest category, product or tag page | list pages |\n|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
  out="$(corpus "$ref" "$n")/out"
  largest=$(find "$out/categories" "$out/products" "$out/tags" -type f -printf '%s\n' | sort -n | tail -n 1)
  printf '| %s | %.1f KB | %.1f KB | %s |\n' "$n" "$(python3 -c "print($(stat -c %s "$out/index.html") / 1024)")" \
    "$(python3 -c "print($largest / 1024)")" "$(find "$out/categories" "$out/products" "$out/tags" -type f | wc -l)"
done

# Search: what the index costs a build and what a reader's first search downloads, typed
# a key at a time in Chromium (benches/search.mjs; needs node and tests/browser's packages).
SEARCH_QUERIES=("playback settings" "family devices" "quality password" "change")
if command -v node >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
  [ -d tests/browser/node_modules ] || (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
  printf '\n| guides | search index stage | whole build, empty output | index share | index files | index size | index.js | first search (typed), largest of %s queries |\n' "${#SEARCH_QUERIES[@]}"
  printf '|---|---|---|---|---|---|---|---|\n'
  for n in "${SIZES[@]}"; do
    dir="$(corpus "$ref" "$n")"
    out="$dir/out"
    rm -rf "$out"
    log=$(STEPWISE_TIMINGS=1 "$BIN" build "$dir/guides" -o "$out" --format short 2>&1 >/dev/null)
    stage=$(printf '%s\n' "$log" | awk '/search index:/ {print $(NF-1)}')
    total=$(printf '%s\n' "$log" | awk '/stepwise: [a-z ]*: [0-9.]+ ms/ {s += $(NF-1)} END {print s}')
    files=$(find "$out/search" -type f | wc -l)
    size=$(du -sk "$out/search" | cut -f1)
    table=$(stat -c %s "$out/search/index.js")
    first=$(node benches/search.mjs "$out" "${SEARCH_QUERIES[@]}" | python3 -c 'import json,sys; print(max(json.loads(l)["kb"] for l in sys.stdin))')
    printf '| %s | %.0f ms | %.0f ms | %s%% | %s | %s KB | %s KB | %s KB |\n' "$n" "$stage" "$total" \
      "$(python3 -c "print(round(100 * $stage / $total))")" "$files" "$size" "$((table / 1024))" "$first"
  done
else
  printf '\n(search download figures skipped: node or chromium missing)\n'
fi

# Before and after: BASELINE=path/to/an/older/stepwise times that binary's check and build into an
# empty folder against this one's, alternating the two so that both see the same machine.
if [ -n "${BASELINE:-}" ]; then
  printf '\n| profile | guides | check: baseline | this check | this / baseline | build, empty output: baseline | this build | this / baseline |\n|---|---|---|---|---|---|---|---|\n'
  secs() { # command... -> wall seconds
    local start; start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    python3 -c "print($(date +%s.%N) - $start)"
  }
  med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%.3f", (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
  for profile in "${PROFILE_LIST[@]}"; do
  for n in "${SIZES[@]}"; do
    dir="$(corpus "$profile" "$n")"
    a=(); b=(); ca=(); cb=()
    # The two binaries alternate, so that both see the same machine.
    for _ in $(seq "$RUNS"); do
      for which in base this; do
        bin="$BIN"; [ "$which" = base ] && bin="$BASELINE"
        c=$(secs "$bin" check "$dir/guides" --format short)
        rm -rf "$dir/out-ab"; sync
        t=$(secs "$bin" build "$dir/guides" -o "$dir/out-ab" --format short)
        if [ "$which" = base ]; then a+=("$t"); ca+=("$c"); else b+=("$t"); cb+=("$c"); fi
      done
    done
    rm -rf "$dir/out-ab"
    base=$(med "${a[@]}"); this=$(med "${b[@]}")
    cbase=$(med "${ca[@]}"); cthis=$(med "${cb[@]}")
    printf '| %s | %s | %s s | %s s | %s | %s s | %s s | %s |\n' "$profile" "$n" "$cbase" "$cthis" \
      "$(ratio "$cthis" "$cbase")" "$base" "$this" "$(ratio "$this" "$base")"
  done
  done
fi

# Determinism: two builds of each profile's largest corpus into two folders must be
# byte-identical.
n="${SIZES[-1]}"
for profile in "${PROFILE_LIST[@]}"; do
  dir="$(corpus "$profile" "$n")"
  rm -rf "$dir/det-a" "$dir/det-b"
  "$BIN" build "$dir/guides" -o "$dir/det-a" --format short >/dev/null 2>&1
  "$BIN" build "$dir/guides" -o "$dir/det-b" --format short >/dev/null 2>&1
  if diff -r "$dir/det-a" "$dir/det-b" >/dev/null; then
    printf '\nTwo builds of %s guides (%s profile) are byte-identical (%s files).\n' "$n" "$profile" "$(find "$dir/det-a" -type f | wc -l)"
  else
    printf '\nerror: two builds of %s guides (%s profile) differ\n' "$n" "$profile" >&2
    exit 1
  fi
  rm -rf "$dir/det-a" "$dir/det-b"
done
