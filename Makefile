# Tandem — the two commands a new user needs:
#   make run    install what is missing, build, create the demo database, open the console
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
.DEFAULT_GOAL := run

SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev tmux python3
# Only the tests need a browser (the leaders' HTML page is rendered headless) and a CJK font for its screenshot.
TEST_PACKAGES := chromium fonts-wqy-microhei
DEMO_DB ?= .demo/tandem-demo.sqlite
SWIFT ?= swift
# The backtracer must never wait on the terminal after a crash.
export SWIFT_BACKTRACE := interactive=no

.PHONY: run test deps build demo bench bench-engine bench-suggest bench-console bench-import clean

## Install the Debian packages Tandem needs, only where missing (apt-get update once).
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  sudo_cmd=""; [ "$$(id -u)" -ne 0 ] && sudo_cmd="sudo"; \
	  $$sudo_cmd apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo_cmd apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build --product tandem

## Creates the demo database on first run only: later runs keep what you changed.
demo: build
	@if [ ! -f "$(DEMO_DB)" ]; then mkdir -p "$$(dirname "$(DEMO_DB)")" && .build/debug/tandem init --demo --db "$(DEMO_DB)"; fi

run: demo
	.build/debug/tandem console --db "$(DEMO_DB)"

test: SYSTEM_PACKAGES += $(TEST_PACKAGES)
test: deps
	$(SWIFT) build
	$(SWIFT) test
	bash Tests/tmux/run-all.sh .build/debug/tandem
	bash Tests/browser/report.sh .build/debug/tandem

bench: bench-engine bench-suggest bench-console bench-import

bench-engine: deps
	bash bench/engine/run.sh

bench-suggest: deps
	bash bench/suggest/run.sh

bench-console: deps
	bash bench/console/run.sh

bench-import: deps
	bash bench/import/run.sh

clean:
	rm -rf .build .demo
