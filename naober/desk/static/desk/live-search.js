// The caller search shows its results while the coordinator types (name, street or number).
// Without JavaScript the form's own GET search gives the same list.
(function () {
  var form = document.querySelector("form[data-live-search]");
  var out = document.getElementById("desk-found");
  if (!form || !out) return;
  var input = form.querySelector("input[name=q]");
  var timer = null;
  // Nobody found: what was typed starts the new caller's name (or number), unless the
  // coordinator has written something there themselves.
  function prefill() {
    var said = out.querySelector("[data-prefill-name]");
    ["name", "phone"].forEach(function (field) {
      var box = document.getElementById("id_" + field);
      if (!box) return;
      var value = said ? said.getAttribute("data-prefill-" + field) : "";
      if (box.value === "" || box.value === box.dataset.prefilled) {
        box.value = value;
        box.dataset.prefilled = value;
      }
    });
  }
  function search() {
    var q = input.value.trim();
    if (q.length < 2) { out.innerHTML = ""; return; }
    var url = form.dataset.liveSearch + "?partial=1&q=" + encodeURIComponent(q);
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { out.innerHTML = html; prefill(); })
      .catch(function () {});
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  // Typed before this script arrived (a quick hand, a slow line): search what is there now.
  if (input.value !== input.defaultValue) search();
})();
