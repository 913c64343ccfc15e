// Zukunftswerk presenter wall: fits every card of the current view onto
// the projector without scrolling. The card text shrinks from its size for
// the number of cards (set by the server) down to a floor that stays
// readable from the back of a hall; what still does not fit is shown page
// by page. F toggles full screen, G moves on to the next group's wall.
// Without this script the wall shows the same cards at the server's size.
(function () {
  'use strict';
  var wall = document.getElementById('workshop');
  if (!wall || !wall.getAttribute('data-wall')) { return; }
  var lists = function () { return Array.prototype.slice.call(wall.querySelectorAll('.pw__cards')); };
  var cards = function (list) { return Array.prototype.slice.call(list.querySelectorAll('.pw__card')); };
  var pageInfo = document.getElementById('wall-page');
  var vh = function (n) { return n * window.innerHeight / 100; };
  var floor = 2.2, start = null, page = 0, pages = 1, sizes = [];

  // A card with a word wider than the card.
  function wordTooLong() {
    return lists().some(function (l) { return cards(l).some(function (c) { return c.scrollWidth > c.clientWidth + 1; }); });
  }
  // A column that runs over, or a word too long.
  function overflows() {
    return wordTooLong() || lists().some(function (l) { return l.scrollHeight > l.clientHeight + 1; });
  }
  function setSize(v) { wall.style.setProperty('--card-size', v + 'vh'); }

  // The largest size (in steps of 0.1 vh) at which nothing overflows. At
  // the floor a word still too long for its card may break after all, and
  // what does not fit goes onto further pages.
  function fit() {
    lists().forEach(function (l) { cards(l).forEach(function (c) { c.hidden = false; }); });
    if (start === null) {
      start = parseFloat(getComputedStyle(wall).getPropertyValue('--card-size')) || 3;
    }
    wall.classList.remove('pw--break');
    var lo = floor, hi = start;
    setSize(hi);
    if (overflows()) {
      setSize(lo);
      if (overflows()) {
        if (wordTooLong()) { wall.classList.add('pw--break'); }
      } else {
        while (hi - lo > 0.1) {
          var mid = (lo + hi) / 2;
          setSize(mid);
          if (overflows()) { hi = mid; } else { lo = mid; }
        }
        setSize(lo);
      }
    }
    paginate();
  }

  // At the floor, every list shows as many cards as fit; the wall pages
  // through the rest every ten seconds, all columns together.
  function paginate() {
    sizes = lists().map(function (l) {
      // The cards before the first one that reaches below the column.
      var bottom = l.getBoundingClientRect().bottom, all = cards(l), n = 0;
      while (n < all.length && all[n].getBoundingClientRect().bottom <= bottom + 1) { n++; }
      return Math.max(n, 1);
    });
    pages = 1;
    lists().forEach(function (l, i) {
      pages = Math.max(pages, Math.ceil(cards(l).length / sizes[i]));
      var count = l.parentNode.querySelector('.pw__count');
      if (count) { count.textContent = cards(l).length; }
    });
    page = page % pages;
    show();
  }
  function show() {
    lists().forEach(function (l, i) {
      cards(l).forEach(function (c, j) { c.hidden = Math.floor(j / sizes[i]) !== page; });
    });
    if (pageInfo) {
      pageInfo.textContent = pages > 1 ? (wall.getAttribute('data-msg-page') || '%d / %d').replace('%d', page + 1).replace('%d', pages) : '';
    }
  }
  setInterval(function () { if (pages > 1) { page = (page + 1) % pages; show(); } }, 10000);

  // Refits wait for a quiet moment (a resize sends many events; a hidden
  // tab may never run animation frames).
  var pending = null;
  function refit() {
    clearTimeout(pending);
    pending = setTimeout(fit, 60);
  }
  window.addEventListener('resize', refit);
  // New cards and live dots arrive through workshop.js.
  var columns = document.getElementById('columns');
  if (columns && window.MutationObserver) {
    new MutationObserver(function (changes) {
      if (changes.some(function (m) { return m.type === 'childList' && m.target.classList && m.target.classList.contains('pw__cards'); })) { refit(); }
    }).observe(columns, { childList: true, subtree: true });
  }
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(refit); }
  refit();

  // Full screen and the keys a presenter remote or keyboard sends.
  var button = document.getElementById('fullscreen');
  var keys = document.getElementById('wall-keys');
  function toggleFullscreen() {
    if (!document.fullscreenEnabled) { return; }
    if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
  }
  if (button && document.fullscreenEnabled) {
    button.hidden = false;
    button.addEventListener('click', toggleFullscreen);
  }
  if (keys) { keys.hidden = false; }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === 'f' || e.key === 'F') { toggleFullscreen(); }
    if (e.key === 'g' || e.key === 'G') {
      var cycle = (wall.getAttribute('data-groups') || '0').split(' ');
      var next = cycle[(cycle.indexOf(wall.getAttribute('data-group') || '0') + 1) % cycle.length];
      location.search = next === '0' ? '' : '?gruppe=' + next;
    }
  });
})();
