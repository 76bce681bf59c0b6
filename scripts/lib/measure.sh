# shellcheck shell=bash
# Shared by the benchmark scripts.

# Runs a command, prints "wall_seconds peak_kib cpu_seconds": wall time, the VmHWM
# (peak resident memory) sampled from /proc while it runs, and its user + system CPU
# time from /proc/PID/stat (sampled too: 0 when the run is too short to catch).
measure() {
  local start end pid peak=0 cpu=0 sample ticks
  ticks=$(getconf CLK_TCK)
  start=$(date +%s.%N)
  "$@" > /dev/null &
  pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    sample=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
    [[ -n "$sample" ]] && peak=$sample
    sample=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || true)
    [[ -n "$sample" ]] && cpu=$sample
    sleep 0.01
  done
  wait "$pid" || true # validate exits 1 when the file has bad cells (on purpose)
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $peak $(echo "$cpu / $ticks" | bc -l)"
}

