#!/usr/bin/env bash
# Times gongkai on a synthetic register against the sqlite3 shell reading the same rows (release build).
#   Benchmarks/side-by-side.sh [PROJECTS] [SEED]        default 10000 projects, seed 1
# STEPS picks what runs (default: all of "generate floor files import read notices"); WORK keeps the files in a
# folder of your choice (default: a temporary folder, removed at the end); CSV_ONLY=1 writes and imports only
# the spreadsheet (project files take Yams about 3 ms of CPU each to write: 36 minutes on 2 cores at a million).
# Prints each timing with its peak resident memory (/usr/bin/time), the import rates and the ratios
# gongkai / sqlite3 for the deadline check and the audit CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-10000}
seed=${2:-1}
steps=" ${STEPS:-generate floor files import read notices} "
swift build -c release --product gongkai >/dev/null
swift build -c release --product GongkaiBenchmarks >/dev/null
bin=$(swift build -c release --show-bin-path)
if [ -n "${WORK:-}" ]; then work=$WORK; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
db="$work/scale.sqlite"
export GONGKAI_USER=benchmark

measure() {  # label, command...: prints "label: S s, M MB" and keeps the seconds in $seconds
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; exit 1; }
  read -r seconds kb < "$work/time"
  printf '%-52s %9.2f s %7d MB\n' "$label:" "$seconds" $((kb / 1024))
}
rate() {  # what, count: prints the count per second of the last measurement
  python3 -c "print(f'  {int($2 / max($seconds, 0.001)):,} $1/s ({$2:,} in {$seconds} s)')"
}
ratio() {  # label, base seconds
  python3 -c "print(f'  ratio $1: {$seconds / max($2, 0.001):.2f}')"
}
written() {  # the milestones an import summary reports written
  grep -o '([0-9]* milestones' "$work/out" | tr -dc 0-9
}

echo "gongkai side by side: $projects projects, seed $seed, $(nproc) cores, $(date -u +%Y-%m-%d)"
if [[ $steps == *" generate "* ]]; then
  # Imports beside readers (WAL mode), then holding the register alone (a rollback journal, as --exclusive).
  rm -f "$db" "$db-wal" "$db-shm" "$work/exclusive.sqlite"*
  measure "generate, import in process (one transaction)" "$bin/GongkaiBenchmarks" generate "$projects" "$db" "$seed"
  cat "$work/out"
  measure "generate, the same exclusively" "$bin/GongkaiBenchmarks" generate "$projects" "$work/exclusive.sqlite" "$seed" --exclusive
  cat "$work/out"
  rm -f "$work/exclusive.sqlite"*
fi
if [[ $steps == *" floor "* ]]; then
  # What SQLite itself needs to insert the same rows into the same schema (indexes, synchronous=EXTRA, gongkai's
  # page cache) in one transaction, copying them from another database file: the floor under import, in WAL mode
  # (an import beside readers) and with a rollback journal (an exclusive import).
  staging="$work/staging.sqlite" floor="$work/floor.sqlite"
  rm -f "$staging"* "$floor"*
  sqlite3 "$staging" "ATTACH '$db' AS source;
    CREATE TABLE project AS SELECT * FROM source.project ORDER BY id;
    CREATE TABLE milestone AS SELECT * FROM source.milestone ORDER BY id;
    CREATE TABLE disclosure AS SELECT * FROM source.disclosure ORDER BY id;
    CREATE TABLE changeLog AS SELECT * FROM source.changeLog ORDER BY id;"
  for journal in WAL DELETE; do
    rm -f "$floor"*
    "$bin/gongkai" init --database "$floor" > /dev/null
    lock=$([ $journal = WAL ] && echo IMMEDIATE || echo EXCLUSIVE)
    measure "sqlite3: insert the same rows (floor, $journal)" sqlite3 "$floor" "PRAGMA journal_mode = $journal;
      PRAGMA synchronous = EXTRA; PRAGMA cache_size = -65536; ATTACH '$staging' AS staging; BEGIN $lock;
      INSERT INTO project SELECT * FROM staging.project; INSERT INTO milestone SELECT * FROM staging.milestone;
      INSERT INTO disclosure SELECT * FROM staging.disclosure; INSERT INTO changeLog SELECT * FROM staging.changeLog; COMMIT;"
    rate milestones "$(sqlite3 "$staging" 'SELECT COUNT(*) FROM milestone')"
  done
  # The same rows one statement a row, in the order an import writes them: an import cannot hand SQLite one SELECT,
  # as each row's lookups depend on the rows before it. Without and with the two lookups a spreadsheet row makes.
  for lookups in "" --lookups; do
    rm -f "$floor"*
    "$bin/gongkai" init --database "$floor" > /dev/null
    sqlite3 "$floor" "ATTACH '$db' AS source; INSERT INTO project SELECT * FROM source.project;
      INSERT INTO changeLog SELECT * FROM source.changeLog WHERE entity = 'project';"
    measure "SQLite: the same rows a statement each${lookups:+, looked up}" "$bin/GongkaiBenchmarks" replay "$db" "$floor" $lookups
    cat "$work/out"
  done
  rm -f "$staging"* "$floor"*
fi
if [[ $steps == *" files "* ]]; then
  rm -rf "$work/files"
  measure "write project files and the CSV" "$bin/GongkaiBenchmarks" files "$projects" "$work/files" "$seed" \
    ${CSV_ONLY:+--csv-only}
  cat "$work/out"
fi
if [[ $steps == *" import "* ]]; then
  # Each import twice: beside readers (WAL mode), then holding the register alone (--exclusive).
  yaml="$work/yaml.sqlite" csv="$work/csv.sqlite" registry="$work/registry.sqlite"
  rm -f "$yaml"* "$csv"* "$registry"*
  if [ -z "${CSV_ONLY:-}" ]; then
    for exclusive in "" --exclusive; do
      rm -f "$yaml"*
      "$bin/gongkai" init --database "$yaml" > /dev/null
      measure "gongkai import projects${exclusive:+ $exclusive} (YAML files)" "$bin/gongkai" import projects "$work/files/projects" \
        --database "$yaml" $exclusive
      rate milestones "$(written)"
    done
    "$bin/gongkai" init --database "$registry" > /dev/null
    measure "gongkai import projects (registry, no milestones)" "$bin/gongkai" import projects "$work/files/registry" \
      --database "$registry"
  else
    "$bin/GongkaiBenchmarks" generate "$projects" "$registry" "$seed" --projects-only > /dev/null
  fi
  for exclusive in "" --exclusive; do
    rm -f "$csv"*
    cp "$registry" "$csv"
    measure "gongkai import milestones${exclusive:+ $exclusive} (CSV)" "$bin/gongkai" import milestones "$work/files/milestones.csv" \
      --database "$csv" $exclusive
    rate milestones "$(written)"
  done
  rm -f "$yaml"* "$csv"* "$registry"*
fi
if [[ $steps == *" read "* ]]; then
  # The store's own query (SQLiteStore+Reads.swift), with SQLite's default page cache as the store reads: the
  # rows every check and export reads, as fast as SQLite reads them.
  # The audit CSV reads withdrawn milestones too, with who withdrew them and when: its query drops the condition.
  withdrawal="CASE WHEN m.withdrawnReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at FROM changeLog c
    WHERE c.projectCode = p.code AND c.entity = 'milestone' AND c.entityId = m.id AND c.action IN ('withdraw', 'insert')
    ORDER BY c.id DESC LIMIT 1) END"
  # And each milestone's amendments, read for amended milestones alone through their partial index.
  amendments="CASE WHEN m.amendmentReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at || char(31)
    || (SELECT COUNT(*) FROM changeLog k WHERE k.entity = 'milestone' AND k.action = 'amend' AND k.entityId = m.id)
    || char(31) || IFNULL((SELECT json_extract(f.before, '\$.formedOn') FROM changeLog f
      WHERE f.entity = 'milestone' AND f.action = 'amend' AND f.entityId = m.id ORDER BY f.id LIMIT 1), '')
    FROM changeLog c WHERE c.entity = 'milestone' AND c.action = 'amend' AND c.entityId = m.id ORDER BY c.id DESC LIMIT 1) END"
  # And who last reinstated it, for a milestone reinstated or of a project reinstated alone.
  reinstatement="IFNULL(m.reinstatedReason, '（项目恢复）' || p.reinstatedReason), CASE WHEN m.reinstatedReason IS NOT NULL
    OR p.reinstatedReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at FROM changeLog c WHERE c.entity = 'milestone'
    AND c.entityId = m.id AND c.action = 'reinstate' ORDER BY c.id DESC LIMIT 1) END"
  # The audit CSV reads each milestone's publications withdrawn as recorded by mistake as well (已撤回的公开), and of
  # each publication reinstated, its withdrawal and reinstatement (已恢复的公开).
  withdrawn_publications=", (SELECT group_concat('W' || char(30) || wd.id || char(30) || wd.publishedOn || char(30) || wd.serialYear
    || char(30) || wd.serial || char(30) || wd.recordedAt || char(30) || IFNULL((SELECT c.at || char(30) || c.actor FROM changeLog c
    WHERE c.entity = 'disclosure' AND c.entityId = wd.id AND c.action = 'withdraw' ORDER BY c.id DESC LIMIT 1), char(30))
    || char(30) || wd.withdrawnReason || char(30) || wd.channel, char(31))
    FROM disclosure wd INDEXED BY disclosure_withdrawn WHERE wd.milestoneId = m.id AND wd.withdrawnReason IS NOT NULL AND wd.serial IS NOT NULL)
    , CASE WHEN d.reinstatedReason IS NOT NULL THEN IFNULL((SELECT c.at || char(31) || c.actor || char(31)
      || IFNULL(json_extract(c.after, '\$.withdrawnReason'), '') FROM changeLog c WHERE c.entity = 'disclosure' AND c.entityId = d.id
      AND c.action = 'withdraw' ORDER BY c.id DESC LIMIT 1), char(31) || char(31)) || char(31) || IFNULL((SELECT c.at || char(31)
      || c.actor FROM changeLog c WHERE c.entity = 'disclosure' AND c.entityId = d.id AND c.action = 'reinstate'
      ORDER BY c.id DESC LIMIT 1), char(31)) || char(31) || d.reinstatedReason END"
  query() {
    echo "SELECT p.id, p.code, p.name, p.legalPerson, p.location, p.totalInvestment, p.responsibleUnit,
    m.id, m.kind, m.formedOn, m.reference, m.summary, m.changesId, m.recordedBy, m.recordedAt, m.responsibleUnit, d.id, d.publishedOn, d.channel, d.url, d.until, d.serialYear, d.serial, d.recordedBy, d.recordedAt,
    m.withdrawnReason, $withdrawal, m.amendmentReason, $amendments, p.withdrawnReason, $reinstatement${2:-}
    FROM project p JOIN milestone m ON m.projectId = p.id$1
    LEFT JOIN disclosure d ON d.milestoneId = m.id AND d.withdrawnReason IS NULL
    ORDER BY p.code, m.formedOn, m.id, d.publishedOn, d.id"
  }
  rows=$(query " AND m.withdrawnReason IS NULL")
  audit_rows=$(query "" "$withdrawn_publications")
  all=(--status on-time --status late --status due --status overdue --status too-short)
  cat "$db" > /dev/null  # every reader starts with the file in the operating system's cache
  measure "sqlite3: the rows, to /dev/null" sh -c "sqlite3 '$db' \"$rows\" > /dev/null"; base=$seconds
  measure "gongkai check --format json (every finding)" sh -c "'$bin/gongkai' check --database '$db' --as-of 2026-11-27 --fail-on never --format json ${all[*]} > /dev/null"
  ratio "check json / sqlite3" "$base"
  measure "gongkai check (text: what needs attention)" sh -c "'$bin/gongkai' check --database '$db' --as-of 2026-11-27 --fail-on never > /dev/null"
  ratio "check text / sqlite3" "$base"
  measure "sqlite3 -csv: the rows, to a file" sh -c "sqlite3 -csv '$db' \"$audit_rows\" > '$work/rows.csv'"; base=$seconds
  # The export alone, against sqlite3 reading its rows; then as users run it, with the check against the change
  # log every export makes unless --no-verify (on a connection of its own, beside the export); the check is also
  # timed on its own as `audit verify`, which makes the same two checks.
  measure "gongkai export audit-csv --no-verify" "$bin/gongkai" export audit-csv --no-verify --database "$db" --as-of 2026-11-27 --out "$work/audit.csv"
  ratio "audit-csv / sqlite3 -csv" "$base"
  measure "gongkai export audit-csv (with its check)" "$bin/gongkai" export audit-csv --database "$db" --as-of 2026-11-27 --out "$work/audit.csv"
  ratio "audit-csv with its check / sqlite3 -csv" "$base"
  measure "gongkai audit verify (what an export checks first)" sh -c "'$bin/gongkai' audit verify --database '$db' > /dev/null"
  rm -f "$work/rows.csv" "$work/audit.csv"
fi
if [[ $steps == *" notices "* ]]; then
  rm -rf "$work/notices"; mkdir -p "$work/notices"
  measure "gongkai export notices --no-verify (html)" "$bin/gongkai" export notices --no-verify --database "$db" --as-of 2026-11-27 --out "$work/notices"
  rate pages "$(find "$work/notices" -name '2*.html' | wc -l)"
  rm -rf "$work/notices"
fi
