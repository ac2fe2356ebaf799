#!/usr/bin/env bash
# The installed program finds its own files: scripts/install.sh into a temporary PREFIX, the
# program symlinked into another folder on PATH, and run from an unrelated working folder:
#   1. validate finds the ontology (RDF and GraphML, whose schema is in it);
#   2. extract uses the hybrid tagger: the same N-Triples, byte for byte, as the program run with
#      the source tree's Ontology/ and Models/docgraph/ named on its command line (and not those of
#      the rules alone);
#   3. $DOCGRAPH_HOME names a home moved elsewhere;
#   4. without the model, extract is one error naming the fix and writes nothing, and
#      --tagger rules extracts with the rules alone.
# Prints PASS/FAIL per check; exits 1 when any fails.
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }
# check LABEL COMMAND...: PASS when COMMAND succeeds; its output is shown, indented, when it fails.
check() {
  local label="$1"; shift
  if "$@" > "$tmp/check.log" 2>&1; then pass "$label"; else fail "$label"; sed 's/^/      /' "$tmp/check.log" | head -n 20; fi
}

prefix="$tmp/prefix"
if ! bash scripts/install.sh "$prefix" > "$tmp/install.log" 2>&1; then
  fail "scripts/install.sh $prefix"
  sed 's/^/      /' "$tmp/install.log" | tail -n 20
  exit 1
fi
pass "scripts/install.sh PREFIX: $(ls "$prefix/bin") and $(ls "$prefix/share/docgraph" | tr '\n' ' ')"
installed="$prefix/bin/docgraph"

# The program reached through a symlink on PATH, run in a folder that holds only the document.
mkdir -p "$tmp/links" "$tmp/work" "$tmp/reference"
ln -s "$installed" "$tmp/links/docgraph"
sample=suzhou-npc-2024.txt
cp "Tests/Fixtures/samples/$sample" "$tmp/work/"
cp "Tests/Fixtures/samples/$sample" "$tmp/reference/"
# run ARGS...: `docgraph ARGS` by its name on PATH, in the working folder, no DocGraph variable set.
run() { (cd "$tmp/work" && env -u DOCGRAPH_HOME -u DOCGRAPH_ONTOLOGY -u DOCGRAPH_MODEL PATH="$tmp/links:$PATH" docgraph "$@"); }

# The references: the same program with the source tree's files named, on the same relative path
# (a document's location is the path as given).
(cd "$tmp/reference" && "$installed" extract "$sample" --ontology "$repo/Ontology" --model "$repo/Models/docgraph" \
   --tagger hybrid -q -o hybrid.nt && "$installed" extract "$sample" --ontology "$repo/Ontology" --tagger rules -q -o rules.nt) ||
  { fail "reference extraction with the source tree's files"; exit 1; }
cmp -s "$tmp/reference/hybrid.nt" "$tmp/reference/rules.nt" && { fail "the rules alone give the hybrid graph: the check below could not tell them apart"; exit 1; }

extracts_hybrid() {
  run extract "$sample" -q -o out.nt -o out.graphml || return 1
  cmp "$tmp/work/out.nt" "$tmp/reference/hybrid.nt" && echo "same N-Triples as the hybrid reference"
}
check "extract through a symlink on PATH, from another folder: the hybrid tagger's graph" extracts_hybrid
check "validate through a symlink on PATH, from another folder: N-Triples" run validate out.nt
check "validate through a symlink on PATH, from another folder: GraphML (the schema in Ontology/)" run validate out.graphml

# $DOCGRAPH_HOME: the program's files moved away from it.
mv "$prefix/share/docgraph" "$tmp/home"
lost() {
  ! run validate out.nt 2> "$tmp/err" && cat "$tmp/err" && grep -q "no ontology folder found" "$tmp/err"
}
check "files moved away: validate says no ontology folder was found" lost
home_run() {
  (cd "$tmp/work" && rm -f home.nt && DOCGRAPH_HOME="$tmp/home" PATH="$tmp/links:$PATH" docgraph extract "$sample" -q -o home.nt) &&
    cmp "$tmp/work/home.nt" "$tmp/reference/hybrid.nt" && echo "same N-Triples as the hybrid reference"
}
check "DOCGRAPH_HOME names the moved files: the hybrid tagger's graph" home_run

# Without the model: an error with the fix, nothing written; the rules alone when asked for.
mv "$tmp/home" "$prefix/share/docgraph"
rm -rf "$prefix/share/docgraph/Models"
no_model() {
  local rc
  run extract "$sample" -o none.nt 2> "$tmp/err"; rc=$?
  cat "$tmp/err"
  [ "$rc" -eq 1 ] || { echo "exit status $rc"; return 1; }
  [ ! -e "$tmp/work/none.nt" ] || { echo "none.nt written"; return 1; }
  [ "$(wc -l < "$tmp/err")" -eq 1 ] || { echo "want one line on stderr"; return 1; }
  grep -q "the tagger's model is not installed" "$tmp/err" && grep -q "scripts/install.sh" "$tmp/err" &&
    grep -q -- "--tagger rules" "$tmp/err"
}
check "no model installed: extract is one error naming the install command and --tagger rules" no_model
rules_run() {
  run extract "$sample" --tagger rules -q -o rules.nt && cmp "$tmp/work/rules.nt" "$tmp/reference/rules.nt" &&
    echo "same N-Triples as the rules reference"
}
check "no model installed: --tagger rules extracts with the rules alone" rules_run

echo "install-test: $failed check(s) failed"
[ "$failed" -eq 0 ]
