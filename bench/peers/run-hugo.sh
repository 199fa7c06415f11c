#!/usr/bin/env bash
# run-hugo.sh CORPUS OUT — build the news-archive site with Hugo.
# Mounts CORPUS (YYYY/MM/*.md) as content/articles and writes a tiny _index.md
# stub per year/month directory so Hugo makes each YYYY/MM a section (= month
# archive page). The stubs come from the directory listing only (no file reads)
# and are made with shell builtins plus one mkdir, so set-up costs ~10 ms.
# SETUP_ONLY=1 stops before the build (to measure the set-up cost).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS="$(realpath "$1")"
OUT="$(realpath -m "$2")"
W="${WORKDIR:-$BENCH/work}/hugo"
S="$W/stubs/articles"
export TZ=UTC

rm -rf "$W"
dirs=("$S")
years=()
months=()
for d in "$CORPUS"/*/*/; do
  d="${d%/}"
  m="${d##*/}"
  y="${d%/*}"
  y="${y##*/}"
  [[ " ${years[*]-} " == *" $y "* ]] || { years+=("$y"); dirs+=("$S/$y"); }
  months+=("$y/$m")
  dirs+=("$S/$y/$m")
done
mkdir -p "${dirs[@]}"
cp -r "$BENCH/hugo/config.toml" "$BENCH/hugo/layouts" "$W/"
printf -- '---\ntitle: "Articles"\n_build:\n  render: never\n---\n' > "$S/_index.md"
for y in "${years[@]}"; do
  printf -- '---\ntitle: "%s"\n_build:\n  render: never\n---\n' "$y" > "$S/$y/_index.md"
done
for ym in "${months[@]}"; do
  printf -- '---\ntitle: "Archive: %s-%s"\n---\n' "${ym%/*}" "${ym#*/}" > "$S/$ym/_index.md"
done
cat > "$W/mounts.toml" <<TOML
[module]
[[module.mounts]]
  source = "stubs/articles"
  target = "content/articles"
[[module.mounts]]
  source = "$CORPUS"
  target = "content/articles"
TOML
[ "${SETUP_ONLY:-0}" = 1 ] && exit 0

cd "$W"
exec hugo --quiet --config config.toml,mounts.toml --destination "$OUT" --cacheDir "$W/cache" --noBuildLock
