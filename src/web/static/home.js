// The home page: one box for a number or a name. A number is looked up at
// GET /v1/numbers/{n}; a name is searched as you type at GET /v1/search.
'use strict';

(function () {
  const B = self.Bizseal;
  const { t, el, api } = B;
  const form = document.getElementById('check');
  const input = document.getElementById('q');
  const region = document.getElementById('region');
  const result = document.getElementById('result');
  if (!form || !input || !region || !result) return;

  const REGION_KEY = 'bizseal.region';
  // Wait this long after the last key before searching (ms).
  const TYPING_PAUSE = 250;

  function hasOption(select, value) {
    return Array.from(select.options).some((o) => o.value === value);
  }

  // The country for national numbers: the visitor's own earlier choice,
  // else the region of the browser's language, else the server's guess.
  (function pickRegion() {
    const saved = B.load('local', REGION_KEY);
    if (typeof saved === 'string' && hasOption(region, saved)) {
      region.value = saved;
      return;
    }
    for (const tag of navigator.languages || []) {
      const sub = String(tag).split('-')[1];
      if (sub && sub.length === 2 && hasOption(region, sub.toUpperCase())) {
        region.value = sub.toUpperCase();
        return;
      }
    }
  })();

  function looksLikeNumber(q) {
    return /^[+(]?[0-9][0-9\s().\-/]*$/.test(q) && (q.match(/[0-9]/g) || []).length >= 3;
  }

  function digits(q) {
    return (q.match(/[0-9]/g) || []).length;
  }

  function show(...nodes) {
    result.removeAttribute('aria-busy');
    result.replaceChildren(...nodes);
  }

  function line(text, kind) {
    return el('p', { class: 'status-line' + (kind ? ' status-' + kind : '') }, text);
  }

  let seq = 0;
  let controller = null;
  let timer = null;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(false), TYPING_PAUSE);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  region.addEventListener('change', () => {
    B.save('local', REGION_KEY, region.value);
    if (looksLikeNumber(input.value.trim())) run(true);
  });

  // A link such as /?q=%2B31206499123 checks that number at once.
  const linked = new URLSearchParams(location.search).get('q');
  if (linked) {
    input.value = linked.slice(0, 200);
    run(true);
  }

  async function run(submitted) {
    const q = input.value.trim();
    if (controller) controller.abort();
    const mine = ++seq;
    if (!q) {
      show();
      return;
    }
    const isNumber = looksLikeNumber(q);
    if (isNumber && !submitted && digits(q) < 7) {
      show(line(t('home.keep_typing')));
      return;
    }
    if (!isNumber && q.length < 2) return;
    controller = new AbortController();
    result.setAttribute('aria-busy', 'true');
    try {
      if (isNumber) await checkNumber(q, submitted, controller.signal, mine);
      else await search(q, controller.signal, mine);
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (mine !== seq) return;
      show(line(isNumber ? t('home.error') : t('search.unavailable'), 'bad'));
    }
  }

  async function checkNumber(q, submitted, signal, mine) {
    const params = new URLSearchParams({ lang: B.LANG });
    if (region.value) params.set('region', region.value);
    const r = await api('GET', '/v1/numbers/' + encodeURIComponent(q) + '?' + params, { signal });
    if (mine !== seq) return;
    if (r.status === 400) {
      // While typing, an unfinished number is not an error yet.
      show(submitted ? line(t('home.invalid'), 'bad') : line(t('home.keep_typing')));
      return;
    }
    if (!r.ok || !r.data) {
      show(line(t('home.error'), 'bad'));
      return;
    }
    const card = answerCard(r.data);
    show(card);
    // On a small screen the answer is below the fold: bring it into view
    // when the visitor asked (not while they are still typing).
    if (submitted) card.scrollIntoView({ block: 'nearest' });
    const biz = r.data.business;
    if (r.data.status === 'verified' && biz && biz.id) {
      await otherNumbers(card, biz.id, r.data.number, signal, mine);
    }
  }

  // What one number is, in words for anyone.
  function answerCard(a) {
    const card = el('article', { class: 'answer answer-' + B.statusClass(a.status), id: 'answer' });
    card.append(el('p', { class: 'number-big' }, a.number || ''));
    const biz = a.business;
    switch (a.status) {
      case 'verified':
        card.append(B.badge('ok', t('badge.verified')));
        if (biz) {
          card.append(el('h2', { class: 'business-name' }, biz.display_name || biz.legal_name || ''));
          card.append(el('p', null, t('home.verified.detail', { name: biz.display_name || '' })));
          card.append(el('p', null, el('a', { href: B.profileUrl(biz.id), class: 'profile-link' }, t('home.see_profile'))));
        }
        break;
      case 'suspended':
        card.append(B.badge('bad', t('badge.suspended')));
        card.append(el('p', null, t('home.suspended.detail')));
        break;
      case 'revoked': {
        card.append(B.badge('bad', t('badge.revoked')));
        const rev = a.revocation || {};
        card.append(el('p', null, t('home.revoked.detail', { date: B.formatDate(rev.at) })));
        if (rev.reason) card.append(el('p', { class: 'muted' }, t('home.revoked.reason', { reason: rev.reason })));
        break;
      }
      case 'registered':
        // The business name is not shown: its identity is unchecked, and
        // a scammer could have registered any name.
        card.append(B.badge('warn', t('badge.not_verified')));
        card.append(el('p', null, t('home.registered.detail')));
        break;
      default:
        card.append(B.badge('warn', t('badge.not_verified')));
        card.append(el('p', null, t('home.unknown.detail')));
    }
    const reports = a.reputation && a.reputation.reports_30d;
    if (reports > 0) card.append(el('p', { class: 'reports' }, t('home.reports', { n: reports })));
    return card;
  }

  async function otherNumbers(card, id, number, signal, mine) {
    const r = await api('GET', '/v1/businesses/' + encodeURIComponent(id) + '?lang=' + encodeURIComponent(B.LANG), { signal });
    if (mine !== seq || !r.ok || !r.data || !Array.isArray(r.data.numbers)) return;
    const others = r.data.numbers.filter((n) => n.number !== number && n.status === 'verified');
    if (!others.length) return;
    const list = el('ul', { class: 'numbers', id: 'other-numbers' });
    for (const n of others) {
      list.append(el('li', null, el('a', { class: 'number', href: 'tel:' + n.number }, n.number), ' ', B.pill(n.status)));
    }
    card.append(el('h3', null, t('home.other_numbers')), list);
  }

  async function search(q, signal, mine) {
    const params = new URLSearchParams({ q, limit: '10', lang: B.LANG });
    const r = await api('GET', '/v1/search?' + params, { signal });
    if (mine !== seq) return;
    if (!r.ok || !r.data || !Array.isArray(r.data.hits)) {
      // Missing (404), not running (503) or broken: say so plainly.
      show(line(t('search.unavailable'), 'warn'));
      return;
    }
    const hits = r.data.hits.filter((h) => h && h.business && h.business.id);
    if (!hits.length) {
      show(line(t('search.none', { q })));
      return;
    }
    // Verified first; otherwise keep the server's ranking (sort is stable).
    hits.sort((a, b) => rank(a) - rank(b));
    const list = el('ul', { class: 'hits', id: 'hits' });
    for (const h of hits) list.append(hitItem(h));
    const total = typeof r.data.total === 'number' ? r.data.total : hits.length;
    show(el('p', { class: 'muted' }, t('search.count', { n: total })), list);
  }

  function rank(hit) {
    return hit.business.status === 'verified' ? 0 : 1;
  }

  function hitItem(h) {
    const b = h.business;
    const verified = b.status === 'verified';
    const li = el('li', { class: 'hit' + (verified ? ' hit-verified' : '') });
    li.append(el('h3', { class: 'hit-name' }, el('a', { href: B.profileUrl(b.id) }, b.display_name || b.legal_name || b.id)));
    li.append(verified ? B.badge('ok', t('badge.verified')) : B.badge(b.status === 'suspended' ? 'bad' : 'warn',
      b.status === 'suspended' ? t('badge.suspended') : t('badge.not_verified')));
    const place = [b.city, B.regionName(b.country)].filter(Boolean).join(', ');
    li.append(el('p', { class: 'muted' }, [B.categoryName(b.category), place].filter(Boolean).join(' · ')));
    const numbers = Array.isArray(h.numbers) ? h.numbers : [];
    const official = numbers.filter((n) => n.status === 'verified');
    const shown = official.length ? official : numbers;
    if (shown.length) {
      const list = el('ul', { class: 'numbers', 'aria-label': t('search.official') });
      for (const n of shown) {
        list.append(el('li', null, el('a', { class: 'number', href: 'tel:' + n.number }, n.number), ' ', B.pill(n.status)));
      }
      li.append(list);
    }
    return li;
  }
})();
