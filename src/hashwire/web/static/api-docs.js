// Interactive API docs: reads the OpenAPI document and offers a "try it" form per endpoint.
// Built with DOM calls only (no innerHTML), so nothing in the document can inject markup.
"use strict";
(function () {
  var root = document.getElementById("api-endpoints");
  if (!root) return;
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  fetch(root.getAttribute("data-spec")).then(function (r) { return r.json(); }).then(function (spec) {
    root.textContent = "";
    Object.keys(spec.paths).forEach(function (path) {
      var op = spec.paths[path].get;
      var box = el("section", "", "endpoint");
      var h = el("h3");
      h.appendChild(el("code", "GET " + path));
      box.appendChild(h);
      box.appendChild(el("p", op.summary));
      var form = el("form", "", "try");
      (op.parameters || []).forEach(function (p) {
        var label = el("label", p.name + (p.required ? " *" : "") + " ");
        var input = el("input");
        input.name = p.name;
        input.title = p.description || "";
        input.setAttribute("data-in", p.in);
        label.appendChild(input);
        form.appendChild(label);
      });
      var go = el("button", "Try it");
      go.type = "submit";
      form.appendChild(go);
      var out = el("pre", "", "response");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = path;
        var query = new URLSearchParams();
        Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
          if (!input.value) return;
          if (input.getAttribute("data-in") === "path") {
            url = url.replace("{" + input.name + "}", encodeURIComponent(input.value));
          } else {
            query.append(input.name, input.value);
          }
        });
        var target = url + (query.toString() ? "?" + query.toString() : "");
        out.textContent = "GET " + target + " …";
        fetch(target).then(function (r) {
          return r.text().then(function (body) {
            var text = body;
            try { text = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
            out.textContent = "HTTP " + r.status + "\n" + text.slice(0, 20000);
          });
        });
      });
      box.appendChild(form);
      box.appendChild(out);
      root.appendChild(box);
    });
  });
})();
