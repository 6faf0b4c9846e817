# qpr — see README.md. Every target needs only Go, except lint's staticcheck (fetched by go run)
# and the few tests that drive another program: pdftotext (PDF goldens), chromium with axe-core
# (the HTML edition; `make browser-deps` fetches axe-core) and soffice (one workbook test). Each
# says so when its program is missing, and fails instead under CI=true; .ci/run installs them.
GO      ?= go
# `make test` pipes go test into its reporter; a failure on either side must fail the target.
SHELL       := bash
.SHELLFLAGS := -o pipefail -c
EXAMPLE := testdata/example
RETURNS := testdata/returns
OUT     ?= out

.PHONY: build test demo lint bench perf fuzz example golden clean browser-deps

# A static binary (qpr needs no C library), which runs in any Linux image and starts sooner.
build:
	CGO_ENABLED=0 $(GO) build -o qpr ./cmd/qpr

# Every test; each one skipped is listed with its reason (under CI=true a missing tool fails).
test:
	$(GO) test -timeout 30m -json ./... | $(GO) run ./internal/cmd/testreport

# The example project's corporate report and six directorate dashboards, as PDF, XLSX, JSON and HTML.
# Then 2023/24 Q3 from the owners' returns in testdata/returns (one late, one unsigned, one
# revised): a draft, with its revision marked, in $(OUT)/returns.
demo:
	$(GO) run ./cmd/qpr build --catalogue $(EXAMPLE)/catalogue.yaml --data $(EXAMPLE)/data --out $(OUT) --format pdf,xlsx,json,html,docx,ods
	$(GO) run ./cmd/qpr returns status --catalogue $(RETURNS)/catalogue.yaml --data $(EXAMPLE)/data --data $(RETURNS)/round1 --as-at 2024-01-31
	$(GO) run ./cmd/qpr build --catalogue $(RETURNS)/catalogue.yaml --data $(EXAMPLE)/data --data $(RETURNS)/round1 --period "2023/24 Q3" --as-at 2024-01-31 --pack qpr --out $(OUT)/returns

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# qpr build timed side by side with the commit at PERF_BASE on synthetic projects (medians of
# PERF_ROUNDS interleaved rounds, peak memory from /usr/bin/time -v); see docs/performance.md.
PERF_BASE   ?= 12c57e5
PERF_ROUNDS ?= 5
PERF_CASES  ?= 1 2 3 4 5 7
perf:
	scripts/perf.sh $(PERF_BASE) $(PERF_ROUNDS) "$(PERF_CASES)"

# Each fuzz target for a short while; FUZZTIME=10m for a longer hunt.
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# Regenerate the example project from its generator (the files are committed).
example:
	$(GO) run ./pkg/example/cmd/genexample $(EXAMPLE)

# Rewrite golden files after a deliberate change; review the diff before committing.
GOLDEN_PKGS := ./pkg/render/pdf ./pkg/render/html ./internal/acceptance
golden:
	$(GO) test $(GOLDEN_PKGS) -update

# axe-core for the HTML edition's browser tests, into a git-ignored folder they look in
# (the tests also need Chromium: apt-get install chromium). Pinned: the rules change by release.
AXE_VERSION := 4.14.1
browser-deps:
	@test -f .cache/axe/node_modules/axe-core/package.json && grep -q '"version": "$(AXE_VERSION)"' .cache/axe/node_modules/axe-core/package.json \
	  || npm install --no-save --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

clean:
	rm -rf qpr $(OUT)
