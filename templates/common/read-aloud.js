/* Read aloud: a "Listen" button on every row and one for the whole page, using the
   browser's own speech (nothing is sent anywhere). Buttons are only added when the
   browser can speak, so there is never a button that does nothing. The text spoken is
   read from the page itself, never written into this script. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var main = document.querySelector("main");
  if (!synth || typeof SpeechSynthesisUtterance === "undefined" || !main) { return; }
  var lang = document.documentElement.lang || "en";
  var STORE = "easyread-listen-buttons";
  var ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path fill="currentColor" ' +
    'd="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/></svg>';
  var playing = null;

  function button(label, extra) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "listen" + (extra ? " " + extra : "");
    b.innerHTML = ICON + "<span></span>";
    b.lastChild.textContent = label;
    return b;
  }

  function label(b, words) { b.lastChild.textContent = words; }

  function spokenText(row) {
    var parts = [];
    var found = row.querySelectorAll(".text, .explain, h1, .about, .date");
    found.forEach(function (el) { parts.push(el.textContent.trim()); });
    return parts.join(" ");
  }

  function stop() {
    synth.cancel();
    document.querySelectorAll(".speaking").forEach(function (el) { el.classList.remove("speaking"); });
    if (playing) {
      label(playing.button, playing.idle);
      playing.button.classList.remove("active");
    }
    playing = null;
  }

  function speak(rows, b, idle) {
    var wasThis = playing && playing.button === b;
    stop();
    if (wasThis) { return; }
    playing = { button: b, idle: idle };
    label(b, "Stop");
    b.classList.add("active");
    var queue = rows.slice();
    function next() {
      if (!playing || playing.button !== b) { return; }
      document.querySelectorAll(".speaking").forEach(function (el) { el.classList.remove("speaking"); });
      var row = queue.shift();
      if (!row) { stop(); return; }
      var text = spokenText(row);
      if (!text) { next(); return; }
      row.classList.add("speaking");
      var say = new SpeechSynthesisUtterance(text);
      say.lang = lang;
      say.rate = 0.9;
      say.onend = next;
      say.onerror = next;
      synth.speak(say);
    }
    next();
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll(".cover, main .row"));
  var page = button("Listen to the whole page", "listen-page");
  page.addEventListener("click", function () { speak(rows, page, "Listen to the whole page"); });

  var show = button("Show listen buttons", "listen-toggle");
  function setShown(on) {
    show.setAttribute("aria-pressed", on ? "true" : "false");
    document.body.classList.toggle("no-listen", !on);
    try { window.localStorage.setItem(STORE, on ? "on" : "off"); } catch (e) { /* private mode */ }
  }
  show.addEventListener("click", function () { setShown(show.getAttribute("aria-pressed") !== "true"); });

  var bar = document.createElement("div");
  bar.className = "listen-bar";
  bar.appendChild(page);
  bar.appendChild(show);
  main.insertBefore(bar, main.firstChild);

  document.querySelectorAll("main .row").forEach(function (row) {
    var words = row.querySelector(".words");
    if (!words) { return; }
    var b = button("Listen");
    b.addEventListener("click", function () { speak([row], b, "Listen"); });
    words.appendChild(b);
  });

  var stored = null;
  try { stored = window.localStorage.getItem(STORE); } catch (e) { /* private mode */ }
  setShown(stored !== "off");
  window.addEventListener("pagehide", stop);
}());
