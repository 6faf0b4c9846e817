#!/usr/bin/env bash
# Measures qpr build side by side with an earlier release, on synthetic projects made by
# internal/synthproject: the full pack (PDF, XLSX and JSON) at 1,000 and 10,000 indicators
# x 20 quarters, and JSON only at 1,000 x 20. Each round runs the two binaries one after the
# other, alternating which goes first, so a noisy shared machine slows both alike; the
# figures are medians over the rounds. Wall time, CPU time (user + system, which a busy
# machine inflates less than wall time) and peak RSS come from /usr/bin/time -v.
#
#   scripts/perf.sh [BASE] [ROUNDS]     (make perf; BASE defaults to the release 735154d)
set -euo pipefail

base=${1:-735154d}
rounds=${2:-5}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/qpr-perf.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"

[ -x /usr/bin/time ] || { echo "perf: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "building $base and the working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo +changes))" >&2
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && go build -o "$work/qpr-base" ./cmd/qpr)
go build -o "$work/qpr-new" ./cmd/qpr

echo "writing the synthetic projects" >&2
go run ./internal/synthproject/cmd/synthproject "$work/p1000" 1000 20
go run ./internal/synthproject/cmd/synthproject "$work/p10000" 10000 20

# run BIN PROJECT FORMATS: one build; prints "wall-seconds peak-KiB cpu-seconds".
run() {
	local bin=$1 project=$2 format=$3 out="$work/out-$(basename "$1")"
	rm -rf "$out"
	local args=(build --catalogue "$project/catalogue.yaml" --data "$project/data" --out "$out" --quiet)
	args+=(--format "$format")
	/usr/bin/time -v -o "$work/time.txt" "$bin" "${args[@]}" >/dev/null 2>"$work/stderr.txt" || {
		echo "perf: $bin ${args[*]} failed:" >&2; cat "$work/stderr.txt" >&2; exit 1; }
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
		/Maximum resident set size/ { kb = $2 } /User time|System time/ { cpu += $2 }
		END { printf "%.3f %d %.3f\n", s, kb, cpu }' "$work/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-22s %9s %7s %6s %9s %7s %11s %8s\n' case "$base s" "new s" ratio "$base cpu" "new cpu" "$base MiB" "new MiB"
# The full pack is the formats the release wrote (PDF, XLSX, JSON), so both build the same.
for spec in "full 1,000x20:p1000:pdf,xlsx,json:$rounds" "JSON 1,000x20:p1000:json:$rounds" \
	"full 10,000x20:p10000:pdf,xlsx,json:$(((rounds + 1) / 2))"; do
	IFS=: read -r name project format n <<<"$spec"
	: >"$work/base.txt"; : >"$work/new.txt"
	for ((i = 0; i < n; i++)); do
		if ((i % 2 == 0)); then order="base new"; else order="new base"; fi
		for which in $order; do run "$work/qpr-$which" "$work/$project" "$format" >>"$work/$which.txt"; done
	done
	bs=$(cut -d' ' -f1 "$work/base.txt" | median); ns=$(cut -d' ' -f1 "$work/new.txt" | median)
	bm=$(cut -d' ' -f2 "$work/base.txt" | median); nm=$(cut -d' ' -f2 "$work/new.txt" | median)
	bc=$(cut -d' ' -f3 "$work/base.txt" | median); nc=$(cut -d' ' -f3 "$work/new.txt" | median)
	printf '%-22s %9.2f %7.2f %5.1fx %9.2f %7.2f %11.0f %8.0f\n' "$name" "$bs" "$ns" "$(echo "$bs $ns" | awk '{ print $1 / $2 }')" \
		"$bc" "$nc" "$(echo "$bm" | awk '{ print $1 / 1024 }')" "$(echo "$nm" | awk '{ print $1 / 1024 }')"
done
echo "medians of $rounds rounds (the 10,000-indicator case: $(((rounds + 1) / 2))); $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)" >&2
