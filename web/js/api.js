// Talking to the service: JSON in and out, the CSRF token for cookie sessions, errors as
// problem-details messages the page can show.

/** Marks the page's own requests, so a 401 comes without a Basic challenge (no password dialog). */
export const PAGE = { 'X-Requested-With': 'XMLHttpRequest' };

export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/geo+json', ...PAGE, ...headers },
    credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (method !== 'GET') init.headers['X-XSRF-TOKEN'] = csrfToken();
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
