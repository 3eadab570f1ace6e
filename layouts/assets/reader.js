/* Reader controls for wtfc_site: text size, colours, and listening with the
   browser's own speech. Small progressive enhancement: every page is whole
   without this file, and the controls stay hidden until it runs. */
(function () {
  "use strict";
  var KEY = "wtfc-reader";
  var root = document.documentElement;
  var panel = document.getElementById("reader-controls");
  if (!panel) return;

  function loadChoices() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function saveChoices(choices) {
    try { window.localStorage.setItem(KEY, JSON.stringify(choices)); } catch (e) { /* private mode: remember for this page only */ }
  }
  var choices = loadChoices();

  function pressOnly(selector, attribute, value) {
    panel.querySelectorAll(selector).forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute(attribute) === value));
    });
  }
  function apply() {
    var size = choices.text || "normal";
    if (size === "normal") root.removeAttribute("data-text"); else root.setAttribute("data-text", size);
    // No choice yet: leave data-scheme off, so the CSS follows the device's settings.
    if (choices.scheme) root.setAttribute("data-scheme", choices.scheme); else root.removeAttribute("data-scheme");
    pressOnly("[data-text-size]", "data-text-size", size);
    pressOnly("[data-scheme-choice]", "data-scheme-choice", choices.scheme || "standard");
  }
  panel.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-text-size")) choices.text = button.getAttribute("data-text-size");
    else if (button.hasAttribute("data-scheme-choice")) choices.scheme = button.getAttribute("data-scheme-choice");
    else return;
    saveChoices(choices);
    apply();
  });
  apply();
  panel.hidden = false;
  // Folded on a phone, where the header would otherwise fill the first screen; open where there is room.
  var looks = panel.querySelector("details.rc-looks");
  if (looks && window.matchMedia && window.matchMedia("(min-width: 48em)").matches) looks.open = true;

  /* ---- Listen: read the page point by point, or one point, highlighting it. */
  var speech = window.speechSynthesis;
  if (!speech || typeof window.SpeechSynthesisUtterance !== "function") return;
  var listenGroup = panel.querySelector(".rc-listen");
  var pauseButton = panel.querySelector('[data-listen="pause"]');
  var stopButton = panel.querySelector('[data-listen="stop"]');
  var run = 0;          // each reading has a number, so a cancelled one cannot move the next on
  var reading = null;   // the element being read now

  function points() {
    var title = document.querySelector("main h1");
    var rows = Array.prototype.slice.call(document.querySelectorAll("main .er-row"));
    var found = rows.filter(function (row) {  // the form's questions are not read as points
      return row.querySelector(".er-text") && !row.contains(title) && !row.closest("form, details");
    });
    return (title ? [title] : []).concat(found);
  }
  function wordsOf(element) {
    var text = element.matches(".er-row") ? element.querySelector(".er-text") : element;
    var copy = text.cloneNode(true);
    copy.querySelectorAll("button, .rc-point").forEach(function (b) { b.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function highlight(element) {
    if (reading) reading.classList.remove("rc-reading");
    reading = element;
    if (!element) return;
    element.classList.add("rc-reading");
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;  // asked each time: it can change
    element.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }
  function showPlaying(playing) {
    pauseButton.hidden = stopButton.hidden = !playing;
    pauseButton.textContent = "Pause";
  }
  function stop() {
    run += 1;
    speech.cancel();
    highlight(null);
    showPlaying(false);
  }
  function readFrom(list, index, myRun) {
    if (myRun !== run) return;
    if (index >= list.length) { stop(); return; }
    var utterance = new window.SpeechSynthesisUtterance(wordsOf(list[index]));
    utterance.lang = root.lang || "en-GB";
    utterance.onstart = function () { if (myRun === run) highlight(list[index]); };
    utterance.onend = utterance.onerror = function () { readFrom(list, index + 1, myRun); };
    speech.speak(utterance);
  }
  function read(list) {
    stop();
    showPlaying(true);
    readFrom(list, 0, run);
  }

  listenGroup.hidden = false;
  panel.querySelector('[data-listen="page"]').addEventListener("click", function () { read(points()); });
  stopButton.addEventListener("click", stop);
  pauseButton.addEventListener("click", function () {
    if (speech.paused) { speech.resume(); pauseButton.textContent = "Pause"; }
    else { speech.pause(); pauseButton.textContent = "Carry on"; }
  });
  points().forEach(function (point) {
    if (!point.matches(".er-row")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "rc-point";
    button.textContent = "Listen";
    button.setAttribute("aria-label", "Listen to this point");
    button.addEventListener("click", function () { read([point]); });
    // Inside the words when they are a <div>; a <dl> or <ul> may hold only its own items, so then under the picture.
    var words = point.querySelector(".er-text");
    (words && words.tagName === "DIV" ? words : point.querySelector(".er-pic") || point).appendChild(button);
  });
  window.addEventListener("pagehide", stop);
}());
