// 认定审核: products and suppliers awaiting certification, and the certified products (found by name) to revoke.
'use strict';

(() => {
  const { sess, fillTable, pager, reasonAction } = AdminPage;
  const { h, api, notify } = Aixin;
  const PAGE_SIZE = 20;
  const ADMIN = '/api/v1/admin';
  const pages = { products: 1, suppliers: 1, certified: 1 };
  let query = '';
  let listed = 'certified'; // or 'revoked' (the list's 认定状态 filter)
  let certifiedSeq = 0; // the latest list asked for: an older reply arriving after it is dropped

  function nameCell(name, ...notes) {
    return h('td', {}, h('strong', {}, name), h('div', { class: 'muted' }, notes.filter(Boolean).join(' · ')));
  }

  function sellableBadge(sellable) {
    return sellable ? h('span', { class: 'badge' }, '在售') : h('span', { class: 'badge warn' }, '暂不可售');
  }

  // ------------------------------------------------------------------ pending products

  function certifyProductForm(product) {
    const certNo = h('input', { name: 'cert_no', 'aria-label': '认定证书编号', placeholder: '认定证书编号', maxlength: 64,
      required: true });
    const today = Aixin.shanghaiToday();
    const until = h('input', { name: 'valid_until', type: 'date', 'aria-label': '有效期至', required: true,
      min: AdminPage.addDays(today, 1), value: AdminPage.aYearFrom(today) });
    const form = h('form', { class: 'inline certify' }, certNo, h('span', { class: 'muted' }, '有效期至'), until,
      h('button', { type: 'submit' }, '认定'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(async () => {
        const done = await api(sess, 'POST', `${ADMIN}/products/${encodeURIComponent(product.sku)}/certify`,
          { cert_no: certNo.value.trim(), valid_until: until.value });
        notify(done.sellable ? `已认定：${done.name}（有效期至 ${done.valid_until}）`
          : `已认定：${done.name}；供应商尚未认定，暂不可售`, 'ok');
        await Promise.all([loadPendingProducts(), loadCertified()]);
      }, form.querySelector('button'));
    });
    return form;
  }

  // A certified product is revoked (撤销认定); a pending one was never certified, so the same act rejects it (驳回).
  function revokeProduct(product, reload, label = '撤销认定') {
    return reasonAction(label, async (reason) => {
      const done = await api(sess, 'POST', `${ADMIN}/products/${encodeURIComponent(product.sku)}/revoke`, { reason });
      notify(label === '驳回' ? `已驳回：${done.name}` : `已撤销认定：${done.name}`, 'ok');
      await reload();
    });
  }

  function pendingProductRow(p) {
    return h('tr', { dataset: { sku: p.sku } },
      nameCell(p.name, p.sku, p.category),
      h('td', {}, p.supplier_name, h('div', { class: 'muted' }, p.origin_county)),
      h('td', { class: 'money' }, `${Aixin.yuan(p.price_fen)} / ${p.unit}`),
      h('td', { class: 'actions' }, certifyProductForm(p), revokeProduct(p, loadPendingProducts, '驳回')),
    );
  }

  async function loadPendingProducts(page = pages.products) {
    pages.products = page;
    const reply = await api(sess, 'GET', `${ADMIN}/products?status=pending&page=${page}&page_size=${PAGE_SIZE}`);
    fillTable('pending-products', reply.items.map(pendingProductRow));
    pager('pending-products-pager', page, PAGE_SIZE, reply.total, (p) => Aixin.guard(() => loadPendingProducts(p)));
  }

  // ------------------------------------------------------------------ pending suppliers

  function certifySupplierForm(supplier) {
    const certNo = h('input', { name: 'cert_no', 'aria-label': '认定证书编号（可选）', placeholder: '证书编号（可选）',
      maxlength: 64 });
    const form = h('form', { class: 'inline certify' }, certNo, h('button', { type: 'submit' }, '认定'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(async () => {
        const done = await api(sess, 'POST', `${ADMIN}/suppliers/${supplier.id}/certify`,
          { cert_no: certNo.value.trim() || null });
        notify(`已认定供应商：${done.name}`, 'ok');
        await loadPendingSuppliers();
      }, form.querySelector('button'));
    });
    return form;
  }

  function pendingSupplierRow(s) {
    const revoke = reasonAction('驳回', async (reason) => {  // pending: never certified, so 驳回 (rejected)
      const done = await api(sess, 'POST', `${ADMIN}/suppliers/${s.id}/revoke`, { reason });
      notify(`已驳回供应商：${done.name}`, 'ok');
      await loadPendingSuppliers();
    });
    return h('tr', { dataset: { supplierId: s.id } },
      nameCell(s.name, s.region_code ? `地区 ${s.region_code}` : ''),
      h('td', {}, s.type),
      h('td', {}, `${AdminPage.count(s.households_lifted)} 户`),
      h('td', { class: 'actions' }, certifySupplierForm(s), revoke),
    );
  }

  async function loadPendingSuppliers(page = pages.suppliers) {
    pages.suppliers = page;
    const reply = await api(sess, 'GET', `${ADMIN}/suppliers?status=pending&page=${page}&page_size=${PAGE_SIZE}`);
    fillTable('pending-suppliers', reply.items.map(pendingSupplierRow));
    pager('pending-suppliers-pager', page, PAGE_SIZE, reply.total, (p) => Aixin.guard(() => loadPendingSuppliers(p)));
  }

  // ------------------------------------------------------------------ certified products

  function certifiedRow(p) {
    const revoked = p.cert_status === 'revoked';
    return h('tr', { dataset: { sku: p.sku } },
      nameCell(p.name, p.sku, p.category),
      h('td', {}, p.supplier_name, h('div', { class: 'muted' }, p.origin_county)),
      h('td', {}, p.cert_no || '—', h('div', { class: 'muted' }, p.valid_until ? `有效期至 ${p.valid_until}` : ''),
        revoked ? [h('span', { class: 'badge off' }, '已撤销'),
          h('div', { class: 'muted' }, `理由：${p.revoked_reason || '—'}`)] : sellableBadge(p.sellable)),
      h('td', { class: 'actions' }, revoked ? AdminRecertify.form(p, loadCertified) : revokeProduct(p, loadCertified)),
    );
  }

  async function loadCertified(page = pages.certified) {
    pages.certified = page;
    const seq = ++certifiedSeq;
    const search = query ? `&q=${encodeURIComponent(query)}` : '';
    const reply = await api(sess, 'GET',
      `${ADMIN}/products?status=${listed}${search}&page=${page}&page_size=${PAGE_SIZE}`);
    if (seq !== certifiedSeq) return;
    const { items, total } = reply;
    const kind = listed === 'revoked' ? '已撤销认定（或驳回）的产品' : '已认定产品';
    const note = listed === 'revoked' ? '' : '（在售与否都列出）';
    document.getElementById('certified-hint').textContent = query
      ? `名称或编码含“${query}”的${kind}${note}，最近变更的在前。`
      : `全部${kind}，最近变更的在前；输入名称或编码可查找。`;
    document.getElementById('certified-products-empty').textContent = `没有找到${kind}。`;
    fillTable('certified-products', items.map(certifiedRow));
    pager('certified-products-pager', page, PAGE_SIZE, total, (p) => Aixin.guard(() => loadCertified(p)));
  }

  function init() {
    const form = document.getElementById('certified-search');
    form.elements.status.addEventListener('change', () => form.requestSubmit());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      query = form.elements.q.value.trim();
      listed = form.elements.status.value;
      Aixin.guard(() => loadCertified(1), form.querySelector('button'));
    });
  }

  AdminPage.area('certify', {
    init,
    load: () => Promise.all([loadPendingProducts(), loadPendingSuppliers(), loadCertified()]),
  });
})();
