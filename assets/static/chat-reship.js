// 我的订单 → 改地址: a goods order not yet shipped (unpaid, or paid with no parcel sent) goes to another of my saved
// addresses (POST /api/v1/orders/{no}/address). chat-orders.js creates it and shows where each order goes.
'use strict';

window.AixinChatReship = ({ sess, loggedOut, reload }) => {
  const { h, api } = Aixin;
  const $ = (id) => document.getElementById(id);

  const maskPhone = (phone) => (phone && phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);

  /** 张三 138****8000 广东省清远市佛冈县石角镇XX路8号 */
  function addressText(a) {
    const county = a.county !== a.city ? a.county : '';  // 东莞市: a city that is its own county
    return `${a.name} ${maskPhone(a.phone)} ${a.province}${a.city}${county}${a.detail}`;
  }

  /** Its address may still change: a goods order unpaid, or paid with no parcel sent yet. */
  function reshippable(order) {
    const sent = (order.fulfilments || []).some((p) => p.state !== 'pending');
    return order.kind === 'goods' && ['pending_payment', 'paid'].includes(order.status) && !sent;
  }

  const same = (a, shipping) => shipping && ['name', 'phone', 'province', 'city', 'county', 'detail']
    .every((k) => a[k] === shipping[k]);

  const dialog = {
    order: null,
    busy: false,

    async open(order) {
      this.order = order;
      $('reship-order').textContent = `订单 ${order.order_no} · 现寄到：${order.shipping ? addressText(order.shipping) : '—'}`;
      this.say('');
      $('reship-addresses').replaceChildren(h('p', { class: 'muted' }, '正在读取收货地址…'));
      $('reship-submit').disabled = true;
      $('reship').showModal();
      try {
        const list = await api(sess, 'GET', '/api/v1/me/addresses');
        if (this.order !== order || !$('reship').open) return;
        this.show(list.items);
      } catch (err) {
        this.fail(err);
      }
    },

    /** My saved addresses; the one the order goes to now is shown, not offered. */
    show(addresses) {
      const others = addresses.filter((a) => !same(a, this.order.shipping));
      if (!others.length) {
        $('reship-addresses').replaceChildren(h('p', { class: 'muted' },
          '没有别的收货地址。可以把新地址发给小助手，比如“订单改寄到北京市朝阳区建国路88号 李四 13900139000”。'));
        return;
      }
      $('reship-addresses').replaceChildren(...others.map((a, i) => h('label', { class: 'address-choice' },
        h('input', { type: 'radio', name: 'address_id', value: String(a.id), checked: i === 0 }),
        h('span', {}, addressText(a)))));
      $('reship-submit').disabled = false;
    },

    say(text) {
      $('reship-message').textContent = text;
    },

    fail(err) {
      this.say(err instanceof Aixin.ApiFailure ? err.message : '页面出错，请刷新后重试');
      if (!sess.token) { this.close(); loggedOut(); }
    },

    close() {
      if ($('reship').open) $('reship').close();
    },

    async submit() {
      const chosen = $('reship-form').querySelector('input[name="address_id"]:checked');
      if (!chosen) { this.say('请选择一个收货地址'); return; }
      const order = this.order;
      this.busy = true;
      $('reship-submit').disabled = true;
      this.say('');
      try {
        const now = await api(sess, 'POST', `/api/v1/orders/${encodeURIComponent(order.order_no)}/address`,
          { address_id: Number(chosen.value) });
        this.close();
        Aixin.notify(`订单 ${order.order_no} 改寄到：${addressText(now.shipping)}`, 'ok');
        await reload();
      } catch (err) {
        this.fail(err);
        if (err.code === 'order_not_reshippable') await reload(); // shipped meanwhile: show it as it is now
        else $('reship-submit').disabled = false;
      } finally {
        this.busy = false;
      }
    },
  };

  $('reship-cancel').addEventListener('click', () => dialog.close());
  $('reship-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!dialog.busy) dialog.submit();
  });

  return { addressText, reshippable, open: (order) => dialog.open(order), close: () => dialog.close() };
};
