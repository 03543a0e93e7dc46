// For pages that embed a chart as an iframe: sizes each <iframe data-reported-figures> to the height
// its chart reports. Include once per page:  <script src="https://…/www/embed-host.js" defer></script>
// Only messages from the frames themselves are trusted (sandboxed frames have an opaque origin, so
// the check is on the sending window, not the origin), and only a height in a sane range is applied.
(function () {
  'use strict';
  if (window.__reportedFiguresHost) return;
  window.__reportedFiguresHost = true;
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'reported-figures:height' || typeof d.height !== 'number') return;
    if (!(d.height > 0 && d.height < 10000)) return;
    var frames = document.querySelectorAll('iframe[data-reported-figures]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.ceil(d.height) + 'px';
        frames[i].setAttribute('height', String(Math.ceil(d.height)));
      }
    }
  });
})();
