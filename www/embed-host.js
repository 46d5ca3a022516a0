/*
 * mentorsim embed-host.js: fits mentorsim widgets to their content.
 *
 * On the page that embeds a widget, after its iframe(s):
 *
 *   <iframe data-mentorsim src="https://example.org/mentorsim/embed.html?preset=actiris-2028&lang=nl"
 *           title="mentorsim" width="100%" height="560" loading="lazy"
 *           sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>
 *   <script src="https://example.org/mentorsim/embed-host.js" async></script>
 *
 * A widget posts {type: "mentorsim:resize", height: <px>} whenever its height
 * changes. This script sets that height on the iframe that sent it, and only
 * on it: the message must come from the contentWindow of an
 * <iframe data-mentorsim> of this page, have exactly that type, and a finite
 * height above 0 (capped at 10,000 px). Every other message is ignored.
 * Without this script the iframe keeps the height written in its tag.
 *
 * It reads and stores nothing and adds no global name. Loaded twice, it
 * sets the same height twice.
 */
(function () {
  'use strict';
  var MAX = 10000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'mentorsim:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-mentorsim]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX) + 'px';
        return;
      }
    }
  });
})();
