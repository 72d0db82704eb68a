// A refusal in the user's language: api.js already words an ApiError from its code
// (error.<code> in the bundles, see i18n.problemText); anything else shows as it came.
export function problemText(e) {
  return e?.message || String(e);
}
