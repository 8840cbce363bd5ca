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
})();
