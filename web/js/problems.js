// A refusal in the user's language, from its stable code (security.code.<code> in the bundles)
// and its arguments; the server's own sentence when the bundles do not know the code yet.
import { t } from './i18n.js';

export function problemText(e) {
  const code = e?.problem?.code;
  const key = code ? `security.code.${code}` : null;
  const text = key ? t(key, e.problem.args || {}) : null;
  return text && text !== key ? text : (e?.message || String(e));
}
