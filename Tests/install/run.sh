#!/usr/bin/env bash
# `make install` on a fresh machine: installs into a temporary DESTDIR with PREFIX=/usr/local,
# then runs the installed binary from / with an empty HOME and no TANDEM_* variables, so nothing
# of the checkout can be found: the configuration must be the one built in. Checks the man page
# and the shell completions, an override folder replacing one file and a broken one refused
# naming its file and key.
#   usage: bash Tests/install/run.sh [BUILD]   (BUILD: debug, the default, as `make test` built it; or release)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-debug}
WORK=$(mktemp -d /tmp/tandem-install-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DEST=$WORK/dest
PREFIX=/usr/local
TANDEM=$DEST$PREFIX/bin/tandem

failures=0 passes=0
pass() { echo "  ok   $1"; passes=$((passes + 1)); }
fail() { echo "  FAIL $1"; failures=$((failures + 1)); }

echo "install: make install DESTDIR=$DEST PREFIX=$PREFIX BUILD=$BUILD"
if ! make -C "$ROOT" --no-print-directory install BUILD="$BUILD" DESTDIR="$DEST" PREFIX="$PREFIX" >"$WORK/install.log" 2>&1; then
  cat "$WORK/install.log"; echo "install: make install failed"; exit 1
fi

# A fresh machine: an empty home, no TANDEM_* or XDG_* variables, run from /.
FRESH_HOME=$WORK/home
mkdir -p "$FRESH_HOME"
# EXTRA_ENV: more VAR=value words for one call (paths here have no spaces).
fresh() { (cd / && env -i PATH=/usr/bin:/bin HOME="$FRESH_HOME" LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no ${EXTRA_ENV:-} "$TANDEM" "$@"); }
# check NAME COMMAND...: must succeed; its output is kept in $out.
check() { local name=$1; shift; if out=$("$@" 2>&1); then pass "$name"; else fail "$name: $out"; fi; }
# refuse NAME COMMAND...: must fail; its output is kept in $out.
refuse() { local name=$1; shift; if out=$("$@" 2>&1); then fail "$name (it succeeded: $out)"; else pass "$name"; fi; }
contains() { local name=$1 text=$2; case "$out" in *"$text"*) pass "$name";; *) fail "$name: no '$text' in: $out";; esac; }

echo "installed files"
[ -x "$TANDEM" ] && pass "bin/tandem" || fail "no $TANDEM"
[ ! -e "$DEST$PREFIX/share/tandem/config" ] && pass "no configuration folder installed: it is built in" || fail "share/tandem/config installed"
manual=$DEST$PREFIX/share/man/man1/tandem.1
if [ -s "$manual" ] && grep -q '^\.Dt TANDEM 1' "$manual" && grep -q 'config show' "$manual" && grep -q 'coverage' "$manual"; then
  pass "man page share/man/man1/tandem.1 (mdoc, with the subcommands)"
  grep -q ' / "*$' "$manual" && fail "man page keeps a dangling ' / ': $(grep -m1 ' / "*$' "$manual")" || pass "man page has no dangling ' / '"
else
  fail "man page $manual: $(head -c 300 "$manual" 2>&1)"
fi
if command -v mandoc >/dev/null; then mandoc -T lint -W error "$manual" >/dev/null 2>&1 && pass "mandoc lint" || fail "mandoc lint: $(mandoc -T lint "$manual" 2>&1 | head -5)"
elif command -v groff >/dev/null; then
  text=$(groff -mandoc -Tutf8 "$manual" 2>/dev/null | col -b 2>/dev/null); case "$text" in *"config show"*) pass "groff renders it";; *) fail "groff output lacks config show";; esac
fi
bash_completion=$DEST$PREFIX/share/bash-completion/completions/tandem
[ -s "$bash_completion" ] && bash -n "$bash_completion" && grep -q 'complete .*tandem' "$bash_completion" \
  && pass "bash completion (parses)" || fail "bash completion $bash_completion"
if [ -s "$bash_completion" ]; then
  # Complete `tandem con` in a bash that sourced it: the console and config subcommands come back.
  words=$(bash -c 'source "$1"; COMP_WORDS=(tandem con); COMP_CWORD=1; COMP_LINE="tandem con"; COMP_POINT=${#COMP_LINE};
                  fn=$(complete -p tandem | sed -E "s/.*-F ([^ ]+).*/\1/"); "$fn" tandem con tandem; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" 2>&1)
  case "$words" in *config*console*|*console*config*) pass "bash completes tandem con → config, console";; *) fail "bash completion of 'tandem con': $words";; esac
fi
zsh_completion=$DEST$PREFIX/share/zsh/site-functions/_tandem
[ -s "$zsh_completion" ] && head -1 "$zsh_completion" | grep -q '^#compdef tandem' && pass "zsh completion (#compdef tandem)" || fail "zsh completion $zsh_completion"
fish_completion=$DEST$PREFIX/share/fish/vendor_completions.d/tandem.fish
[ -s "$fish_completion" ] && grep -q "^complete -c 'tandem'" "$fish_completion" && pass "fish completion" || fail "fish completion $fish_completion"

echo "the installed binary from / with an empty HOME"
check "--help states the precedence" fresh --help
out=$(echo "$out" | tr -s ' \n' '  ')
contains "--help names the folders in order" "--config DIR, then \$TANDEM_CONFIG, then \$XDG_CONFIG_HOME/tandem (default ~/.config/tandem), then /etc/tandem"
check "init --demo" fresh init --demo --db "$WORK/x.db" --lang en
contains "init --demo made the demo city" "created demo database $WORK/x.db"
check "coverage" fresh coverage --db "$WORK/x.db" --by district --lang en
contains "coverage names the districts of the built-in configuration" "Nanchuan"
check "config show" fresh config show --lang en
for file in districts categories engine bulletin columns; do
  echo "$out" | grep -Eq "^$file\.yaml +built-in +[^✗]" && pass "$file.yaml is built in" || fail "$file.yaml not built in: $out"
done
contains "config show lists ~/.config/tandem (absent)" "$FRESH_HOME/.config/tandem (absent)"
check "config show engine.yaml prints the built-in text" fresh config show engine.yaml
[ "$out" = "$(cat "$ROOT/config/engine.yaml")" ] && pass "it is config/engine.yaml" || fail "config show engine.yaml differs from config/engine.yaml"

echo "an override folder replaces one file"
mkdir -p "$FRESH_HOME/.config/tandem"
sed 's/^max_distance_km: 150/max_distance_km: 60/' "$ROOT/config/engine.yaml" > "$FRESH_HOME/.config/tandem/engine.yaml"
check "config show with ~/.config/tandem/engine.yaml" fresh config show --lang en
echo "$out" | grep -Eq "^engine\.yaml +$FRESH_HOME/\.config/tandem/engine\.yaml +pairs within 60 km" \
  && pass "engine.yaml from ~/.config/tandem (60 km)" || fail "engine.yaml not overridden: $out"
echo "$out" | grep -Eq "^districts\.yaml +built-in" && pass "districts.yaml still built in" || fail "districts.yaml: $out"
mkdir -p "$WORK/option"; cp "$ROOT/config/categories.yaml" "$WORK/option/"
check "--config DIR over ~/.config/tandem" fresh config show --config "$WORK/option" --lang en
echo "$out" | grep -Eq "^categories\.yaml +$WORK/option/categories\.yaml" && echo "$out" | grep -Eq "^engine\.yaml +$FRESH_HOME/" \
  && pass "categories.yaml from --config, engine.yaml still from ~/.config/tandem" || fail "layering: $out"

echo "a broken override names its file and key"
mkdir -p "$WORK/broken"
sed 's/^per_km: 10 /per_km: ten /' "$ROOT/config/engine.yaml" > "$WORK/broken/engine.yaml"
refuse "coverage with a broken --config engine.yaml" fresh coverage --db "$WORK/x.db" --config "$WORK/broken" --lang en
contains "the error names file and key" "config file $WORK/broken/engine.yaml, key per_km:"
EXTRA_ENV="TANDEM_CONFIG=$WORK/broken" refuse "config show with a broken \$TANDEM_CONFIG" fresh config show --lang en
contains "it names \$TANDEM_CONFIG's engine.yaml" "config file $WORK/broken/engine.yaml, key per_km"
refuse "config show with a broken override" fresh config show --config "$WORK/broken" --lang en
contains "config show marks the broken file" "✗ config file $WORK/broken/engine.yaml, key per_km"
refuse "a missing --config folder" fresh coverage --db "$WORK/x.db" --config "$WORK/no-such-folder" --lang en
contains "it names the folder" "$WORK/no-such-folder"
refuse "zh: a broken override" fresh coverage --db "$WORK/x.db" --config "$WORK/broken" --lang zh
contains "the Chinese error names file and key" "配置文件 $WORK/broken/engine.yaml 中 per_km 有误"

echo "install: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
