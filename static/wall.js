// Zukunftswerk presenter wall: fits every card of the current view onto
// the projector without scrolling. The card text shrinks from its size for
// the number of cards (set by the server) down to a floor that stays
// readable from the back of a hall; what still does not fit is shown page
// by page. F toggles full screen, G moves on to the next group's wall,
// the arrow and page keys turn the pages.
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

  // How many of a column's cards (from the first) end inside it: one
  // measure for fitting and for paging, so that they never disagree by a
  // rounded pixel.
  function fitting(l) {
    var bottom = l.getBoundingClientRect().bottom, all = cards(l), n = 0;
    while (n < all.length && all[n].getBoundingClientRect().bottom <= bottom) { n++; }
    return n;
  }
  // A column that runs over.
  function overflows() {
    return lists().some(function (l) { return fitting(l) < cards(l).length; });
  }
  function setSize(v) { wall.style.setProperty('--card-size', v + 'vh'); }

  // The largest size (in steps of 0.1 vh) at which no column runs over,
  // not below the floor; what does not fit then goes onto further pages.
  // Long words are fitted at every size tried: a card shrunk for its word
  // is narrower, and its neighbour in the row grows taller by it.
  function fitsAt(v) {
    setSize(v);
    fitLongWords();
    return !overflows();
  }
  function fit() {
    lists().forEach(function (l) { cards(l).forEach(function (c) { c.hidden = false; }); });
    if (start === null) {
      start = parseFloat(getComputedStyle(wall).getPropertyValue('--card-size')) || 3;
    }
    var lo = floor, hi = start;
    if (!fitsAt(hi)) {
      if (fitsAt(lo)) {
        while (hi - lo > 0.1) {
          var mid = (lo + hi) / 2;
          if (fitsAt(mid)) { lo = mid; } else { hi = mid; }
        }
      }
      fitsAt(lo);
    }
    paginate();
  }

  // A word wider than its card ("Kinderbetreuungsöffnungszeiten" in a
  // narrow column) shrinks only its own card, to three fifths at most and
  // never below 2 % of the screen; only then may it break.
  function fitLongWords() {
    lists().forEach(function (l) {
      cards(l).forEach(function (c) {
        c.style.fontSize = '';
        c.classList.remove('pw__card--break');
        var size = parseFloat(getComputedStyle(c).fontSize), smallest = Math.max(size * 0.6, vh(2));
        while (c.scrollWidth > c.clientWidth + 1 && size > smallest) {
          size -= 1;
          c.style.fontSize = size + 'px';
        }
        if (c.scrollWidth > c.clientWidth + 1) { c.classList.add('pw__card--break'); }
      });
    });
  }

  // At the floor, every list shows as many cards as fit; the wall pages
  // through the rest every ten seconds, all columns together.
  function paginate() {
    sizes = lists().map(function (l) { return Math.max(fitting(l), 1); });
    pages = 1;
    lists().forEach(function (l, i) {
      pages = Math.max(pages, Math.ceil(cards(l).length / sizes[i]));
      var count = l.parentNode.querySelector('.pw__count');
      if (count) { count.textContent = cards(l).length; }
    });
    // Spread the cards evenly over the pages (six cards where five fit:
    // three and three, not five and a lonely one).
    lists().forEach(function (l, i) { sizes[i] = Math.max(1, Math.ceil(cards(l).length / pages)); });
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
  // Pages turn every fifteen seconds, or by hand (→ / ← or a presenter's
  // page keys), which restarts the wait.
  var turner = null;
  function turn(by) {
    if (pages < 2) { return; }
    page = (page + by + pages) % pages;
    show();
    clearInterval(turner);
    turner = setInterval(function () { turn(1); }, 15000);
  }
  turner = setInterval(function () { turn(1); }, 15000);

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
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { turn(1); }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { turn(-1); }
    if (e.key === 'g' || e.key === 'G') {
      var cycle = (wall.getAttribute('data-groups') || '0').split(' ');
      var next = cycle[(cycle.indexOf(wall.getAttribute('data-group') || '0') + 1) % cycle.length];
      location.search = next === '0' ? '' : '?gruppe=' + next;
    }
  });
})();
