// The signed-in user's inbox (docs/permits.md, "Notifications"): a bell with the unread count in
// the header, the latest messages under it, and live updates over server-sent events. The texts
// come from the message's kind and arguments (inbox.kind.*), never from the server's English.

import { api, whoAmI } from './api.js';
import { has, t, valueName } from './i18n.js';
import { districtName } from './names.js';

const LATEST = 20;
let unread = 0;
let bell;
let list;

/**
 * The arguments by name, never by code: a value with a `value.<arg>.<code>` key (plan scope,
 * utility, status) by its text, a district code (`county`, the `ref` of a county's plan) by the
 * district's name. The e-mails do the same on the server (notifications/mail/MailTexts).
 */
function named(args) {
  const out = { ...args };
  for (const [name, value] of Object.entries(args ?? {})) {
    if (has(`value.${name}.${value}`)) out[name] = valueName(name, value);
  }
  if (args?.county) out.county = districtName(args.county);
  if (args?.scope === 'county' && args.ref) out.ref = districtName(args.ref);
  return out;
}

/** The sentence of one message in the page's language. */
function text(m) {
  const key = `inbox.kind.${m.kind}`;
  const said = t(key, { ...named(m.args), subjectId: m.subjectId });
  return said === key ? m.message : said;
}

function renderCount() {
  bell.querySelector('.count').textContent = unread > 0 ? String(unread) : '';
  bell.title = t('inbox.unread', { count: unread });
}

async function renderList() {
  const { data } = await api(`/api/notifications?limit=${LATEST}`);
  unread = data.unread;
  renderCount();
  list.replaceChildren();
  if (data.messages.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('inbox.empty');
    list.append(li);
  }
  for (const m of data.messages) {
    const li = document.createElement('li');
    li.className = m.readAt ? '' : 'unread';
    li.textContent = text(m);
    const when = document.createElement('time');
    when.textContent = new Date(m.createdAt).toLocaleString();
    li.append(when);
    list.append(li);
  }
  const all = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('inbox.markAllRead');
  button.addEventListener('click', async () => {
    await api('/api/notifications/read-all', { method: 'POST' });
    await renderList();
  });
  all.append(button);
  list.append(all);
}

function listen() {
  const events = new EventSource('/api/notifications/stream');
  events.addEventListener('unread', e => {
    unread = JSON.parse(e.data).unread;
    renderCount();
  });
  events.addEventListener('notification', e => {
    unread += 1;
    renderCount();
    bell.classList.add('new');
    if (!list.hidden) renderList();
  });
}

async function start() {
  const me = await whoAmI();
  if (!me) return;
  const box = document.createElement('div');
  box.className = 'inbox';
  bell = document.createElement('button');
  bell.type = 'button';
  bell.id = 'inbox-bell';
  bell.setAttribute('aria-label', 'inbox');
  bell.innerHTML = '&#128276;<span class="count"></span>';
  list = document.createElement('ul');
  list.id = 'inbox-list';
  list.hidden = true;
  bell.addEventListener('click', async () => {
    list.hidden = !list.hidden;
    if (!list.hidden) await renderList();
  });
  box.append(bell, list);
  document.querySelector('.account')?.prepend(box);
  const { data } = await api('/api/notifications/unread');
  unread = data.unread;
  renderCount();
  listen();
}

start().catch(() => { /* the inbox is an extra: the map works without it */ });
