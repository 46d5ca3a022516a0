#!/usr/bin/env bash
# Runs a command with every core of the machine kept busy, as on a shared
# machine under load: one busy loop per core, started before the command and
# stopped after it, whatever its exit (an error, Ctrl-C). The busy loops run
# at the command's own priority. Exits with the command's status.
#
#   scripts/load.sh scripts/ci/run e2e-tests
#   scripts/load.sh make test
#   LOAD_CPUS=4 scripts/load.sh make test     (4 busy loops: twice the load on 2 cores)
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/load.sh COMMAND [ARGS...]" >&2
  exit 2
fi
cpus="${LOAD_CPUS:-$(nproc)}"

pids=()
stop() {
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for ((i = 0; i < cpus; i++)); do
  # A subshell spinning; `exec` would not do: the loop is bash's own.
  ( trap - INT TERM; while :; do :; done ) &
  pids+=("$!")
done
echo "load: $cpus busy loop(s) on $(nproc) core(s) (pids ${pids[*]}) while: $*" >&2

start=$SECONDS
status=0
"$@" || status=$?
echo "load: '$*' exited with status $status after $((SECONDS - start)) s under load" >&2
exit "$status"
