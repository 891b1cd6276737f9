#!/usr/bin/env bash
# GridBot's one test command. On a fresh machine it installs what the tests need (redis-server, PostgreSQL, the WeCom
# crypto harness), starts Redis and PostgreSQL on 127.0.0.1 for the run, runs every test, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: installing redis-server"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq redis-server >/dev/null
fi

pg_bin() { # initdb/pg_ctl on PATH, or Debian's versioned folder
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  echo "test.sh: installing postgresql"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq postgresql >/dev/null
fi
pgbin=$(pg_bin)
# Browser tests (tests/GridBot.Host.Tests/Console) drive Debian's Chromium; Playwright's own download does not work
# here. A CJK font draws the weekly digest's chart image (WeeklyDigestImageTests needs one) and makes the phone
# screenshots in artifacts/screenshots readable.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The same font files ScottPlotDigestChart looks for.
cjk_font=no
for f in /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc \
         /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf; do
  [ -f "$f" ] && cjk_font=yes
done
[ "$cjk_font" = yes ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p artifacts/screenshots

if [ -f tests/wecom-harness/package-lock.json ]; then
  (cd tests/wecom-harness && npm ci --no-audit --no-fund --loglevel=error)
fi
# Tencent's long-connection client (@wecom/aibot-node-sdk), pointed at the fake WeCom server by the long-connection tests.
if [ -f tests/wecom-ws-harness/package-lock.json ]; then
  (cd tests/wecom-ws-harness && npm ci --no-audit --no-fund --loglevel=error)
fi

port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
workdir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --pidfile "$workdir/redis.pid" --dir "$workdir" --logfile "$workdir/redis.log"
pgdir=$(mktemp -d)
cleanup() {
  if [ -f "$workdir/redis.pid" ]; then kill "$(cat "$workdir/redis.pid")" 2>/dev/null || true; fi
  # postmaster.pid's first line is the server's pid: stop it by pid, fast shutdown (SIGINT), then wait for it.
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    pgpid=$(head -1 "$pgdir/data/postmaster.pid")
    kill -INT "$pgpid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$workdir" "$pgdir"
}
trap cleanup EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
export GRIDBOT_TEST_REDIS="127.0.0.1:$port"

# PostgreSQL for the multi-host tests: initdb refuses root, so as root it runs as the postgres user.
pgport=$((port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; as_pg="runuser -u postgres --"; else as_pg=""; fi
$as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
$as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export GRIDBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"

dotnet test GridBot.sln "$@"
