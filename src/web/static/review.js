// The review page: the reviewer token (kept in sessionStorage), the queue
// with its evidence and warnings, approve and reject.
'use strict';

(function () {
  const B = self.Bizseal;
  const { t, el } = B;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bizseal.reviewer';
  const queue = $('queue');
  const message = $('review-message');
  if (!queue) return;

  let token = B.load('session', TOKEN_KEY);
  if (typeof token !== 'string') token = null;

  function say(text, kind) {
    B.setStatus(message, text, kind);
  }

  async function call(method, path, body) {
    try {
      return await B.api(method, path, { bearer: token, body });
    } catch (_) {
      say(t('home.error'), 'bad');
      return null;
    }
  }

  function forget() {
    token = null;
    B.save('session', TOKEN_KEY, null);
    queue.replaceChildren();
    $('token-box').hidden = false;
    $('queue-tools').hidden = true;
  }

  async function load() {
    if (!token) return;
    const r = await call('GET', '/v1/review/queue?limit=100');
    if (!r) return;
    if (r.status === 401) {
      forget();
      say(t('review.unauthorized'), 'bad');
      $('token').focus();
      return;
    }
    if (!r.ok || !r.data || !Array.isArray(r.data.queue)) {
      say(t('review.failed', { detail: B.detail(r) }), 'bad');
      return;
    }
    B.save('session', TOKEN_KEY, token);
    $('token-box').hidden = true;
    $('queue-tools').hidden = false;
    render(r.data.queue);
  }

  function render(items) {
    queue.replaceChildren();
    if (!items.length) {
      say(t('review.empty'), null);
      return;
    }
    say(t('review.count', { n: items.length }), null);
    items.forEach((item, i) => {
      if (item && item.business && item.business.id) queue.append(entry(item, i));
    });
  }

  function entry(item, i) {
    const b = item.business;
    const name = b.display_name || b.legal_name || b.id;
    const li = el('li', { class: 'card queue-item', 'data-business': b.id });
    li.append(el('h2', null, el('a', { href: B.profileUrl(b.id) }, name)));
    const place = [b.city, B.regionName(b.country)].filter(Boolean).join(', ');
    li.append(el('p', { class: 'muted' }, [b.legal_name, B.categoryName(b.category), place].filter(Boolean).join(' · ')));
    if (item.queued_at) li.append(el('p', null, t('review.queued', { date: B.formatDate(item.queued_at) })));

    const warnings = Array.isArray(item.warnings) ? item.warnings : [];
    if (warnings.length) {
      const list = el('ul', { class: 'warnings' });
      for (const w of warnings) {
        if (w.similar_to) {
          list.append(el('li', null, B.badge('bad', t('review.warning', { name: w.name, other: w.similar_name })),
            el('a', { href: B.profileUrl(w.similar_to) }, w.similar_name)));
        } else {
          // A warning about the name itself (mixed scripts) or the website.
          const key = w.kind === 'mixed_script' ? 'review.warning.mixed_script' : 'review.warning.website_outside_domain';
          list.append(el('li', null, B.badge('bad', t(key, { name: w.name }))));
        }
      }
      li.append(list);
    }
    if (item.flag) li.append(el('p', { class: 'status-line status-bad' }, t('review.flag', { reason: item.flag.reason })));
    if (item.pending_edit && item.pending_edit.names) {
      const names = Object.values(item.pending_edit.names).join(', ');
      li.append(el('p', { class: 'status-line status-warn' }, t('review.pending_names', { names })));
    }

    li.append(el('h3', null, t('review.numbers')));
    const numbers = el('ul', { class: 'numbers' });
    for (const n of Array.isArray(item.numbers) ? item.numbers : []) numbers.append(evidence(n));
    li.append(numbers);
    const d = item.domain;
    li.append(el('p', null, d
      ? t(d.verified ? 'review.domain.ok' : 'review.domain.no', { domain: d.domain })
      : t('review.domain.none')));
    li.append(decision(item, name, i));
    return li;
  }

  function method(m) {
    if (m === 'otp') return t('review.method.otp');
    if (m === 'import') return t('review.method.import');
    return String(m || '');
  }

  function evidence(n) {
    const parts = [];
    parts.push(n.proof ? t('review.proof', { method: method(n.proof.method), date: B.formatDate(n.proof.at) }) : t('review.no_proof'));
    if (n.level) parts.push(t('review.level', { level: n.level }));
    if (n.revoked) parts.push(t('review.revoked'));
    const li = el('li', null, el('span', { class: 'number' }, n.number), ' — ', parts.join(', '));
    if (n.reports_30d > 0) {
      li.append(' ', el('span', { class: 'pill pill-bad' }, t('review.reports', { n: n.reports_30d, m: n.reporters_30d })));
    }
    return li;
  }

  function decision(item, name, i) {
    const id = item.business.id;
    const box = el('div', { class: 'decision' });
    const note = el('input', { id: 'note-' + i, maxlength: '500' });
    const approve = el('button', { type: 'button', class: 'approve' }, t('review.approve'));
    const reason = el('input', { id: 'reason-' + i, maxlength: '500' });
    const reject = el('button', { type: 'button', class: 'danger reject' }, t('review.reject'));
    box.append(
      el('div', null, el('label', { for: 'note-' + i }, t('review.note')), note, approve),
      el('div', null, el('label', { for: 'reason-' + i }, t('review.reason')), reason, reject),
    );
    approve.addEventListener('click', () => decide(id, 'approve', { note: note.value.trim() }, t('review.approved', { name })));
    reject.addEventListener('click', () => {
      const why = reason.value.trim();
      if (!why) {
        say(t('review.reason_needed'), 'bad');
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      decide(id, 'reject', { reason: why }, t('review.rejected', { name }));
    });
    return box;
  }

  async function decide(id, action, body, done) {
    const r = await call('POST', '/v1/review/' + encodeURIComponent(id) + '/' + action, body);
    if (!r) return;
    if (r.ok) {
      await load();
      say(done, 'ok');
    } else {
      say(t('review.failed', { detail: B.detail(r) }), 'bad');
    }
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('token').value.trim();
    if (!value) return;
    token = value;
    $('token').value = '';
    load();
  });
  $('reload').addEventListener('click', () => load());
  $('forget').addEventListener('click', () => {
    forget();
    say('', null);
  });

  if (token) load();
})();
