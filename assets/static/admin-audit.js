// 审计: the audit trail, newest first, paged; filtered by who (the staff username), action, object and days. Each
// entry says in Chinese what changed (field: before → after).
'use strict';

(() => {
  const { sess, fillTable, pager } = AdminPage;
  const { h, api } = Aixin;
  const AUDIT = '/api/v1/admin/audit';
  const PAGE_SIZE = 20;
  const MAX_CHANGES = 6;

  // Actions the services record, in Chinese; "x.*" is the whole family. An action not listed shows as it is.
  const ACTIONS = {
    'product.*': '商品：全部操作', 'product.create': '新建商品', 'product.update': '编辑商品',
    'product.certify': '认定商品', 'product.recertify': '重新认定商品', 'product.revoke': '撤销认定 / 驳回商品',
    'product.import_create': '导入新增商品', 'product.import_update': '导入更新商品',
    'supplier.*': '供应商：全部操作', 'supplier.create': '新建供应商', 'supplier.update': '编辑供应商',
    'supplier.certify': '认定供应商', 'supplier.revoke': '撤销认定 / 驳回供应商',
    'supplier.add_staff': '新增供应商员工账号',
    'supplier.import_create': '导入新增供应商', 'supplier.import_update': '导入更新供应商',
    'card.*': '爱心卡：全部操作', 'card.adjust': '调整爱心卡余额', 'card.close': '注销爱心卡',
    'card_batch.*': '爱心卡批次：全部操作', 'card_batch.create': '发行批次', 'card_batch.activate': '激活批次',
    'card_batch.retry': '重试批次',
    'merchant.*': '商户：全部操作', 'merchant.create': '新建商户', 'merchant.attach_staff': '绑定商户店员',
    'merchant.rotate_code': '更换专柜二维码',
    'settlement.close': '商户日结',
    'throttle.*': '访问限制：全部', 'throttle.limit': '触发频率限制', 'throttle.lockout': '登录锁定',
  };
  const ENTITIES = {
    product: '商品', supplier: '供应商', card: '爱心卡', card_batch: '爱心卡批次', merchant: '商户',
    settlement: '日结', throttle: '访问限制', user: '账号', organization: '单位',
  };
  const FIELDS = {
    name: '名称', brand: '品牌', category: '品类', unit: '单位', price_fen: '价格', stock: '库存',
    supplier_id: '供应商', origin_id: '产地', tags: '标签', aliases: '别名', cert_status: '认定状态',
    cert_no: '认定证书', certified_at: '认定时间', valid_until: '有效期至', revoked_reason: '撤销理由',
    type: '类型', region_id: '地区', households_lifted: '带动脱贫户', balance_fen: '余额', status: '状态',
    state: '状态', face_value_fen: '面值', count: '数量', organization: '单位', note: '备注', reason: '理由',
  };
  const CERT = { pending: '待认定', certified: '已认定', revoked: '已撤销' };

  let filters = {};
  let page = 1;
  let seqNo = 0; // the latest list asked for: an older reply arriving after it is dropped

  function value(field, v) {
    if (v === null || v === undefined || v === '') return '（空）';
    if (field.endsWith('_fen') && typeof v === 'number') return Aixin.yuan(v);
    if (field === 'cert_status' && CERT[v]) return CERT[v];
    if (field.endsWith('_at') && typeof v === 'string') return Aixin.time(v);
    if (Array.isArray(v)) return v.join('、') || '（空）';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  /** What changed, field by field (a creation lists what it was created with). */
  function changes(entry) {
    const before = entry.before || {};
    const after = entry.after || {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    const shown = fields.slice(0, MAX_CHANGES).map((f) => h('li', {}, `${FIELDS[f] || f}：`,
      entry.before ? `${value(f, before[f])} → ` : '', value(f, after[f])));
    if (fields.length > MAX_CHANGES) shown.push(h('li', { class: 'muted' }, `……等 ${fields.length} 项`));
    if (!entry.before && entry.after) shown.unshift(h('li', { class: 'muted' }, '新建'));
    return shown.length ? h('ul', { class: 'changes' }, shown) : h('span', { class: 'muted' }, '无字段变化');
  }

  function row(e) {
    return h('tr', { dataset: { auditId: e.id } },
      h('td', {}, Aixin.time(e.created_at)),
      h('td', {}, e.actor),
      h('td', {}, ACTIONS[e.action] || e.action, h('div', { class: 'muted' }, e.action)),
      h('td', {}, `${ENTITIES[e.entity_type] || e.entity_type} ${e.entity_id}`),
      h('td', {}, changes(e)),
    );
  }

  async function load(p = page) {
    page = p;
    const seq = ++seqNo;
    const params = new URLSearchParams({ page: String(p), page_size: String(PAGE_SIZE) });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    const reply = await api(sess, 'GET', `${AUDIT}?${params}`);
    if (seq !== seqNo) return;
    fillTable('audit', reply.items.map(row));
    pager('audit-pager', p, PAGE_SIZE, reply.total, (n) => Aixin.guard(() => load(n)));
  }

  function init() {
    const form = document.getElementById('audit-form');
    form.elements.action.replaceChildren(h('option', { value: '' }, '全部操作'),
      ...Object.entries(ACTIONS).map(([k, v]) => h('option', { value: k }, v)));
    form.elements.entity_type.replaceChildren(h('option', { value: '' }, '全部对象'),
      ...Object.entries(ENTITIES).map(([k, v]) => h('option', { value: k }, v)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      filters = Object.fromEntries(['actor', 'action', 'entity_type', 'entity_id', 'from', 'to']
        .map((k) => [k, String(data.get(k) || '').trim()]));
      Aixin.guard(() => load(1), form.querySelector('button'));
    });
  }

  AdminPage.area('audit', { init, load: () => load() });
})();
