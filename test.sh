#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine of this kind: installs what the tests need, checks the
# deployment file and both providers' migrations, then `dotnet test`. Extra arguments go to dotnet test
# (e.g. ./test.sh --filter "FullyQualifiedName~Rubric").
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests rely on, installed only when missing: Chromium for the browser tests (driven by
# the Playwright driver shipped in its NuGet package; no browser download), a font for its pages, npm for
# the pages' one browser dependency (restored from the lock file by the server's build), redis-server for the
# scale-out tests (they start /usr/bin/redis-server themselves, one per test, on a free loopback port), and
# docker-compose to validate docker-compose.yml offline (no Docker engine is needed or used).
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
[ -x /usr/bin/redis-server ] || packages+=(redis-server)
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
if [ ${#packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # Debian's redis-server package starts a system Redis on port 6379 where an init system lets it. The tests
  # do not use it: stop the one this script just installed (harmless where none was started).
  if [[ " ${packages[*]} " == *" redis-server "* ]]; then
    $sudo service redis-server stop >/dev/null 2>&1 || $sudo systemctl stop redis-server >/dev/null 2>&1 || true
  fi
fi

# Old results must not outlive a run that stops before the tests (.ci/run counts what it finds here).
rm -rf TestResults

# The deployment file: valid for docker-compose (syntax, references, interpolation), checked offline.
if ! docker-compose -f docker-compose.yml config -q; then
  echo "test.sh: docker-compose.yml is invalid (docker-compose -f docker-compose.yml config -q failed; see above)" >&2
  exit 1
fi

# Both providers' migrations must match the model: a model change needs a migration in each migrations project
# (README, "Databases and migrations"). `dotnet ef` only builds the model here: no database is opened, and the
# SQL Server connection string merely selects the provider. One build of the server (which `dotnet test` then
# finds up to date), then both checks without building again.
dotnet tool restore >/dev/null
dotnet build src/InterviewRoom.Server -nologo -v quiet
check_migrations() { # provider, migrations project, extra arguments for the app
  local provider=$1 project=$2
  shift 2
  if ! dotnet ef migrations has-pending-model-changes --no-build \
      --project "$project" --startup-project src/InterviewRoom.Server -- "$@"; then
    echo "test.sh: the $provider migrations in $project do not match the model (or the check could not run; see" \
      "above). Add a migration: see README, \"Databases and migrations\"." >&2
    exit 1
  fi
}
check_migrations SQLite src/InterviewRoom.Data.Sqlite --Database:Provider=Sqlite
check_migrations "SQL Server" src/InterviewRoom.Data.SqlServer --Database:Provider=SqlServer \
  "--ConnectionStrings:InterviewRoom=Server=localhost;Database=InterviewRoom;Trusted_Connection=True;TrustServerCertificate=True"

dotnet test InterviewRoom.sln \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
