'use strict';
// The batchcall demo page: plain JavaScript over the batchcall API (mounted at ./api) and its
// Server-Sent Events stream. No framework, no build step.
(function () {
  const $ = (id) => document.getElementById(id);
  const FINAL = ['completed', 'failed', 'busy', 'no_answer', 'skipped'];
  const LABEL = { no_answer: 'no answer', in_progress: 'in call' };
  const state = { filter: '', selected: null, batch: null, rows: new Map(), timers: {} };

  async function api(method, path, body, type) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.body = type ? body : JSON.stringify(body);
      init.headers['Content-Type'] = type || 'application/json';
    }
    const res = await fetch('api' + path, init);
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error(data && data.detail ? data.detail : res.status + ' ' + res.statusText);
      err.problem = data;
      throw err;
    }
    return data;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  const badge = (status) => el('span', { class: 'badge ' + status, 'data-status': status }, LABEL[status] || status);
  const debounce = (key, ms, fn) => { clearTimeout(state.timers[key]); state.timers[key] = setTimeout(fn, ms); };
  const showError = (id, err) => { const p = $(id); p.textContent = err ? err.message : ''; p.classList.toggle('hidden', !err); };

  // ---- batch list ----
  async function loadList() {
    const page = await api('GET', '/batches?limit=100' + (state.filter ? '&status=' + state.filter : ''));
    const list = $('batch-list');
    list.replaceChildren(...page.items.map(listItem));
    $('list-empty').classList.toggle('hidden', page.items.length > 0);
    if (!state.selected && page.items.length === 0 && !state.filter) $('welcome').classList.remove('hidden');
  }

  function days(list) {
    if (list.length === 7) return 'every day';
    if (list.join() === 'mon,tue,wed,thu,fri') return 'Mon–Fri';
    return list.map((d) => d[0].toUpperCase() + d.slice(1)).join(', ');
  }

  function share(n, total) { return total ? (100 * n / total).toFixed(2) + '%' : '0'; }

  function listItem(b) {
    const c = b.counts;
    const item = el('li', { class: 'batch-item' + (b.id === state.selected ? ' selected' : ''), 'data-id': b.id },
      el('div', { class: 'row' }, el('span', { class: 'name' }, b.name), badge(b.status)),
      el('div', { class: 'sub' }, `${c.total} recipients · ${c.completed} completed · ${c.failed} failed`
        + (c.in_flight ? ` · ${c.in_flight} in progress` : '')),
      el('div', { class: 'mini' }, el('span', { class: 'done' }), el('span', { class: 'failed' }),
        el('span', { class: 'active' })));
    const [d, f, a] = item.querySelectorAll('.mini span');
    d.style.width = share(c.completed, c.total); f.style.width = share(c.failed + c.skipped, c.total);
    a.style.width = share(c.in_flight, c.total);
    item.addEventListener('click', () => select(b.id));
    return item;
  }

  // ---- one batch ----
  async function select(id) {
    state.selected = id;
    $('welcome').classList.add('hidden');
    $('create-form').classList.add('hidden');
    $('detail').classList.remove('hidden');
    if (!state.reportFor || state.reportFor !== id) $('report').classList.add('hidden');
    document.querySelectorAll('.batch-item').forEach((li) => li.classList.toggle('selected', +li.dataset.id === id));
    showError('d-error', null);
    await Promise.all([refreshBatch(), loadRecipients()]);
  }

  async function refreshBatch() {
    if (!state.selected) return;
    const b = await api('GET', '/batches/' + state.selected);
    state.batch = b;
    $('d-name').textContent = b.name;
    const st = $('d-status'); st.className = 'badge ' + b.status; st.dataset.status = b.status;
    st.textContent = b.status + (b.pause_reason ? ' · ' + b.pause_reason.replace(/_/g, ' ') : '');
    const hours = b.window_start_time ? `${b.window_start_time}–${b.window_end_time}` : 'any time';
    const meta = [
      el('span', {}, 'From ', el('span', { class: 'mono' }, b.caller_id)),
      el('span', {}, `Calls ${hours}, ${days(b.window_days)} · ${b.timezone}`),
      el('span', {}, `Up to ${b.batch_limit} calls at once`)];
    if (b.agent_id) meta.push(el('span', {}, 'Agent ' + b.agent_id));
    if (b.scheduled_at) meta.push(el('span', {}, 'Starts ' + new Date(b.scheduled_at).toLocaleString()));
    if (b.recurrence_type) meta.push(el('span', {}, `Repeats ${b.recurrence_type}`));
    $('d-meta').replaceChildren(...meta);
    const c = b.counts;
    $('c-total').textContent = c.total; $('c-completed').textContent = c.completed; $('c-failed').textContent = c.failed;
    $('c-inflight').textContent = c.in_flight; $('c-pending').textContent = c.pending; $('c-skipped').textContent = c.skipped;
    $('d-progress-done').style.width = share(c.completed, c.total);
    $('d-progress-failed').style.width = share(c.failed + c.skipped, c.total);
    $('d-progress-active').style.width = share(c.in_flight, c.total);
    const s = b.status;
    $('btn-send').disabled = s !== 'draft';
    $('btn-pause').disabled = s !== 'running';
    $('btn-resume').disabled = s !== 'paused';
    $('btn-cancel').disabled = !['draft', 'scheduled', 'running', 'paused'].includes(s);
    $('btn-rerun-unreached').disabled = !['completed', 'cancelled', 'failed'].includes(s);
    $('btn-rerun-all').disabled = $('btn-rerun-unreached').disabled;
    $('btn-results').href = `api/batches/${b.id}/results.csv`;
    const li = document.querySelector(`.batch-item[data-id="${b.id}"]`);
    if (li) li.replaceWith(listItem(b));
  }

  async function loadRecipients() {
    const id = state.selected;
    const page = await api('GET', `/batches/${id}/recipients?limit=1000`);
    if (id !== state.selected) return;
    state.rows.clear();
    const body = $('recipients').querySelector('tbody');
    body.replaceChildren(...page.items.map((r) => {
      const tr = el('tr', { 'data-recipient': r.id },
        el('td', {}, r.name || '—'), el('td', { class: 'mono' }, r.phone),
        el('td', { class: 'status' }, badge(r.status)), el('td', { class: 'num attempts' }, String(r.attempts)),
        el('td', { class: 'reason muted' }, r.reason || ''));
      state.rows.set(r.id, tr);
      return tr;
    }));
    $('r-note').textContent = page.next_cursor ? 'showing the first 1,000' : `${page.items.length} recipients`;
  }

  function applyRecipientEvent(ev) {
    const tr = state.rows.get(ev.recipient_id);
    if (!tr) return;
    const cell = tr.querySelector('.status');
    const current = cell.firstChild && cell.firstChild.dataset.status;
    if (current === ev.status) return;
    if (ev.status === 'calling') {
      const a = tr.querySelector('.attempts'); a.textContent = String(+a.textContent + 1);
    }
    cell.replaceChildren(badge(ev.status));
    tr.querySelector('.reason').textContent = FINAL.includes(ev.status) && ev.detail ? ev.detail : '';
    tr.classList.remove('flash'); void tr.offsetWidth; tr.classList.add('flash');
  }

  // ---- live stream ----
  function connect() {
    const source = new EventSource('api/events');
    source.addEventListener('ready', () => $('live').className = 'live-dot on');
    source.addEventListener('recipient', (m) => {
      const ev = JSON.parse(m.data);
      if (ev.batch_id === state.selected) {
        applyRecipientEvent(ev);
        debounce('batch', 250, refreshBatch);
      }
      debounce('list', 1000, loadList);
    });
    source.addEventListener('batch', (m) => {
      const ev = JSON.parse(m.data);
      if (ev.batch_id === state.selected) {
        debounce('batch', 100, refreshBatch);
        if (['running', 'completed', 'cancelled'].includes(ev.status)) debounce('rows', 300, loadRecipients);
      }
      debounce('list', 300, loadList);
    });
    source.onerror = () => { $('live').className = 'live-dot off'; };
  }

  // ---- actions ----
  $('d-actions').addEventListener('click', async (e) => {
    const action = e.target.dataset && e.target.dataset.action;
    if (!action || !state.selected) return;
    showError('d-error', null);
    try {
      if (action.startsWith('rerun')) {
        await api('POST', `/batches/${state.selected}/rerun`, { scope: action.slice(6) });
      } else {
        await api('POST', `/batches/${state.selected}/${action}`);
      }
      await Promise.all([refreshBatch(), loadRecipients(), loadList()]);
    } catch (err) { showError('d-error', err); }
  });

  // ---- create from CSV ----
  function openForm() {
    $('welcome').classList.add('hidden'); $('detail').classList.add('hidden');
    $('create-form').classList.remove('hidden'); showError('create-error', null);
    if (!$('f-tz').value) $('f-tz').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    $('f-name').focus();
  }
  $('new-batch').addEventListener('click', openForm);
  $('welcome-new').addEventListener('click', openForm);
  $('create-cancel').addEventListener('click', () => {
    $('create-form').classList.add('hidden');
    if (state.selected) $('detail').classList.remove('hidden'); else $('welcome').classList.remove('hidden');
  });

  $('create-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError('create-error', null);
    const file = $('f-csv').files[0];
    if (!file) { showError('create-error', new Error('Choose a CSV file of recipients')); return; }
    const days = [...document.querySelectorAll('fieldset.days input:checked')].map((i) => i.value);
    const body = {
      name: $('f-name').value, caller_id: $('f-caller').value.trim(), timezone: $('f-tz').value.trim(), draft: true,
      agent_id: $('f-agent').value.trim() || null,
      window_start_time: $('f-start').value || null, window_end_time: $('f-end').value || null, window_days: days,
      batch_limit: $('f-limit').value ? +$('f-limit').value : null,
      scheduled_at: $('f-when').value || null,
    };
    $('create-submit').disabled = true;
    let created = null;
    try {
      created = await api('POST', '/batches', body);
      const report = await api('POST', `/batches/${created.id}/recipients`, file, 'text/csv');
      state.reportFor = created.id;
      showReport(created.id, report);
      $('create-form').reset();
      $('f-tz').value = body.timezone;
      await loadList();
      await select(created.id);
    } catch (err) {
      if (created) { try { await api('DELETE', '/batches/' + created.id); } catch (ignored) { /* keep the error */ } }
      const field = err.problem && err.problem.field ? ` (${err.problem.field})` : '';
      showError('create-error', new Error(err.message + field));
    } finally {
      $('create-submit').disabled = false;
    }
  });

  async function showReport(id, r) {
    $('report').classList.remove('hidden');
    $('report-line').replaceChildren(
      el('span', {}, el('b', {}, String(r.accepted)), ' imported'),
      el('span', {}, el('b', {}, String(r.duplicates)), ' duplicates'),
      el('span', {}, el('b', {}, String(r.rejected)), ' rejected'),
      el('span', { class: 'muted' }, `${r.rows_read} rows read · phone column “${r.phone_column}”`
        + (r.variables.length ? ` · variables: ${r.variables.join(', ')}` : '')));
    const table = $('rejections');
    table.querySelector('tbody').replaceChildren(...r.rejections.map((j) => el('tr', {},
      el('td', {}, String(j.line)), el('td', {}, j.column), el('td', { class: 'mono' }, j.value), el('td', {}, j.reason))));
    table.classList.toggle('hidden', r.rejections.length === 0);
    const link = $('rejections-link');
    link.href = `api/batches/${id}/rejections.csv`;
    link.classList.toggle('hidden', r.rejected === 0);
    try {
      const est = await api('GET', `/batches/${id}/estimate`);
      $('estimate').textContent = `Estimated cost ${est.currency} ${est.estimated_cost} `
        + `(${est.recipients} × ${est.cost_per_call} at ${est.assumed_talk_seconds} s talk)`;
    } catch (ignored) { $('estimate').textContent = ''; }
  }

  document.querySelectorAll('#filters .chip').forEach((chip) => chip.addEventListener('click', () => {
    document.querySelectorAll('#filters .chip').forEach((c) => c.classList.toggle('active', c === chip));
    state.filter = chip.dataset.filter;
    loadList();
  }));

  connect();
  loadList().then(async () => {
    const first = document.querySelector('.batch-item');
    if (first) await select(+first.dataset.id);
  });
})();
