#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine of this kind: installs what the tests need, then
# `dotnet test`. Extra arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Rubric").
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests rely on, installed only when missing: Chromium for the browser tests (driven by
# the Playwright driver shipped in its NuGet package; no browser download), a font for its pages, and npm for
# the pages' one browser dependency (restored from the lock file by the server's build).
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ ${#packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

rm -rf TestResults
dotnet test InterviewRoom.sln \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
