// 目录导入: upload a catalogue CSV; a progress bar while its rows are written (the server streams NDJSON progress
// lines once the whole file has been validated); then the summary, or every bad row (line, column, reason) in Chinese.
'use strict';

(() => {
  const { sess, count } = AdminPage;
  const { h, notify } = Aixin;

  /** The CSV's columns in Chinese (the reasons from the server are Chinese already). */
  const COLUMNS = {
    sku: '商品编码', name: '商品名称', brand: '品牌', category: '品类', unit: '单位', price: '价格（元）', stock: '库存',
    supplier: '供应商', supplier_type: '供应商类型', origin_province: '产地省份', origin_city: '产地地市',
    origin_county: '产地县区', cert_no: '认定证书编号', cert_valid_until: '认定有效期', poor_households: '带动脱贫户数',
    tags: '标签', aliases: '别名', origin_code: '产地区划代码',
  };

  function column(name) {
    if (!name) return '—';
    return COLUMNS[name] ? `${COLUMNS[name]}（${name}）` : name;
  }

  function summary(reply) {
    const figures = [
      ['文件行数', reply.rows], ['新增商品', reply.products_created], ['更新商品', reply.products_updated],
      ['未变化商品', reply.products_unchanged], ['新增供应商', reply.suppliers_created],
      ['更新供应商', reply.suppliers_updated], ['库存未改动', reply.stock_left_unchanged || 0],
    ];
    return [
      h('p', { class: 'result ok' }, `导入成功：共 ${count(reply.rows)} 行。`),
      h('div', { class: 'figures' }, figures.map(([label, value]) => h('div', { class: 'figure' },
        h('span', { class: 'label' }, label), h('strong', {}, count(value))))),
      ...formerPlaces(reply.mapped_from_former || []),
      h('p', { class: 'muted' }, '新导入且没有认定证书编号的商品在“认定审核”中等待认定。'),
      h('p', { class: 'muted' }, '文件中的库存只用作新商品的期初库存；已有商品的库存不会被导入改动（销售不会被撤销），'
        + '如需调整请在商品上修改库存，调整会记入库存流水。'),
    ];
  }

  /** Rows whose origin was written with a former county name or code, and today's county they were mapped to. */
  function formerPlaces(mapped) {
    if (!mapped.length) return [];
    return [h('p', { class: 'muted' }, `以下 ${count(mapped.length)} 行的产地是旧名或旧代码，已按今天的县区导入：`),
      h('ul', { id: 'import-former' }, mapped.map((m) => h('li', {},
        `第 ${m.line} 行 ${m.sku}：${m.written} → ${m.name}（${m.code}）`)))];
  }

  /** A progress bar for the rows written so far. */
  function progressBar() {
    const fill = h('div');
    const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-label': '导入进度', 'aria-valuemin': 0,
      'aria-valuemax': 100, 'aria-valuenow': 0 }, fill);
    const text = h('span', { class: 'progress-text' }, '正在校验文件 …');
    return {
      node: h('div', { class: 'progress-line', id: 'import-progress' }, bar, text),
      update(done, total) {
        const pct = total ? Math.floor((done * 100) / total) : 100;
        fill.style.width = `${pct}%`;
        bar.setAttribute('aria-valuenow', pct);
        text.textContent = `已写入 ${count(done)} / ${count(total)} 行 · ${pct}%`;
      },
    };
  }

  /**
   * POST the file asking for progress lines (application/x-ndjson): one {"done","total"} per chunk written, then
   * {"summary"} or {"error"}. A bad file is an ordinary JSON error before any line. Resolves to the summary.
   */
  async function importWithProgress(data, bar) {
    const headers = { Accept: 'application/x-ndjson' };
    if (sess.token) headers.Authorization = `Bearer ${sess.token}`;
    let response;
    try {
      response = await fetch('/api/v1/admin/catalog/import', { method: 'POST', headers, body: data });
    } catch (err) {
      throw new Aixin.ApiFailure(0, 'network_error');
    }
    if (!response.ok) {
      let error = {};
      try { error = (await response.json()).error || {}; } catch (_) { /* not our JSON */ }
      if (response.status === 401) sess.token = null;
      throw new Aixin.ApiFailure(response.status, error.code || `http_${response.status}`, error.details);
    }
    if (!(response.headers.get('Content-Type') || '').includes('ndjson')) return response.json();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffered += decoder.decode(value || new Uint8Array(), { stream: !done });
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const text of lines.filter((l) => l.trim())) {
        const item = JSON.parse(text);
        if (item.summary) return item.summary;
        if (item.error) throw new Aixin.ApiFailure(503, item.error.code, item.error.details);
        bar.update(item.done, item.total);
      }
      if (done) throw new Aixin.ApiFailure(0, 'network_error');
    }
  }

  function rowErrors(errors) {
    const rows = errors.map((e) => h('tr', {},
      h('td', {}, `第 ${e.line} 行`), h('td', {}, e.sku || '—'), h('td', {}, column(e.field)), h('td', {}, e.reason)));
    return [
      h('p', { class: 'result error' }, `目录文件有 ${count(errors.length)} 处错误，未导入任何内容。请修改以下各行后重新上传：`),
      h('div', { class: 'table-wrap' }, h('table', { id: 'import-errors' },
        h('thead', {}, h('tr', {}, h('th', {}, '行号'), h('th', {}, '商品编码'), h('th', {}, '列'), h('th', {}, '问题'))),
        h('tbody', {}, rows))),
    ];
  }

  async function upload(form, result) {
    const file = form.elements.file.files[0];
    if (!file) {
      notify(Aixin.errorText('file_missing'));
      return;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    const bar = progressBar();
    result.replaceChildren(h('p', { class: 'muted' }, `正在导入 ${file.name} …`), bar.node);
    try {
      result.replaceChildren(...summary(await importWithProgress(data, bar)));
      notify('目录导入成功', 'ok');
    } catch (err) {
      if (err instanceof Aixin.ApiFailure && err.code === 'catalog_invalid' && Array.isArray(err.details.errors)) {
        result.replaceChildren(...rowErrors(err.details.errors));
        return;
      }
      result.replaceChildren();
      throw err;
    }
  }

  function init() {
    const form = document.getElementById('import-form');
    const result = document.getElementById('import-result');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => upload(form, result), form.querySelector('button'));
    });
  }

  AdminPage.area('import', { init, load: async () => {} });
})();
