# qpr — see README.md. Every target needs only Go, except lint's staticcheck (fetched by go run)
# and the PDF text golden test, which uses pdftotext when it is installed.
GO      ?= go
EXAMPLE := testdata/example
OUT     ?= out

.PHONY: build test demo lint bench fuzz example golden clean

build:
	$(GO) build -o qpr ./cmd/qpr

# Every test; each one skipped is listed with its reason (under CI=true a missing tool fails).
test:
	$(GO) test -json ./... | $(GO) run ./internal/cmd/testreport

# The example project's corporate report and six directorate dashboards, as PDF, XLSX and JSON.
demo:
	$(GO) run ./cmd/qpr build --catalogue $(EXAMPLE)/catalogue.yaml --data $(EXAMPLE)/data --out $(OUT)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

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
GOLDEN_PKGS := ./pkg/render/pdf ./pkg/pack
golden:
	$(GO) test $(GOLDEN_PKGS) -update

clean:
	rm -rf qpr $(OUT)
