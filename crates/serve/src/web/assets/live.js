// Follows a session shared with a helpdesk agent: when the agent answers, joins or
// leaves, the server says so on /events and the page is loaded again. Without this
// script a shared page refreshes itself every two seconds instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var seen = script && script.dataset.seen ? script.dataset.seen : "0";
  var source = new EventSource("/events?seen=" + encodeURIComponent(seen));
  source.addEventListener("change", function () {
    source.close();
    window.location.reload();
  });
})();
