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

  // @mention suggestions while typing in a post or comment (plain "@handle" works without them).
  var areas = document.querySelectorAll('textarea[name^="body"]');
  for (var a = 0; a < areas.length; a++) suggestMentions(areas[a]);

  function suggestMentions(area) {
    var list = document.createElement('ul');
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    area.parentNode.insertBefore(list, area.nextSibling);
    var timer = null;
    var active = -1;
    function query() {
      var before = area.value.slice(0, area.selectionStart);
      var m = /(^|[\s(])@([^\s@]{2,40})$/.exec(before);
      return m ? m[2] : null;
    }
    function close() {
      list.hidden = true;
      list.innerHTML = '';
      active = -1;
    }
    function choose(handle) {
      var pos = area.selectionStart;
      var before = area.value.slice(0, pos).replace(/@[^\s@]*$/, '@' + handle + ' ');
      area.value = before + area.value.slice(pos);
      area.selectionStart = area.selectionEnd = before.length;
      close();
      area.focus();
    }
    function show(people) {
      list.innerHTML = '';
      active = -1;
      for (var i = 0; i < people.length; i++) {
        var handle = people[i].email.split('@')[0];
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.setAttribute('data-handle', handle);
        li.textContent = people[i].name + ' (@' + handle + ')';
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(e.currentTarget.getAttribute('data-handle'));
        });
        list.appendChild(li);
      }
      list.hidden = people.length === 0;
    }
    area.addEventListener('input', function () {
      var q = query();
      clearTimeout(timer);
      if (!q) return close();
      timer = setTimeout(function () {
        var xhr = new XMLHttpRequest();
        xhr.open('GET', '/api/v1/users?limit=5&q=' + encodeURIComponent(q));
        xhr.onload = function () {
          if (xhr.status === 200 && query() === q) show(JSON.parse(xhr.responseText).items);
        };
        xhr.send();
      }, 150);
    });
    area.addEventListener('keydown', function (e) {
      var items = list.getElementsByTagName('li');
      if (list.hidden || !items.length) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (active >= 0) items[active].removeAttribute('aria-selected');
        active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[active].setAttribute('aria-selected', 'true');
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(items[active].getAttribute('data-handle'));
      } else if (e.key === 'Escape') {
        close();
      }
    });
    area.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }

  // Answered questions like the one being typed (without this, publishing shows them first).
  var regions = document.querySelectorAll('.similar-questions');
  for (var r = 0; r < regions.length; r++) suggestSimilar(regions[r]);

  function suggestSimilar(region) {
    var form = region.form || region.closest('form');
    if (!form) return;
    var area = form.querySelector('textarea[name="body"]');
    var kind = form.querySelector('[name="kind"]');
    var heading = region.getElementsByTagName('h3')[0];
    var list = region.getElementsByTagName('ul')[0];
    if (!area || !kind || !heading || !list) return;
    var timer = null;
    var shownFor = null;
    var confirm = document.createElement('input');
    confirm.type = 'hidden';
    confirm.name = 'confirmed';
    confirm.value = '1';
    function clear() {
      list.innerHTML = '';
      list.hidden = true;
      heading.hidden = true;
      shownFor = null;
      if (confirm.parentNode) confirm.parentNode.removeChild(confirm);
    }
    function show(text, items) {
      list.innerHTML = '';
      for (var i = 0; i < items.length; i++) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = items[i].url;
        var body = items[i].body;
        a.textContent = body.length > 140 ? body.slice(0, 140) + '…' : body;
        li.appendChild(a);
        list.appendChild(li);
      }
      list.hidden = items.length === 0;
      heading.hidden = items.length === 0;
      shownFor = text;
      // The person has seen what was answered before: publishing needs no extra step.
      form.appendChild(confirm);
    }
    function check() {
      clearTimeout(timer);
      var text = area.value;
      if (kind.value !== 'question' || text.trim().length < 3) return clear();
      if (text === shownFor) return;
      if (confirm.parentNode) confirm.parentNode.removeChild(confirm);
      timer = setTimeout(function () {
        var xhr = new XMLHttpRequest();
        xhr.open(
          'GET',
          '/api/v1/questions/similar?limit=5&q=' + encodeURIComponent(text.slice(0, 2000)),
        );
        xhr.onload = function () {
          if (xhr.status === 200 && area.value === text && kind.value === 'question')
            show(text, JSON.parse(xhr.responseText).items);
        };
        xhr.send();
      }, 400);
    }
    area.addEventListener('input', check);
    kind.addEventListener('change', check);
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
