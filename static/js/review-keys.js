// Review queue keyboard: j/k move, a accept, r reject, e edit, x select, o open, ? help, Esc cancel.
(function () {
  "use strict";
  var current = null;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("#queue-list [data-claim-card]")); }

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

  function typing(element) {
    return element.closest("input, textarea, select, [contenteditable=true]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    var help = document.getElementById("keys-help");
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
      case "x":
        if (!current) move(0);
        var box = current && current.querySelector(".rc-select");
        if (box) box.checked = !box.checked;
        break;
      case "?":
        if (help.open) { help.close(); } else { help.showModal(); }
        break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-keys-help]")) document.getElementById("keys-help").showModal();
    var all = event.target.closest("[data-select-all]");
    if (all) cards().forEach(function (card) {
      var box = card.querySelector(".rc-select");
      if (box) box.checked = all.checked;
    });
    var card = event.target.closest("#queue-list [data-claim-card]");
    if (card) select(card);
  });

  // After a swap the row is a new element: keep it current, move on after accept/reject
  // unless it came back with a conflict (the edit form's first field has autofocus, which htmx
  // honours).
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.id) return;
    if (target.id === "queue-list") { current = null; move(0); return; }
    var card = document.getElementById(target.id);  // outerHTML: the new element has the same id
    if (!card || !card.matches("[data-claim-card]") || !card.closest("#queue-list")) return;
    current = card;
    card.classList.add("is-current");
    if (!card.classList.contains("editing") && event.detail.requestConfig && event.detail.requestConfig.verb === "post" && !card.querySelector(".conflict")) {
      move(1);
    }
  });

  // Settling (20 ms after a swap) puts back the class the server sent on the swapped row, which
  // drops "is-current" from it if it is still the current one.
  document.addEventListener("htmx:afterSettle", function () {
    if (current && document.body.contains(current)) current.classList.add("is-current");
  });

  document.addEventListener("DOMContentLoaded", function () { move(0); });
})();
