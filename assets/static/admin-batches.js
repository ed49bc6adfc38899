// 爱心卡批次 (以购代捐): issue a batch, watch its progress live, activate it, read its report, print its cards,
// and retry a failed one.
'use strict';

(() => {
  const { sess, count } = AdminPage;
  const { h, api, notify, yuan } = Aixin;
  const BATCHES = '/api/v1/admin/card-batches';
  const PAGE_SIZE = 20;
  const POLL_MS = 500;
  const MAX_PRINT = 5000;
  const DEFAULT_FACES = [5000, 10000, 20000, 50000, 100000];
  const STATE = {
    issuing: ['发行中', 'warn'], issued: ['已发行', ''], active: ['已激活', 'solid'], failed: ['发行失败', 'off'],
  };

  const latest = new Map(); // id → the batch as last read
  const rows = new Map(); // id → {row, badge, bar}
  const polling = new Set();
  let page = 1;
  let selected = null;
  let detail = null; // {id, state, bar, report} of the panel on screen

  function stateBadge(state) {
    const [text, kind] = STATE[state] || [state, 'warn'];
    return h('span', { class: `badge ${kind}`.trim(), dataset: { state } }, text);
  }

  function percent(b) {
    if (!b.total) return 0;
    return b.done >= b.total ? 100 : Math.floor((b.done * 100) / b.total);
  }

  /** A progress bar with its figures; update(batch) moves it. */
  function progressBar(label) {
    const fill = h('div');
    const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0,
      'aria-valuemax': 100, 'aria-valuenow': 0 }, fill);
    const text = h('span', { class: 'progress-text' });
    return {
      node: h('div', { class: 'progress-line' }, bar, text),
      update(b) {
        const pct = percent(b);
        fill.style.width = `${pct}%`;
        bar.setAttribute('aria-valuenow', pct);
        bar.classList.toggle('failed', b.state === 'failed');
        text.textContent = `${count(b.done)} / ${count(b.total)} 张 · ${pct}%`;
      },
    };
  }

  // ------------------------------------------------------------------ the list

  function listRow(b) {
    const bar = progressBar(`批次 #${b.id} 发行进度`);
    const badge = h('td', {}, stateBadge(b.state));
    const row = h('tr', { dataset: { batchId: b.id }, class: b.id === selected ? 'selected' : null },
      h('td', {}, `#${b.id}`, h('div', { class: 'muted' }, Aixin.time(b.created_at))),
      h('td', {}, b.organization, b.note ? h('div', { class: 'muted' }, b.note) : null),
      h('td', { class: 'money' }, `${yuan(b.face_value_fen)} × ${count(b.count)} 张`),
      badge,
      h('td', { class: 'progress-cell' }, bar.node),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => select(b.id) }, '详情')),
    );
    bar.update(b);
    rows.set(b.id, { row, badge, bar });
    return row;
  }

  async function loadList(at = page) {
    page = at;
    const reply = await api(sess, 'GET', `${BATCHES}?page=${page}&page_size=${PAGE_SIZE}`);
    rows.clear();
    for (const b of reply.items) latest.set(b.id, { ...latest.get(b.id), ...b, report: latest.get(b.id)?.report });
    AdminPage.fillTable('batches', reply.items.map(listRow));
    AdminPage.pager('batches-pager', page, PAGE_SIZE, reply.total, (p) => Aixin.guard(() => loadList(p)));
    for (const b of reply.items) if (b.state === 'issuing') poll(b.id);
    const shown = selected ?? (reply.items[0] && reply.items[0].id);
    if (shown) await select(shown);
  }

  /** A fresh reading of one batch: its row, and the detail panel if it is the one shown. */
  function show(b) {
    latest.set(b.id, b);
    const shown = rows.get(b.id);
    if (shown) {
      shown.bar.update(b);
      shown.badge.replaceChildren(stateBadge(b.state));
    }
    if (b.id === selected) renderDetail(b);
  }

  /** Follow an issuing batch every POLL_MS until it is issued (or failed). */
  async function poll(id) {
    if (polling.has(id)) return;
    polling.add(id);
    try {
      for (;;) {
        const b = await api(sess, 'GET', `${BATCHES}/${id}`);
        show(b);
        if (b.state !== 'issuing') {
          if (b.state === 'issued') notify(`批次 #${id} 已发行完成：${count(b.total)} 张`, 'ok');
          if (b.state === 'failed') notify(`批次 #${id} 发行失败，可以重试`);
          return;
        }
        await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
      }
    } catch (err) {
      notify(err instanceof Aixin.ApiFailure ? err.message : '页面出错，请刷新后重试');
    } finally {
      polling.delete(id);
    }
  }

  async function select(id) {
    selected = id;
    for (const [rowId, shown] of rows) shown.row.classList.toggle('selected', rowId === id);
    show(await api(sess, 'GET', `${BATCHES}/${id}`));
  }

  // ------------------------------------------------------------------ the detail panel

  function reportFigures(b) {
    const r = b.report;
    if (!r) return h('p', { class: 'muted' }, '正在读取报表…');
    const figures = [
      ['已发行', `${count(r.issued)} 张`], ['已激活', `${count(r.activated)} 张`], ['已领取', `${count(r.claimed)} 张`],
      ['已消费', yuan(r.spent_fen)], ['未消费余额', yuan(r.outstanding_fen)],
    ];
    return h('div', { class: 'figures', id: 'batch-report', 'aria-label': '批次报表' },
      figures.map(([label, value]) => h('div', { class: 'figure' }, h('span', { class: 'label' }, label),
        h('strong', {}, value))));
  }

  function activateButton(b) {
    return h('button', { type: 'button', onclick: (event) => {
      const text = `确认“${b.organization}”已付款，激活批次 #${b.id} 的 ${count(b.total)} 张卡（每张 ${yuan(b.face_value_fen)}）？`;
      if (!window.confirm(text)) return;
      Aixin.guard(async () => {
        show(await api(sess, 'POST', `${BATCHES}/${b.id}/activate`));
        notify(`批次 #${b.id} 已激活`, 'ok');
      }, event.currentTarget);
    } }, '激活');
  }

  function retryButton(b) {
    return h('button', { type: 'button', onclick: (event) => Aixin.guard(async () => {
      show(await api(sess, 'POST', `${BATCHES}/${b.id}/retry`)); // 202: issuing again from `done`
      notify(`批次 #${b.id} 已重新开始发行`, 'ok');
      poll(b.id);
    }, event.currentTarget) }, '重试');
  }

  const LAYOUTS = [['a4', 'A4 · 每页 9 张 · 裁切线'], ['sra3', 'SRA3 · 每页 18 张 · 裁切线'],
    ['card', '单张 · 卡片尺寸加 3 mm 出血']];

  /** The print file read as it streams: the `%AixinCards n` comment after each page moves the bar. */
  async function streamPrint(path, fileName, total, bar) {
    const response = await api(sess, 'GET', path, undefined, { raw: true });
    const reader = response.body.getReader();
    const parts = [];
    const bytes = new TextDecoder('latin1'); // one character a byte: the comments are plain ASCII
    let tail = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      const text = tail + bytes.decode(value);
      const marks = [...text.matchAll(/%AixinCards (\d+)\n/g)];
      if (marks.length) bar.update({ done: Number(marks[marks.length - 1][1]), total, state: '' });
      tail = text.slice(-24);
    }
    bar.update({ done: total, total, state: '' });
    const link = h('a', { href: URL.createObjectURL(new Blob(parts, { type: 'application/pdf' })), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function fullNumberBox(b) {
    const box = h('input', { type: 'checkbox', name: 'print_full_card_no' });
    box.checked = Boolean(b.print_full_card_no);
    box.addEventListener('change', async () => {
      const saved = await Aixin.guard(() => api(sess, 'PATCH', `${BATCHES}/${b.id}/print-settings`,
        { print_full_card_no: box.checked }), box);
      if (!saved) { // refused: the box shows what is stored
        box.checked = !box.checked;
        return;
      }
      latest.set(b.id, { ...latest.get(b.id), ...saved });
      notify(saved.print_full_card_no ? '卡面将印完整卡号' : '卡面将印遮盖后的卡号', 'ok');
    });
    return h('label', { class: 'check' }, box, '卡面印完整卡号（默认遮盖中间数字）');
  }

  function printForm(b) {
    const from = h('input', { name: 'from', type: 'number', min: 1, max: b.total, value: 1, 'aria-label': '从第几张' });
    const to = h('input', { name: 'to', type: 'number', min: 1, max: b.total, value: Math.min(b.total, 100),
      'aria-label': '到第几张' });
    const layout = h('select', { name: 'layout', 'aria-label': '版式' },
      ...LAYOUTS.map(([value, text]) => h('option', { value }, text)));
    const form = h('form', { class: 'inline print' }, '第', from, '张 至 第', to, '张', layout,
      h('button', { type: 'submit', class: 'secondary' }, '下载打印文件（PDF）'));
    const bar = progressBar(`批次 #${b.id} 打印文件进度`);
    bar.node.hidden = true;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const [first, last] = [Number(from.value), Number(to.value)];
      if (!(first >= 1 && last >= first && last <= b.total)) {
        notify(`请填写 1 到 ${count(b.total)} 之间的范围`);
        return;
      }
      if (last - first >= MAX_PRINT) {
        notify(`每个打印文件最多 ${count(MAX_PRINT)} 张，请缩小范围`);
        return;
      }
      const suffix = layout.value === 'a4' ? '' : `-${layout.value}`;
      bar.update({ done: 0, total: last - first + 1, state: '' });
      bar.node.hidden = false;
      Aixin.guard(() => streamPrint(`${BATCHES}/${b.id}/print.pdf?from=${first}&to=${last}&layout=${layout.value}`,
        `batch-${b.id}-${first}-${last}${suffix}.pdf`, last - first + 1, bar), form.querySelector('button'));
    });
    return h('div', { class: 'print-box' }, h('h3', {}, '打印卡面'), form, fullNumberBox(b), bar.node,
      h('p', { class: 'muted' }, `按发行顺序，每个文件最多 ${count(MAX_PRINT)} 张；矢量卡面，四边 3 mm 出血。`));
  }

  function actions(b) {
    if (b.state === 'failed') {
      return h('div', { class: 'batch-error' },
        h('p', { class: 'result error' }, `发行失败：${b.error || '原因未知'}`), retryButton(b));
    }
    if (b.state === 'issued') {
      return [h('p', { class: 'muted' }, '认购单位付款后激活：每张卡按面值充值，之后可领取和消费。'), activateButton(b),
        printForm(b)];
    }
    if (b.state === 'active') return [h('p', { class: 'muted' }, `激活于 ${Aixin.time(b.activated_at)}`), printForm(b)];
    return h('p', { class: 'muted' }, '正在发行，进度每半秒刷新一次。');
  }

  function renderDetail(b) {
    const panel = document.getElementById('batch-detail');
    if (detail && detail.id === b.id && detail.state === b.state) {
      detail.bar.update(b);
      const report = reportFigures(b);
      detail.report.replaceWith(report);
      detail.report = report;
      return;
    }
    const bar = progressBar(`批次 #${b.id} 详情发行进度`);
    bar.update(b);
    const report = reportFigures(b);
    panel.replaceChildren(
      h('h2', {}, `批次 #${b.id} · ${b.organization}`, ' ', stateBadge(b.state)),
      h('dl', { class: 'facts' },
        h('dt', {}, '面值'), h('dd', {}, yuan(b.face_value_fen)),
        h('dt', {}, '数量'), h('dd', {}, `${count(b.total)} 张`),
        h('dt', {}, '有效期至'), h('dd', {}, b.expires_at),
        h('dt', {}, '创建时间'), h('dd', {}, Aixin.time(b.created_at)),
        b.note ? [h('dt', {}, '备注'), h('dd', {}, b.note)] : null),
      bar.node,
      report,
      h('div', { class: 'batch-actions' }, actions(b)),
    );
    detail = { id: b.id, state: b.state, bar, report };
  }

  // ------------------------------------------------------------------ the form

  function setFaceOptions(values, chosen) {
    const select = document.getElementById('batch-face');
    select.replaceChildren(...values.map((fen) => h('option', { value: fen, selected: fen === chosen }, yuan(fen))));
  }

  async function create(form) {
    const data = new FormData(form);
    const body = {
      organization: String(data.get('organization')).trim(), face_value_fen: Number(data.get('face_value_fen')),
      count: Number(data.get('count')), expires_at: data.get('expires_at'), note: String(data.get('note')).trim(),
    };
    let b;
    try {
      b = await api(sess, 'POST', BATCHES, body);
    } catch (err) {
      if (err.code === 'invalid_face_value' && Array.isArray(err.details.allowed_fen)) {
        setFaceOptions(err.details.allowed_fen, err.details.allowed_fen[0]);
      }
      throw err;
    }
    notify(`批次 #${b.id} 已创建，正在发行 ${count(b.total)} 张卡`, 'ok');
    for (const name of ['organization', 'note']) form.elements[name].value = ''; // no second batch by accident
    selected = b.id;
    await loadList(1); // shows the new batch and follows it while it is issuing
  }

  function init() {
    setFaceOptions(DEFAULT_FACES, 10000);
    const form = document.getElementById('batch-form');
    form.elements.expires_at.value = AdminPage.aYearFrom(Aixin.shanghaiToday());
    form.elements.expires_at.min = AdminPage.addDays(Aixin.shanghaiToday(), 1);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => create(form), form.querySelector('button[type=submit]'));
    });
  }

  AdminPage.area('batches', { init, load: () => loadList() });
})();
