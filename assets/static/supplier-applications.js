// The supplier page's 认定申请 tab: apply to certify a product (the first time, the supplier too), upload supporting
// documents (images or PDF), follow each application's state; correct and resubmit a returned one; renew a
// certified one from a prefilled form. Self-contained: it fills #applications-body when its tab is opened.
'use strict';

(() => {
  const { api, h, notify } = Aixin;
  const sess = Aixin.session('supplier');
  const BASE = '/api/v1/supplier/applications';
  const $ = (id) => document.getElementById(id);
  const FIELDS = ['sku', 'name', 'brand', 'category', 'unit', 'origin_province', 'origin_city', 'origin_county'];
  let editing = null; // the returned application being corrected, or null for a new application

  function input(name, label, attrs = {}) {
    return h('label', {}, label, h('input', { name, id: `apply-${name}`, autocomplete: 'off', ...attrs }));
  }

  function form() {
    const mechanism = h('select', { name: 'households_mechanism', id: 'apply-households_mechanism' },
      Object.entries(AixinCert.MECHANISM).map(([value, text]) => h('option', { value }, text)));
    const node = h('form', { id: 'apply-form', class: 'apply-form' },
      input('sku', '商品编码', { required: true, maxlength: 64, pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]*' }),
      input('name', '商品名称', { required: true, maxlength: 128 }), input('brand', '品牌', { maxlength: 64 }),
      input('category', '类别', { required: true, maxlength: 32 }), input('unit', '单位', { required: true, maxlength: 16 }),
      input('price', '价格（元）', { required: true, type: 'number', min: '0.01', step: '0.01' }),
      input('stock', '库存', { type: 'number', min: '0', step: '1', value: '0' }),
      input('origin_province', '产地省份', { required: true, placeholder: '广东省' }),
      input('origin_city', '产地地市', { placeholder: '清远市（省直辖县留空）' }),
      input('origin_county', '产地县区', { required: true, placeholder: '佛冈县' }),
      input('poor_households', '带贫户数', { required: true, type: 'number', min: '0', step: '1' }),
      h('label', {}, '利益联结方式', mechanism),
      h('div', { class: 'apply-actions' }, h('button', { type: 'submit', id: 'apply-submit' }, '提交申请'),
        h('button', { type: 'button', class: 'secondary', id: 'apply-reset', onclick: () => fill(null) }, '清空')));
    node.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
    return node;
  }

  function fill(a, mode = null) {
    editing = mode === 'resubmit' ? a : null;
    for (const name of FIELDS) $(`apply-${name}`).value = a ? a[name] || '' : '';
    $('apply-price').value = a ? (a.price_fen / 100).toFixed(2) : '';
    $('apply-stock').value = a ? a.stock : 0;
    $('apply-poor_households').value = a ? a.poor_households : '';
    $('apply-households_mechanism').value = a ? a.households_mechanism : 'employment';
    $('apply-sku').readOnly = Boolean(editing);
    $('apply-submit').textContent = editing ? '修改后重新提交' : '提交申请';
    $('apply-title').textContent = editing ? `修改被退回的申请：${a.name}` : (a ? `续期申请：${a.name}` : '申请认定扶贫产品');
    if (a) $('apply-form').scrollIntoView({ block: 'start' });
  }

  function body() {
    const data = Object.fromEntries(FIELDS.map((name) => [name, $(`apply-${name}`).value.trim()]));
    return { ...data, price_fen: Math.round(Number($('apply-price').value) * 100), stock: Number($('apply-stock').value || 0),
      poor_households: Number($('apply-poor_households').value || 0),
      households_mechanism: $('apply-households_mechanism').value };
  }

  async function submit() {
    await Aixin.guard(async () => {
      const data = body();
      if (editing) {
        delete data.sku;
        await api(sess, 'POST', `${BASE}/${editing.id}/resubmit`, data);
        notify('已重新提交，等待县级审核', 'ok');
      } else {
        await api(sess, 'POST', BASE, data);
        notify('申请已提交，请上传证明材料', 'ok');
      }
      fill(null);
      await load();
    }, $('apply-submit'));
  }

  function uploader(a) {
    const file = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp,application/pdf',
      'aria-label': `上传材料：${a.name}` });
    file.addEventListener('change', () => Aixin.guard(async () => {
      const data = new FormData();
      data.append('file', file.files[0]);
      await api(sess, 'POST', `${BASE}/${a.id}/documents`, data);
      notify('材料已上传', 'ok');
      await load();
    }));
    return h('label', { class: 'button secondary upload' }, '上传材料（图片或 PDF）', file);
  }

  function item(a) {
    const details = h('div', { hidden: true }, AixinCert.facts(a), AixinCert.documents(sess, BASE, a), AixinCert.steps(a));
    const actions = [h('button', { type: 'button', class: 'secondary', onclick: () => { details.hidden = !details.hidden; } },
      '详情')];
    if (a.state === 'submitted' || a.state === 'returned') actions.push(uploader(a));
    if (a.state === 'returned') {
      actions.push(h('button', { type: 'button', onclick: () => fill(a, 'resubmit') }, '修改并重新提交'));
    }
    if (a.state === 'certified') {
      actions.push(h('button', { type: 'button', class: 'secondary',
        onclick: () => Aixin.guard(async () => fill(await api(sess, 'GET', `${BASE}/${a.id}/renewal`))) }, '续期'));
    }
    return h('div', { class: 'parcel', dataset: { application: a.id } },
      h('div', { class: 'parcel-head' }, h('strong', {}, a.name), AixinCert.stateBadge(a.state)),
      h('div', { class: 'muted' }, `${a.sku} · ${AixinCert.origin(a)} · 材料 ${a.documents.length} 份`
        + `${a.valid_until ? ` · 有效期至 ${a.valid_until}` : ''}`),
      a.reason ? h('p', { class: 'hint warn' }, `理由：${a.reason}`) : null,
      h('div', { class: 'apply-actions' }, actions), details);
  }

  async function load() {
    const page = await api(sess, 'GET', `${BASE}?page_size=100`);
    $('applications-list').replaceChildren(...(page.items.length ? page.items.map(item)
      : [h('p', { class: 'muted' }, '还没有认定申请。')]));
  }

  function open() {
    const body = $('applications-body');
    if (!body) return;
    if (!$('apply-form')) {
      body.replaceChildren(h('h3', {}, '我的申请'), h('div', { id: 'applications-list' }),
        h('h3', { id: 'apply-title' }, '申请认定扶贫产品'),
        h('p', { class: 'muted' }, '第一次申请时同时申请供应商认定。提交后上传营业执照、带贫户名单等材料（图片或 PDF，每个不超过 5 MB），'
          + '依次经县级审核、市级审核、省级认定。'), form());
    }
    Aixin.guard(load);
  }

  const tab = document.querySelector('.tabs [data-tab=applications]');
  if (tab) tab.addEventListener('click', open);
})();
