// The sign-in page: posts the form with fetch, so a refusal (wrong password, throttled) is shown
// in the user's language from its code, and a forced password change goes to the account page.
import { loadMessages, applyMessages, t } from './i18n.js';
import { PAGE, csrfToken } from './api.js';

await loadMessages();
applyMessages(document);

const form = document.getElementById('login-form');
const error = document.getElementById('error');

form.addEventListener('submit', async ev => {
  ev.preventDefault();
  error.hidden = true;
  const res = await fetch('/login', {
    method: 'POST', credentials: 'same-origin',
    headers: { ...PAGE, 'X-XSRF-TOKEN': csrfToken(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(new FormData(form)),
  });
  if (res.ok) {
    const me = await res.json();
    location.assign(me.mustChangePassword ? '/account.html' : '/');
    return;
  }
  const problem = await res.json().catch(() => ({}));
  error.textContent = res.status === 429
    ? t('security.throttled', { seconds: res.headers.get('Retry-After') || problem.args?.retryAfterSeconds || '' })
    : t('login.failed');
  error.hidden = false;
});
