#!/usr/bin/env bash
# Cold start to /health/ready on a fresh SQLite file: migrations, WAL, seed import, Kestrel up.
# Usage: bench/cold-start.sh [runs]   (builds Release once, then starts the server `runs` times)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/InterviewRoom.Server -c Release -v q -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  dotnet src/InterviewRoom.Server/bin/Release/net10.0/InterviewRoom.Server.dll \
    --contentRoot "$PWD/src/InterviewRoom.Server" --urls "http://127.0.0.1:$port" \
    "--ConnectionStrings:InterviewRoom=Data Source=$data/bench.db" >"$data/log.txt" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited:"; cat "$data/log.txt"; exit 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  import=$(grep -o 'question import in [0-9]* ms' "$data/log.txt" | grep -o '[0-9]*' || true)
  echo "run $i: ready in ${ready} ms ($(grep -o "migrations in [0-9]* ms" "$data/log.txt"), seed import ${import} ms)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
