# Tandem — the two commands a new user needs:
#   make run    install what is missing, build, create the demo database, open the console
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
.DEFAULT_GOAL := run

SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev libpq-dev libssl-dev tmux python3
# Only the tests need a browser (the leaders' HTML page is rendered headless) and a CJK font for its screenshot,
# and a PostgreSQL server (pg_virtualenv, from postgresql-common, starts a throwaway cluster for them).
TEST_PACKAGES := chromium fonts-wqy-microhei sqlite3 postgresql postgresql-common
DEMO_DB ?= .demo/tandem-demo.sqlite
SWIFT ?= swift
# The backtracer must never wait on the terminal after a crash.
export SWIFT_BACKTRACE := interactive=no

.PHONY: run test deps build demo stress stress-postgres crashtest fuzz bench bench-engine bench-suggest bench-console bench-import clean release manual completions install install-shared-host shared-host-setup

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
## The Swift tests run inside pg_virtualenv: a throwaway PostgreSQL cluster (about 4 s to start), its
## PGHOST/PGPORT/PGUSER/PGPASSWORD set for libpq, dropped afterwards. TANDEM_TEST_POSTGRES=1 runs the
## PostgreSQL tests against it; TANDEM_MAKE_TEST=1 makes a guard test fail if they could not run.
test: deps
	$(SWIFT) build
	pg_virtualenv env TANDEM_TEST_POSTGRES=1 TANDEM_MAKE_TEST=1 $(SWIFT) test
	bash Tests/tmux/run-all.sh .build/debug/tandem
	bash Tests/install/run.sh
	bash Tests/browser/report.sh .build/debug/tandem
	@# Shared-host accounts, read-only mounts, full disks and a cluster on two addresses need root (CI runs as root).
	@if [ "$$(id -u)" -eq 0 ]; then bash Tests/disks/run.sh .build/debug/tandem && bash Tests/sharedhost/run.sh \
	  && Tests/postgres/with-cluster.sh bash -c 'bash bench/stress/run-postgres.sh 8 12 .build/debug/tandem \
	       && bash Tests/postgres/two-accounts.sh .build/debug/tandem'; \
	  else echo "skipped Tests/disks, Tests/sharedhost and the PostgreSQL stress: they create accounts, mounts and pg_hba lines, run make test as root"; fi
	@# Small versions of the harnesses below (make stress / crashtest / fuzz run the full ones).
	bash bench/stress/run.sh 4 100 .build/debug/tandem
	bash bench/crash/run.sh 20 .build/debug/tandem
	bash Tests/fuzz/run.sh 10 --skip-suites

## Harnesses (README, "Benchmarks"): racing writers, SIGKILLs, fuzzing; each exits non-zero on a violation.
STRESS_WRITERS ?= 8
STRESS_OPERATIONS ?= 2000
CRASH_KILLS ?= 100
FUZZ_SECONDS ?= 120

stress: build
	bash bench/stress/run.sh $(STRESS_WRITERS) $(STRESS_OPERATIONS) .build/debug/tandem

## The same on PostgreSQL: 50 sessions from two client addresses, each as its own database role (root: pg_hba.conf).
STRESS_PG_WRITERS ?= 50
STRESS_PG_OPERATIONS ?= 20
stress-postgres: build
	Tests/postgres/with-cluster.sh bash bench/stress/run-postgres.sh $(STRESS_PG_WRITERS) $(STRESS_PG_OPERATIONS) .build/debug/tandem

crashtest: build
	bash bench/crash/run.sh $(CRASH_KILLS) .build/debug/tandem

fuzz: build
	bash Tests/fuzz/run.sh $(FUZZ_SECONDS)

## Installation (README, "Install" and "Shared host").
##   make install                  the binary (its configuration is built in), the man page and the
##                                 bash, zsh and fish completions under PREFIX (single-user databases, 0600)
##   sudo make install-shared-host also the `tandem` group, the shared folder and the binary setgid to the group
## DESTDIR is prepended to every installed path (for packages); the group and ownership steps
## then print what the package's post-install step must do instead of doing it.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= release
SHARED_DIR ?= /var/lib/tandem
TANDEM_GROUP ?= tandem
BIN_DIR = $(DESTDIR)$(PREFIX)/bin
SHARE_DIR = $(DESTDIR)$(PREFIX)/share/tandem
MAN_DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# Where swift-argument-parser's generate-manual plugin writes the page of the `tandem` target.
GENERATED_MANUAL = .build/plugins/GenerateManual/outputs/tandem/tandem.1
MANUAL = .build/tandem.1
COMPLETIONS = .build/completions

release: deps
	$(SWIFT) build -c release --product tandem --static-swift-stdlib

## The man page, generated from the command tree by swift-argument-parser's generate-manual
## plugin (it builds the package, runs `tandem --experimental-dump-help` and writes mdoc).
## Always from the debug build: the command tree is the same in both, and the plugin cannot pass
## --static-swift-stdlib, so a release build of its own would compile everything a second time
## and leave a dynamically linked .build/release/tandem behind.
## The plugin keeps ASCII only, so of the bilingual "English / 中文" abstracts the English half
## remains: the dangling " / " is removed (README, "Install").
manual: deps
	$(SWIFT) package generate-manual --configuration debug --authors "Tandem developers"
	@test -s "$(GENERATED_MANUAL)" || { echo "generate-manual wrote no $(GENERATED_MANUAL)"; exit 1; }
	sed -e 's| / "$$|"|' -e 's| / *$$||' "$(GENERATED_MANUAL)" > "$(MANUAL)"

## Shell completions, generated by the built binary (swift-argument-parser).
completions:
	install -d "$(COMPLETIONS)"
	.build/$(BUILD)/tandem --generate-completion-script bash > "$(COMPLETIONS)/tandem.bash"
	.build/$(BUILD)/tandem --generate-completion-script zsh > "$(COMPLETIONS)/_tandem"
	.build/$(BUILD)/tandem --generate-completion-script fish > "$(COMPLETIONS)/tandem.fish"

install: $(if $(filter release,$(BUILD)),release) manual
	$(MAKE) --no-print-directory completions
	install -d "$(BIN_DIR)" "$(MAN_DIR)" "$(BASH_COMPLETION_DIR)" "$(ZSH_COMPLETION_DIR)" "$(FISH_COMPLETION_DIR)"
	install -m 0755 .build/$(BUILD)/tandem "$(BIN_DIR)/tandem"
	install -m 0644 "$(MANUAL)" "$(MAN_DIR)/tandem.1"
	install -m 0644 "$(COMPLETIONS)/tandem.bash" "$(BASH_COMPLETION_DIR)/tandem"
	install -m 0644 "$(COMPLETIONS)/_tandem" "$(ZSH_COMPLETION_DIR)/_tandem"
	install -m 0644 "$(COMPLETIONS)/tandem.fish" "$(FISH_COMPLETION_DIR)/tandem.fish"
	@if [ "$(SHARED)" = 1 ]; then install -d "$(SHARE_DIR)"; $(MAKE) --no-print-directory shared-host-setup; fi

install-shared-host:
	$(MAKE) --no-print-directory install SHARED=1

# The shared folder is root:tandem 3770: group members (the setgid binary) create and use files,
# nobody else may even list it; setgid so files inherit the group; sticky so that only root, who
# owns the database, may delete or rename it. The binary is root:tandem 2755.
shared-host-setup:
	@if [ -n "$(DESTDIR)" ]; then \
	  install -d -m 3770 "$(DESTDIR)$(SHARED_DIR)"; chmod 2755 "$(BIN_DIR)/tandem"; \
	  echo "$(SHARED_DIR)/tandem.sqlite" > "$(SHARE_DIR)/shared-database"; \
	  echo "DESTDIR install: on the target run: groupadd --system $(TANDEM_GROUP);" \
	       "chown root:$(TANDEM_GROUP) $(SHARED_DIR) $(PREFIX)/bin/tandem; chmod 3770 $(SHARED_DIR); chmod 2755 $(PREFIX)/bin/tandem"; \
	  exit 0; \
	fi; \
	[ "$$(id -u)" -eq 0 ] || { echo "make install-shared-host must run as root (sudo)"; exit 1; }; \
	getent group "$(TANDEM_GROUP)" >/dev/null || groupadd --system "$(TANDEM_GROUP)"; \
	install -d -o root -g "$(TANDEM_GROUP)" -m 3770 "$(SHARED_DIR)"; \
	chown root:"$(TANDEM_GROUP)" "$(SHARED_DIR)"; chmod 3770 "$(SHARED_DIR)"; \
	chown root:"$(TANDEM_GROUP)" "$(BIN_DIR)/tandem"; chmod 2755 "$(BIN_DIR)/tandem"; \
	echo "$(SHARED_DIR)/tandem.sqlite" > "$(SHARE_DIR)/shared-database"; chmod 0644 "$(SHARE_DIR)/shared-database"; \
	echo "shared host ready: $(SHARED_DIR) (root:$(TANDEM_GROUP) 3770), $(BIN_DIR)/tandem (setgid $(TANDEM_GROUP))"; \
	echo "next: sudo $(PREFIX)/bin/tandem init   then   sudo $(PREFIX)/bin/tandem operator add LOGIN --role admin"

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
