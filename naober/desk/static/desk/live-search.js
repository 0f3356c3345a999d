// The caller search shows its results while the coordinator types (name, street or number).
// Without JavaScript the form's own GET search gives the same list.
(function () {
  var form = document.querySelector("form[data-live-search]");
  var out = document.getElementById("desk-found");
  if (!form || !out) return;
  var input = form.querySelector("input[name=q]");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2) { out.innerHTML = ""; return; }
      var url = form.dataset.liveSearch + "?partial=1&q=" + encodeURIComponent(q);
      fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { out.innerHTML = html; })
        .catch(function () {});
    }, 250);
  });
})();
