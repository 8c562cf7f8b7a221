// The application page: register, prove numbers with a one-time code,
// prove the domain, send for review, follow the status. The business id
// and API key live in sessionStorage: gone when the tab closes.
'use strict';

(function () {
  const B = self.Bizseal;
  const { t, el } = B;
  const $ = (id) => document.getElementById(id);
  const SESSION_KEY = 'bizseal.business';
  const message = $('apply-message');
  if (!$('register')) return;

  let session = B.load('session', SESSION_KEY);
  if (!session || typeof session.id !== 'string' || typeof session.key !== 'string') session = null;
  let pendingNumber = null;

  function say(text, kind) {
    B.setStatus(message, text, kind);
  }

  function problem(r) {
    return t('apply.problem', { detail: B.detail(r) });
  }

  // The API, with network failures reported on the page (then null).
  async function call(method, path, opts) {
    try {
      return await B.api(method, path, opts);
    } catch (_) {
      say(t('home.error'), 'bad');
      return null;
    }
  }

  function base() {
    return '/v1/businesses/' + encodeURIComponent(session.id);
  }

  function value(form, name) {
    const field = form.elements.namedItem(name);
    return field ? field.value.trim() : '';
  }

  // Points at the field a problem names ("names.es" → the names input).
  function markInvalid(form, r) {
    const field = r && r.data && typeof r.data.field === 'string' ? r.data.field.split(/[.[]/)[0] : '';
    const input = field ? form.elements.namedItem(field) : null;
    if (input && input.focus) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }

  function clearInvalid(form) {
    for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
  }

  function showStart() {
    $('start').hidden = false;
    $('dashboard').hidden = true;
    $('key-box').hidden = true;
  }

  function showDashboard(fresh) {
    $('start').hidden = true;
    $('dashboard').hidden = false;
    $('key-box').hidden = !fresh;
    if (fresh) {
      $('api-key').textContent = session.key;
      $('business-id').textContent = session.id;
    }
    refresh();
  }

  function forget() {
    session = null;
    B.save('session', SESSION_KEY, null);
    showStart();
  }

  $('register').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.currentTarget;
    clearInvalid(f);
    const lang = value(f, 'default_lang');
    const legal = value(f, 'legal_name');
    const body = {
      legal_name: legal,
      names: { [lang]: value(f, 'names') || legal },
      default_lang: lang,
      category: value(f, 'category'),
      country: value(f, 'country'),
      city: value(f, 'city'),
    };
    const site = value(f, 'website');
    if (site) body.website = site;
    const r = await call('POST', '/v1/businesses', { body });
    if (!r) return;
    if (r.status === 201 && r.data && r.data.business && r.data.api_key) {
      session = { id: r.data.business.id, key: r.data.api_key };
      B.save('session', SESSION_KEY, session);
      say(t('apply.registered', { name: r.data.business.display_name }), 'ok');
      showDashboard(true);
    } else {
      markInvalid(f, r);
      say(problem(r), 'bad');
    }
  });

  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.currentTarget;
    const id = value(f, 'id');
    const key = value(f, 'key');
    if (!id || !key) {
      say(t('apply.login.failed'), 'bad');
      return;
    }
    const r = await call('GET', '/v1/businesses/' + encodeURIComponent(id) + '/status', { bearer: key });
    if (!r) return;
    if (r.ok) {
      session = { id, key };
      B.save('session', SESSION_KEY, session);
      f.reset();
      say('', null);
      showDashboard(false);
    } else {
      say(t('apply.login.failed'), 'bad');
    }
  });

  async function refresh() {
    if (!session) return;
    const r = await call('GET', base() + '/status', { bearer: session.key });
    if (!r) return;
    if (r.status === 401 || r.status === 404) {
      forget();
      say(t('apply.login.failed'), 'bad');
      return;
    }
    if (!r.ok || !r.data) {
      say(problem(r), 'bad');
      return;
    }
    renderStatus(r.data);
    const p = await call('GET', base() + '?lang=' + encodeURIComponent(B.LANG));
    if (p && p.ok && p.data) $('status-name').textContent = p.data.display_name || '';
  }

  function businessBadge(status) {
    if (status === 'verified') return B.badge('ok', t('badge.verified'));
    if (status === 'suspended') return B.badge('bad', t('badge.suspended'));
    return B.badge('warn', t('status.registered'));
  }

  function reviewText(review) {
    switch (review && review.state) {
      case 'submitted': return t('apply.review.submitted');
      case 'approved': return t('apply.review.approved');
      case 'rejected': return t('apply.review.rejected', { reason: review.reason || '' });
      default: return t('apply.review.draft');
    }
  }

  function renderStatus(s) {
    $('status-business').replaceChildren(businessBadge(s.status));
    $('status-review').textContent = reviewText(s.review);
    const list = $('own-numbers');
    list.replaceChildren();
    const numbers = Array.isArray(s.numbers) ? s.numbers : [];
    if (!numbers.length) list.append(el('li', { class: 'muted' }, t('apply.numbers.none')));
    for (const n of numbers) list.append(ownNumber(n));
    const d = s.domain;
    $('domain-state').textContent = d
      ? t(d.verified ? 'apply.domain.ok' : 'apply.domain.pending', { domain: d.domain })
      : '';
    const waiting = s.review && s.review.state === 'submitted';
    const done = s.status === 'verified' && !(s.pending_edit);
    $('submit').disabled = Boolean(waiting || done || s.status === 'suspended');
  }

  function ownNumber(n) {
    const li = el('li', { 'data-number': n.number });
    li.append(el('span', { class: 'number' }, n.number), ' ');
    if (n.state === 'attested') {
      li.append(el('span', { class: 'pill pill-ok' }, t('apply.number.proven', { level: n.level || '' })));
    } else if (n.state === 'proven' || n.state === 'disputed' || n.state === 'on_hold') {
      li.append(el('span', { class: 'pill pill-warn' }, t(n.state === 'proven' ? 'apply.number.proven_waiting' : 'apply.number.' + n.state)));
    } else if (n.state === 'revoked') {
      li.append(el('span', { class: 'pill pill-bad' }, t('apply.number.revoked')));
    } else {
      li.append(el('span', { class: 'pill pill-warn' }, t('apply.number.unproven')), ' ');
      if (n.code_pending) {
        const enter = el('button', { type: 'button', class: 'secondary small' }, t('apply.enter_code'));
        enter.addEventListener('click', () => openConfirm(n.number));
        li.append(enter, ' ');
      }
      const resend = el('button', { type: 'button', class: 'secondary small' }, t('apply.resend'));
      resend.addEventListener('click', () => sendCode(n.number, ''));
      li.append(resend);
    }
    return li;
  }

  async function sendCode(number, region) {
    const body = { number };
    if (region) body.region = region;
    const r = await call('POST', base() + '/numbers', { bearer: session.key, body });
    if (!r) return false;
    if (r.status === 202 && r.data) {
      say(t('apply.code_sent', { number: r.data.number }), 'ok');
      openConfirm(r.data.number);
      refresh();
      return true;
    }
    say(problem(r), 'bad');
    return false;
  }

  function openConfirm(number) {
    pendingNumber = number;
    $('confirm-label').textContent = t('apply.code', { number });
    $('confirm').hidden = false;
    $('confirm-code').value = '';
    $('confirm-code').focus();
  }

  $('add-number').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.currentTarget;
    const number = value(f, 'number');
    if (!number) {
      f.elements.namedItem('number').focus();
      return;
    }
    if (await sendCode(number, value(f, 'region'))) f.elements.namedItem('number').value = '';
  });

  $('confirm').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!pendingNumber) return;
    const code = $('confirm-code').value.trim();
    const path = base() + '/numbers/' + encodeURIComponent(pendingNumber) + '/confirm';
    const r = await call('POST', path, { bearer: session.key, body: { code } });
    if (!r) return;
    if (r.ok) {
      say(t('apply.proven', { number: pendingNumber }), 'ok');
      pendingNumber = null;
      $('confirm').hidden = true;
      refresh();
    } else {
      say(problem(r), 'bad');
      $('confirm-code').focus();
    }
  });

  $('domain').addEventListener('submit', async (e) => {
    e.preventDefault();
    const domain = value(e.currentTarget, 'domain');
    const r = await call('POST', base() + '/domain', { bearer: session.key, body: { domain } });
    if (!r) return;
    if (!r.ok || !r.data) {
      say(problem(r), 'bad');
      return;
    }
    $('domain-url').textContent = r.data.http_url || '';
    $('domain-token').textContent = r.data.token || '';
    $('domain-dns').textContent = r.data.dns_name || '';
    $('domain-dns-row').hidden = !r.data.dns_name;
    $('domain-challenge').hidden = false;
    refresh();
  });

  $('domain-check').addEventListener('click', async () => {
    const r = await call('POST', base() + '/domain/check', { bearer: session.key });
    if (!r) return;
    if (r.ok && r.data && r.data.verified) {
      say(t('apply.domain.ok', { domain: value($('domain'), 'domain') }), 'ok');
      $('domain-challenge').hidden = true;
    } else if (r.ok && r.data) {
      say(t('apply.domain.failed', { reason: r.data.reason || '' }), 'bad');
    } else {
      say(problem(r), 'bad');
    }
    refresh();
  });

  $('submit').addEventListener('click', async () => {
    const r = await call('POST', base() + '/submit', { bearer: session.key });
    if (!r) return;
    if (r.ok && r.data) {
      renderStatus(r.data);
      say(t('apply.review.submitted'), 'ok');
    } else {
      say(problem(r), 'bad');
    }
  });

  $('refresh').addEventListener('click', () => refresh());
  $('logout').addEventListener('click', () => {
    forget();
    say('', null);
  });

  if (session) showDashboard(false);
  else showStart();
})();
