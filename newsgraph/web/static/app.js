// Article page: open an event's details from its trigger, and toggle highlight layers.
// Written for this app; no dependencies. Never inserts HTML: only toggles classes.
"use strict";

function openEvent(id, focus) {
  const details = document.getElementById("event-" + id);
  if (!details || details.tagName !== "DETAILS") return;
  details.open = true;
  document.querySelectorAll("a.hl-trigger.active").forEach((a) => a.classList.remove("active"));
  document.querySelectorAll('a.hl-trigger[data-event="' + CSS.escape(id) + '"]')
    .forEach((a) => a.classList.add("active"));
  details.scrollIntoView({ block: "nearest" });
  if (focus) details.querySelector("summary").focus();
}

function eventFromHash() {
  const match = /^#event-(.+)$/.exec(decodeURIComponent(location.hash));
  if (match) openEvent(match[1], false);
}

function setupArticle() {
  const text = document.getElementById("article-text");
  if (!text) return;
  text.addEventListener("click", (ev) => {
    const link = ev.target.closest("a.hl-trigger");
    if (!link) return;
    ev.preventDefault();
    history.replaceState(null, "", "#event-" + link.dataset.event);
    openEvent(link.dataset.event, true);
  });
  document.querySelectorAll("#layers input[type=checkbox]").forEach((box) => {
    box.addEventListener("change", () => text.classList.toggle("off-" + box.value, !box.checked));
  });
  window.addEventListener("hashchange", eventFromHash);
  eventFromHash();
}

document.addEventListener("DOMContentLoaded", setupArticle);
