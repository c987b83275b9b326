# The README's two commands (demo, test) and the benchmark table (bench). Each target installs what it needs first.
SHELL := /bin/bash
CONFIG ?= Release
RESULTS := TestResults
DEBIAN_PACKAGES := postgresql libxgboost0 chromium
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: demo test bench build deps clean

deps:
	@echo "==> Checking Debian packages ($(DEBIAN_PACKAGES)) and npm packages"
	@scripts/ensure-debian-packages.sh $(DEBIAN_PACKAGES)
	@scripts/ensure-npm.sh

build: deps
	@echo "==> Building OmniPos.Analytics.sln ($(CONFIG))"
	dotnet build OmniPos.Analytics.sln -c $(CONFIG) -nologo -v minimal

test: build
	@echo "==> Running the test suite (real SQLite files and a private PostgreSQL server)"
	@rm -rf $(RESULTS)
	status=0; \
	dotnet test OmniPos.Analytics.sln -c $(CONFIG) --no-build --results-directory $(RESULTS) \
	  --logger "trx;LogFilePrefix=omnipos" --logger "console;verbosity=normal" || status=$$?; \
	node scripts/test-summary.mjs $(RESULTS) && exit $$status

demo: build
	@echo "==> Demo: a simulated year of a 12-shop chain posted into a fresh ./data, landed into the warehouse, summarized, scanned for fraud, forecast with its reorder points, alerts and suggested orders, its promotions measured, then the server and the dashboards (about 13 minutes on 2 cores; Ctrl+C stops it; OMNIPOS_DEMO_NO_SERVE=1 exits after the summary)"
	dotnet run -c $(CONFIG) --no-build --project cli/OmniPos.Cli -- demo

# The ingest rows run omnipos (cli/OmniPos.Cli) as built by `build`, in the same configuration, as a child process.
bench: build
	@echo "==> Running the benchmarks (prints a table; the post rows start omnipos serve on a loopback port)"
	dotnet run -c $(CONFIG) --no-build --project bench/OmniPos.Bench

clean:
	@echo "==> Cleaning build output and test results"
	dotnet clean OmniPos.Analytics.sln -v quiet
	rm -rf $(RESULTS)
