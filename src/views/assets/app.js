/* Kantine: progressive enhancement only. Every flow works without this file. */
(function () {
  'use strict';
  if (!document.querySelector) return;

  // Bring the first wrong field into view so keyboard and screen-reader users land on it.
  var summary = document.querySelector('.error-summary');
  var firstBad = document.querySelector('[aria-invalid="true"]');
  if (summary && firstBad && firstBad.focus) firstBad.focus();

  // A token or link shown once is selected on focus, ready to copy.
  var shown = document.querySelectorAll('input.token');
  for (var i = 0; i < shown.length; i++) {
    shown[i].addEventListener('focus', function (e) {
      e.target.select();
    });
  }

  // Live updates over server-sent events: the unread count, and "N new posts" on the feed.
  if (!window.EventSource || document.body.getAttribute('data-live') !== '1') return;
  var badge = document.getElementById('unread-count');
  var banner = document.getElementById('live-posts');
  var fresh = 0;
  var source = new EventSource('/events');
  source.addEventListener('unread', function (e) {
    var count = JSON.parse(e.data).count;
    if (!badge) return;
    badge.textContent = count ? String(count) : '';
    badge.className = count ? 'count-badge' : 'count-badge empty';
  });
  source.addEventListener('post', function () {
    if (!banner) return;
    fresh += 1;
    var link = banner.getElementsByTagName('a')[0];
    link.textContent = banner
      .getAttribute('data-template')
      .replace(/999[.,\s\u00a0\u202f]?999/, String(fresh));
    banner.hidden = false;
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();
