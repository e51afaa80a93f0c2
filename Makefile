# mentord: build, install and test.
#
#   make install     build release binaries and install them for this user (no root needed,
#                    except for missing Debian packages, which scripts/install-deps gets via sudo)
#   make uninstall   remove what `make install` put in place; the database and config stay
#   make test        what CI runs (.ci/run): install test dependencies, build, run the whole suite
#   make test-unit   the inner loop: every suite but the end-to-end ones, no format or unit checks
#   make build       a debug build
#   make lint        check formatting; `make format` fixes it
#   make interface   regenerate InterfaceDescriptions.swift after editing a .varlink file
#   make fuzz        build the libFuzzer harnesses in Fuzz/ into .build-fuzz/ and run each for 60 s
#                    (scripts/fuzz; FUZZ_TARGET=recurrence FUZZ_SECONDS=300 for one target, longer)
#   make verify-units  check the systemd unit files
#   make deb         build release binaries and the Debian package, .build/deb/mentord_VERSION_ARCH.deb
#   make check-package  make deb, then lintian, and (as root or with passwordless sudo) dpkg -i,
#                    the ldd check, man, `mentorctl status` as an ordinary user, dpkg -r
#                    (scripts/check-package; a release build: about 5 minutes from a clean tree)
#   make config-docs rewrite config/mentord.toml and man/mentord.toml.5 from ConfigurationSchema
#   make bench       build release binaries, run Benchmarks/engine.py against them and
#                    Benchmarks/peers.py against remind, calcurse and atd, then print one table
#                    side by side (about 15 minutes, followed calendars against Radicale included;
#                    BENCH_ARGS=--quick for a smoke run); writes
#                    bench-results/engine.txt, peers.txt and side-by-side.txt
#   make probe       the reliability probe (Benchmarks/probe/): concurrency against the reminder
#                    path with merge_within 0 and the default 10m, then 20 kill -9 rounds and the
#                    at-least-once window; against .build/release (build it first) or BIN_DIR=...;
#                    about 12 minutes; not part of make test; writes probe-results/
#
# PREFIX=/some/where make install installs the binaries into /some/where/bin.

SHELL := /bin/sh
# -e so that a failing line inside a multi-line recipe stops make too.
.SHELLFLAGS := -eu -c

# A per-user install: no root, and the user manager finds units in ~/.config/systemd/user.
PREFIX ?= $(HOME)/.local
BINDIR ?= $(PREFIX)/bin
CONFIG_HOME := $(or $(XDG_CONFIG_HOME),$(HOME)/.config)
UNITDIR ?= $(CONFIG_HOME)/systemd/user
CONFIG_FILE := $(CONFIG_HOME)/mentord/config.toml
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
# Where man(1), bash-completion, zsh and fish look for a user's own files without configuration
# (zsh needs $(ZSH_COMPLETIONS) on its fpath; the install prints a hint when it is not).
MANDIR ?= $(DATA_HOME)/man/man1
MAN5DIR ?= $(DATA_HOME)/man/man5
BASH_COMPLETIONS ?= $(DATA_HOME)/bash-completion/completions
ZSH_COMPLETIONS ?= $(DATA_HOME)/zsh/site-functions
FISH_COMPLETIONS ?= $(CONFIG_HOME)/fish/completions
# The manual pages as installed: generate-manual's, finished by scripts/finish-manual, and mentord.toml.5.
FINISHED_MANUALS := .build/manuals

BINARIES := mentord mentorctl
SNIPPETDIR ?= $(DATA_HOME)/mentord
SNIPPETS := mentord-prompt.bash mentord-prompt.zsh
# Release binaries carry the Swift runtime, Foundation and Dispatch inside them: Swift has no stable
# ABI on Linux, so binaries linked to /opt/swift's libraries break when that toolchain is upgraded
# or removed. Only Debian's own libraries (libc, libstdc++, libsqlite3, libsystemd) stay shared.
# No $ORIGIN rpath either: nothing is loaded from beside the binaries (and Debian forbids it).
# Every function in a section of its own, so that the linker can lay out the code a start runs
# together (CODE_ORDER below). No incremental code generation: the compiler keeps an object whose
# IR is unchanged, and that hash ignores codegen options, so objects built before a change of
# these flags would stay as they were.
RELEASE_FLAGS := -c release --static-swift-stdlib --disable-local-rpath \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
	-Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen
# The release binaries as shipped: linked (by lld, Package.swift) with the functions a start and
# everyday use run laid out together, in the order scripts/code-order profiles from the binary just
# built. A start runs about 2 MB of code; spread over the whole binary, the kernel's fault-around
# kept some 17 MB of it resident. docs/performance.md has the figures.
CODE_ORDER := .build/mentord.order
SHIPPED_FLAGS := $(RELEASE_FLAGS) -Xlinker --symbol-ordering-file=$(abspath $(CODE_ORDER)) \
	-Xlinker --no-warn-symbol-ordering -Xlinker -T -Xlinker $(abspath scripts/private-functions.ld)
UNITS := mentord.service mentord.socket
SWIFT_FORMAT_PATHS := Sources Tests Fuzz Package.swift

# Plain `make` builds; installing is never a surprise.
.DEFAULT_GOAL := build

.PHONY: build install uninstall test test-unit lint format interface verify-units bench fuzz probe deps release \
	manuals deb check-package config-docs

build:
	swift build

install: release manuals
	@case "$(BINDIR)" in /*) ;; *) echo "BINDIR must be an absolute path (systemd's ExecStart= needs one): $(BINDIR)" >&2; exit 1 ;; esac
# Installed stripped: 73 MB instead of 123 MB for mentord; the unstripped build stays in .build/.
	@bin=$$(swift build $(RELEASE_FLAGS) --show-bin-path); \
	mkdir -p "$(BINDIR)" "$(UNITDIR)"; \
	for binary in $(BINARIES); do \
		echo "install $$bin/$$binary -> $(BINDIR)/$$binary"; \
		install -m 0755 -s "$$bin/$$binary" "$(BINDIR)/$$binary"; \
	done
# What stays shared after the static link: only Debian's own libraries, or the install fails here.
	scripts/check-linkage $(addprefix $(BINDIR)/,$(BINARIES))
# The units name the binaries by absolute path: ExecStart= does not search PATH.
	@for unit in $(UNITS); do \
		echo "install systemd/$$unit -> $(UNITDIR)/$$unit"; \
		sed 's|@BINDIR@|$(BINDIR)|g' "systemd/$$unit" >"$(UNITDIR)/$$unit.tmp"; \
		chmod 0644 "$(UNITDIR)/$$unit.tmp"; \
		mv "$(UNITDIR)/$$unit.tmp" "$(UNITDIR)/$$unit"; \
	done
# Completions from the binaries themselves, so they always match the installed version.
	@mkdir -p "$(MANDIR)" "$(MAN5DIR)" "$(BASH_COMPLETIONS)" "$(ZSH_COMPLETIONS)" "$(FISH_COMPLETIONS)"; \
	echo "install $(FINISHED_MANUALS)/mentord.toml.5 -> $(MAN5DIR)/mentord.toml.5"; \
	install -m 0644 "$(FINISHED_MANUALS)/mentord.toml.5" "$(MAN5DIR)/mentord.toml.5"; \
	for binary in $(BINARIES); do \
		echo "install $(FINISHED_MANUALS)/$$binary.1 -> $(MANDIR)/$$binary.1"; \
		install -m 0644 "$(FINISHED_MANUALS)/$$binary.1" "$(MANDIR)/$$binary.1"; \
		echo "install completions for $$binary (bash, zsh, fish)"; \
		"$(BINDIR)/$$binary" --generate-completion-script bash >"$(BASH_COMPLETIONS)/$$binary"; \
		"$(BINDIR)/$$binary" --generate-completion-script zsh >"$(ZSH_COMPLETIONS)/_$$binary"; \
		"$(BINDIR)/$$binary" --generate-completion-script fish >"$(FISH_COMPLETIONS)/$$binary.fish"; \
	done
# The shell prompt snippets (docs/shell-prompt.md), to be sourced from ~/.bashrc or ~/.zshrc.
	@mkdir -p "$(SNIPPETDIR)"; \
	for snippet in $(SNIPPETS); do \
		echo "install shell/$$snippet -> $(SNIPPETDIR)/$$snippet"; \
		install -m 0644 "shell/$$snippet" "$(SNIPPETDIR)/$$snippet"; \
	done
# Never overwrite the user's own config.
	@if [ -e "$(CONFIG_FILE)" ]; then \
		echo "keep existing $(CONFIG_FILE)"; \
	else \
		echo "install config/mentord.toml -> $(CONFIG_FILE)"; \
		mkdir -p "$(dir $(CONFIG_FILE))"; \
		install -m 0644 config/mentord.toml "$(CONFIG_FILE)"; \
	fi
# With a user manager: the socket starts mentord on a connection, and the service is enabled
# too, since reminders must fire after login even when no client connects. try-restart
# swaps in the new binary if an older one runs; start is a no-op for what already runs.
# Without one (containers, CI, some SSH sessions), mentorctl starts mentord itself.
	@if systemctl --user show-environment >/dev/null 2>&1; then \
		echo "systemctl --user daemon-reload"; systemctl --user daemon-reload; \
		echo "systemctl --user enable mentord.socket mentord.service"; \
		systemctl --user enable --quiet mentord.socket mentord.service; \
		echo "systemctl --user try-restart mentord.service"; systemctl --user try-restart mentord.service; \
		echo "systemctl --user start mentord.socket mentord.service"; systemctl --user start mentord.socket mentord.service; \
	else \
		echo "No systemd user manager runs here: mentorctl will start mentord on first use."; \
	fi
	@case ":$$PATH:" in *":$(BINDIR):"*) ;; *) echo "warning: $(BINDIR) is not on PATH; add it to use mentorctl by name." >&2 ;; esac
# Show that it works: this starts the daemon if nothing listens yet.
	"$(BINDIR)/mentorctl" status

uninstall:
# Stop before removing the unit files, so the manager still knows what it stops.
	@if systemctl --user show-environment >/dev/null 2>&1; then \
		echo "systemctl --user disable --now mentord.socket mentord.service"; \
		systemctl --user disable --now mentord.socket mentord.service || true; \
	fi
	@for binary in $(BINARIES); do echo "rm -f $(BINDIR)/$$binary"; rm -f "$(BINDIR)/$$binary"; done
	@for unit in $(UNITS); do echo "rm -f $(UNITDIR)/$$unit"; rm -f "$(UNITDIR)/$$unit"; done
	@echo "rm -f $(MAN5DIR)/mentord.toml.5"; rm -f "$(MAN5DIR)/mentord.toml.5"
	@for binary in $(BINARIES); do \
		for file in "$(MANDIR)/$$binary.1" "$(BASH_COMPLETIONS)/$$binary" "$(ZSH_COMPLETIONS)/_$$binary" \
			"$(FISH_COMPLETIONS)/$$binary.fish"; do \
			echo "rm -f $$file"; rm -f "$$file"; \
		done; \
	done
	@for snippet in $(SNIPPETS); do echo "rm -f $(SNIPPETDIR)/$$snippet"; rm -f "$(SNIPPETDIR)/$$snippet"; done
	@if systemctl --user show-environment >/dev/null 2>&1; then \
		systemctl --user daemon-reload; \
		systemctl --user reset-failed mentord.service mentord.socket 2>/dev/null || true; \
	fi
	@echo "Kept your data ($${XDG_DATA_HOME:-$$HOME/.local/share}/mentord) and config ($(CONFIG_FILE))."

# The Debian packages building needs (libsystemd-dev, ...), installed when missing.
deps:
	scripts/install-deps runtime

# Release binaries as installed and packaged: built, profiled, and linked again in that order (a
# link takes seconds; the profile about 20 s).
release:
	scripts/install-deps release
	swift build $(RELEASE_FLAGS) --product mentord
	swift build $(RELEASE_FLAGS) --product mentorctl
	scripts/code-order "$$(swift build $(RELEASE_FLAGS) --show-bin-path)" $(CODE_ORDER)
	swift build $(SHIPPED_FLAGS) --product mentord
	swift build $(SHIPPED_FLAGS) --product mentorctl

# Man pages from the argument-parser definitions, by argument-parser's generate-manual tool run on
# the release binaries, with the sections it cannot write added from man/ by scripts/finish-manual.
# The tool directly, not `swift package plugin generate-manual`: the plugin builds every product
# again without --static-swift-stdlib, and switching flags recompiles the whole release build.
# The manuals are dated by the last commit, so that building twice gives the same pages.
manuals: release
	swift build $(RELEASE_FLAGS) --product generate-manual
	@bin=$$(swift build $(RELEASE_FLAGS) --show-bin-path); \
	date=$$(git log -1 --format=%cs 2>/dev/null || date +%F); \
	mkdir -p $(FINISHED_MANUALS)/generated; \
	for binary in $(BINARIES); do \
		echo "generate-manual $$binary -> $(FINISHED_MANUALS)/$$binary.1"; \
		"$$bin/generate-manual" "$$bin/$$binary" --date "$$date" --output-directory $(FINISHED_MANUALS)/generated; \
	done
	scripts/finish-manual $(FINISHED_MANUALS)/generated/mentorctl.1 man/mentorctl.1.sections >$(FINISHED_MANUALS)/mentorctl.1
	scripts/finish-manual --no-subcommands $(FINISHED_MANUALS)/generated/mentord.1 man/mentord.1.sections >$(FINISHED_MANUALS)/mentord.1
	cp man/mentord.toml.5 $(FINISHED_MANUALS)/mentord.toml.5

deb: release manuals
	scripts/build-deb "$$(swift build $(RELEASE_FLAGS) --show-bin-path)" $(FINISHED_MANUALS) .build/deb

check-package: deb
	scripts/install-deps lintian mandoc man-db
	mandoc -T lint -W warning $(FINISHED_MANUALS)/*.1 $(FINISHED_MANUALS)/*.5
	scripts/check-package .build/deb/mentord_*.deb

config-docs:
	swift build --build-tests
	MENTORD_REGENERATE=1 swift test --skip-build --filter ConfigurationDocumentTests

# The test target builds first so that run-tests can use --skip-build and find the binaries the
# end-to-end tests start.
test:
	scripts/install-deps test
	swift build --build-tests
	scripts/run-tests

# The rules about time run in process with a manual clock (MentorDaemonTests), so this covers them;
# EndToEndTests start real processes and buses.
test-unit:
	swift build --build-tests
	swift test --skip-build --skip EndToEndTests

lint:
	swift format lint --strict --recursive $(SWIFT_FORMAT_PATHS)

format:
	swift format --in-place --recursive $(SWIFT_FORMAT_PATHS)

interface:
	scripts/embed-interfaces

verify-units:
	scripts/verify-units

# Findings, not tests: a crash is written to .build-fuzz/work/TARGET/ and fails the target. The seed
# corpus in Fuzz/corpus/ is replayed by the normal suite (FuzzCorpusReplayTests).
FUZZ_TARGET ?= all
FUZZ_SECONDS ?= 60

fuzz:
	scripts/fuzz $(FUZZ_TARGET) $(FUZZ_SECONDS)

# Figures, not tests: see Benchmarks/README.md. The scripts start their own daemons on private
# sockets, databases, spools and calendars, so they never touch an installed mentord or the
# user's reminders. BENCH_ARGS go to engine.py; PEERS_ARGS to peers.py (by default only the
# --quick of BENCH_ARGS). peers.py installs the peers with apt-get when run as root; otherwise
# it says what to install, and atd (which needs root) is left out.
PEERS_ARGS ?= $(filter --quick,$(BENCH_ARGS))

# The binaries measured are built as they are installed and packaged (SHIPPED_FLAGS): a plain
# release build links the Swift runtime dynamically and behaves differently (it once hid that the
# shipped daemon woke once a second).
bench: release
	swift build $(SHIPPED_FLAGS) --product mentord-floor
	mkdir -p bench-results
	rm -f bench-results/engine.json bench-results/peers.json
	python3 Benchmarks/engine.py --bin "$$(swift build $(RELEASE_FLAGS) --show-bin-path)" --json bench-results/engine.json $(BENCH_ARGS)
	python3 Benchmarks/peers.py --json bench-results/peers.json $(PEERS_ARGS)
	python3 Benchmarks/side_by_side.py bench-results/engine.json bench-results/peers.json --out bench-results/side-by-side.txt

# Findings, not tests: see Benchmarks/probe/README.md. Every daemon is private (its own temp dir,
# socket, database and config). Nothing is built here: BIN_DIR names the binaries to probe.
BIN_DIR ?= .build/release
PROBE_ARGS ?=

# Each script's summary goes to the terminal and to probe-results/NAME.txt; a script that fails
# fails the target (dash has no pipefail, hence the status file).
PROBE_RUN = run() { name=$$1; shift; { python3 "$$@" $(PROBE_ARGS) && echo 0 >probe-results/.$$name.rc || echo $$? >probe-results/.$$name.rc; } 2>&1 | tee probe-results/$$name.txt; exit $$(cat probe-results/.$$name.rc); }; run

probe:
	@test -x "$(BIN_DIR)/mentord" || { echo "no $(BIN_DIR)/mentord: swift build -c release, or BIN_DIR=..." >&2; exit 1; }
	mkdir -p probe-results
	$(PROBE_RUN) concurrency-merge-0 Benchmarks/probe/concurrency.py --bin "$(BIN_DIR)" --merge-within 0 --json probe-results/concurrency-merge-0.json
	$(PROBE_RUN) concurrency-merge-default Benchmarks/probe/concurrency.py --bin "$(BIN_DIR)" --merge-within default --json probe-results/concurrency-merge-default.json
	$(PROBE_RUN) crash Benchmarks/probe/crash.py --bin "$(BIN_DIR)" --json probe-results/crash.json
