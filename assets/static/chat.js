// The consumer page: development login and the ordering assistant's chat window; my orders (chat-orders.js) and my
// love cards (chat-cards.js) beside it. The dialogue state lives on the server; the bubbles are kept for this tab
// only. An order card in the chat follows its order: every fresh 我的订单 list updates it (after paying there, after
// the assistant pays or cancels, and when the page comes back into view while an order waits for payment).
'use strict';

(() => {
  const { h, api, yuan } = Aixin;
  const sess = Aixin.session('chat');
  const $ = (id) => document.getElementById(id);

  const STARTERS = ['有哪些扶贫产品', '买两袋佛冈的大米', '买一张爱心卡', '我的订单'];
  const HISTORY_LIMIT = 60;
  // Replies after which my orders or my cards have changed on the server (the assistant paid, cancelled, claimed).
  const CHANGES_ORDERS = new Set(['pay_order', 'cancel_order']);
  const CHANGES_CARDS = new Set(['pay_order', 'claim_card']);
  const REFOCUS_GAP_MS = 2000;

  let user = null;
  let history = [];
  let busy = false;

  /** Like Aixin.guard, and back to the login form when the token is no longer valid. */
  async function run(action, button) {
    const result = await Aixin.guard(action, button);
    if (user && !sess.token) showLogin();
    return result;
  }

  const cards = window.AixinChatCards({ sess, run, loggedOut: () => showLogin() });
  const orders = window.AixinChatOrders({ sess, run, cards, onOrders: followOrders, loggedOut: () => showLogin() });

  // ---------------------------------------------------------------- login

  function showLogin() {
    user = null;
    history = [];
    cards.close();
    orders.close();
    $('app-view').hidden = true;
    $('who').hidden = true;
    $('logout').hidden = true;
    $('login-view').hidden = false;
    $('login-form').elements.name.focus();
  }

  function enter(me) {
    user = me;
    $('who').textContent = `你好，${me.nickname || '朋友'}`;
    $('who').hidden = false;
    $('logout').hidden = false;
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    history = loadHistory();
    renderHistory();
    orders.load();
    cards.load();
    $('chat-message').focus();
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    run(async () => {
      const reply = await api(null, 'POST', '/api/v1/auth/wechat', { code: `dev:${form.elements.name.value.trim()}` });
      sess.token = reply.token;
      form.reset();
      enter(reply.user);
    }, form.querySelector('button'));
  });

  $('logout').addEventListener('click', async () => {
    sessionStorage.removeItem(historyKey());
    await Aixin.logout(sess);
    showLogin();
  });

  // ---------------------------------------------------------------- conversation kept for this tab

  function historyKey() {
    return `aixin.chat.history.${user ? user.id : ''}`;
  }

  function loadHistory() {
    try {
      return JSON.parse(sessionStorage.getItem(historyKey())) || [];
    } catch (_) {
      return [];
    }
  }

  function saveHistory() {
    history = history.slice(-HISTORY_LIMIT);
    try { sessionStorage.setItem(historyKey(), JSON.stringify(history)); } catch (_) { /* storage full: keep going */ }
  }

  function renderHistory() {
    const log = $('chat-log');
    log.replaceChildren();
    if (!history.length) {
      log.append(botBubble({ text: `您好，${user.nickname || '朋友'}！我是爱心助农小助手。想买哪里的扶贫好物，`
        + '或者买一张消费扶贫爱心卡，直接告诉我就行。' }));
    }
    history.forEach((entry) => log.append(entry.who === 'me' ? myBubble(entry.text) : botBubble(entry)));
    const lastBot = [...history].reverse().find((entry) => entry.who === 'bot');
    showSuggestions(lastBot ? lastBot.suggestions : STARTERS);
    scrollToNewest();
  }

  function scrollToNewest() {
    const log = $('chat-log');
    log.scrollTop = log.scrollHeight;
  }

  // ---------------------------------------------------------------- bubbles

  function myBubble(text) {
    return h('div', { class: 'msg me' }, h('div', { class: 'bubble' }, text));
  }

  function botBubble(entry) {
    const products = entry.products || [];
    // A pick button where the assistant offers a choice, not on the one product of a summary it is asking about.
    const pickable = products.length > 1 || !(entry.slots && entry.slots.sku);
    return h('div', { class: 'msg bot' },
      h('div', { class: 'bubble' }, entry.text),
      products.length ? h('div', { class: 'products' }, products.map((p) => productCard(p, pickable))) : null,
      entry.order ? orderCard(entry.order, entry.orderDetail) : null);
  }

  function productCard(product, pickable) {
    return h('article', { class: 'product' },
      h('div', { class: 'product-head' },
        h('strong', {}, product.name),
        h('span', { class: 'badge' }, '扶贫认定')),
      h('div', { class: 'muted' }, product.origin),
      h('div', { class: 'product-price' },
        h('span', { class: 'money' }, `${yuan(product.price_fen)}/${product.unit}`),
        h('span', { class: 'muted' }, `库存 ${product.stock}`)),
      pickable ? h('button', { type: 'button', class: 'secondary small', onclick: () => send(product.name) },
        '选这个') : null);
  }

  function lineTexts(order, detail) {
    if (detail && detail.items.length) {
      return detail.items.map((line) => `${line.name} ×${line.qty}${line.unit}`);
    }
    if (order.kind === 'card') return ['消费扶贫爱心卡'];
    return order.items.map((line) => `${line.sku} ×${line.qty}`);
  }

  function orderCard(order, detail) {
    const now = { kind: order.kind, ...(detail || {}), status: (detail && detail.status) || order.status };
    const note = now.status === 'pending_payment'
      ? (now.pay_deadline ? `请在 ${Aixin.time(now.pay_deadline)} 前在“我的订单”中完成支付` : '')
      : orders.statusNote(now);
    return h('article', { class: 'order-card', 'aria-label': '新订单', dataset: { orderNo: order.order_no } },
      h('div', { class: 'order-card-head' }, h('strong', {}, '订单已创建'), orders.statusBadge(now)),
      h('dl', {},
        h('dt', {}, '订单号'), h('dd', { class: 'order-no' }, order.order_no),
        h('dt', {}, '商品'), h('dd', {}, lineTexts(order, detail).join('，')),
        h('dt', {}, '合计'), h('dd', { class: 'money' }, yuan(order.total_fen))),
      note ? h('p', { class: 'muted order-note' }, note) : null);
  }

  function shownStatus(entry) {
    return (entry.orderDetail && entry.orderDetail.status) || entry.order.status;
  }

  /** A fresh list of my orders: the chat's order cards whose order moved on are redrawn (and kept so). */
  function followOrders(fresh) {
    const byNo = new Map(fresh.map((order) => [order.order_no, order]));
    let changed = false;
    history.forEach((entry) => {
      const now = entry.order && byNo.get(entry.order.order_no);
      if (!now || now.status === shownStatus(entry)) return;
      entry.orderDetail = now;
      changed = true;
      $('chat-log').querySelectorAll(`.order-card[data-order-no="${entry.order.order_no}"]`)
        .forEach((card) => card.replaceWith(orderCard(entry.order, now)));
    });
    if (changed) saveHistory();
  }

  /** Back on the page (after paying in WeChat, say) while an order in the chat waits for payment: look again. */
  let lastLook = 0;
  function lookAgain() {
    if (!user || document.visibilityState !== 'visible' || Date.now() - lastLook < REFOCUS_GAP_MS) return;
    if (!history.some((entry) => entry.order && shownStatus(entry) === 'pending_payment')) return;
    lastLook = Date.now();
    orders.load();
  }

  function showSuggestions(texts) {
    $('chat-suggestions').replaceChildren(...(texts || []).map((text) => h('button',
      { type: 'button', class: 'secondary small', onclick: () => send(text) }, text)));
  }

  // ---------------------------------------------------------------- sending

  function setBusy(on) {
    busy = on;
    $('chat-send').disabled = on;
    $('chat-form').setAttribute('aria-busy', String(on));
    $('chat-suggestions').querySelectorAll('button').forEach((b) => { b.disabled = on; });
  }

  function typingBubble() {
    return h('div', { class: 'msg bot typing', 'aria-label': '小助手正在输入' },
      h('div', { class: 'bubble' }, h('span', {}), h('span', {}), h('span', {})));
  }

  /** The order the assistant just placed, with product names (the reply only carries skus). */
  async function orderDetail(orderNo) {
    try {
      return await api(sess, 'GET', `/api/v1/orders/${encodeURIComponent(orderNo)}`);
    } catch (_) {
      return null;
    }
  }

  async function send(raw) {
    const text = String(raw || '').trim();
    if (!text || busy || !user) return;
    setBusy(true);
    const mine = myBubble(text);
    const typing = typingBubble();
    $('chat-log').append(mine, typing);
    scrollToNewest();
    try {
      const reply = await api(sess, 'POST', '/api/v1/chat', { message: text });
      const entry = { who: 'bot', text: reply.reply, intent: reply.intent, products: reply.products,
        slots: reply.slots, order: reply.order, suggestions: reply.suggestions };
      if (reply.order) entry.orderDetail = await orderDetail(reply.order.order_no);
      history.push({ who: 'me', text }, entry);
      saveHistory();
      typing.replaceWith(botBubble(entry));
      showSuggestions(reply.suggestions);
      if (reply.order || CHANGES_ORDERS.has(reply.intent)) orders.load();
      if (CHANGES_CARDS.has(reply.intent)) cards.load();
    } catch (err) {
      typing.remove();
      mine.classList.add('failed');
      mine.append(h('div', { class: 'muted' }, '未发送'));
      if (!$('chat-message').value) $('chat-message').value = text;
      Aixin.notify(err instanceof Aixin.ApiFailure ? err.message : '页面出错，请刷新后重试');
      if (!sess.token) showLogin();
    } finally {
      setBusy(false);
      scrollToNewest();
    }
  }

  $('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('chat-message');
    const text = input.value;
    if (!text.trim() || busy) return;
    input.value = '';
    send(text);
  });

  // ---------------------------------------------------------------- start

  $('cards-refresh').addEventListener('click', () => cards.load());
  window.addEventListener('focus', lookAgain);
  document.addEventListener('visibilitychange', lookAgain);

  async function start() {
    if (!sess.token) { showLogin(); return; }
    try {
      const me = await api(sess, 'GET', '/api/v1/me');
      if (me.role !== 'consumer') {
        await Aixin.logout(sess);
        showLogin();
        return;
      }
      enter(me);
    } catch (err) {
      showLogin();
      if (err.status !== 401) Aixin.notify(err.message);
    }
  }

  start();
})();
