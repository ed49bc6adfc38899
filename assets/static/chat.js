// The consumer page: development login, the ordering assistant's chat window, my orders and my love cards
// (with the rotating pay code). The dialogue state lives on the server; the bubbles are kept for this tab only.
'use strict';

(() => {
  const { h, api, yuan } = Aixin;
  const sess = Aixin.session('chat');
  const $ = (id) => document.getElementById(id);

  const ORDER_STATUS = {
    pending_payment: '待支付', paid: '已支付', shipped: '已发货', completed: '已完成', cancelled: '已取消',
    refunding: '退款中', refunded: '已退款',
  };
  const CARD_STATUS = { inactive: '未激活', active: '可用', frozen: '已冻结', expired: '已过期', closed: '已注销' };
  const STATUS_LOOK = { pending_payment: 'warn', refunding: 'warn', cancelled: 'off', refunded: 'off',
    inactive: 'warn', frozen: 'off', expired: 'off', closed: 'off' };
  const STARTERS = ['有哪些扶贫产品', '买两袋佛冈的大米', '买一张爱心卡', '我的订单'];
  const HISTORY_LIMIT = 60;

  let user = null;
  let history = [];
  let busy = false;

  function badge(status, names) {
    return h('span', { class: `badge ${STATUS_LOOK[status] || ''}`.trim() }, names[status] || status);
  }

  function maskCardNo(no) {
    return `${no.slice(0, 4)} **** **** ${no.slice(-4)}`;
  }

  /** Like Aixin.guard, and back to the login form when the token is no longer valid. */
  async function run(action, button) {
    const result = await Aixin.guard(action, button);
    if (user && !sess.token) showLogin();
    return result;
  }

  // ---------------------------------------------------------------- login

  function showLogin() {
    user = null;
    history = [];
    payCode.close();
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
    loadOrders();
    loadCards();
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
    const status = (detail && detail.status) || order.status;
    return h('article', { class: 'order-card', 'aria-label': '新订单' },
      h('div', { class: 'order-card-head' }, h('strong', {}, '订单已创建'), badge(status, ORDER_STATUS)),
      h('dl', {},
        h('dt', {}, '订单号'), h('dd', { class: 'order-no' }, order.order_no),
        h('dt', {}, '商品'), h('dd', {}, lineTexts(order, detail).join('，')),
        h('dt', {}, '合计'), h('dd', { class: 'money' }, yuan(order.total_fen))),
      status === 'pending_payment' && detail && detail.pay_deadline
        ? h('p', { class: 'muted' }, `请在 ${Aixin.time(detail.pay_deadline)} 前在“我的订单”中完成支付`) : null);
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
      if (reply.order) loadOrders();
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

  // ---------------------------------------------------------------- my orders

  function orderRow(order) {
    const items = order.kind === 'card' ? '消费扶贫爱心卡'
      : order.items.map((line) => `${line.name} ×${line.qty}${line.unit}`).join('，');
    const payButton = order.status === 'pending_payment'
      ? h('button', { type: 'button', class: 'small', onclick: (e) => payClicked(order, e.currentTarget) }, '去支付')
      : null;
    return h('article', { class: 'order-row', dataset: { orderNo: order.order_no } },
      h('div', { class: 'row-head' }, h('span', { class: 'order-no' }, order.order_no), badge(order.status, ORDER_STATUS)),
      h('div', {}, items),
      h('div', { class: 'row-foot' },
        h('span', { class: 'money' }, yuan(order.total_fen)),
        h('span', { class: 'muted' }, Aixin.time(order.created_at)),
        payButton));
  }

  async function loadOrders() {
    await run(async () => {
      const page = await api(sess, 'GET', '/api/v1/orders?page_size=20');
      const box = $('orders');
      if (!page.items.length) {
        box.replaceChildren(h('p', { class: 'muted' }, '还没有订单。和小助手说说想买什么吧。'));
        return;
      }
      box.replaceChildren(...page.items.map(orderRow));
      if (page.total > page.items.length) {
        box.append(h('p', { class: 'muted' }, `共 ${page.total} 单，显示最近 ${page.items.length} 单`));
      }
    }, $('orders-refresh'));
  }

  function payClicked(order, button) {
    run(() => pay(order, button));
  }

  /** WeChat Pay: the embedded sandbox pays a moment after the prepay, so follow the order for a while. */
  async function pay(order, button) {
    button.disabled = true;
    button.textContent = '支付中…';
    try {
      await api(sess, 'POST', `/api/v1/orders/${encodeURIComponent(order.order_no)}/pay`, { method: 'wechat' });
      for (let i = 0; i < 20; i += 1) {
        await new Promise((resolve) => { setTimeout(resolve, 750); });
        const now = await api(sess, 'GET', `/api/v1/orders/${encodeURIComponent(order.order_no)}`);
        if (now.status !== 'pending_payment') {
          Aixin.notify(now.status === 'paid' ? '支付成功' : `订单${ORDER_STATUS[now.status] || ''}`, 'ok');
          return;
        }
      }
      Aixin.notify('已发起支付，请在微信中完成支付后刷新订单', 'ok');
    } finally {
      await loadOrders();
      if (order.kind === 'card') await loadCards();
    }
  }

  // ---------------------------------------------------------------- my love cards

  function cardRow(card) {
    return h('article', { class: `love-card ${card.status}`, dataset: { cardNo: card.card_no } },
      h('div', { class: 'row-head' }, h('strong', {}, '消费扶贫爱心卡'), badge(card.status, CARD_STATUS)),
      h('div', { class: 'card-no', title: card.card_no }, maskCardNo(card.card_no)),
      h('div', { class: 'card-balance' },
        h('span', { class: 'money' }, yuan(card.balance_fen)),
        h('span', { class: 'muted' }, `面值 ${yuan(card.face_value_fen)}`)),
      h('div', { class: 'row-foot' },
        h('span', { class: 'muted' }, `有效期至 ${card.expires_at}`),
        card.status === 'active'
          ? h('button', { type: 'button', class: 'small', onclick: () => payCode.open(card) }, '付款码') : null));
  }

  async function loadCards() {
    await run(async () => {
      const list = await api(sess, 'GET', '/api/v1/cards');
      const box = $('cards');
      box.replaceChildren(...(list.items.length ? list.items.map(cardRow)
        : [h('p', { class: 'muted' }, '还没有爱心卡。可以对小助手说“买一张200元的爱心卡”。')]));
    }, $('cards-refresh'));
  }

  // ---------------------------------------------------------------- the rotating pay code

  /** The pay-code dialog: a fresh code every minute (renewed a few seconds before it expires), with a countdown. */
  const payCode = {
    card: null,
    timer: null,
    expiresAt: 0,
    objectUrl: null,
    generation: 0,
    loading: false,
    RENEW_BEFORE_MS: 5000,

    open(card) {
      this.card = card;
      $('pay-code-card').textContent = `${maskCardNo(card.card_no)} · 余额 ${yuan(card.balance_fen)}`;
      $('pay-code-text').textContent = '';
      $('pay-code-countdown').textContent = '正在生成付款码…';
      $('pay-code').showModal();
      this.renew();
      clearInterval(this.timer);
      this.timer = setInterval(() => this.tick(), 1000);
    },

    async renew() {
      const generation = ++this.generation;
      this.loading = true;
      $('pay-code-refresh').disabled = true;
      try {
        const code = await api(sess, 'GET', `/api/v1/cards/${this.card.card_no}/pay-code`);
        const url = await Aixin.imageUrl(sess, code.qr_png_url);
        if (generation !== this.generation) { URL.revokeObjectURL(url); return; }
        this.loading = false;
        this.show(code, url);
      } catch (err) {
        if (generation !== this.generation) return;
        this.stop();
        $('pay-code-countdown').textContent = err instanceof Aixin.ApiFailure ? err.message : '付款码生成失败，请重试';
        if (!sess.token) showLogin();
      } finally {
        if (generation === this.generation) {
          this.loading = false;
          $('pay-code-refresh').disabled = false;
        }
      }
    },

    show(code, url) {
      if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = url;
      $('pay-code-qr').src = url;
      $('pay-code-text').textContent = code.code;
      // The server's clock decides; a phone whose clock is off still gets a sensible countdown.
      let life = Date.parse(code.expires_at) - Date.now();
      if (!(life > 10000 && life < 120000)) life = 60000;
      this.expiresAt = Date.now() + life;
      if (!this.timer) this.timer = setInterval(() => this.tick(), 1000);
      this.tick();
    },

    tick() {
      if (!this.objectUrl || this.loading) return;
      const left = this.expiresAt - Date.now();
      if (left <= this.RENEW_BEFORE_MS) {
        this.renew();
        return;
      }
      $('pay-code-countdown').textContent = `${Math.ceil(left / 1000)} 秒后自动更新`;
    },

    stop() {
      clearInterval(this.timer);
      this.timer = null;
    },

    close() {
      this.stop();
      this.generation += 1;
      this.loading = false;
      if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = null;
      $('pay-code-qr').removeAttribute('src');
      $('pay-code-refresh').disabled = false;
      if ($('pay-code').open) $('pay-code').close();
    },
  };

  $('pay-code-refresh').addEventListener('click', () => {
    if (!payCode.timer) payCode.timer = setInterval(() => payCode.tick(), 1000);
    payCode.renew();
  });
  $('pay-code-close').addEventListener('click', () => payCode.close());
  $('pay-code').addEventListener('close', () => payCode.close());

  // ---------------------------------------------------------------- start

  $('orders-refresh').addEventListener('click', () => loadOrders());
  $('cards-refresh').addEventListener('click', () => loadCards());

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
