#!/usr/bin/env bash
# lighthouse.sh — Lighthouse's accessibility and SEO scores of the public
# pages, on a demo server of its own, in German, Leichte Sprache and
# Arabic. Installs Lighthouse (npm) into ~/.cache/zukunftswerk/lh on first
# use; needs Debian's chromium. Prints one line per page and fails when a
# score is under 100. Not part of `make test`: it takes minutes and
# measures what the layout test's axe run already checks page by page.
set -euo pipefail
cd "$(dirname "$0")/../.."
lh_dir=${HOME}/.cache/zukunftswerk/lh
lh=$lh_dir/node_modules/.bin/lighthouse
[ -x "$lh" ] || npm install --silent --prefix "$lh_dir" lighthouse@13.5.0 >/dev/null
work=$(mktemp -d)
trap 'kill $(cat "$work/pid") 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/zw" ./server
addr=127.0.0.1:${LIGHTHOUSE_PORT:-8098}
DATABASE_URL="$work/demo.db" LISTEN_ADDR=$addr "$work/zw" -demo >"$work/server.log" 2>&1 &
echo $! >"$work/pid"
for _ in $(seq 50); do curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
process=/ingersheim/heute-leben-morgen-gestalten
pages=(/ /datenschutz /barrierefreiheit /leichte-sprache /meine-beitraege /ingersheim/ "$process/" "$process/ideen"
  "$process/ideen/neu" "$process/ideen/1" "$process/ideen/13" "$process/handlungskonzept" "$process/handlungskonzept/massnahmen/5"
  "$process/umsetzung" /w "$process/?lang=ls" "$process/ideen/neu?lang=ls" "$process/?lang=ar" "$process/ideen/neu?lang=ar"
  "$process/ideen/1?lang=ar" "/barrierefreiheit?lang=tr")
failed=0
for page in "${pages[@]}"; do
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$lh" "http://$addr$page" --only-categories=seo,accessibility \
    --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$work/report.json" --quiet
  line=$(python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
scores = {k: round(c["score"] * 100) for k, c in r["categories"].items()}
low = [a["id"] for a in r["audits"].values() if a.get("score") is not None and a["score"] < 1 and a["scoreDisplayMode"] in ("binary", "numeric")]
print("accessibility %(accessibility)d  seo %(seo)d" % scores, " ".join(low))
PY
)
  echo "$line  $page"
  case $line in "accessibility 100  seo 100"*) ;; *) failed=1 ;; esac
done
exit $failed
