#!/usr/bin/env bash
# Copies the NL Design System CSS from npm into static/vendor/, where it is committed, so that
# running the site needs no Node. Run it again after changing a version below.
set -euo pipefail
cd "$(dirname "$0")/.."

UTRECHT_CSS="@utrecht/component-library-css@9.0.4"
VOORBEELD_TOKENS="@nl-design-system-unstable/voorbeeld-design-tokens@7.4.1"
AUTOCOMPLETE="accessible-autocomplete@3.0.1"
# TTF for the name badges (PDF): covers names such as Çağlar or Łukasz, which Helvetica does not.
DEJAVU="dejavu-fonts-ttf@2.37.3"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$UTRECHT_CSS" "$VOORBEELD_TOKENS" "$AUTOCOMPLETE" "$DEJAVU" >/dev/null)
for tgz in "$tmp"/*.tgz; do
  mkdir -p "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"
done

doel=static/vendor/nlds
rm -rf "$doel" && mkdir -p "$doel"
cp "$tmp"/utrecht-component-library-css-*/package/dist/index.css "$doel/utrecht-component-library.css"
cp "$tmp"/utrecht-component-library-css-*/package/LICENSE.md "$doel/LICENSE-utrecht.md"
cp "$tmp"/nl-design-system-unstable-voorbeeld-design-tokens-*/package/dist/theme.css "$doel/design-tokens.css"
cp "$tmp"/nl-design-system-unstable-voorbeeld-design-tokens-*/package/package.json "$doel/package-voorbeeld-design-tokens.json"
cat > "$doel/VERSIONS" <<VERSIONS
$UTRECHT_CSS
$VOORBEELD_TOKENS
VERSIONS
ls -l "$doel"

# The organisation field of the registration form: GOV.UK's accessible autocomplete.
doel=static/vendor/accessible-autocomplete
rm -rf "$doel" && mkdir -p "$doel"
# With their source maps: the files point to them, and collectstatic's manifest needs them.
cp "$tmp"/accessible-autocomplete-*/package/dist/accessible-autocomplete.min.{js,css}{,.map} "$doel/"
cp "$tmp"/accessible-autocomplete-*/package/LICENSE.txt "$doel/LICENSE.txt"
echo "$AUTOCOMPLETE" > "$doel/VERSION"
ls -l "$doel"

# Fonts embedded in the name badges (bijeenkomsten/badges.py).
doel=static/vendor/fonts
rm -rf "$doel" && mkdir -p "$doel"
cp "$tmp"/dejavu-fonts-ttf-*/package/ttf/DejaVuSans{,-Bold}.ttf "$doel/"
cp "$tmp"/dejavu-fonts-ttf-*/package/LICENSE "$doel/LICENSE-dejavu.txt"
echo "$DEJAVU" > "$doel/VERSION"
ls -l "$doel"
