// Shared helpers of the bizseal pages. Everything that comes from the API
// reaches the page as text (textContent, createElement, setAttribute),
// never as markup: a business named "<script>" is only a strange name.
'use strict';

(function () {
  const MSGS = self.BIZSEAL_MSGS || {};
  const LANG = document.documentElement.lang || 'en';

  // The words for `key`, with `{name}` placeholders filled in as text.
  function t(key, params) {
    let s = Object.prototype.hasOwnProperty.call(MSGS, key) ? MSGS[key] : key;
    if (params) {
      for (const [k, v] of Object.entries(params)) {
        s = s.split('{' + k + '}').join(String(v));
      }
    }
    return s;
  }

  // A category slug in words, or the slug itself.
  function categoryName(slug) {
    const key = 'category.' + slug;
    return Object.prototype.hasOwnProperty.call(MSGS, key) ? MSGS[key] : String(slug || '');
  }

  // A country code in words, or the code itself.
  function regionName(code) {
    const key = 'region.' + code;
    return Object.prototype.hasOwnProperty.call(MSGS, key) ? MSGS[key] : String(code || '');
  }

  // An element with attributes and children; strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') node.textContent = String(v);
        else if (k === 'class') node.className = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // Calls the API. Resolves to {status, ok, data} whatever the status;
  // rejects only when the network fails or the call is aborted.
  async function api(method, path, opts) {
    const o = opts || {};
    const headers = { Accept: 'application/json' };
    if (o.bearer) headers.Authorization = 'Bearer ' + o.bearer;
    let body;
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(path, {
      method,
      headers,
      body,
      signal: o.signal,
      credentials: 'same-origin',
      cache: o.bearer ? 'no-store' : 'default',
    });
    let data = null;
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try {
        data = await res.json();
      } catch (_) {
        data = null;
      }
    }
    return { status: res.status, ok: res.ok, data };
  }

  // The human-readable detail of a problem+json answer.
  function detail(r) {
    if (r && r.data && typeof r.data.detail === 'string' && r.data.detail) return r.data.detail;
    if (r && r.data && typeof r.data.title === 'string') return r.data.title;
    return 'HTTP ' + (r ? r.status : '?');
  }

  function formatDate(seconds) {
    const d = new Date(Number(seconds) * 1000);
    if (Number.isNaN(d.getTime())) return '';
    return d.toLocaleDateString(LANG, { year: 'numeric', month: 'long', day: 'numeric' });
  }

  // Label and style class of a public number status.
  function statusLabel(status) {
    switch (status) {
      case 'verified': return t('status.verified');
      case 'registered': return t('status.registered');
      case 'suspended': return t('status.suspended');
      case 'revoked': return t('status.revoked');
      default: return t('status.unknown');
    }
  }

  function statusClass(status) {
    if (status === 'verified') return 'ok';
    if (status === 'suspended' || status === 'revoked') return 'bad';
    return 'warn';
  }

  function pill(status) {
    return el('span', { class: 'pill pill-' + statusClass(status) }, statusLabel(status));
  }

  // The big badge: kind is ok, warn or bad.
  function badge(kind, text) {
    return el('p', { class: 'badge badge-' + kind },
      el('span', { class: 'badge-icon', 'aria-hidden': 'true' }), text);
  }

  function setStatus(node, text, kind) {
    if (!node) return;
    node.textContent = text;
    node.className = 'status-line' + (kind ? ' status-' + kind : '');
  }

  // Storage that may be disabled (private mode): failures mean "nothing".
  function load(area, key) {
    try {
      const raw = self[area === 'local' ? 'localStorage' : 'sessionStorage'].getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (_) {
      return null;
    }
  }

  function save(area, key, value) {
    try {
      const s = self[area === 'local' ? 'localStorage' : 'sessionStorage'];
      if (value === null) s.removeItem(key);
      else s.setItem(key, JSON.stringify(value));
    } catch (_) {
      // Storage is off: the page still works, it only forgets sooner.
    }
  }

  function profileUrl(id) {
    return '/b/' + encodeURIComponent(id);
  }

  self.Bizseal = {
    LANG, t, el, api, detail, formatDate, statusLabel, statusClass, pill, badge,
    setStatus, load, save, profileUrl, categoryName, regionName,
  };
})();
