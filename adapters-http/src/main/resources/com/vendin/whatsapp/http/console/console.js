'use strict';
const KEY = 'gatewayAdminToken';
let selected = null;
let selectedThread = null;
let timer = null;

const $ = (sel) => document.querySelector(sel);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const time = (v) => v ? new Date(v).toLocaleString() : '';

async function api(method, path) {
  const response = await fetch('/api/v1' + path, {method, headers: {'Authorization': 'Bearer ' + sessionStorage.getItem(KEY)}});
  if (response.status === 401) { signOut('The token was refused.'); throw new Error('unauthorized'); }
  const body = response.status === 204 ? {} : await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + response.status);
  return body;
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  clearInterval(timer);
  $('#app').hidden = true; $('#signout').hidden = true; $('#signin').hidden = false;
  $('#signin-error').textContent = message || '';
}

async function signIn(token) {
  sessionStorage.setItem(KEY, token);
  try { await api('GET', '/tenants'); } catch (e) { if (e.message !== 'unauthorized') $('#signin-error').textContent = e.message; return; }
  $('#signin').hidden = true; $('#app').hidden = false; $('#signout').hidden = false;
  await refresh();
  timer = setInterval(refresh, 3000);
}

async function refresh() {
  try {
    await Promise.all([tenants(), deadLetters(), unroutable(), selected ? timeline(selected) : null]);
    $('#status').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) { $('#status').textContent = 'refresh failed: ' + e.message; }
}

async function tenants() {
  const list = (await api('GET', '/tenants')).items;
  if (!selected && list.length) selected = list[0].id;
  $('#tenants tbody').innerHTML = list.map((t) => `<tr class="tenant${t.id === selected ? ' selected' : ''}" data-id="${esc(t.id)}">
    <td>${esc(t.id)}</td><td>${esc(t.whatsapp && t.whatsapp.phoneNumber)}</td><td>${esc(t.whatsapp && t.whatsapp.provider)}</td>
    <td>${esc(t.whatsapp && t.whatsapp.status)}</td><td>${esc(t.instanceUrl)}</td></tr>`).join('');
}

function step(label, cls) { return `<span class="step ${cls}">${esc(label)}</span>`; }

async function timeline(tenantId) {
  $('#tenant-name').textContent = '- ' + tenantId;
  const all = (await api('GET', '/tenants/' + encodeURIComponent(tenantId) + '/messages?limit=100')).items;
  const threads = windows(all);
  if (selectedThread && !threads.has(selectedThread)) selectedThread = null;
  $('#threads').innerHTML = [...threads].map(([id, w]) => `<span class="thread-chip${id === selectedThread ? ' selected' : ''}" data-thread="${esc(id)}">${esc(id)} <small>${esc(w ? (w.open ? 'open' : 'closed') : 'admin')}</small></span>`).join('')
    + (selectedThread ? ' <button id="all-threads">All threads</button>' : '');
  $('#thread-window').innerHTML = selectedThread ? `<b>${esc(selectedThread)}</b>: ${windowText(threads.get(selectedThread))}` : '';
  const items = selectedThread ? all.filter((m) => m.threadId === selectedThread) : all;
  const replies = {};
  items.filter((m) => m.direction === 'outbound' && m.inReplyTo).forEach((m) => (replies[m.inReplyTo] = replies[m.inReplyTo] || []).push(m));
  // Inbound messages carry their reply parts; a part the store sent on its own that answers nothing stands alone.
  const entries = items.filter((m) => m.direction === 'inbound' || !m.inReplyTo);
  $('#timeline').innerHTML = entries.length ? entries.map((m) => m.direction === 'inbound' ? inboundEntry(m, replies[m.id] || [], tenantId) : storeEntry(m)).join('')
    : '<p class="hint">No messages yet.</p>';
}

function inboundEntry(m, parts, tenantId) {
  parts.sort((a, b) => a.id.localeCompare(b.id, undefined, {numeric: true}));
  const forwarded = ['forwarded', 'replied'].includes(m.state);
  const steps = [step('received ' + time(m.createdAt), 'ok'),
    step('routed to ' + tenantId + ' as ' + (m.role || '?'), m.state === 'rate_limited' ? 'bad' : 'ok'),
    m.state === 'rate_limited' ? step('rate limited', 'bad')
      : m.state === 'dead' ? step('dead after ' + m.attempts + ' attempt(s)', 'bad')
      : step(forwarded ? 'forwarded' : 'waiting for tenant (' + m.attempts + ' failed)', forwarded ? 'ok' : 'wait')];
  const answers = parts.filter((p) => !p.tenantInitiated);
  if (forwarded) steps.push(answers.length ? step('reply in ' + answers.length + ' part(s)', 'ok') : step('no reply', ''));
  answers.forEach((p, i) => steps.push(partStep('part ' + (i + 1), p)));
  return `<div class="msg ${esc(m.state)}" data-message="${esc(m.providerMessageId)}"><b>${esc(who(m))}</b> <span class="thread" data-thread="${esc(m.threadId || '')}">${esc(m.threadId || '')}</span> ${badge(m.type)} ${esc(m.text)}
    ${m.media ? mediaLink(m.type, m.media) : ''}
    <div class="steps">${steps.join('')}</div>
    ${parts.map(part).join('')}</div>`;
}

function storeEntry(p) {
  return `<div class="msg store" data-part="${esc(p.id)}"><b>${esc(p.from)}</b> &#8594; <span class="thread" data-thread="${esc(p.threadId || '')}">${esc(p.threadId || p.to)}</span>
    ${part(p)}</div>`;
}

function partStep(label, p) {
  return step((label ? label + ': ' : '') + p.state + (p.errorCode ? ' (' + p.errorCode + ')' : ''), p.state === 'failed' ? 'bad' : p.state === 'pending' ? 'wait' : 'ok');
}

// One outbound part: its type, what it shows the customer, and, for a part the store sent on its own, who sent it.
function part(p) {
  const store = p.tenantInitiated ? `<span class="store-sent">sent by the store${p.replyTo ? ' in reply to ' + esc(p.replyTo) : ''}</span> ${partStep('', p)}` : '';
  return `<div class="reply" data-part="${esc(p.id)}">&#8617; ${badge(p.type)} ${content(p)} ${store}</div>`;
}

function badge(type) { return `<span class="badge">${esc(type || 'text')}</span>`; }

const safeUrl = (u) => /^https?:\/\//i.test(String(u || '')) ? String(u) : '';

function content(p) {
  const c = p.content || {};
  switch (p.type) {
    case 'image': case 'sticker': {
      const url = safeUrl(c.url);
      return (url ? `<a href="${esc(url)}" target="_blank" rel="noopener"><img class="thumb" src="${esc(url)}" alt="${esc(c.caption || p.type)}"></a>` : '') + esc(c.caption || '');
    }
    case 'video': case 'audio': case 'document': {
      const url = safeUrl(c.url);
      const name = c.filename || (url ? url.split('/').pop() : p.type);
      return (url ? `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(name)}</a> ` : esc(name) + ' ') + esc(c.caption || '');
    }
    case 'buttons':
      return esc(c.text || p.text) + ' ' + (c.buttons || []).map((b) => `<span class="chip" title="${esc(b.id)}">${esc(b.title)}</span>`).join('');
    case 'list':
      return esc(c.text || p.text) + ` <span class="chip">${esc(c.button)}</span>` + (c.sections || []).map((s) =>
        `<div class="list-section">${s.title ? '<i>' + esc(s.title) + '</i>' : ''}<ul>${(s.rows || []).map((r) =>
          `<li title="${esc(r.id)}">${esc(r.title)}${r.description ? ' <small>' + esc(r.description) + '</small>' : ''}</li>`).join('')}</ul></div>`).join('');
    case 'template':
      return c.contentSid ? 'template ' + esc(c.contentSid) : 'template <b>' + esc(c.name) + '</b> (' + esc(c.language) + ')';
    case 'reaction':
      return `<span class="emoji">${esc(c.emoji)}</span> <small>on ${esc(c.messageId)}</small>`;
    default:
      return esc(p.text);
  }
}

// An inbound photo, voice note or file: a link through the gateway (valid 1 h), never the provider's own URL.
function mediaLink(type, media) {
  const url = safeUrl(media.url);
  const label = 'open ' + type + (media.filename ? ' ' + media.filename : '') + (media.mimeType ? ' (' + media.mimeType + ')' : '');
  return `<div class="media">${url ? `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(label)}</a>` : esc(label)}</div>`;
}

// Each thread's 24-hour window (the same on every message of the thread); null for an admin's thread.
function windows(items) {
  const threads = new Map();
  items.forEach((m) => { if (m.threadId && !threads.has(m.threadId)) threads.set(m.threadId, m.window || null); });
  return threads;
}

function windowText(w) {
  if (!w) return 'no customer-service window (an owner\'s thread)';
  const until = new Date(w.until);
  const sameDay = until.toDateString() === new Date().toDateString();
  const at = sameDay ? until.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}) : until.toLocaleString([], {dateStyle: 'short', timeStyle: 'short'});
  return w.open ? `<span class="window open">window open until ${esc(at)}</span>`
    : `<span class="window closed">window closed: only templates</span> <small>(since ${esc(at)})</small>`;
}

// A sender as people know them: the phone, the WhatsApp username and the business-scoped user id, when given.
function who(m) {
  const name = m.username ? '@' + String(m.username).replace(/^@/, '') : '';
  return [m.from, name, m.userId].filter(Boolean).join(' · ') || '?';
}

async function deadLetters() {
  const list = (await api('GET', '/dead-letters')).items;
  $('#dead tbody').innerHTML = list.length ? list.map((d) => `<tr><td>${esc(d.id)}</td><td>${esc(d.tenantId)}</td><td>${esc(who(d))}</td>
    <td>${esc(d.text)}</td><td>${esc(d.attempts)}</td><td>${esc(d.lastError)}</td><td>${esc(time(d.deadAt))}</td>
    <td><button class="retry" data-id="${esc(d.id)}">Retry</button></td></tr>`).join('') : '<tr><td colspan="8" class="hint">None.</td></tr>';
}

async function unroutable() {
  const list = (await api('GET', '/unroutable?limit=50')).items;
  $('#unroutable tbody').innerHTML = list.length ? list.map((u) => `<tr><td>${esc(time(u.receivedAt))}</td><td>${esc(u.provider)}</td>
    <td>${esc(who(u))}</td><td>${esc(u.to)}</td><td>${esc(u.reason)}</td><td>${esc(u.text)}</td></tr>`).join('') : '<tr><td colspan="6" class="hint">None.</td></tr>';
}

document.addEventListener('click', async (event) => {
  const row = event.target.closest('tr.tenant');
  if (row) { selected = row.dataset.id; selectedThread = null; await refresh(); return; }
  const thread = event.target.closest('[data-thread]');
  if (thread && thread.dataset.thread) { selectedThread = thread.dataset.thread; await refresh(); return; }
  if (event.target.matches('#all-threads')) { selectedThread = null; await refresh(); return; }
  if (event.target.matches('button.retry')) {
    event.target.disabled = true;
    try { await api('POST', '/dead-letters/' + encodeURIComponent(event.target.dataset.id) + '/retry'); $('#status').textContent = 'retry queued'; }
    catch (e) { $('#status').textContent = 'retry failed: ' + e.message; }
    await refresh();
  }
});
$('#signin-form').addEventListener('submit', (event) => { event.preventDefault(); signIn($('#token').value.trim()); });
$('#signout').addEventListener('click', () => signOut(''));
if (sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY));
