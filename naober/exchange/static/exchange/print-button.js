// The notice-board sheet's print button: shown only when this script runs (without JavaScript
// the page says to use the browser's own print button), and it opens the print dialog.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
