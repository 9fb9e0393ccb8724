// Claimtrack: the actor picker (suggestions fill the field), Ctrl+Enter to save, and visible errors for htmx requests.
(function () {
  "use strict";

  function pickerOf(element) { return element.closest("[data-actor-picker]"); }

  function closeSuggestions(picker) {
    picker.querySelector(".suggestions").innerHTML = "";
    picker.querySelector("input").setAttribute("aria-expanded", "false");
  }

  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-actor-name]");
    if (!option) return;
    var picker = pickerOf(option);
    var input = picker.querySelector("input");
    input.value = option.dataset.actorName;
    closeSuggestions(picker);
    input.focus();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  document.addEventListener("keydown", function (event) {
    var picker = pickerOf(event.target);
    if (!picker) return;
    var options = Array.prototype.slice.call(picker.querySelectorAll("[data-actor-name], [data-actor-create]"));
    var index = options.indexOf(event.target);
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      options[Math.min(index + 1, options.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? picker.querySelector("input") : options[index - 1]).focus();
    } else if (event.key === "Escape" && options.length) {
      event.stopPropagation();
      closeSuggestions(picker);
      picker.querySelector("input").focus();
    }
  }, true);

  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.detail.target;
    if (list.classList && list.classList.contains("suggestions")) {
      pickerOf(list).querySelector("input").setAttribute("aria-expanded", list.children.length ? "true" : "false");
      var created = list.querySelector("[data-autopick]");  // an actor just created from the picker
      if (created) created.click();
    }
  });

  // "?" opens the page's list of keys (#keys-help), wherever a page has keys.
  document.addEventListener("keydown", function (event) {
    var help = document.getElementById("keys-help");
    if (event.key !== "?" || !help || event.target.closest("input, textarea, select, [contenteditable=true]")) return;
    event.preventDefault();
    if (help.open) { help.close(); } else { help.showModal(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-keys-help]")) document.getElementById("keys-help").showModal();
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) saves the form being typed in, as in most editors.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    var form = event.target.closest && event.target.closest("form[data-ctrl-enter]");
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  });

  // htmx does not swap error answers: say what happened instead of doing nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var text = status === 403 ? "You are not allowed to do that." :
      status === 404 ? "That item no longer exists." : "Something went wrong (" + status + "). Reload the page and try again.";
    var box = document.getElementById("htmx-error") || document.createElement("p");
    box.id = "htmx-error";
    box.className = "toast error";
    box.setAttribute("role", "alert");
    box.textContent = text;
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 6000);
  });
})();
