// 我的订单 on the consumer page: the list; an unpaid order is paid with WeChat Pay or (goods only) with one of my
// love cards, or cancelled; a goods order not yet shipped is sent to another saved address (chat-reship.js). Every fresh list is handed to `onOrders`, so the order cards in the chat follow it.
// chat.js creates it.
'use strict';

window.AixinChatOrders = ({ sess, run, cards, onOrders, loggedOut }) => {
  const { h, api, yuan } = Aixin;
  const $ = (id) => document.getElementById(id);

  const ORDER_STATUS = {
    pending_payment: '待支付', paid: '已支付', shipped: '已发货', completed: '已完成', cancelled: '已取消',
    refunding: '退款中', refunded: '已退款',
  };
  const ORDER_LOOK = { pending_payment: 'warn', refunding: 'warn', cancelled: 'off', refunded: 'off' };
  const FOLLOW_MS = 750;
  const FOLLOW_TIMES = 20;
  const seen = new Map(); // order_no → the status the last list showed
  const reship = window.AixinChatReship({ sess, loggedOut, reload: () => load() });

  function statusBadge(order) {
    return h('span', { class: `badge ${ORDER_LOOK[order.status] || ''}`.trim() },
      ORDER_STATUS[order.status] || order.status);
  }

  /** What happens next, in a few words: love cards are delivered on payment, goods wait for shipping. */
  function statusNote(order) {
    if (order.partly_shipped) return '部分已发货';
    if (order.status === 'paid') return order.kind === 'card' ? '爱心卡已发放到“我的爱心卡”' : '待发货';
    if (order.status === 'shipped' && order.carrier) return `${order.carrier} ${order.tracking_no || ''}`.trim();
    return '';
  }

  const PARCEL_STATE = { pending: '待发货', shipped: '已发货', refunded: '已退款' };

  /** An order from several suppliers comes in several parcels: each with its state and tracking number. */
  function parcelList(order) {
    const parts = order.fulfilments || [];
    if (parts.length < 2) return null;
    return h('ul', { class: 'parcels', 'aria-label': '包裹' }, parts.map((p) => h('li', { class: `parcel ${p.state}` },
      h('span', {}, `${p.supplier}：${p.lines.map((l) => `${l.name} ×${l.qty}`).join('，')}`),
      h('span', { class: 'muted' }, PARCEL_STATE[p.state] || p.state,
        p.tracking_no ? ` · ${p.carrier || '快递'} ${p.tracking_no}` : ''))));
  }

  function path(order, action = '') {
    return `/api/v1/orders/${encodeURIComponent(order.order_no)}${action}`;
  }

  // ---------------------------------------------------------------- the list

  function orderRow(order) {
    const items = order.kind === 'card' ? '消费扶贫爱心卡'
      : order.items.map((line) => `${line.name} ×${line.qty}${line.unit}`).join('，');
    const unpaid = order.status === 'pending_payment';
    const note = statusNote(order);
    return h('article', { class: 'order-row', dataset: { orderNo: order.order_no } },
      h('div', { class: 'row-head' }, h('span', { class: 'order-no' }, order.order_no), statusBadge(order)),
      h('div', {}, items),
      order.kind === 'goods' && order.shipping
        ? h('div', { class: 'muted order-address' }, `寄到：${reship.addressText(order.shipping)}`) : null,
      note ? h('div', { class: 'muted order-note' }, note) : null,
      parcelList(order),
      unpaid && order.pay_deadline ? h('div', { class: 'muted' }, `请在 ${Aixin.time(order.pay_deadline)} 前支付`) : null,
      h('div', { class: 'row-foot' },
        h('span', { class: 'money' }, yuan(order.total_fen)),
        h('span', { class: 'muted' }, Aixin.time(order.created_at))),
      unpaid ? h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary small', onclick: (e) => cancelClicked(order, e.currentTarget) },
          '取消'),
        // Love cards buy certified goods only, never other love cards.
        order.kind === 'goods' ? h('button', { type: 'button', class: 'secondary small',
          onclick: () => cardPay.open(order) }, '用爱心卡支付') : null,
        reship.reshippable(order) ? h('button', { type: 'button', class: 'secondary small',
          onclick: () => reship.open(order) }, '改地址') : null,
        h('button', { type: 'button', class: 'small', onclick: (e) => payClicked(order, e.currentTarget) }, '去支付'))
        : reship.reshippable(order) ? h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => reship.open(order) }, '改地址'))
          : null);
  }

  async function load() {
    await run(async () => {
      const page = await api(sess, 'GET', '/api/v1/orders?page_size=20');
      const box = $('orders');
      if (!page.items.length) {
        box.replaceChildren(h('p', { class: 'muted' }, '还没有订单。和小助手说说想买什么吧。'));
      } else {
        box.replaceChildren(...page.items.map(orderRow));
        if (page.total > page.items.length) {
          box.append(h('p', { class: 'muted' }, `共 ${page.total} 单，显示最近 ${page.items.length} 单`));
        }
      }
      // Love cards are delivered when their order is paid, wherever it was paid: show them.
      const delivered = page.items.some((o) => o.kind === 'card' && o.status === 'paid'
        && seen.get(o.order_no) === 'pending_payment');
      page.items.forEach((o) => seen.set(o.order_no, o.status));
      onOrders(page.items);
      if (delivered) await cards.load();
    }, $('orders-refresh'));
  }

  // ---------------------------------------------------------------- WeChat Pay

  function payClicked(order, button) {
    run(() => pay(order, button));
  }

  /** WeChat Pay: the embedded sandbox pays a moment after the prepay, so follow the order for a while. */
  async function pay(order, button) {
    button.disabled = true;
    button.textContent = '支付中…';
    try {
      await api(sess, 'POST', path(order, '/pay'), { method: 'wechat' });
      for (let i = 0; i < FOLLOW_TIMES; i += 1) {
        await new Promise((resolve) => { setTimeout(resolve, FOLLOW_MS); });
        const now = await api(sess, 'GET', path(order));
        if (now.status !== 'pending_payment') {
          Aixin.notify(now.status === 'paid' ? '支付成功' : `订单${ORDER_STATUS[now.status] || ''}`, 'ok');
          return;
        }
      }
      Aixin.notify('已发起支付，请在微信中完成支付后刷新订单', 'ok');
    } finally {
      await load();
    }
  }

  // ---------------------------------------------------------------- cancel

  function cancelClicked(order, button) {
    if (!window.confirm(`取消订单 ${order.order_no}（${yuan(order.total_fen)}）？取消后不能恢复。`)) return;
    run(async () => {
      await api(sess, 'POST', path(order, '/cancel'));
      Aixin.notify('订单已取消', 'ok');
      await load();
    }, button);
  }

  // ---------------------------------------------------------------- pay with one of my love cards

  const cardPay = {
    order: null,
    busy: false,
    payable: true, // false once the server said this order can no longer be paid

    /** My active cards, each with its balance; one that cannot pay this order is shown but not offered. */
    async open(order) {
      this.order = order;
      this.payable = true;
      $('card-pay-order').textContent = `订单 ${order.order_no} · 应付 ${yuan(order.total_fen)}`;
      this.say('');
      $('card-pay-cards').replaceChildren(h('p', { class: 'muted' }, '正在读取爱心卡…'));
      $('card-pay-submit').disabled = true;
      $('card-pay').showModal();
      try {
        const list = await api(sess, 'GET', '/api/v1/cards');
        if (this.order !== order || !$('card-pay').open) return;
        this.show(list.items.filter((card) => card.status === 'active'));
      } catch (err) {
        this.say(err instanceof Aixin.ApiFailure ? err.message : '页面出错，请刷新后重试');
        if (!sess.token) { this.close(); loggedOut(); }
      }
    },

    show(active) {
      const today = Aixin.shanghaiToday();
      const usable = (card) => card.balance_fen >= this.order.total_fen && card.expires_at >= today;
      const box = $('card-pay-cards');
      if (!active.length) {
        box.replaceChildren(h('p', { class: 'muted' }, '没有可用的爱心卡。可以在“我的爱心卡”中领取，或对小助手说“买一张爱心卡”。'));
        return;
      }
      const first = active.find(usable);
      box.replaceChildren(...active.map((card) => {
        const why = card.expires_at < today ? '已过期' : (usable(card) ? '' : '余额不足');
        return h('label', { class: `card-choice${why ? ' unusable' : ''}` },
          h('input', { type: 'radio', name: 'card_no', value: card.card_no, disabled: Boolean(why),
            checked: card === first }),
          h('span', { class: 'card-no' }, cards.maskCardNo(card.card_no)),
          h('span', { class: 'money' }, `余额 ${yuan(card.balance_fen)}`),
          why ? h('span', { class: 'badge off' }, why) : null);
      }));
      $('card-pay-submit').disabled = !first;
      if (!first) this.say(`没有余额足够的爱心卡（应付 ${yuan(this.order.total_fen)}）`);
    },

    say(text) {
      $('card-pay-message').textContent = text;
    },

    close() {
      if ($('card-pay').open) $('card-pay').close();
    },

    async submit() {
      const chosen = $('card-pay-form').querySelector('input[name="card_no"]:checked');
      if (!chosen) { this.say('请选择一张爱心卡'); return; }
      const order = this.order;
      this.busy = true;
      $('card-pay-submit').disabled = true;
      this.say('');
      try {
        await api(sess, 'POST', path(order, '/pay'), { method: 'card', card_no: chosen.value });
        this.close();
        Aixin.notify(`支付成功，已从爱心卡 ${cards.maskCardNo(chosen.value)} 扣款 ${yuan(order.total_fen)}`, 'ok');
        await Promise.all([load(), cards.load()]);
      } catch (err) {
        this.say(err instanceof Aixin.ApiFailure ? err.message : '页面出错，请刷新后重试');
        if (!sess.token) { this.close(); loggedOut(); return; }
        // The order may have changed meanwhile (closed, past its deadline): show it as it is now.
        if (['order_not_payable', 'payment_deadline_passed', 'order_not_found'].includes(err.code)) {
          this.payable = false;
          await load();
        }
      } finally {
        this.busy = false;
        $('card-pay-submit').disabled = !this.payable
          || !$('card-pay-form').querySelector('input[name="card_no"]:checked');
      }
    },
  };

  $('card-pay-cancel').addEventListener('click', () => cardPay.close());
  $('card-pay-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!cardPay.busy) cardPay.submit();
  });

  $('orders-refresh').addEventListener('click', () => load());

  return { load, statusBadge, statusNote, close: () => { cardPay.close(); reship.close(); } };
};
