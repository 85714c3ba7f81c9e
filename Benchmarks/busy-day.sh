#!/usr/bin/env bash
# Times `gongkai import milestones` of N bid results of one project told apart by their 文号, all formed on one day
# (a busy day, which an import once paid for quadratically) and spread over 2,000 days (release build).
#   Benchmarks/busy-day.sh [N...]        default 2000 8000 32000 64000
# GONGKAI picks the binary to time (default: this checkout's release build).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GONGKAI:-}" ]; then
  swift build -c release --product gongkai >/dev/null
  GONGKAI="$(swift build -c release --show-bin-path)/gongkai"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GONGKAI_USER=benchmark
code=2026-310110-48-01-000200
[ $# -gt 0 ] || set -- 2000 8000 32000 64000
for rows in "$@"; do
  for spread in 1 2000; do
    db=(--database "$work/busy.sqlite")
    rm -f "$work"/busy.sqlite*
    "$GONGKAI" init "${db[@]}" >/dev/null
    "$GONGKAI" project add "$code" --name 江浦路桥梁改建工程 --unit 杨浦区建设和管理委员会 "${db[@]}" >/dev/null
    python3 - "$code" "$rows" "$spread" > "$work/rows.csv" <<'PY'
import datetime, sys
code, rows, spread = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print("project,kind,formed,ref")
for i in range(1, rows + 1):
    print(f"{code},bidding.result,{datetime.date(2020, 1, 1) + datetime.timedelta(days=i % spread)},杨竣〔2026〕{i}号")
PY
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$GONGKAI" import milestones "$work/rows.csv" "${db[@]}" >/dev/null
    read -r wall user kb < "$work/time"
    printf '%7d rows over %4d day(s): %6.2f s (%5.2f s user) %4d MB\n' "$rows" "$spread" "$wall" "$user" $((kb / 1024))
  done
done
