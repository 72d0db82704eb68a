// The ADMIN page: the accounts (create, edit, disable; role, organisation, county) and the
// sign-in log. Every write is an /api/users call with If-Match; refusals are shown from codes.
import { loadMessages, applyMessages, t } from './i18n.js';
import { api, whoAmI } from './api.js';
import { el, table, showMessage } from './ui.js';
import { problemText } from './problems.js';

await loadMessages();
applyMessages(document);

const me = await whoAmI();
if (!me || me.role !== 'ADMIN') location.assign(me ? '/' : '/login.html');

const $ = id => document.getElementById(id);
const state = { users: [], roles: [], editing: null, etag: null };

state.roles = (await api('/api/roles')).data;
$('f-role').replaceChildren(...state.roles.map(r => el('option', { value: r.role }, t(`role.${r.role}`) === `role.${r.role}` ? r.role : t(`role.${r.role}`))));
const orgs = (await api('/api/organisations')).data;
$('f-organisation').replaceChildren(el('option', { value: '' }, '–'),
  ...orgs.map(o => el('option', { value: o.code }, `${o.name} (${o.code})`)));
const districts = (await api('/api/districts')).data.features.map(f => f.properties);
$('f-county').replaceChildren(el('option', { value: '' }, '–'),
  ...districts.map(d => el('option', { value: d.code }, `${d.name} (${d.code})`)));
$('f-role').addEventListener('change', scopeFields);

await loadUsers();
await loadSignIns();
startNew();

$('f-new').addEventListener('click', startNew);
$('user-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const body = {
    role: $('f-role').value, organisation: $('f-organisation').value || null,
    county: $('f-county').value || null, enabled: $('f-enabled').checked,
    mustChangePassword: $('f-must').checked,
  };
  const password = $('f-password').value;
  try {
    if (state.editing) {
      if (password) body.password = password;
      await api(`/api/users/${encodeURIComponent(state.editing)}`, { method: 'PUT', body, headers: { 'If-Match': state.etag } });
    } else {
      await api('/api/users', { method: 'POST', body: { ...body, username: $('f-username').value, password } });
    }
    showMessage($('f-message'), t('security.saved'));
    await loadUsers();
    startNew(false);
  } catch (e) {
    showMessage($('f-message'), problemText(e), false);
    $('f-message').classList.add('error');
  }
});

async function loadUsers() {
  state.users = (await api('/api/users')).data;
  const yes = b => (b ? '✓' : '');
  $('users').replaceChildren(table(
    [t('login.username'), t('security.role'), t('security.organisation'), t('security.county'), t('security.enabled'), t('security.mustChangeBox')],
    state.users.map(u => [u.username, u.role, u.organisation || '', u.county || '', yes(u.enabled), yes(u.mustChangePassword)]),
    { id: 'users-table', onRow: i => edit(state.users[i].username), rowData: i => ({ user: state.users[i].username }) }));
}

async function loadSignIns() {
  const log = (await api('/api/sign-ins?limit=50')).data;
  $('sign-ins').replaceChildren(table(
    [t('security.when'), t('login.username'), t('security.address'), t('security.method'), t('security.outcome')],
    log.map(e => [new Date(e.at).toLocaleString(), e.username, e.address, e.method, t(`security.outcome.${e.outcome}`)]),
    { id: 'sign-ins-table' }));
}

async function edit(username) {
  const { data, etag } = await api(`/api/users/${encodeURIComponent(username)}`);
  state.editing = username;
  state.etag = etag;
  $('form-title').textContent = `${t('security.editUser')} ${username}`;
  $('f-username').value = username;
  $('f-username').disabled = true;
  $('f-role').value = data.role;
  $('f-organisation').value = data.organisation || '';
  $('f-county').value = data.county || '';
  $('f-enabled').checked = data.enabled;
  $('f-must').checked = data.mustChangePassword;
  $('f-password').value = '';
  $('f-password').required = false;
  scopeFields();
}

function startNew(clearMessage = true) {
  state.editing = null;
  state.etag = null;
  $('form-title').textContent = t('security.newUser');
  $('user-form').reset();
  $('f-username').disabled = false;
  $('f-password').required = true;
  if (clearMessage) $('f-message').hidden = true;
  scopeFields();
}

/** Organisation and county only where the role has them (GET /api/roles says which). */
function scopeFields() {
  const role = state.roles.find(r => r.role === $('f-role').value);
  $('f-county').disabled = !role?.countyScoped;
  if (!role?.countyScoped) $('f-county').value = '';
}
