// The signed-in user's inbox (docs/permits.md, "Notifications"): a bell with the unread count in
// the header, the latest messages under it, and live updates over server-sent events. The texts
// come from the message's kind and arguments (inbox.kind.*), never from the server's English.

import { api, whoAmI } from './api.js';
import { t } from './i18n.js';

const LATEST = 20;
let unread = 0;
let bell;
let list;

function style() {
  const s = document.createElement('style');
  s.textContent = `
    .inbox { position: relative; margin-right: .5rem; }
    .inbox > button { cursor: pointer; }
    .inbox .count { background: #c0392b; color: #fff; border-radius: 1em; padding: 0 .4em;
      font-size: .75em; margin-left: .2em; }
    .inbox ul { position: absolute; right: 0; top: 1.8em; z-index: 2000; width: 22rem;
      max-height: 60vh; overflow: auto; background: #fff; color: #222; list-style: none;
      margin: 0; padding: .25rem; box-shadow: 0 2px 8px rgba(0,0,0,.3); border-radius: 4px; }
    .inbox li { padding: .35rem .4rem; border-bottom: 1px solid #eee; font-size: .85em; }
    .inbox li.unread { font-weight: 600; }
    .inbox li time { display: block; color: #777; font-weight: normal; font-size: .8em; }`;
  document.head.append(s);
}

/** The sentence of one message in the page's language. */
function text(m) {
  const key = `inbox.kind.${m.kind}`;
  const said = t(key, { ...m.args, subjectId: m.subjectId });
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
  style();
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
