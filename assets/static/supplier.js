// The supplier's page: parcels to ship with a ship form, my products' stock with adjust, my sales, downloads.
// The 认定申请 tab is left for the certification applications (another part of issue 18).
'use strict';

(() => {
  const { api, h, yuan, notify } = Aixin;
  const sess = Aixin.session('supplier');
  const $ = (id) => document.getElementById(id);
  const STATE = { pending: '待发货', shipped: '已发货', refunded: '已退款' };

  async function run(action, button) {
    const result = await Aixin.guard(action, button);
    if (!sess.token) showLogin();
    return result;
  }

  const showLogin = Aixin.showStaffLogin;

  async function showApp(user) {
    if (!(await Aixin.admitStaff(sess, user, ['supplier_staff'], '请使用供应商账号登录'))) return;
    $('sales-to').value = Aixin.shanghaiToday();
    showTab('parcels');
  }

  // ---- tabs -----------------------------------------------------------------------------------------------------

  const LOADERS = { parcels: loadParcels, stock: loadStock, sales: loadSales, applications: () => {} };

  function showTab(name) {
    document.querySelectorAll('.tabs [role=tab]').forEach((tab) => {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      $(`tab-${tab.dataset.tab}`).hidden = !on;
    });
    LOADERS[name]();
  }

  // ---- parcels --------------------------------------------------------------------------------------------------

  function address(a) {
    if (!a) return '';
    const county = a.county !== a.city ? a.county : '';  // 东莞市: a city that is its own county
    return `${a.name} ${a.phone} ${a.province}${a.city}${county}${a.detail}`;
  }

  function shipForm(parcel) {
    const form = h('form', { class: 'ship-form', 'aria-label': `发货 ${parcel.order_no}` },
      h('label', {}, '快递公司', h('input', { name: 'carrier', required: true, maxlength: 32, value: '顺丰' })),
      h('label', {}, '快递单号', h('input', { name: 'tracking_no', required: true, maxlength: 64,
        pattern: '[A-Za-z0-9-]+', autocomplete: 'off' })),
      h('button', { type: 'submit' }, '确认发货'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      run(async () => {
        await api(sess, 'POST', `/api/v1/supplier/fulfilments/${parcel.id}/ship`,
          { carrier: data.get('carrier').trim(), tracking_no: data.get('tracking_no').trim() });
        notify(`订单 ${parcel.order_no} 已发货`, 'ok');
        await loadParcels();
      }, form.querySelector('button'));
    });
    return form;
  }

  function parcelCard(p) {
    return h('article', { class: 'parcel', dataset: { id: p.id } },
      h('div', { class: 'parcel-head' },
        h('strong', { class: 'order-no' }, `订单 ${p.order_no}`),
        h('span', { class: 'badge' }, STATE[p.state] || p.state)),
      h('ul', {}, p.lines.map((l) => h('li', {}, `${l.name} ×${l.qty}${l.unit}`, ' ',
        h('span', { class: 'muted money' }, yuan(l.amount_fen))))),
      h('div', { class: 'address' }, address(p.address)),
      p.note ? h('div', { class: 'muted' }, `买家备注：${p.note}`) : null,
      h('div', { class: 'muted' }, `付款 ${Aixin.time(p.paid_at)}`),
      p.tracking_no ? h('div', {}, `${p.carrier} ${p.tracking_no}（${Aixin.time(p.shipped_at)}）`) : null,
      p.state === 'pending' ? shipForm(p) : null);
  }

  async function loadParcels() {
    await run(async () => {
      const state = $('parcels-state').value;
      const page = await api(sess, 'GET', `/api/v1/supplier/fulfilments?page_size=50${state ? `&state=${state}` : ''}`);
      $('parcels-count').textContent = String(page.total);
      $('parcels-count').hidden = false;
      $('parcels-list').replaceChildren(...(page.items.length ? page.items.map(parcelCard)
        : [h('p', { class: 'muted' }, '没有包裹')]));
    });
  }

  function download(format, button) {
    const state = $('parcels-state').value || 'pending';
    run(() => Aixin.download(sess, `/api/v1/supplier/fulfilments/export?state=${state}&format=${format}`,
      `发货清单-${state}.${format}`), button);
  }

  // ---- stock ----------------------------------------------------------------------------------------------------

  function stockRow(p) {
    const input = h('input', { type: 'number', min: 0, step: 1, value: p.stock, 'aria-label': `${p.name} 库存` });
    const form = h('form', { class: 'stock-form' }, input, h('button', { type: 'submit', class: 'secondary' }, '调整'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run(async () => {
        const updated = await api(sess, 'PATCH', `/api/v1/supplier/products/${encodeURIComponent(p.sku)}`,
          { stock: Number(input.value), expected_stock: p.stock });
        notify(`${p.name} 库存已调整为 ${updated.stock}`, 'ok');
        await loadStock();
      }, form.querySelector('button'));
    });
    return h('tr', {},
      h('td', {}, p.name, h('div', { class: 'muted' }, `${p.sku} · ${yuan(p.price_fen)}/${p.unit}`),
        p.sellable ? null : h('span', { class: 'badge off' }, '不可售')),
      h('td', {}, form));
  }

  async function loadStock() {
    await run(async () => {
      const page = await api(sess, 'GET', '/api/v1/supplier/products?page_size=100');
      $('stock-list').replaceChildren(h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '商品'), h('th', {}, '库存'))),
        h('tbody', {}, page.items.map(stockRow)))));
    });
  }

  // ---- sales ----------------------------------------------------------------------------------------------------

  function table(head, rows) {
    return h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, head.map((x) => h('th', {}, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((x) => h('td', {}, x)))))));
  }

  async function loadSales() {
    await run(async () => {
      const from = $('sales-from').value;
      const to = $('sales-to').value;
      const query = [from ? `from=${from}` : '', to ? `to=${to}` : ''].filter(Boolean).join('&');
      const s = await api(sess, 'GET', `/api/v1/supplier/sales${query ? `?${query}` : ''}`);
      $('sales-body').replaceChildren(
        h('div', { class: 'sales-total' },
          h('span', {}, '销售额 ', h('strong', { class: 'money', id: 'sales-amount' }, yuan(s.amount_fen))),
          h('span', {}, `订单 ${s.orders}`), h('span', {}, `件数 ${s.quantity}`),
          h('span', {}, `带动贫困户 ${s.households} 户`)),
        h('p', { class: 'muted' }, `${s.from} 至 ${s.to}，线上订单（已付款、未退款）`),
        table(['商品', '件数', '订单', '金额'], s.by_product.map((r) => [r.name, r.quantity, r.orders, yuan(r.amount_fen)])),
        table(['日期', '件数', '订单', '金额'], s.by_day.map((r) => [r.key, r.quantity, r.orders, yuan(r.amount_fen)])));
    });
  }

  // ---- wiring ---------------------------------------------------------------------------------------------------

  Aixin.staffLogin(sess, $('login-form'), showApp);
  $('logout').addEventListener('click', async () => { await Aixin.logout(sess); showLogin(); });
  document.querySelectorAll('.tabs [role=tab]').forEach((tab) => tab.addEventListener('click', () => showTab(tab.dataset.tab)));
  $('parcels-state').addEventListener('change', loadParcels);
  $('download-csv').addEventListener('click', (e) => download('csv', e.currentTarget));
  $('download-xlsx').addEventListener('click', (e) => download('xlsx', e.currentTarget));
  $('sales-form').addEventListener('submit', (event) => { event.preventDefault(); loadSales(); });

  if (sess.token) {
    run(async () => showApp(await api(sess, 'GET', '/api/v1/me')));
  } else {
    showLogin();
  }
})();
