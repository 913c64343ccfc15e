// Zukunftswerk live workshop: live updates over Server-Sent Events, an
// offline queue for cards and dots without page reloads. Every form on the
// page also works without this script.
(function () {
  'use strict';
  var root = document.getElementById('workshop');
  if (!root || !window.EventSource || !window.fetch) { return; }
  var code = root.getAttribute('data-code');
  var group = root.getAttribute('data-group');
  var consoleURL = root.getAttribute('data-console');
  var status = document.getElementById('connection');
  var msg = function (name) { return root.getAttribute('data-msg-' + name) || ''; };
  // A word wider than the phone's card ("Kinderbetreuungsöffnungszeiten")
  // breaks where German breaks (hyphenate.js). The German patterns weigh
  // 750 kB, so a phone loads them only when a card has such a word; the
  // wall fits its cards itself.
  var hyphenator = null, measureCanvas = document.createElement('canvas').getContext('2d');
  function tooWide(el) {
    if (!measureCanvas) { return false; }
    measureCanvas.font = getComputedStyle(el).font;
    return el.textContent.split(/\s+/).some(function (word) { return measureCanvas.measureText(word).width > el.clientWidth; });
  }
  var hyphenationScripts = document.currentScript && document.currentScript.getAttribute('data-hyphenation');
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function hyphenate(el) {
    if (root.getAttribute('data-wall') || root.getAttribute('data-console') || !el) { return; }
    if (window.zwHyphen) { window.zwHyphen.undo(el, 'hyphenated'); }
    if (!tooWide(el)) { return; }
    // The scripts' fingerprinted URLs come with the page (data-hyphenation).
    var scripts = (hyphenationScripts || '').split(' ');
    if (scripts.length !== 3) { return; }
    hyphenator = hyphenator || loadScript(scripts[0])
      .then(function () { return loadScript(scripts[1]); })
      .then(function () { return loadScript(scripts[2]); });
    hyphenator.then(function () { window.zwHyphen.longWords(el, 'hyphenated'); }, function () {});
  }
  function hyphenateAll() { Array.prototype.forEach.call(document.querySelectorAll('.workshop-card__text'), hyphenate); }
  var resizing;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(hyphenateAll, 150); });
  hyphenateAll();
  // plural words a count as the catalog does (data-msg-<name>-one and
  // -other, "%d" for the number); without them the number alone changes.
  function plural(name, n, fallback) {
    var form = (n === 0 && root.getAttribute('data-msg-' + name + '-zero')) ||
      root.getAttribute('data-msg-' + name + (n === 1 ? '-one' : '-other'));
    return form ? form.replace('%d', local(n)) : fallback.replace(/\d+/, local(n));
  }
  // local writes a count with the page language's digits (Arabic-Indic on
  // an Arabic page), as the server does.
  function local(n) {
    try { return n.toLocaleString(document.documentElement.lang, { useGrouping: false }); } catch (e) { return String(n); }
  }
  // The server's reason for a refusal, in the participant's language; a
  // body that is not our JSON (a proxy's error page) gets a general one.
  function reason(res) {
    return res.json().then(function (body) {
      return (body && body.error && body.error.message) || msg('failed');
    }, function () { return msg('failed'); });
  }

  // A plain form post is under way: a reload now would cancel it.
  var leaving = false;
  document.addEventListener('submit', function (e) { if (!e.defaultPrevented) { leaving = true; } });
  window.addEventListener('beforeunload', function () { leaving = true; });
  function reload() { if (!leaving) { location.reload(); } }

  // Timer: counts down on the phone's monotonic clock from the time left
  // that the server sent, so a wrong phone clock does not matter.
  var timer = document.getElementById('timer');
  var timerValue = document.getElementById('timer-value');
  var deadline = null;
  function showTime(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    timerValue.textContent = Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
  }
  if (timer && timerValue) {
    var left = parseInt(timer.getAttribute('data-left-ms'), 10) || 0;
    if (timer.getAttribute('data-running') === 'true') { deadline = performance.now() + left; }
    setInterval(function () { if (deadline !== null) { showTime(deadline - performance.now()); } }, 1000);
  }

  // What is typed survives reloads, within its phase: a card half written
  // in the Kritik phase does not turn up in the Phantasie phase's field,
  // and is there again if the moderator goes back.
  var text = document.getElementById('text');
  var draftKey = 'zw-draft-' + code + '-' + root.getAttribute('data-phase');
  var counter = document.getElementById('text-count');
  function count() {
    if (!counter) { return; }
    var left = (parseInt(text.getAttribute('maxlength'), 10) || 140) - text.value.length;
    counter.hidden = false;
    counter.textContent = plural('chars-left', left, '%d');
    // Read out only near the end, not on every key.
    if (left <= 20) { counter.setAttribute('aria-live', 'polite'); } else { counter.removeAttribute('aria-live'); }
  }
  if (text) {
    if (!text.value && localStorage.getItem(draftKey)) { text.value = localStorage.getItem(draftKey); }
    text.addEventListener('input', function () { localStorage.setItem(draftKey, text.value); count(); });
    count();
  }

  // Is the moderator in the middle of typing or choosing on the console?
  function editing() {
    var el = document.activeElement;
    if (el && el !== document.body && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.type !== 'hidden') { return true; }
    return Array.prototype.some.call(root.querySelectorAll('input, textarea, select'), function (f) {
      if (f.tagName === 'SELECT') {
        // A select without a preselected option starts at its first one.
        var first = 0;
        Array.prototype.forEach.call(f.options, function (o, i) { if (o.defaultSelected) { first = i; } });
        return f.selectedIndex !== first;
      }
      return f.type !== 'hidden' && f.value !== f.defaultValue;
    });
  }

  // Live events.
  var url = consoleURL || root.getAttribute('data-events');
  var source = new EventSource(url);
  source.onopen = function () { if (status) { status.textContent = ''; } flush(); };
  source.onerror = function () { if (status) { status.textContent = msg('offline'); } };
  source.addEventListener('reload', function () { reload(); });
  // A co-moderator moved the workshop on: the console reloads, unless
  // something is being typed there, which a reload would throw away.
  source.addEventListener('state', function () {
    if (consoleURL && editing()) { if (status) { status.textContent = msg('state-changed'); } return; }
    reload();
  });
  // The console does not jump while the moderator works in it: it says
  // that something new arrived instead.
  function announceNew() { if (status) { status.textContent = msg('new'); } }
  source.addEventListener('cluster', function () {
    if (consoleURL) { announceNew(); } else if (root.getAttribute('data-wall')) { reload(); }
  });
  // While voting, a phone shows each card with its dot buttons, which the
  // server renders: a new or changed card (whose dots may have gone back
  // to their givers) reloads the page; a typed card survives as a draft.
  var votingPhone = function () { return !root.getAttribute('data-wall') && root.getAttribute('data-voting') === 'true'; };
  source.addEventListener('card', function (e) {
    var card = JSON.parse(e.data);
    if (consoleURL) { announceNew(); return; }
    if (String(card.phase) !== root.getAttribute('data-phase') && !root.getAttribute('data-wall')) { return; }
    if (document.getElementById('karte-' + card.id)) { return; }
    if (votingPhone()) { reload(); return; }
    // The overview wall has a list per group; a group's wall and the phone one.
    var list = document.getElementById('cards-' + card.group) || document.getElementById('cards');
    if (!list) { return; }
    var wall = root.getAttribute('data-wall');
    var li = document.createElement('li');
    li.className = wall ? 'workshop-card pw__card' : 'idea-card workshop-card';
    li.id = 'karte-' + card.id;
    var p = document.createElement('p');
    p.className = 'workshop-card__text';
    p.dir = 'auto';
    p.textContent = card.text;
    li.appendChild(p);
    if (wall && typeof card.total === 'number' && root.getAttribute('data-tallies') === 'true') {
      var total = document.createElement('p');
      total.className = 'card-total';
      total.textContent = plural('dots', card.total, '%d');
      li.appendChild(total);
    }
    list.appendChild(li);
    if (!wall) { hyphenate(p); }
  });
  source.addEventListener('card-changed', function (e) {
    var card = JSON.parse(e.data);
    var li = document.getElementById('karte-' + card.id);
    if (consoleURL) { announceNew(); return; }
    if (root.getAttribute('data-wall')) { reload(); return; }
    if (votingPhone() && (li || card.group === Number(group))) { reload(); return; }
    if (!li) { return; }
    if (card.hidden || (group && group !== '0' && String(card.group) !== group)) { li.parentNode.removeChild(li); return; }
    var p = li.querySelector('.workshop-card__text');
    if (p) { p.textContent = card.text; hyphenate(p); }
  });
  source.addEventListener('tally', function (e) {
    var tally = JSON.parse(e.data);
    if (consoleURL) { announceNew(); return; }
    Object.keys(tally.cards || {}).forEach(function (id) {
      var total = document.querySelector('#karte-' + id + ' .card-total');
      var n = tally.cards[id];
      if (total && typeof n === 'number') { total.textContent = plural('dots', n, total.textContent); }
    });
  });

  // Cards: queued on the phone and sent exactly once (the key travels with
  // the card), also after a lost connection or a reload.
  var form = document.getElementById('card-form');
  var queueKey = 'zw-queue-' + code;
  var queueInfo = document.getElementById('queue');
  var refusal = document.getElementById('card-refused');
  // A refused card is not lost: its reason is shown, and its text comes
  // back into the field (unless something new is being typed) to fix it.
  function refuse(item, why) {
    // The reason and the text show, even where the form was folded away.
    var box = form && form.closest('details');
    if (box) { box.open = true; }
    if (refusal) { refusal.textContent = why; refusal.hidden = false; }
    if (text && !text.value.trim()) { text.value = item.text; localStorage.setItem(draftKey, item.text); count(); }
  }
  function queue() { try { return JSON.parse(localStorage.getItem(queueKey)) || []; } catch (e) { return []; } }
  // Under the form: how many cards wait, or that the last one arrived.
  var arrived = false;
  function saveQueue(q) {
    localStorage.setItem(queueKey, JSON.stringify(q));
    if (queueInfo) { queueInfo.textContent = q.length ? plural('queued', q.length, '%d') : (arrived ? msg('saved') : ''); }
  }
  function newKey() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  var sending = false;
  function flush() {
    var q = queue();
    if (sending || !q.length || !form) { saveQueue(q); return; }
    sending = true;
    var item = q[0];
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: 'text=' + encodeURIComponent(item.text) + '&key=' + encodeURIComponent(item.key)
    }).then(function (res) {
      sending = false;
      if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429)) {
        // Arrived (said under the form; the card itself shows up with the
        // live event), or refused.
        arrived = res.ok;
        saveQueue(queue().filter(function (x) { return x.key !== item.key; }));
        if (!res.ok) { return reason(res).then(function (why) { refuse(item, why); flush(); }); }
        if (refusal) { refusal.hidden = true; }
        // An earlier "no connection" is over.
        if (status) { status.textContent = ''; }
        flush();
      } else {
        // Busy (429) or the server failing: the card waits and is sent again.
        saveQueue(queue());
        reason(res).then(function (why) { if (status) { status.textContent = why; } });
      }
    }).catch(function () { sending = false; saveQueue(queue()); if (status) { status.textContent = msg('offline'); } });
  }
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var value = text.value.trim();
      if (!value) { text.focus(); return; }
      var q = queue();
      q.push({ text: value, key: form.elements.key.value });
      arrived = false;
      saveQueue(q);
      form.elements.key.value = newKey();
      text.value = '';
      localStorage.removeItem(draftKey);
      count();
      flush();
    });
  }
  // Cards still queued when the workshop closed cannot be sent any more;
  // the closed page shows their texts so that nothing typed is lost.
  var late = document.getElementById('late-cards');
  if (late && !form && queue().length) {
    var list = late.querySelector('ul');
    queue().forEach(function (item) {
      var li = document.createElement('li');
      li.className = 'late-cards__text';
      li.textContent = item.text;
      list.appendChild(li);
    });
    late.hidden = false;
  }
  window.addEventListener('online', flush);
  setInterval(flush, 5000);
  flush();

  // Dots without reloading.
  // A refusal is said at the card that was tapped (where the thumb is) and
  // in the status line; the button waits while the tap is under way.
  function cardNote(li, text) {
    var note = li.querySelector('.card-note');
    if (!note) {
      note = document.createElement('p');
      note.className = 'card-note';
      note.setAttribute('role', 'status');
      li.appendChild(note);
    }
    note.textContent = text;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.dot-form'), function (f) {
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var li = f.closest('li');
      var button = f.querySelector('button');
      if (button) { button.disabled = true; }
      var done = function () { if (button) { button.disabled = false; } };
      fetch(f.action, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
        body: 'card=' + encodeURIComponent(f.elements.card.value) + '&delta=' + encodeURIComponent(f.elements.delta.value)
      }).then(function (res) {
        if (!res.ok) { return reason(res).then(function (why) { cardNote(li, why); if (status) { status.textContent = why; } done(); }); }
        return res.json().then(function (body) {
          cardNote(li, '');
          var mine = li.querySelector('.my-dots');
          if (mine) { mine.textContent = mine.textContent.replace(/\d+/, body.on_card); }
          // "Take back" shows while the card has one's own dots; when it
          // goes, the keyboard stays on the card's "give".
          var remove = li.querySelector('.dot-form--remove');
          if (remove) {
            var hide = body.on_card === 0;
            if (hide && remove.contains(document.activeElement)) { li.querySelector('.dot-form button').focus(); }
            remove.hidden = hide;
          }
          var leftInfo = document.getElementById('dots-left');
          if (leftInfo) { leftInfo.textContent = plural('dots-left', body.remaining, leftInfo.textContent); }
          var total = li.querySelector('.card-total');
          if (total && typeof body.total === 'number') { total.textContent = plural('dots', body.total, total.textContent); }
          if (status) { status.textContent = ''; }
          done();
        }, function () { cardNote(li, msg('failed')); done(); });
      }, function () { cardNote(li, msg('offline')); if (status) { status.textContent = msg('offline'); } done(); });
    });
  });
})();
