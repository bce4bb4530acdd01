// Served by `stepwise serve` only: reload the page after every rebuild.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("/__stepwise/events");
  source.addEventListener("reload", function () { window.location.reload(); });
})();
