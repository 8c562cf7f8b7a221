// The profile page: the report form sends POST /v1/reports.
'use strict';

(function () {
  const B = self.Bizseal;
  const { t, api } = B;
  const form = document.getElementById('report');
  if (!form) return;
  const out = document.getElementById('report-result');
  const button = form.querySelector('button[type="submit"]');

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      number: form.elements.namedItem('number').value,
      reason: form.elements.namedItem('reason').value,
    };
    const comment = form.elements.namedItem('comment').value.trim();
    if (comment) body.comment = comment;
    button.disabled = true;
    try {
      const r = await api('POST', '/v1/reports', { body });
      if (r.status === 202) {
        B.setStatus(out, t('report.thanks'), 'ok');
        form.elements.namedItem('comment').value = '';
      } else {
        B.setStatus(out, t('report.failed', { detail: B.detail(r) }), 'bad');
      }
    } catch (_) {
      B.setStatus(out, t('report.failed', { detail: t('home.error') }), 'bad');
    } finally {
      button.disabled = false;
    }
  });
})();
