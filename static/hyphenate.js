// hyphenate.js — German soft hyphens for words wider than their box, on
// the presenter wall and the phones. Not every browser hyphenates German
// by itself (Chromium without its downloaded dictionaries), so such a word
// gets soft hyphens from the German patterns of the hyphen library
// (static/vendor/hyphen, loaded before this script): it breaks where German
// breaks (Kin-der-be-treu-ungs-öff-nungs-zei-ten), with a visible hyphen,
// and the other words stay whole. Without the library nothing changes.
(function () {
  'use strict';
  var SHY = '\u00AD', measure = document.createElement('canvas').getContext('2d');
  var syllables = window.createHyphenator && window.hyphenationPatternsDe1996 ?
    window.createHyphenator(window.hyphenationPatternsDe1996, { hyphenChar: SHY }) : function (word) { return word; };
  window.zwHyphen = {
    // undo takes the soft hyphens out again (before measuring anew).
    undo: function (el, marker) {
      if (el.textContent.indexOf(SHY) >= 0) { el.textContent = el.textContent.split(SHY).join(''); }
      if (marker) { el.classList.remove(marker); }
    },
    // longWords hyphenates the words of el that are wider than el.
    longWords: function (el, marker) {
      if (!measure) { return; }
      measure.font = getComputedStyle(el).font;
      var width = el.clientWidth;
      el.textContent = el.textContent.split(/(\s+)/).map(function (word) {
        return measure.measureText(word).width > width ? syllables(word) : word;
      }).join('');
      if (marker) { el.classList.add(marker); }
    }
  };
})();
