/*
 * Search on demand, with the spellings of names folded in queries.
 *
 * The theme downloads the search index and starts its search worker as soon as a page loads,
 * whether or not the reader searches. This script runs before the theme's and holds both back until
 * the reader opens search: focus in the search box (a click, a tap, Tab, or the f, s and / keys),
 * the search toggle, or a page reached from a search (?q= or ?h= in its address). The theme's
 * interface is unchanged: it shows "Initializing search" while the index arrives.
 *
 * It also folds each word of a query by the rules that folded the names of the index at build time
 * (config.fold in the index, written by factsheet.search), and adds the folded word to the query:
 * Suleimani then meets Soleimani on the key "salamana", and اشرف meets أشرف. Results report a
 * typed word as found when its folded word was.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.js(on)?([?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js([?#]|$)/;
  var SETUP = 0, QUERY = 2, RESULT = 3;  // the theme's search message types

  var opened = false;
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenOpen(run) {
    if (opened) run(); else waiting.push(run);
  }

  function address(url) {
    try {
      return new URL(String(url), document.baseURI).href;
    } catch (error) {
      return String(url);
    }
  }

  /* Folding: the same rules, in the same order, as factsheet.search.fold. */

  function compile(rules) {
    return (rules || []).map(function (rule) { return [new RegExp(rule[0], "gu"), rule[1]]; });
  }

  function fold(rules, word) {
    var folded = word.normalize("NFKD").toLowerCase();
    rules.forEach(function (rule) { folded = folded.replace(rule[0], rule[1]); });
    return folded;
  }

  // The query with the folded form of each word added, and which typed words each folded one stands
  // for. A query written with the theme's operators (quotes, + - ~ ^ * :) is left as written.
  function expand(query, rules, separator) {
    var pairs = {};
    if (!rules.length || /["+~^*:]|(^|\s)-/.test(query)) return { query: query, pairs: pairs };
    var typed = {};
    query.trim().split(/\s+/).forEach(function (part) {
      part.split(separator).forEach(function (word) {
        if (word) typed[word.toLowerCase()] = true;
      });
    });
    var added = [];
    Object.keys(typed).forEach(function (word) {
      var key = fold(rules, word);
      if (!key || key === word || typed[key]) return;
      if (!pairs[key]) {
        pairs[key] = [];
        added.push(key);
      }
      pairs[key].push(word);
    });
    return { query: added.length ? query + " " + added.join(" ") : query, pairs: pairs };
  }

  // The theme lists, under each result, the query words it did not find: a typed word counts as
  // found when its folded word was, and the folded words themselves are not listed.
  function settle(result, pairs) {
    var keys = Object.keys(pairs);
    if (!keys.length || !result || !result.items) return;
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = item.terms;
        if (!terms) return;
        keys.forEach(function (key) {
          if (!(key in terms)) return;
          var found = terms[key];
          delete terms[key];
          pairs[key].forEach(function (word) {
            if (word in terms) terms[word] = terms[word] || found;
          });
        });
      });
    });
  }

  /* Over HTTP the theme asks for the index with XMLHttpRequest: sending it waits. */

  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.factsheetDeferred = INDEX.test(address(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.factsheetDeferred || opened) return xhrSend.apply(request, args);
    whenOpen(function () { xhrSend.apply(request, args); });
  };

  /* From file:// it adds a script element for search/search_index.js to the head: that waits. */

  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!opened && node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
      whenOpen(function () { append.call(head, node); });
      return node;
    }
    return append.apply(this, arguments);
  };

  /* The search worker starts when search opens, and its queries and results pass through here. */

  var Native = window.Worker;
  if (typeof Native === "function" && typeof EventTarget === "function") {
    var SearchWorker = class extends EventTarget {
      constructor(url, options) {
        super();
        this.url = url;
        this.options = options;
        this.worker = null;
        this.rules = [];
        this.separator = /\s+/;
        this.pending = [];
        whenOpen(this.start.bind(this));
      }

      start() {
        if (!this.worker) {
          this.worker = new Native(this.url, this.options);
          this.worker.addEventListener("message", (event) => this.receive(event.data));
          this.worker.addEventListener("error", (event) => {
            this.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
          });
        }
        return this.worker;
      }

      postMessage(message) {
        this.start().postMessage(this.outgoing(message));
      }

      terminate() {
        if (this.worker) this.worker.terminate();
      }

      outgoing(message) {
        if (message && message.type === SETUP && message.data && message.data.config) {
          this.rules = compile(message.data.config.fold);
          this.separator = new RegExp(message.data.config.separator || "\\s+");
        } else if (message && message.type === QUERY && typeof message.data === "string") {
          var expanded = expand(message.data, this.rules, this.separator);
          this.pending.push(expanded.pairs);
          return { type: QUERY, data: expanded.query };
        }
        return message;
      }

      receive(data) {
        if (data && data.type === RESULT) settle(data.data, this.pending.shift() || {});
        this.dispatchEvent(new MessageEvent("message", { data: data }));
      }
    };

    var Deferred = function (url, options) {
      return WORKER.test(address(url)) ? new SearchWorker(url, options) : new Native(url, options);
    };
    Deferred.prototype = Native.prototype;
    window.Worker = Deferred;
  }

  /* What opens search. */

  function isSearch(target) {
    return target instanceof Element && target.closest(".md-search, label[for='__search']") !== null;
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) open(); }, true);
  document.addEventListener("click", function (event) { if (isSearch(event.target)) open(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) open();
  }, true);
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) open();

  // For tests and for other editions' pages: the folding, given the rules of an index.
  window.factsheetSearch = {
    fold: function (rules, word) { return fold(compile(rules), word); },
    expand: function (query, rules, separator) {
      return expand(query, compile(rules), new RegExp(separator || "\\s+"));
    },
    opened: function () { return opened; }
  };
})();
