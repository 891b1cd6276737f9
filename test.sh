#!/usr/bin/env bash
# GridBot's one test command. On a fresh machine it installs what the tests need (redis-server, the WeCom
# crypto harness), starts Redis on 127.0.0.1 for the run, runs every test, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: installing redis-server"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq redis-server >/dev/null
fi

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

port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
workdir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --pidfile "$workdir/redis.pid" --dir "$workdir" --logfile "$workdir/redis.log"
cleanup() {
  if [ -f "$workdir/redis.pid" ]; then kill "$(cat "$workdir/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
export GRIDBOT_TEST_REDIS="127.0.0.1:$port"

dotnet test GridBot.sln "$@"
