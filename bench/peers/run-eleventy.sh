#!/usr/bin/env bash
# run-eleventy.sh CORPUS OUT — build the news-archive site with Eleventy 3.
# Copies the site (config + templates) to a work dir and symlinks each year
# directory of CORPUS into src/articles/ (which holds the directory data file
# giving articles their layout and the "article" tag).
# SETUP_ONLY=1 stops before the build (to measure the set-up cost).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS="$(realpath "$1")"
OUT="$(realpath -m "$2")"
W="${WORKDIR:-$BENCH/work}/eleventy"
export TZ=UTC

rm -rf "$W"
mkdir -p "$W"
cp -r "$BENCH/eleventy/eleventy.config.mjs" "$BENCH/eleventy/src" "$W/"
ln -s "$CORPUS"/[0-9][0-9][0-9][0-9] "$W/src/articles/"
[ "${SETUP_ONLY:-0}" = 1 ] && exit 0

cd "$W"
ELEVENTY="${ELEVENTY:-$BENCH/node_modules/@11ty/eleventy/cmd.cjs}"
exec node "$ELEVENTY" --config=eleventy.config.mjs --output="$OUT" --quiet
