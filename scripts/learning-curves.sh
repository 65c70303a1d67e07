#!/usr/bin/env bash
# Reproduces the DQN learning curves of the five arcade games (MinAtar network and settings).
#
#   scripts/learning-curves.sh [STEPS] [OUTPUT_DIRECTORY] [SEED]
#
# STEPS defaults to 1000000 (9–12 minutes a game here), OUTPUT_DIRECTORY to curves/, SEED to 0.
# For each game it writes <game>.svg (return per episode and its 100-episode moving average), <game>.jsonl (one
# JSON line per episode and per evaluation episode) and <game>.json (the run's report), then prints a table of the
# greedy evaluation return (100 episodes) next to the best and the last 100-episode training means.
set -euo pipefail
cd "$(dirname "$0")/.."

steps="${1:-1000000}"
output="${2:-curves}"
seed="${3:-0}"
games=(breakout space-invaders freeway asterix seaquest)
# ε falls to 0.1 over the first 100k steps whatever the budget, as in the MinAtar paper (the preset's 10% is 100k of 1M).
exploration="$(python3 -c "print(min(1.0, 100000 / $steps))")"

swift build -c release --product gym
gym="$(swift build -c release --show-bin-path)/gym"
mkdir -p "$output"

for game in "${games[@]}"; do
    echo "== dqn on $game, $steps steps, seed $seed" >&2
    "$gym" run dqn "$game" --steps "$steps" --seed "$seed" --eval-episodes 100 --exploration-fraction "$exploration" \
        --plot "$output/$game.svg" --log "$output/$game.jsonl" --json > "$output/$game.json"
done

printf '%-16s %14s %22s %22s %10s\n' game eval_return best_training_mean final_training_mean episodes
for game in "${games[@]}"; do
    python3 - "$output/$game.json" "$game" <<'PYTHON'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<16} {report['eval_mean_return']:14.2f} {report.get('best_moving_average_100', float('nan')):22.2f} "
      f"{report.get('final_moving_average_100', float('nan')):22.2f} {report['episodes']:10d}")
PYTHON
done
