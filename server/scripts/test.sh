#!/usr/bin/env bash
# Runs every test of Zukunftswerk (`make test` calls this; so does .ci/run).
# It installs or starts what the tests need when it is missing: a Redis
# server, Debian's chromium for the browser tests and axe-core from npm.
# Under CI=true the tests themselves fail instead of skipping when any of
# these is still missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		log "need root to run: $*"; return 1; fi
}

apt_install() {
	log "installing $* from Debian"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null ||
		{ as_root apt-get update >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

redis_answers() { # host port
	(exec 3<>"/dev/tcp/$1/$2" && printf 'PING\r\n' >&3 && IFS= read -r -t 2 reply <&3 && [[ $reply == +PONG* ]]) 2>/dev/null
}

# Redis: the one at TEST_REDIS_URL, or a local one on 6379 (started if needed).
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
if [ "$TEST_REDIS_URL" = "redis://127.0.0.1:6379/0" ] && ! redis_answers 127.0.0.1 6379; then
	command -v redis-server >/dev/null || apt_install redis-server
	log "starting redis-server on 127.0.0.1:6379"
	redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --logfile /tmp/zukunftswerk-test-redis.log
	for _ in $(seq 50); do redis_answers 127.0.0.1 6379 && break; sleep 0.1; done
fi
# Tests that stop Redis on purpose start their own redis-server binary.
command -v redis-server >/dev/null || apt_install redis-server

# PostgreSQL: the suite runs a second time on it when one answers (and
# under CI=true it must). Each test creates a schema of its own.
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
pg_answers() { command -v pg_isready >/dev/null && pg_isready -q -d "$TEST_POSTGRES_URL"; }
if ! pg_answers && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
	log "starting the local PostgreSQL cluster"
	as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
	for _ in $(seq 50); do pg_answers && break; sleep 0.1; done
fi
if pg_answers; then
	with_postgres=yes
elif [ "${CI:-}" = true ]; then
	log "PostgreSQL at $TEST_POSTGRES_URL does not answer, and CI=true requires it"; exit 1
else
	log "PostgreSQL does not answer: running the suite on SQLite only"
	unset TEST_POSTGRES_URL
	with_postgres=no
fi

# Chromium for the browser tests.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
	apt_install chromium
fi

# axe-core from npm, cached outside the repository.
AXE_VERSION=4.11.4
AXE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/zukunftswerk/npm"
export AXE_CORE_JS="$AXE_DIR/node_modules/axe-core/axe.min.js"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$AXE_DIR/node_modules/axe-core/package.json"; then
	command -v npm >/dev/null || apt_install npm
	log "installing axe-core@$AXE_VERSION into $AXE_DIR"
	mkdir -p "$AXE_DIR"
	[ -f "$AXE_DIR/package.json" ] || echo '{"private": true}' >"$AXE_DIR/package.json"
	npm install --prefix "$AXE_DIR" --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
fi

log "gofmt and go vet"
unformatted="$(gofmt -l . || true)"
if [ -n "$unformatted" ]; then
	log "not gofmt'ed:"; echo "$unformatted"; exit 1
fi
go vet ./...

log "go test -race ./... on SQLite"
go test -race -count=1 -timeout 15m ./...

if [ "$with_postgres" = yes ]; then
	log "go test -race ./... on PostgreSQL"
	TEST_DATABASE=postgres go test -race -count=1 -timeout 15m ./...
fi

# Every parser of untrusted input has a fuzz test; `go test` above ran
# their seeds and committed corpora (testdata/fuzz). Here each is fuzzed
# briefly. A failing input is written to testdata/fuzz and fails the run;
# a fuzzing run that fails without one (the fuzzer's own worker trouble on
# a loaded machine) is shown and tried once more.
# A count, not a duration: with a few seconds the fuzzer's own deadline
# can expire while it gathers its baseline on a loaded machine.
FUZZ_TIME="${FUZZ_TIME:-3000x}"
log "fuzzing each parser for $FUZZ_TIME"
fuzz_out="$(mktemp)"
for pkg in ./server/domain ./server/live ./server/web; do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
		for attempt in 1 2; do
			if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZ_TIME" "$pkg" >"$fuzz_out" 2>&1; then
				break
			fi
			if grep -q 'Failing input written to' "$fuzz_out" || [ "$attempt" = 2 ]; then
				log "fuzzing $pkg $target failed:"; tail -n 40 "$fuzz_out"; rm -f "$fuzz_out"; exit 1
			fi
			log "fuzzing $pkg $target stopped without a failing input; once more:"; tail -n 5 "$fuzz_out"
		done
	done
done
rm -f "$fuzz_out"
