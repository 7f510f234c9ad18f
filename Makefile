# sitrep: `make run` codes the example article, `make test` runs every test.
GO      ?= go
BIN     := bin/sitrep
EXAMPLE := examples/iraq-coalition-2024-01-24.txt
CORPUS  ?= ../shared/corpus/news.jsonl

.PHONY: build run test bench bench-store fuzz lint eval clean

build:
	$(GO) build -o $(BIN) ./cmd/sitrep

run: build
	./$(BIN) code $(EXAMPLE)

test:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -shuffle=on -timeout 20m ./...

# Throughput on the shared corpus: sentences/s and MB/s per core.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./internal/coder ./internal/pipeline
	$(GO) test -run '^$$' -bench . -benchmem ./internal/text ./internal/reader ./internal/encode

# The store and the API: ingest of pre-coded events, DuckDB's own insert
# ceiling for the schema, and latency on stores of 1,000,000 events (each
# million-event benchmark builds its store first, about half a minute).
# BenchmarkWriter runs twice: with Go's default collector and with GOGC=400,
# as sitrep ingest runs.
bench-store:
	$(GO) test -run '^$$' -bench 'PutBatch|Writer|EngineCeiling' -benchtime 80x ./internal/store
	GOGC=400 $(GO) test -run '^$$' -bench 'Writer' -benchtime 80x ./internal/store
	$(GO) test -run '^$$' -bench 'Million' -benchtime 50x ./internal/store
	$(GO) test -run '^$$' -bench 'APIMillion' -benchtime 50x ./internal/server

# Time-bounded fuzzing of every reader and loader.
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRead -fuzztime 30s ./internal/reader
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./internal/dict
	$(GO) test -run '^$$' -fuzz FuzzSentences -fuzztime 30s ./internal/text
	$(GO) test -run '^$$' -fuzz FuzzCode -fuzztime 30s ./internal/coder

lint:
	gofmt -l .
	$(GO) vet ./...

clean:
	rm -rf bin
