// Copy-link buttons: the only script on the site's pages. Pages work without it.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.copy-link") : null;
  if (!button) return;
  var url = button.getAttribute("data-url") || window.location.href;
  var status = button.parentNode.querySelector(".copy-status");
  function done() {
    button.classList.add("done");
    if (status) status.textContent = button.getAttribute("data-done") || "Copied";
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(url).then(done, function () { fallback(url); done(); });
  } else {
    fallback(url);
    done();
  }
});
function fallback(text) {
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "absolute";
  area.style.left = "-9999px";
  document.body.appendChild(area);
  area.select();
  try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
  document.body.removeChild(area);
}
