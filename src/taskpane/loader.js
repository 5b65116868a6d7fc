/*
 * loader.js — picks the task pane bundle for this webview (taskpane.html loads it right after office.js;
 * an external file because the page's Content-Security-Policy allows no inline script).
 *
 * ECMAScript 3 on purpose (var, function, no trailing commas): it must run everywhere, Internet Explorer 11
 * included, to choose.
 * - modern: taskpane.js (ES2020, React + Fluent UI), then functions.js (only where office.js defines
 *   CustomFunctions) and commands.js — the shared runtime's three entries, in order;
 * - legacy: taskpane-legacy-polyfills.js then taskpane-legacy.js (ES5, plain DOM), with taskpane-legacy.css —
 *   for IE11 (Excel 2016 / 2019 volume-licensed) and EdgeHTML (some Excel 2016 / 2019 retail builds).
 * Feature test: String.prototype.replaceAll and Promise.allSettled (ES2021 / ES2020 built-ins) arrived in
 * every engine together with or after the ES2020 syntax the modern bundle uses (?. and ??: Chrome 80,
 * Safari 13.1, Firefox 74 — replaceAll came in Chrome 85, Safari 13.1, Firefox 77). Should the modern
 * bundle still fail to parse, the legacy one is loaded instead (the window error names taskpane.js and the
 * bundle never said it started).
 */
(function () {
  var w = window;
  var d = document;
  var head = d.getElementsByTagName("head")[0];

  function add(src) {
    var s = d.createElement("script");
    s.src = src;
    // Dynamic scripts run in the order added when async is false (IE10+ and every later browser).
    s.async = false;
    head.appendChild(s);
  }

  function modernCapable() {
    try {
      return (
        typeof String.prototype.replaceAll === "function" &&
        typeof Promise !== "undefined" &&
        typeof Promise.allSettled === "function" &&
        typeof Symbol !== "undefined"
      );
    } catch (e) {
      return false;
    }
  }

  var legacyLoaded = false;
  function legacy() {
    if (legacyLoaded) return;
    legacyLoaded = true;
    w.__renoLoader = "legacy";
    var css = d.createElement("link");
    css.rel = "stylesheet";
    css.href = "taskpane-legacy.css";
    head.appendChild(css);
    add("taskpane-legacy-polyfills.js");
    add("taskpane-legacy.js");
  }

  function modern() {
    w.__renoLoader = "modern";
    if (w.addEventListener) {
      w.addEventListener(
        "error",
        function (e) {
          var file = e && e.filename ? String(e.filename) : "";
          if (!w.__renoPane && /(^|\/)taskpane\.js(\?|$)/.test(file)) legacy();
        },
        false
      );
    }
    add("taskpane.js");
    if (typeof w.CustomFunctions !== "undefined") add("functions.js");
    add("commands.js");
  }

  if (modernCapable()) modern();
  else legacy();
})();
