#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian/Ubuntu machine with the .NET SDK, runs every
# test project (unit, integration, bUnit and browser tests) and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# 1. System packages: Debian's chromium for the browser tests, a CJK font for charts and screenshots.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ command -v fc-list >/dev/null && fc-list | grep -qi "WenQuanYi Micro Hei"; } || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]} with apt-get."; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. .NET tools and build (warnings are errors, see Directory.Build.props).
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
if ! dotnet build EvalSystem.sln -c Release -nologo -v quiet; then
  echo "Build failed."; echo "0 passed, 1 failed"; exit 1
fi

# 3. Every test project; count from the TRX results so the total is exact.
results="TestResults/run-$(date +%s)"
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0; failed=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name produced no results (it did not run)."
    failed=$((failed + 1)); status=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  echo "$name: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
done
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
