// claimledger's only script of its own: draws a fact's history with the vendored vega-embed.
// Loaded as a file (the Content-Security-Policy allows no inline script); Vega runs with its
// expression interpreter, so nothing is compiled with eval. The spec comes from the page's
// own server (data-spec), never from an article.
"use strict";
function drawPlots() {
  document.querySelectorAll("[data-spec]").forEach(function (el) {
    if (typeof vegaEmbed !== "function") { return; }
    fetch(el.getAttribute("data-spec"), { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (spec) {
        return vegaEmbed(el, spec, {
          actions: false, ast: true, expr: vega.expressionInterpreter, renderer: "svg",
          defaultStyle: false, tooltip: { disableDefaultStyle: true }  // styles come from app.css: no inline style
        });
      })
      .then(function () { el.setAttribute("data-rendered", "true"); })
      .catch(function (err) { el.textContent = "The plot could not be drawn (" + err.message + "); the table below has every point."; });
  });
}
document.addEventListener("DOMContentLoaded", drawPlots);
