// Review keyboard, on every page with claim cards ([data-review-list]): j/k move, a accept,
// r reject, e edit, x select, o open, u undo, Esc cancel an edit (? is in claimtrack.js).
(function () {
  "use strict";
  var current = null;
  var lastUndo = null;  // the undo button of the latest accept or reject on this page
  var UNDO_MS = 60 * 1000;  // the server refuses an undo after a minute too

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("[data-review-list] [data-claim-card]")); }

  function select(card) {
    if (!card) return;
    if (current && current !== card) current.classList.remove("is-current");
    current = card;
    card.classList.add("is-current");
    card.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = cards();
    if (!list.length) return;
    var index = list.indexOf(current);
    select(list[index === -1 ? 0 : Math.max(0, Math.min(list.length - 1, index + step))]);
  }

  function press(key) {
    if (!current || !document.body.contains(current)) move(0);
    var target = current && current.querySelector('[data-key="' + key + '"]');
    if (target && !target.disabled) target.click();
  }

  function undoLast() {
    if (lastUndo && document.body.contains(lastUndo)) lastUndo.querySelector("button").click();
  }

  function typing(element) {
    return element.closest("input, textarea, select, [contenteditable=true]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var editing = event.target.closest && event.target.closest(".review-card.editing");
      var cancel = editing && editing.querySelector("[data-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": case "r": case "e": case "o": press(event.key); break;
      case "u": undoLast(); break;
      case "x":
        if (!current) move(0);
        var box = current && current.querySelector(".rc-select");
        if (box) box.checked = !box.checked;
        break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var all = event.target.closest("[data-select-all]");
    if (all) cards().forEach(function (card) {
      var box = card.querySelector(".rc-select");
      if (box) box.checked = all.checked;
    });
    var card = event.target.closest("[data-review-list] [data-claim-card]");
    if (card) select(card);
  });

  // An undo button lives for a minute; the newest one is what "u" presses.
  document.addEventListener("htmx:load", function (event) {
    var element = event.detail.elt;
    var undo = element.matches && element.matches("[data-undo]") ? element : element.querySelector && element.querySelector("[data-undo]");
    if (!undo) return;
    lastUndo = undo;
    setTimeout(function () { undo.remove(); }, UNDO_MS);
  });

  // After a swap the row is a new element: keep it current, and move on after an accept or
  // reject (its card comes back with an undo button), not after a conflict or an undo. The edit
  // form's first field has autofocus, which htmx honours.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.id) return;
    if (target.matches("[data-review-list]")) { current = null; move(0); return; }
    var card = document.getElementById(target.id);  // outerHTML: the new element has the same id
    if (!card || !card.matches("[data-claim-card]") || !card.closest("[data-review-list]")) return;
    current = card;
    card.classList.add("is-current");
    if (card.querySelector("[data-undo]")) move(1);
  });

  // Settling (20 ms after a swap) puts back the class the server sent on the swapped row, which
  // drops "is-current" from it if it is still the current one.
  document.addEventListener("htmx:afterSettle", function () {
    if (current && document.body.contains(current)) current.classList.add("is-current");
  });

  document.addEventListener("DOMContentLoaded", function () { move(0); });
})();
