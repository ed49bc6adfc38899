// 订单: find orders by order number or by the phone of their shipping address (digits only), or list them by status;
// one order in full (lines, address, payments, history) with 发货 (carrier + tracking number), 退款 and 取消订单.
'use strict';

(() => {
  const { sess, fillTable, pager, reasonAction } = AdminPage;
  const { h, api, notify, yuan } = Aixin;
  const ORDERS = '/api/v1/admin/orders';
  const PAGE_SIZE = 20;
  const STATUS = {
    pending_payment: ['待支付', 'warn'], paid: ['已支付', ''], shipped: ['已发货', ''], completed: ['已完成', ''],
    cancelled: ['已取消', 'off'], refunding: ['退款中', 'warn'], refunded: ['已退款', 'off'],
  };
  const METHOD = { wechat: '微信支付', card: '爱心卡' };
  const PAYMENT_STATUS = { pending: '待支付', succeeded: '已支付' };
  const CARRIERS = ['顺丰速运', '中国邮政 EMS', '京东物流', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递'];
  const ORDER_NO_DIGITS = 16; // order numbers have 20 digits, phones at most 13 (+86)

  let search = { phone: '', status: '' };
  let page = 1;
  let selected = null; // order_no on screen
  let listSeq = 0; // the latest list asked for: an older reply arriving after it is dropped

  function statusText(order) {
    const [text] = STATUS[order.status] || [order.status];
    if (order.status === 'paid' && order.partly_shipped) return '部分发货 · 其余待发';
    if (order.status === 'paid') return order.kind === 'card' ? '已支付 · 卡已发放' : '已支付 · 待发货';
    return text;
  }

  function statusBadge(order) {
    const [, kind] = STATUS[order.status] || ['', 'warn'];
    return h('span', { class: `badge ${kind}`.trim(), dataset: { status: order.status } }, statusText(order));
  }

  function addressText(s) {
    if (!s) return '';
    const county = s.county && s.county !== s.city ? s.county : '';  // 东莞市: a city that is its own county
    return `${s.province || ''}${s.city || ''}${county}${s.detail || ''}`;
  }

  function consignee(order) {
    const s = order.shipping;
    if (!s) return order.kind === 'card' ? '爱心卡（无需收货）' : '—';
    return `${s.name} ${s.phone}`;
  }

  // ------------------------------------------------------------------ the list

  function listRow(o) {
    const open = () => Aixin.guard(() => showDetail(o.order_no));
    return h('tr', { dataset: { orderNo: o.order_no }, class: o.order_no === selected ? 'selected' : null },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: open }, o.order_no),
        h('div', { class: 'muted' }, o.items.map((l) => `${l.name} × ${l.qty}`).join('，'))),
      h('td', {}, consignee(o), h('div', { class: 'muted' }, addressText(o.shipping))),
      h('td', { class: 'money' }, yuan(o.total_fen)),
      h('td', {}, statusBadge(o)),
      h('td', {}, Aixin.time(o.created_at)),
    );
  }

  async function loadList(p = page) {
    page = p;
    const seq = ++listSeq;
    const params = new URLSearchParams({ page: String(p), page_size: String(PAGE_SIZE) });
    if (search.phone) params.set('phone', search.phone);
    if (search.status) params.set('status', search.status);
    const reply = await api(sess, 'GET', `${ORDERS}?${params}`);
    if (seq !== listSeq) return reply;
    fillTable('orders', reply.items.map(listRow));
    pager('orders-pager', p, PAGE_SIZE, reply.total, (n) => Aixin.guard(() => loadList(n)));
    const status = search.status ? `“${STATUS[search.status][0]}”的` : '';
    document.getElementById('orders-hint').textContent = search.phone
      ? `收货手机号为 ${search.phone} 的${status}订单，共 ${AdminPage.count(reply.total)} 个，最新的在前。`
      : `全部${status}订单，最新的在前；输入订单号或收货手机号可查找。`;
    return reply;
  }

  /** One order by its number: shown in the list alone and opened. */
  async function findByNumber(orderNo) {
    const seq = ++listSeq; // a list still on its way must not replace this one
    const detail = await showDetail(orderNo);
    if (seq !== listSeq) return;
    fillTable('orders', [listRow(detail.order)]);
    pager('orders-pager', 1, PAGE_SIZE, 1, () => {});
    document.getElementById('orders-hint').textContent = `订单号 ${orderNo}。`;
  }

  // ------------------------------------------------------------------ one order

  function facts(order) {
    const s = order.shipping;
    const pairs = [
      ['类型', order.kind === 'card' ? '爱心卡订单' : '商品订单'],
      ['金额', yuan(order.total_fen)],
      ['下单时间', Aixin.time(order.created_at)],
      order.pay_deadline ? ['支付期限', Aixin.time(order.pay_deadline)] : null,
      s ? ['收货人', `${s.name} ${s.phone}`] : null,
      s ? ['收货地址', addressText(s)] : null,
      order.carrier ? ['物流', `${order.carrier} ${order.tracking_no || ''}`.trim()] : null,
      order.refunded_fen != null ? ['已退金额', yuan(order.refunded_fen)] : null,
      order.note ? ['备注', order.note] : null,
    ].filter(Boolean);
    return h('dl', { class: 'facts' }, pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  function linesTable(order) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'stack order-lines' },
      h('thead', {}, h('tr', {}, ['商品', '产地', '单价', '数量', '金额'].map((t) => h('th', {}, t)))),
      h('tbody', {}, order.items.map((l) => h('tr', {},
        h('td', {}, h('strong', {}, l.name), h('div', { class: 'muted' }, l.sku)),
        h('td', {}, l.origin_county, l.poverty_county ? [' ', h('span', { class: 'badge' }, '贫困县')] : null),
        h('td', { class: 'money' }, `${yuan(l.price_fen)} / ${l.unit}`),
        h('td', {}, `× ${l.qty}`),
        h('td', { class: 'money' }, yuan(l.amount_fen)),
      )))));
  }

  function paymentsTable(payments) {
    if (!payments.length) return h('p', { class: 'muted' }, '还没有支付记录。');
    return h('div', { class: 'table-wrap' }, h('table', { class: 'stack order-payments' },
      h('thead', {}, h('tr', {}, ['方式', '金额', '状态', '时间', '交易号'].map((t) => h('th', {}, t)))),
      h('tbody', {}, payments.map((p) => h('tr', {},
        h('td', {}, METHOD[p.method] || p.method),
        h('td', { class: 'money' }, yuan(p.amount_fen)),
        h('td', {}, h('span', { class: p.status === 'succeeded' ? 'badge' : 'badge warn' },
          PAYMENT_STATUS[p.status] || p.status)),
        h('td', {}, Aixin.time(p.succeeded_at || p.created_at)),
        h('td', { class: 'muted' }, p.transaction_id || p.out_trade_no),
      )))));
  }

  function history(events) {
    const name = (s) => (STATUS[s] ? STATUS[s][0] : s);
    return h('ol', { class: 'order-history' }, events.map((e) => h('li', {},
      h('span', { class: 'muted' }, Aixin.time(e.created_at)), ' ',
      e.from_status ? `${name(e.from_status)} → ${name(e.to_status)}` : name(e.to_status),
      `（${e.actor === 'system' ? '系统' : e.actor}${e.reason ? `：${e.reason}` : ''}）`)));
  }

  function shipForm(order) {
    const carrier = h('input', { name: 'carrier', 'aria-label': '快递公司', placeholder: '快递公司', maxlength: 32,
      required: true, list: 'carriers' });
    const tracking = h('input', { name: 'tracking_no', 'aria-label': '运单号', placeholder: '运单号', maxlength: 64,
      required: true, autocomplete: 'off' });
    const form = h('form', { class: 'inline ship' },
      h('datalist', { id: 'carriers' }, CARRIERS.map((c) => h('option', { value: c }))),
      carrier, tracking, h('button', { type: 'submit' }, '确认发货'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(async () => {
        const done = await api(sess, 'POST', `${ORDERS}/${order.order_no}/ship`,
          { carrier: carrier.value.trim(), tracking_no: tracking.value.trim() });
        notify(`已发货：${done.order_no}（${done.carrier} ${done.tracking_no}）`, 'ok');
        await refresh(order.order_no);
      }, form.querySelector('button[type=submit]'));
    });
    return form;
  }

  function actions(order) {
    const goods = order.kind === 'goods';
    const act = (path, label, verb, said) => reasonAction(label, async (reason) => {
      const done = await api(sess, 'POST', `${ORDERS}/${order.order_no}/${path}`, { reason });
      const amount = path === 'refund' ? ` ${yuan(done.refunded_fen ?? done.total_fen)}` : '';
      notify(`${said}${amount}：${done.order_no}`, 'ok');
      await refresh(order.order_no);
    }, verb);
    const parts = [];
    if (goods && order.status === 'paid') parts.push(h('h3', {}, '发货'), shipForm(order));
    if (goods && ['paid', 'shipped'].includes(order.status)) {
      parts.push(act('refund', '退款', '退款', '已退款'));
    }
    if (order.status === 'pending_payment') parts.push(act('cancel', '取消订单', '取消订单', '已取消订单'));
    return parts.length ? h('div', { class: 'order-actions' }, parts) : null;
  }

  async function showDetail(orderNo) {
    const detail = await api(sess, 'GET', `${ORDERS}/${encodeURIComponent(orderNo)}/details`);
    const { order } = detail;
    selected = order.order_no;
    document.querySelectorAll('#orders tbody tr').forEach((tr) => {
      tr.classList.toggle('selected', tr.dataset.orderNo === selected);
    });
    document.getElementById('order-detail').replaceChildren(...[
      h('h2', {}, `订单 ${order.order_no}`, ' ', statusBadge(order)),
      facts(order),
      actions(order),
      h('h3', {}, '商品'), linesTable(order),
      h('h3', {}, '支付'), paymentsTable(detail.payments),
      h('h3', {}, '状态记录'), history(detail.events),
    ].filter(Boolean));
    return detail;
  }

  async function refresh(orderNo) {
    await showDetail(orderNo);
    const row = document.querySelector(`#orders tbody tr[data-order-no="${orderNo}"]`);
    if (search.phone || search.status || !row) await loadList();
    else row.replaceWith(listRow((await api(sess, 'GET', `${ORDERS}/${orderNo}`))));
  }

  function init() {
    const form = document.getElementById('order-search');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = form.elements.q.value.trim();
      const digits = typed.replace(/\D/g, '');
      search = { phone: '', status: form.elements.status.value };
      Aixin.guard(async () => {
        if (digits.length >= ORDER_NO_DIGITS && !typed.includes('+')) {
          await findByNumber(digits);
          return;
        }
        search.phone = typed;
        await loadList(1);
      }, form.querySelector('button'));
    });
  }

  AdminPage.area('orders', { init, load: () => loadList() });
})();
