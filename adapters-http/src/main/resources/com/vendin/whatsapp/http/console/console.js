'use strict';
const KEY = 'gatewayAdminToken';
let selected = null;
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
  const items = (await api('GET', '/tenants/' + encodeURIComponent(tenantId) + '/messages?limit=100')).items;
  const replies = {};
  items.filter((m) => m.direction === 'outbound').forEach((m) => (replies[m.inReplyTo] = replies[m.inReplyTo] || []).push(m));
  const inbound = items.filter((m) => m.direction === 'inbound');
  $('#timeline').innerHTML = inbound.length ? inbound.map((m) => {
    const parts = (replies[m.id] || []).sort((a, b) => a.id.localeCompare(b.id, undefined, {numeric: true}));
    const forwarded = ['forwarded', 'replied'].includes(m.state);
    const steps = [step('received ' + time(m.createdAt), 'ok'),
      step('routed to ' + tenantId + ' as ' + (m.role || '?'), m.state === 'rate_limited' ? 'bad' : 'ok'),
      m.state === 'rate_limited' ? step('rate limited', 'bad')
        : m.state === 'dead' ? step('dead after ' + m.attempts + ' attempt(s)', 'bad')
        : step(forwarded ? 'forwarded' : 'waiting for tenant (' + m.attempts + ' failed)', forwarded ? 'ok' : 'wait')];
    if (forwarded) steps.push(parts.length ? step('reply in ' + parts.length + ' part(s)', 'ok') : step('no reply', ''));
    parts.forEach((p, i) => steps.push(step('part ' + (i + 1) + ': ' + p.state + (p.errorCode ? ' (' + p.errorCode + ')' : ''),
      p.state === 'failed' ? 'bad' : p.state === 'pending' ? 'wait' : 'ok')));
    return `<div class="msg ${esc(m.state)}" data-message="${esc(m.providerMessageId)}"><b>${esc(who(m))}</b> <span class="thread">${esc(m.threadId || '')}</span> ${esc(m.type)}: ${esc(m.text)}
      <div class="steps">${steps.join('')}</div>
      ${parts.map((p) => `<div class="reply">&#8617; ${esc(p.text)}</div>`).join('')}</div>`;
  }).join('') : '<p class="hint">No messages yet.</p>';
}

// A sender as people know them: the phone, the WhatsApp username and the business-scoped user id, when given.
function who(m) {
  const name = m.username ? '@' + String(m.username).replace(/^@/, '') : '';
  return [m.from, name, m.userId].filter(Boolean).join(' · ') || '?';
}

async function deadLetters() {
  const list = (await api('GET', '/dead-letters')).items;
  $('#dead tbody').innerHTML = list.length ? list.map((d) => `<tr><td>${esc(d.id)}</td><td>${esc(d.tenantId)}</td><td>${esc(d.from)}</td>
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
  if (row) { selected = row.dataset.id; await refresh(); return; }
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
