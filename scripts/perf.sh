#!/usr/bin/env bash
# Measures qpr build side by side with an earlier commit, on synthetic projects made by
# internal/synthproject (eight directorates, 20 quarters of long-layout csv, unless said):
#
#   full 1,000x20         the default pack (pdf,xlsx,json,html)
#   full 5,000x20         the same
#   JSON 1,000x20         json alone
#   every 10,000x20       every format each binary can write (with peak memory)
#   every 20,000x20 1dir  20,000 indicators in ONE directorate, every format
#   page 20,000x20 1dir   the HTML edition of case 5 (new binary only): how long headless
#                         Chromium takes to open its largest page fully (internal/pageopen)
#   same 20,000x20 1dir   case 5 with the formats the base binary writes, for both: like with
#                         like when the new binary writes formats the base did not
#
# Each round runs the two binaries one after the other, alternating which goes first, so a
# noisy shared machine slows both alike; the figures are medians over the rounds (the two
# largest cases: half the rounds, rounded up). Wall time, CPU time (user + system, which a
# busy machine inflates less than wall time) and peak RSS come from /usr/bin/time -v. The
# load average is printed before and after each case: read the figures with it.
#
#   scripts/perf.sh [BASE] [ROUNDS] [CASES]   (make perf; BASE defaults to 12c57e5)
#
# CASES picks cases by number, e.g. "1 3" (default all seven).
set -euo pipefail

base=${1:-12c57e5}
rounds=${2:-5}
cases=${3:-1 2 3 4 5 6 7}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/qpr-perf.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"

[ -x /usr/bin/time ] || { echo "perf: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "building $base and the working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo +changes)); load $(load)" >&2
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && go build -o "$work/qpr-base" ./cmd/qpr)
go build -o "$work/qpr-new" ./cmd/qpr

# formats BIN: every format BIN can write, from its help ("formats to write: pdf,xlsx,...").
formats() { "$1" build --help | sed -n 's/.*formats to write: \([a-z,]*\).*/\1/p' | head -1; }
every_base=$(formats "$work/qpr-base")
every_new=$(formats "$work/qpr-new")
[ -n "$every_base" ] && [ -n "$every_new" ] || { echo "perf: cannot tell which formats the binaries write" >&2; exit 1; }

synth() { go run ./internal/synthproject/cmd/synthproject "$@" >/dev/null; }

# run BIN PROJECT FORMATS: one build; prints "wall-seconds peak-KiB cpu-seconds".
run() {
	local bin=$1 project=$2 format=$3 out="$work/out-$(basename "$1")"
	rm -rf "$out"
	local args=(build --catalogue "$project/catalogue.yaml" --data "$project/data" --out "$out" --quiet --format "$format")
	/usr/bin/time -v -o "$work/time.txt" "$bin" "${args[@]}" >/dev/null 2>"$work/stderr.txt" || {
		echo "perf: $bin ${args[*]} failed:" >&2; cat "$work/stderr.txt" >&2; exit 1; }
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
		/Maximum resident set size/ { kb = $2 } /User time|System time/ { cpu += $2 }
		END { printf "%.3f %d %.3f\n", s, kb, cpu }' "$work/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

half=$(((rounds + 1) / 2))
printf '%-24s %8s %7s %6s %8s %7s %9s %8s  %s\n' case "base s" "new s" ratio "base cpu" "new cpu" "base MiB" "new MiB" "rounds, load before/after"
for c in $cases; do
	if [ "$c" = 6 ]; then
		[ -d "$work/p20000d1" ] || synth -directorates 1 "$work/p20000d1" 20000 20
		rm -rf "$work/html"
		"$work/qpr-new" build --catalogue "$work/p20000d1/catalogue.yaml" --data "$work/p20000d1/data" --out "$work/html" --quiet --format html >/dev/null 2>&1
		largest=$(find "$work/html" -name '*.html' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
		printf '%-24s ' "page 20,000x20 1dir"
		go run ./internal/pageopen "$largest" | awk -v load="$(load)" '{ printf "largest page (%s KB) opened in %s s; load %s\n", $3, $1, load }'
		continue
	fi
	case $c in
	1) name="full 1,000x20"; project=p1000; fb=pdf,xlsx,json,html; fn=$fb; n=$rounds ;;
	2) name="full 5,000x20"; project=p5000; fb=pdf,xlsx,json,html; fn=$fb; n=$rounds ;;
	3) name="JSON 1,000x20"; project=p1000; fb=json; fn=json; n=$rounds ;;
	4) name="every 10,000x20"; project=p10000; fb=$every_base; fn=$every_new; n=$half ;;
	5) name="every 20,000x20 1dir"; project=p20000d1; fb=$every_base; fn=$every_new; n=$half ;;
	7) name="same 20,000x20 1dir"; project=p20000d1; fb=$every_base; fn=$every_base; n=$half ;;
	*) echo "perf: no case $c (1-7)" >&2; exit 2 ;;
	esac
	if [ ! -d "$work/$project" ]; then
		case $project in
		p1000) synth "$work/$project" 1000 20 ;;
		p5000) synth "$work/$project" 5000 20 ;;
		p10000) synth "$work/$project" 10000 20 ;;
		p20000d1) synth -directorates 1 "$work/$project" 20000 20 ;;
		esac
	fi
	before=$(load)
	: >"$work/base.txt"; : >"$work/new.txt"
	for ((i = 0; i < n; i++)); do
		if ((i % 2 == 0)); then order="base new"; else order="new base"; fi
		for which in $order; do
			f=$fn; [ "$which" = base ] && f=$fb
			run "$work/qpr-$which" "$work/$project" "$f" >>"$work/$which.txt"
		done
	done
	col() { cut -d' ' -f"$1" "$work/$2.txt" | median; }
	bs=$(col 1 base); ns=$(col 1 new); bm=$(col 2 base); nm=$(col 2 new); bc=$(col 3 base); nc=$(col 3 new)
	printf '%-24s %8.2f %7.2f %5.2fx %8.2f %7.2f %9.0f %8.0f  %d, %s / %s\n' "$name" "$bs" "$ns" "$(echo "$bs $ns" | awk '{ print $1 / $2 }')" \
		"$bc" "$nc" "$(echo "$bm" | awk '{ print $1 / 1024 }')" "$(echo "$nm" | awk '{ print $1 / 1024 }')" "$n" "$before" "$(load)"
done
echo "base $base wrote: $every_base; new wrote: $every_new (\"every\" cases). $(nproc) cores; $(date -u +%H:%M) UTC" >&2
