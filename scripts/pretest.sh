#!/usr/bin/env bash
# What `npm test` checks before Vitest, at the same time: the types (tsc), the lint (eslint) and
# the production build the e2e tests serve (made only when missing or stale). tsc and eslint each
# keep one core busy and the build waits on the disk part of the time, so on two cores together
# they take about as long as the longest of them instead of the sum. Each one's output is shown
# when it ends; the script fails if any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
names=(tsc eslint build)
cmds=(
  "npx tsc --noEmit"
  "npx eslint ."
  "npx tsx -e \"import('./scripts/lib/ensureBuild.ts').then((m) => m.ensureBuild())\""
)
declare -A pids
start=$(date +%s)
for i in "${!names[@]}"; do
  ( s=$(date +%s); bash -c "${cmds[$i]}" >"$dir/${names[$i]}.log" 2>&1; rc=$?; echo "$rc $(( $(date +%s) - s ))" >"$dir/${names[$i]}.rc" ) &
  pids[${names[$i]}]=$!
done
status=0
for name in "${names[@]}"; do
  wait "${pids[$name]}"
  read -r rc secs <"$dir/$name.rc"
  echo "── $name: $([ "$rc" = 0 ] && echo 'xong' || echo "LỖI (mã $rc)") sau ${secs} s"
  cat "$dir/$name.log"
  [ "$rc" = 0 ] || status=1
done
echo "── kiểm tra trước khi chạy kiểm thử: $(( $(date +%s) - start )) s"
exit $status
