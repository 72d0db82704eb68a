// Talking to the service: JSON in and out, the CSRF token for cookie sessions, errors as
// problem-details messages the page can show, translated from their stable `code`.
import { problemText } from './i18n.js';

/** Marks the page's own requests, so a 401 comes without a Basic challenge (no password dialog). */
export const PAGE = { 'X-Requested-With': 'XMLHttpRequest' };

export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    // The message is the code's translation: the service's English `detail` never reaches a user
    // of another language (issue 18); the detail stays on `problem` for the console.
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

/** raw: a Blob or File sent as it is (uploads), with the caller's Content-Type. */
export async function api(path, { method = 'GET', body, headers = {}, raw } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/geo+json', ...PAGE, ...headers },
    credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (raw !== undefined) init.body = raw;
  if (method !== 'GET') init.headers['X-XSRF-TOKEN'] = csrfToken();
  init.headers = { ...init.headers, ...headers }; // the caller's Content-Type wins for uploads
  const res = await fetch(path, init);
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}

/** The signed-in user ({username, role, organisation}) or null for anonymous visitors. */
export async function whoAmI() {
  try {
    return (await api('/api/me')).data;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

/** The endpoint exists (is deployed) for this user: 404 means a feature that has not landed. */
export async function available(path) {
  const res = await fetch(path, { method: 'GET', credentials: 'same-origin', headers: PAGE });
  return res.status !== 404;
}

/**
 * The endpoint is deployed, probed with a request it must refuse or answer: the service denies
 * every path no feature names (403), so "not landed yet" is 403/404/405, while a deployed
 * endpoint answers the probe or rejects its body (400/422).
 */
export async function deployedBy(path, { method = 'GET', body } = {}) {
  try {
    return (await api(path, { method, body })).status < 300;
  } catch (e) {
    return e.status === 400 || e.status === 422;
  }
}
