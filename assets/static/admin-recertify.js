// 重新认定: the form under a revoked (or rejected) product in 认定审核's list of certified products when its filter
// shows 已撤销. A validity date (a year from today by default, after today at least) and the certificate number
// (the former one, which may be changed; required when the product never had one). Audited as product.recertify.
'use strict';

const AdminRecertify = (() => {
  const { sess } = AdminPage;
  const { h, api, notify } = Aixin;

  /** The 重新认定 form for `product`; `reload()` after success. */
  function form(product, reload) {
    const today = Aixin.shanghaiToday();
    const until = h('input', { name: 'valid_until', type: 'date', 'aria-label': '重新认定有效期至', required: true,
      min: AdminPage.addDays(today, 1), value: AdminPage.aYearFrom(today) });
    const certNo = h('input', { name: 'cert_no', 'aria-label': '认定证书编号', placeholder: '认定证书编号', maxlength: 64,
      value: product.cert_no || '', required: !product.cert_no });
    const node = h('form', { class: 'inline recertify' }, certNo, h('span', { class: 'muted' }, '有效期至'), until,
      h('button', { type: 'submit' }, '重新认定'));
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(async () => {
        const body = { valid_until: until.value };
        if (certNo.value.trim()) body.cert_no = certNo.value.trim();
        const done = await api(sess, 'POST', `/api/v1/admin/products/${encodeURIComponent(product.sku)}/recertify`,
          body);
        notify(done.sellable ? `已重新认定：${done.name}（有效期至 ${done.valid_until}）`
          : `已重新认定：${done.name}；供应商未认定，暂不可售`, 'ok');
        await reload();
      }, node.querySelector('button'));
    });
    return node;
  }

  return { form };
})();
