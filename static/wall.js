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
  var floor = 2.6, start = null, page = 0, pages = 1, sizes = [];

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
  // A column's heading ("Aufenthaltsqualität" over a narrow column on a
  // 4:3 projector) shrinks until its longest word fits, down to 1.8 % of
  // the screen; only then may it break.
  function fitHeadings() {
    Array.prototype.forEach.call(wall.querySelectorAll('.pw__colhead h2'), function (h) {
      h.style.fontSize = '';
      h.classList.remove('pw__heading--break');
      unhyphenate(h);
      var size = parseFloat(getComputedStyle(h).fontSize);
      while (h.scrollWidth > h.clientWidth + 1 && size > vh(1.8)) {
        size = Math.max(size - 1, vh(1.8));
        h.style.fontSize = size + 'px';
      }
      if (h.scrollWidth > h.clientWidth + 1) { hyphenateLongWords(h); }
      if (h.scrollWidth > h.clientWidth + 1) { h.classList.add('pw__heading--break'); }
    });
  }
  // A column with many more cards than the others may get up to twice
  // their width, so that it needs fewer pages, as long as that breaks no
  // more words in the narrower columns than equal widths do.
  function weighColumns(weighted) {
    var columns = document.getElementById('columns');
    if (!columns) { return; }
    var counts = lists().map(function (l) { return cards(l).length; });
    var total = counts.reduce(function (a, b) { return a + b; }, 0);
    var mean = Math.max(total / Math.max(counts.length, 1), 1);
    columns.style.setProperty('--pw-columns', counts.map(function (n) {
      return 'minmax(0, ' + (weighted ? Math.min(2, Math.max(1, n / mean)) : 1).toFixed(2) + 'fr)';
    }).join(' '));
  }
  // A ranking (after the voting, and each phase's on a closed workshop)
  // shrinks until its last place is inside its box, down to 2.6 % of the
  // screen (the cards' floor): ten long cards in three columns on a 4:3
  // projector.
  function fitRankings() {
    Array.prototype.forEach.call(wall.querySelectorAll('.pw__ranking'), function (section) {
      var list = section.querySelector('.ranking');
      if (!list) { return; }
      list.style.fontSize = '';
      var places = Array.prototype.slice.call(list.querySelectorAll('li'));
      places.forEach(function (li) { li.hidden = false; });
      var size = parseFloat(getComputedStyle(list).fontSize);
      while (section.scrollHeight > section.clientHeight + 1 && size > vh(2.6)) {
        size = Math.max(size - 1, vh(2.6));
        list.style.fontSize = size + 'px';
      }
      // Still too long at the smallest size: the last places give way
      // (the documentation lists every card), never the first three.
      for (var n = places.length; section.scrollHeight > section.clientHeight + 1 && n > 3; n--) {
        places[n - 1].hidden = true;
      }
    });
  }
  function broken() { return wall.querySelectorAll('.pw__hyphenated, .pw__heading--break, .pw__card--break').length; }
  // Narrower than 40rem (a phone): the wall is a page that scrolls (see
  // app.css), with every card and heading at the page's own size.
  var narrow = window.matchMedia ? window.matchMedia('(max-width: 39.99rem)') : { matches: false };
  function fit() {
    if (narrow.matches) {
      lists().forEach(function (l) { cards(l).forEach(function (c) { c.hidden = false; }); });
      Array.prototype.forEach.call(wall.querySelectorAll('.pw__colhead h2, .pw__ranking .ranking'), function (el) { el.style.fontSize = ''; });
      wall.style.removeProperty('--card-size');
      Array.prototype.forEach.call(wall.querySelectorAll('.pw__heading--break, .pw__card--break'), function (el) {
        el.classList.remove('pw__heading--break', 'pw__card--break');
      });
      var columns = document.getElementById('columns');
      if (columns) { columns.style.removeProperty('--pw-columns'); }
      // A word wider than the phone gets the German soft hyphens.
      Array.prototype.forEach.call(wall.querySelectorAll('.workshop-card__text, .pw__colhead h2'), function (el) {
        unhyphenate(el);
        if (el.scrollWidth > el.clientWidth + 1) { hyphenateLongWords(el); }
      });
      pages = 1;
      if (pageInfo) { pageInfo.textContent = ''; }
      return;
    }
    fitRankings();
    weighColumns(false);
    fitAll();
    var equal = broken(), equalPages = pages;
    if (equalPages === 1) { return; }
    weighColumns(true);
    fitAll();
    if (broken() > equal || pages >= equalPages) {
      weighColumns(false);
      fitAll();
    }
  }
  function fitAll() {
    fitHeadings();
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
    fitShortColumns();
    paginate();
  }
  // A column of a few cards (six at most) shows them all: at the floor its
  // cards may shrink further, to 2.2 % of the screen (a 4:3 projector's
  // narrow cluster columns), rather than page.
  function fitShortColumns() {
    lists().forEach(function (l) {
      var all = cards(l);
      if (all.length > 6 || fitting(l) >= all.length) { return; }
      var size = Math.max.apply(null, all.map(function (c) { return parseFloat(getComputedStyle(c).fontSize); }));
      while (fitting(l) < all.length && size > vh(2.2)) {
        size = Math.max(size - 1, vh(2.2));
        all.forEach(function (c) { c.style.fontSize = Math.min(size, parseFloat(getComputedStyle(c).fontSize)) + 'px'; });
      }
    });
  }

  // Words wider than their box get German soft hyphens (hyphenate.js).
  function unhyphenate(el) { window.zwHyphen.undo(el, 'pw__hyphenated'); }
  function hyphenateLongWords(el) { window.zwHyphen.longWords(el, 'pw__hyphenated'); }

  // A word wider than its card ("Kinderbetreuungsöffnungszeiten" in a
  // narrow column) shrinks only its own card, to three fifths at most and
  // never below 2 % of the screen; only then may it break.
  function fitLongWords() {
    lists().forEach(function (l) {
      cards(l).forEach(function (c) {
        var text = c.querySelector('.workshop-card__text');
        c.style.fontSize = '';
        c.classList.remove('pw__card--break');
        if (text) { unhyphenate(text); }
        var size = parseFloat(getComputedStyle(c).fontSize), smallest = Math.max(size * 0.6, vh(2.2));
        while (c.scrollWidth > c.clientWidth + 1 && size > smallest) {
          size = Math.max(size - 1, smallest);
          c.style.fontSize = size + 'px';
        }
        if (text && c.scrollWidth > c.clientWidth + 1) { hyphenateLongWords(text); }
        if (c.scrollWidth > c.clientWidth + 1) { c.classList.add('pw__card--break'); }
      });
    });
  }

  // At the floor, every list shows as many cards as fit; the wall pages
  // through the rest every ten seconds, all columns together.
  // A column that fits stays as it is on every page; a longer one pages
  // through its own cards, spread evenly (six cards where five fit: three
  // and three, not five and a lonely one), so that no column is ever empty
  // while another still turns.
  var columnPages = [];
  function paginate() {
    pages = 1;
    columnPages = [];
    sizes = lists().map(function (l, i) {
      var n = cards(l).length, own = Math.max(1, Math.ceil(n / Math.max(fitting(l), 1)));
      columnPages[i] = own;
      pages = Math.max(pages, own);
      var count = l.parentNode.querySelector('.pw__count');
      if (count) { count.textContent = n; }
      return Math.max(1, Math.ceil(n / own));
    });
    page = page % pages;
    show();
  }
  function show() {
    lists().forEach(function (l, i) {
      var own = page % columnPages[i];
      cards(l).forEach(function (c, j) { c.hidden = Math.floor(j / sizes[i]) !== own; });
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
