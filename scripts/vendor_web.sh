#!/usr/bin/env bash
# Vendor the front-end JavaScript the web UI serves, from the npm registry, into
# src/claimledger/web/static/vendor/. Nothing is fetched from a CDN or at run time.
#
# Each package is fetched with `npm pack` at an exact version and its tarball is
# checked against the pinned sha512 integrity (the `dist.integrity` the registry
# publishes: `npm view PKG@VER dist.integrity`), so a rerun gives byte-identical files.
# Only the minified UMD/browser build and the LICENSE of each package are copied.
# Each build is then loaded in a node `vm` sandbox with a stub window/document to
# check it defines its browser global when loaded with a plain <script src>.
#
# To upgrade: change a version below, set its integrity to the new
# `npm view PKG@VER dist.integrity`, rerun, and review the diff of VERSIONS.txt.
# vega-embed 7 declares vega/vega-lite peers as "*" but is built against
# vega ^6.4 and vega-lite ^6.4 (its devDependencies); vega-lite 6.5 peers vega ^6.4.
set -euo pipefail

HTMX_VERSION=2.0.11        # latest 2.x; htmx 4 is a different API
VEGA_VERSION=6.4.0
VEGA_LITE_VERSION=6.5.0
VEGA_EMBED_VERSION=7.3.0
AXE_CORE_VERSION=4.14.1

HTMX_INTEGRITY='sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=='
VEGA_INTEGRITY='sha512-rHXCq2LpEWCLMjXBEj7hocY9G0/i5TGYRayGGSj06VTF4+l2IG2Z7oeZKCjWbUh/7hTE/mVhbaOPB72wCElh6g=='
VEGA_LITE_INTEGRITY='sha512-fMXF6s0MrIg0UTWnLIfeFtgSLzVhyzSKobzGrh5rhS+mL6FOYFG3m7ouJ4U23gj65EK+gl9FIIT5w7wLNaAzkA=='
VEGA_EMBED_INTEGRITY='sha512-wQ8s5GaSzqoKgmRfbRolgBrjE2CP7ZKHXqH7NijxMqPjpdWxSs4Dn8tvp9g0giQvh2cK+3p56sxjWWM0wNngGw=='
AXE_CORE_INTEGRITY='sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=='

# package|version|integrity|path of the build inside the tarball|vendored stem|browser global
# Order matters for the load check: vega-lite needs the vega global, vega-embed needs both.
PACKAGES=(
  "vega|$VEGA_VERSION|$VEGA_INTEGRITY|build/vega.min.js|vega|vega"
  "vega-lite|$VEGA_LITE_VERSION|$VEGA_LITE_INTEGRITY|build/vega-lite.min.js|vega-lite|vegaLite"
  "vega-embed|$VEGA_EMBED_VERSION|$VEGA_EMBED_INTEGRITY|build/vega-embed.min.js|vega-embed|vegaEmbed"
  "htmx.org|$HTMX_VERSION|$HTMX_INTEGRITY|dist/htmx.min.js|htmx|htmx"
  "axe-core|$AXE_CORE_VERSION|$AXE_CORE_INTEGRITY|axe.min.js|axe|axe"
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/src/claimledger/web/static/vendor"

for tool in npm node tar sha256sum openssl; do
  command -v "$tool" >/dev/null || { echo "vendor_web: $tool is required" >&2; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
STAGE="$TMP/stage"
mkdir -p "$STAGE"

{
  echo "# Vendored by scripts/vendor_web.sh from the npm registry; do not edit by hand."
  echo "# package@version  file  sha256"
} >"$STAGE/VERSIONS.txt"

CHECK_ARGS=()
for entry in "${PACKAGES[@]}"; do
  IFS='|' read -r name version integrity src stem global <<<"$entry"
  echo "vendor_web: $name@$version"
  work="$TMP/$stem"
  mkdir -p "$work"
  tgz="$(cd "$work" && npm pack --silent --ignore-scripts "$name@$version")"
  tgz="$work/$(tail -n 1 <<<"$tgz")"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | openssl base64 -A)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "vendor_web: $name@$version tarball integrity $actual, expected $integrity" >&2
    exit 1
  fi
  tar -xzf "$tgz" -C "$work"
  [[ -f "$work/package/$src" ]] || { echo "vendor_web: $name@$version has no $src" >&2; exit 1; }
  [[ -f "$work/package/LICENSE" ]] || { echo "vendor_web: $name@$version has no LICENSE" >&2; exit 1; }
  cp "$work/package/$src" "$STAGE/$stem.min.js"
  cp "$work/package/LICENSE" "$STAGE/$stem.LICENSE.txt"
  sum="$(sha256sum "$STAGE/$stem.min.js" | cut -d' ' -f1)"
  echo "$name@$version  $stem.min.js  $sum" >>"$STAGE/VERSIONS.txt"
  CHECK_ARGS+=("$STAGE/$stem.min.js=$global")
done

# Load each build as a classic script in one vm context (so later bundles see the
# globals earlier ones defined) with a stub browser environment, and check its global.
node - "${CHECK_ARGS[@]}" <<'JS'
const fs = require("fs");
const vm = require("vm");
const stub = () => new Proxy(function () {}, {
  get: (t, k) => (k === Symbol.toPrimitive ? () => "" : k === "then" ? undefined : stub()),
  apply: () => stub(),
  construct: () => stub(),
});
const document = {
  readyState: "loading",
  addEventListener() {}, removeEventListener() {},
  querySelector: () => null, querySelectorAll: () => [],
  getElementById: () => null, getElementsByTagName: () => [],
  createElement: () => stub(), createElementNS: () => stub(), createTextNode: () => stub(),
  head: stub(), body: stub(), documentElement: stub(), location: { href: "http://localhost/" },
};
const sandbox = {
  document, navigator: { userAgent: "node" }, location: document.location,
  addEventListener() {}, removeEventListener() {}, getComputedStyle: () => stub(),
  setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone, console,
  URL, URLSearchParams, TextEncoder, TextDecoder, AbortController,
  HTMLElement: function HTMLElement() {}, Element: function Element() {}, Node: function Node() {},
  XPathEvaluator: function XPathEvaluator() { return stub(); }, XPathResult: {},
  CustomEvent: function CustomEvent() { return stub(); },
};
sandbox.window = sandbox.self = sandbox;
const ctx = vm.createContext(sandbox);
let failed = false;
for (const arg of process.argv.slice(2)) {
  const i = arg.lastIndexOf("=");
  const file = arg.slice(0, i), global = arg.slice(i + 1);
  const name = require("path").basename(file);
  try {
    vm.runInContext(fs.readFileSync(file, "utf8"), ctx, { filename: name });
  } catch (e) {
    console.error(`vendor_web: ${name} threw on load: ${e}`);
    failed = true;
    continue;
  }
  const g = vm.runInContext(`typeof ${global}`, ctx);
  if (g !== "object" && g !== "function") {
    console.error(`vendor_web: ${name} does not define window.${global} (typeof ${g})`);
    failed = true;
  } else {
    const v = vm.runInContext(`${global}.version`, ctx);
    console.log(`vendor_web: ${name} defines window.${global} (${g}, version ${v})`);
  }
}
process.exit(failed ? 1 : 0);
JS

rm -rf "$VENDOR"
mkdir -p "$VENDOR"
cp "$STAGE"/* "$VENDOR"/
echo "vendor_web: wrote $VENDOR"
(cd "$VENDOR" && ls -l --time-style=+ | sed 1d)
