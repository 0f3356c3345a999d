/* Switching the language reloads the page; what someone was typing must not be lost (issue 13.8).
   Just before the language form is sent, the values of the page's other forms are kept in this
   tab's sessionStorage, and put back once the same page has loaded in the other language.
   Passwords, hidden fields and files are never kept. Without JavaScript the switch still works. */
(function () {
  "use strict";
  var KEY = "naober-typed:" + location.pathname + location.search;
  var SKIP = { password: 1, hidden: 1, file: 1, submit: 1, button: 1, reset: 1, image: 1 };

  function fields() {
    var found = [];
    document.querySelectorAll("main form").forEach(function (form, f) {
      Array.prototype.forEach.call(form.elements, function (el, i) {
        if (!el.name || SKIP[el.type]) { return; }
        found.push({ id: f + ":" + i + ":" + el.name, el: el });
      });
    });
    return found;
  }

  function keep() {
    var typed = {};
    fields().forEach(function (item) {
      var el = item.el;
      if (el.type === "checkbox" || el.type === "radio") {
        typed[item.id] = el.checked;
      } else if (el.multiple) {
        typed[item.id] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
      } else {
        typed[item.id] = el.value;
      }
    });
    try { sessionStorage.setItem(KEY, JSON.stringify(typed)); } catch (e) { /* private mode */ }
  }

  function restore() {
    var raw;
    try { raw = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { return; }
    if (!raw) { return; }
    var typed = JSON.parse(raw);
    fields().forEach(function (item) {
      if (!(item.id in typed)) { return; }
      var el = item.el, value = typed[item.id];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = value;
      } else if (el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
      } else {
        el.value = value;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    restore();
    document.querySelectorAll("form.language-form").forEach(function (form) {
      form.addEventListener("submit", keep);
    });
  });
})();
