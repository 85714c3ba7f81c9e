#!/usr/bin/env bash
# Times gongkai against the sqlite3 shell reading the same rows, on a synthetic register (release build).
#   Benchmarks/side-by-side.sh [PROJECTS] [SEED]      default 10000 projects, seed 1
# Prints each timing with its peak memory, and the ratios gongkai / sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-10000}
seed=${2:-1}
swift build -c release --product gongkai >/dev/null
swift build -c release --product GongkaiBenchmarks >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/scale.sqlite"
measure() {  # label, command...: prints "label: S s, M MB" and stores seconds in $seconds
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@"
  read -r seconds kb < "$work/time"
  printf '%-44s %8.2f s %8d MB\n' "$label:" "$seconds" $((kb / 1024))
}
measure "generate and import" "$bin/GongkaiBenchmarks" generate "$projects" "$db" "$seed"
rows="SELECT p.code, p.name, m.id, m.kind, m.formedOn, m.reference, m.summary, m.changesId, m.recordedBy, m.recordedAt,
  COALESCE(m.responsibleUnit, p.responsibleUnit), d.id, d.publishedOn, d.channel, d.url, d.until, d.serialYear, d.serial
  FROM project p JOIN milestone m ON m.projectId = p.id AND m.withdrawnReason IS NULL
  LEFT JOIN disclosure d ON d.milestoneId = m.id AND d.withdrawnReason IS NULL
  ORDER BY p.code, m.formedOn, m.id, d.publishedOn, d.id"
all=(--status on-time --status late --status due --status overdue --status too-short)
measure "sqlite3: the rows, to /dev/null" sh -c "sqlite3 '$db' \"$rows\" > /dev/null"; base=$seconds
measure "gongkai check --format json (every finding)" sh -c "'$bin/gongkai' check --database '$db' --as-of 2026-11-27 --fail-on never --format json ${all[*]} > /dev/null"
echo "  ratio check/sqlite3: $(python3 -c "print(round($seconds / max($base, 0.001), 2))")"
measure "gongkai check --format text (alerts)" sh -c "'$bin/gongkai' check --database '$db' --as-of 2026-11-27 --fail-on never > /dev/null"
measure "sqlite3 -csv: the rows, to a file" sh -c "sqlite3 -csv '$db' \"$rows\" > '$work/rows.csv'"; base=$seconds
measure "gongkai export audit-csv" "$bin/gongkai" export audit-csv --database "$db" --as-of 2026-11-27 --out "$work/audit.csv"
echo "  ratio audit-csv/sqlite3 -csv: $(python3 -c "print(round($seconds / max($base, 0.001), 2))")"
mkdir -p "$work/notices"
measure "gongkai export notices (html)" "$bin/gongkai" export notices --database "$db" --as-of 2026-11-27 --out "$work/notices"
