#!/usr/bin/env bash
# Builds the self-contained app image (mvn -Pinstaller, without the slow .deb) and proves that its native
# launcher runs the command line without a display: it reads a bundled sample recording, reports a missing file
# with exit code 1, trains a small model on the sample recordings with the bundled runtime (Weka, the default
# design) and classifies with it, and classifies with the default model when the build carries one.
#
#   packaging/smoke-test.sh            # as CI runs it
#   packaging/smoke-test.sh -o         # extra arguments go to Maven (here: offline)
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
image=target/installer/Auscult
launcher=$image/bin/Auscult
sample=sample-recordings/circor/36327_MV.wav
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "smoke test FAILED: $*" >&2
  exit 1
}

# Runs the packaged launcher with no display; its exit code goes to $status, its output to $work/out and $work/err.
run() {
  set +e
  env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" "$@" >"$work/out" 2>"$work/err"
  status=$?
  set -e
}

expect_status() {
  local wanted=$1 what=$2
  if [[ $status -ne $wanted ]]; then
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    fail "$what: exit code $status, expected $wanted"
  fi
}

expect_output() {
  local pattern=$1 stream=$2 what=$3
  if ! grep -Eq "$pattern" "$work/$stream"; then
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    fail "$what: no line matching /$pattern/ in $stream"
  fi
}

echo "== building the app image"
mvn -B -ntp -q package -DskipTests -Pinstaller -Dinstaller.skip.deb=true "$@"
[[ -x $launcher ]] || fail "$launcher was not built"
echo "   $(du -sh "$image" | cut -f1) in $image"

echo "== the launcher reports the project's version"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
run --version
expect_status 0 "--version"
expect_output "^Auscult ${version//./\\.}$" out "--version"

echo "== the jar copied without its lib folder says what is missing"
mkdir "$work/alone"
cp target/auscult.jar "$work/alone/"
set +e
java -jar "$work/alone/auscult.jar" --version >"$work/out" 2>"$work/err"
status=$?
set -e
expect_status 1 "the jar alone"
expect_output "libraries auscult.jar needs are missing" err "the jar alone"

echo "== info on a sample recording"
run info "$sample"
expect_status 0 "info $sample"
expect_output "^file: +$sample$" out "info"
expect_output "^format: +PCM 16-bit, 1 channel, 4000 Hz$" out "info"
expect_output "^problems: +none$" out "info"

echo "== a missing file is reported by name with exit code 1"
run info "$work/no-such-recording.wav"
expect_status 1 "info on a missing file"
expect_output "no-such-recording\.wav: no such file" err "info on a missing file"

echo "== train on the sample recordings (murmur present/absent) and classify with that model"
{
  echo "path,label,patient"
  # labels.csv: path,patient_id,location,murmur,...
  tail -n +2 sample-recordings/circor/labels.csv \
    | awk -F, -v dir="$PWD/sample-recordings/circor" '{ print dir "/" $1 "," $4 "," $2 }'
} >"$work/murmur.csv"
run train "$work/murmur.csv" -o "$work/murmur.auscult" --folds 4
expect_status 0 "train"
expect_output "^Saved .*murmur\.auscult: [a-z-]+, classes \[absent, present\]" out "train"
[[ -s $work/murmur.auscult ]] || fail "train wrote no model file"
run classify --model "$work/murmur.auscult" "$sample"
expect_status 0 "classify --model"
expect_output "^recording +predicted +probability +p_absent +p_present +usable_s +murmur$" out "classify --model"
expect_output "^36327_MV +(absent|present) +[01]\.[0-9]{3} +[01]\.[0-9]{3} +[01]\.[0-9]{3} +[0-9]+$" \
  out "classify --model"

echo "== classify with the default model"
if jar tf "$image/lib/app/auscult.jar" | grep -qx "org/auscult/models/default\.auscult"; then
  run classify "$sample"
  expect_status 0 "classify (default model)"
  expect_output "^recording +predicted +probability( +p_[A-Za-z_]+)+ +follow_up +usable_s +murmur$" out "classify (default model)"
  expect_output "^36327_MV +[A-Za-z_]+ +[01]\.[0-9]{3}( +[01]\.[0-9]{3})+ +(yes|no) +[0-9]+( +grade [IV]+/VI \([0-9]+ %\))?$" \
    out "classify (default model)"
else
  echo "   this build carries no default model; checking that classify says so"
  run classify "$sample"
  expect_status 1 "classify without a default model"
  expect_output "no default model.*--model" err "classify without a default model"
fi

echo "smoke test passed in $((SECONDS - started)) s"
