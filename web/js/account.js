// The account page: a signed-in user changes their own password (also the forced first change).
// Refusals are shown from their codes (password.too_short, password.common…).
import { loadMessages, applyMessages, t } from './i18n.js';
import { api, whoAmI } from './api.js';
import { problemText } from './problems.js';

await loadMessages();
applyMessages(document);

const me = await whoAmI();
if (!me) location.assign('/login.html');
document.getElementById('who').textContent = me ? me.username : '';
document.getElementById('must').hidden = !me?.mustChangePassword;

const message = document.getElementById('message');
document.getElementById('password-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const current = document.getElementById('current').value;
  const next = document.getElementById('new').value;
  if (next !== document.getElementById('repeat').value) {
    show(t('security.mismatch'), false);
    return;
  }
  try {
    await api('/api/me/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
    show(t('security.passwordChanged'), true);
    setTimeout(() => location.assign('/'), 800);
  } catch (e) {
    show(problemText(e), false);
  }
});

function show(text, ok) {
  message.textContent = text;
  message.className = ok ? 'ok' : 'error';
  message.hidden = false;
}
