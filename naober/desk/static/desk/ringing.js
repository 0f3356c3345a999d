// Shows "<name> is calling" to the coordinator on duty: asks the desk every 15 seconds which
// calls the telephone reported that nobody has looked at yet. Without JavaScript the desk page
// shows the same notice when it is opened.
(function () {
  var slot = document.getElementById("desk-ringing");
  if (!slot) return;
  function poll() {
    fetch(slot.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { if (html.trim() !== slot.innerHTML.trim()) slot.innerHTML = html; })
      .catch(function () {});
  }
  poll();
  setInterval(poll, 15000);
})();
