// The counter (专柜) page: read a love card (camera, scanner/paste, or a photo), pick certified products, redeem,
// print the receipt; today's redemptions with void, the day's settlement, and holders' pending requests.
'use strict';

(() => {
  const { api, h, yuan, notify, ApiFailure } = Aixin;
  const sess = Aixin.session('merchant');
  const $ = (id) => document.getElementById(id);
  const REQUEST_POLL_MS = 15000;

  const CARD_STATUS = {
    active: ['可用', ''], inactive: ['未激活', 'warn'], frozen: ['已冻结', 'off'], expired: ['已过期', 'off'],
    closed: ['已注销', 'off'],
  };
  const state = {
    code: null, // the code text last previewed
    card: null, // its preview: card_no_masked, balance_fen, status, expires_at, needs_pay_code
    cart: new Map(), // sku → {sku, name, unit, price_fen, qty}
    attemptKey: null, // idempotency key of the confirmation in flight (kept only across network failures)
    pollTimer: null,
    stream: null,
  };

  // ---- small helpers --------------------------------------------------------------------------------------------

  /** Run a user action: errors become a Chinese notice; a lost login returns to the login form. */
  async function run(action, button) {
    const result = await Aixin.guard(action, button);
    if (!sess.token) showLogin();
    return result;
  }

  function badge(text, kind = '') {
    return h('span', { class: `badge ${kind}`.trim() }, text);
  }

  /** 8-64 characters of [A-Za-z0-9_.:-]; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
  function newKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return `counter-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }

  function clock(iso) {
    return Aixin.time(iso).slice(-5);
  }

  // ---- login ----------------------------------------------------------------------------------------------------

  function showLogin() {
    stopCamera();
    clearInterval(state.pollTimer);
    Aixin.showStaffLogin();
  }

  async function showApp(user) {
    if (!(await Aixin.admitStaff(sess, user, ['merchant_staff'], '请使用专柜店员账号登录'))) {
      showLogin();  // and stop the camera and polling a previous clerk left running
      return;
    }
    $('settlement-date').value = Aixin.shanghaiToday();
    run(async () => {
      const counter = await api(sess, 'GET', '/api/v1/merchant/code');
      $('who').textContent = `${counter.merchant_name} · ${user.username}`;
      $('counter-qr').src = await Aixin.imageUrl(sess, '/api/v1/merchant/qr.png');
      $('counter-qr').hidden = false;
    });
    refreshToday();
    loadSettlement();
    refreshRequests();
    clearInterval(state.pollTimer);
    state.pollTimer = setInterval(() => { if (!document.hidden) refreshRequests(true); }, REQUEST_POLL_MS);
    $('code').focus();
  }

  // ---- reading a card -------------------------------------------------------------------------------------------

  async function readCode(raw) {
    const code = (raw || '').trim();
    if (!code) {
      notify('请先扫码或输入卡码');
      return;
    }
    const card = await api(sess, 'POST', '/api/v1/merchant/redemptions/preview', { code });
    $('code').value = code;
    state.code = code;
    state.card = card;
    state.attemptKey = null;
    renderCard();
    $('receipt').hidden = true;
    $('goods').hidden = false;
    renderCart();
    $('product-q').focus();
  }

  function cardProblem() {
    const { card, code } = state;
    if (!card) return '请先读取爱心卡';
    if (card.status !== 'active') return `这张卡${CARD_STATUS[card.status]?.[0] || '不可用'}，不能核销`;
    if (card.needs_pay_code && code.startsWith('AX1.')) return '该卡已被持卡人领取：请持卡人在小程序中出示付款码后再扫';
    return null;
  }

  function renderCard() {
    const { card, code } = state;
    $('card').hidden = false;
    $('card-no').textContent = card.card_no_masked;
    $('card-balance').textContent = yuan(card.balance_fen);
    const [text, kind] = CARD_STATUS[card.status] || [card.status, 'warn'];
    $('card-status').replaceChildren(badge(text, kind));
    $('card-expires').textContent = card.expires_at;
    const problem = cardProblem();
    const hint = problem || (code.startsWith('AX2.') ? '付款码 60 秒内有效，请尽快选好商品并确认' : '');
    $('card-hint').textContent = hint;
    $('card-hint').hidden = !hint;
  }

  async function uploadPhoto(file) {
    const form = new FormData();
    form.append('image', file, file.name || 'photo.jpg');
    const { text } = await api(sess, 'POST', '/api/v1/merchant/decode', form);
    $('code').value = text;
    await readCode(text);
  }

  // The browser's own QR reader where it exists (Chrome on Android, some tablets); otherwise the button stays hidden.
  async function setUpCamera() {
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
    try {
      if (!(await window.BarcodeDetector.getSupportedFormats()).includes('qr_code')) return;
    } catch (_) { return; }
    $('camera-start').hidden = false;
  }

  async function startCamera() {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const video = $('camera-video');
    state.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = state.stream;
    $('camera').hidden = false;
    await video.play();
    const look = async () => {
      if (!state.stream) return;
      try {
        const [found] = await detector.detect(video);
        if (found?.rawValue) {
          stopCamera();
          run(() => readCode(found.rawValue));
          return;
        }
      } catch (_) { /* the frame was not ready */ }
      setTimeout(look, 250);
    };
    look();
  }

  function stopCamera() {
    if (state.stream) state.stream.getTracks().forEach((track) => track.stop());
    state.stream = null;
    $('camera').hidden = true;
  }

  // ---- products and the cart ------------------------------------------------------------------------------------

  let searchTimer = null;
  let searchSeq = 0;
  function searchSoon() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => run(search), 250);
  }

  async function search() {
    const q = $('product-q').value.trim();
    const seq = ++searchSeq;
    if (!q) {
      $('results').replaceChildren();
      return;
    }
    const page = await api(sess, 'GET', `/api/v1/products?q=${encodeURIComponent(q)}&page_size=8`);
    if (seq !== searchSeq) return; // a newer search answered first
    $('results').replaceChildren(...(page.items.length ? page.items.map(resultItem)
      : [h('li', { class: 'muted' }, '没有找到可核销的认定扶贫产品')]));
  }

  function resultItem(p) {
    const origin = [p.origin.province, p.origin.county].filter(Boolean).join(' ');
    return h('li', {},
      h('div', { class: 'result-name' }, h('strong', {}, p.name),
        h('span', { class: 'muted' }, `${origin} · ${p.unit}`),
        p.origin.poverty_county ? badge('脱贫县') : null),
      h('span', { class: 'money' }, yuan(p.price_fen)),
      h('button', { type: 'button', class: 'add', 'aria-label': `加入 ${p.name}`, onclick: () => addToCart(p) }, '加入'));
  }

  function addToCart(p) {
    const line = state.cart.get(p.sku) || { sku: p.sku, name: p.name, unit: p.unit, price_fen: p.price_fen, qty: 0 };
    line.qty = Math.min(line.qty + 1, 999);
    state.cart.set(p.sku, line);
    cartChanged();
  }

  function changeQty(sku, delta) {
    const line = state.cart.get(sku);
    line.qty = Math.min(line.qty + delta, 999);
    if (line.qty <= 0) state.cart.delete(sku);
    cartChanged();
  }

  function cartChanged() {
    state.attemptKey = null; // another payload is another confirmation
    renderCart();
  }

  function cartTotal() {
    let total = 0;
    for (const line of state.cart.values()) total += line.price_fen * line.qty;
    return total;
  }

  function renderCart() {
    const lines = [...state.cart.values()];
    $('cart').replaceChildren(lines.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, '商品'), h('th', {}, '数量'), h('th', {}, '金额'))),
      h('tbody', {}, lines.map((l) => h('tr', { dataset: { sku: l.sku } },
        h('td', {}, l.name, h('div', { class: 'muted' }, `${yuan(l.price_fen)} / ${l.unit}`)),
        h('td', { class: 'qty' },
          h('button', { type: 'button', class: 'secondary step', 'aria-label': `减少 ${l.name}`, onclick: () => changeQty(l.sku, -1) }, '−'),
          h('span', { class: 'count', 'aria-label': `${l.name} 数量` }, String(l.qty)),
          h('button', { type: 'button', class: 'secondary step', 'aria-label': `增加 ${l.name}`, onclick: () => changeQty(l.sku, 1) }, '+')),
        h('td', { class: 'money' }, yuan(l.price_fen * l.qty))))))
      : h('p', { class: 'muted' }, '搜索商品后点「加入」；用 + / − 调整数量。'));
    const total = cartTotal();
    $('cart-total').textContent = yuan(total);
    const over = state.card && total > state.card.balance_fen;
    $('over-balance').textContent = over ? `合计超出卡内余额 ${yuan(total - state.card.balance_fen)}，请减少商品` : '';
    $('over-balance').hidden = !over;
    const blocked = !lines.length || over || Boolean(cardProblem());
    $('confirm').disabled = blocked;
    $('confirm').textContent = lines.length ? `确认核销 ${yuan(total)}` : '确认核销';
  }

  // ---- confirming and the receipt -------------------------------------------------------------------------------

  async function confirmRedemption() {
    const items = [...state.cart.values()].map((l) => ({ sku: l.sku, qty: l.qty }));
    // One key per confirmation: a double click or a retry after a lost reply never debits twice.
    state.attemptKey = state.attemptKey || newKey();
    let receipt;
    try {
      receipt = await api(sess, 'POST', '/api/v1/merchant/redemptions',
        { code: state.code, items, idempotency_key: state.attemptKey });
    } catch (err) {
      if (!(err instanceof ApiFailure) || err.status !== 0) state.attemptKey = null;
      throw err;
    }
    state.attemptKey = null;
    state.cart.clear();
    state.card = { ...state.card, balance_fen: receipt.balance_after_fen };
    renderCard();
    $('goods').hidden = true;
    $('product-q').value = '';
    $('results').replaceChildren();
    showReceipt(receipt);
    notify(`核销成功：${yuan(receipt.amount_fen)}`, 'ok');
    refreshToday();
    loadSettlement();
  }

  function showReceipt(r) {
    $('receipt-body').replaceChildren(
      h('dl', { class: 'facts' },
        h('dt', {}, '核销单号'), h('dd', { id: 'receipt-id' }, String(r.id)),
        h('dt', {}, '时间'), h('dd', {}, Aixin.time(r.created_at)),
        h('dt', {}, '爱心卡'), h('dd', {}, r.card_no_masked)),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '商品'), h('th', {}, '数量'), h('th', {}, '单价'), h('th', {}, '金额'))),
        h('tbody', {}, r.items.map((i) => h('tr', {},
          h('td', {}, i.name), h('td', {}, String(i.qty)), h('td', { class: 'money' }, yuan(i.price_fen)),
          h('td', { class: 'money' }, yuan(i.amount_fen)))))),
      h('dl', { class: 'facts sums' },
        h('dt', {}, '本次核销'), h('dd', { class: 'money', id: 'receipt-amount' }, yuan(r.amount_fen)),
        h('dt', {}, '卡内余额'), h('dd', { class: 'money', id: 'receipt-balance' }, yuan(r.balance_after_fen))));
    $('receipt').hidden = false;
    $('receipt').scrollIntoView({ block: 'nearest' });
  }

  function nextCustomer() {
    Object.assign(state, { code: null, card: null, attemptKey: null });
    state.cart.clear();
    ['card', 'goods', 'receipt'].forEach((id) => { $(id).hidden = true; });
    $('code').value = '';
    $('code').focus();
  }

  // ---- today's redemptions --------------------------------------------------------------------------------------

  async function refreshToday() {
    await run(async () => {
      const page = await api(sess, 'GET', `/api/v1/merchant/redemptions?date=${Aixin.shanghaiToday()}&page_size=50`);
      $('today-list').replaceChildren(page.items.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '时间'), h('th', {}, '单号 / 卡号'), h('th', {}, '金额'), h('th', {}, ''))),
        h('tbody', {}, page.items.map(todayRow))))
        : h('p', { class: 'muted' }, '今天还没有核销。'));
    });
  }

  function todayRow(r) {
    const voided = r.status === 'voided';
    const goods = r.items.map((i) => `${i.name}×${i.qty}`).join('、');
    return h('tr', { class: voided ? 'voided' : '', dataset: { id: r.id } },
      h('td', {}, clock(r.created_at)),
      h('td', {}, `#${r.id}`, h('div', { class: 'muted' }, r.card_no_masked), h('div', { class: 'muted goods' }, goods)),
      h('td', { class: 'money' }, yuan(r.amount_fen)),
      h('td', {}, voided ? badge('已撤销', 'off')
        : h('button', { type: 'button', class: 'danger', 'aria-label': `撤销 #${r.id}`,
          onclick: (e) => run(() => voidRedemption(r), e.currentTarget) }, '撤销')));
  }

  async function voidRedemption(r) {
    if (!window.confirm(`撤销核销单 #${r.id}（${yuan(r.amount_fen)}）？金额将退回爱心卡。`)) return;
    const voided = await api(sess, 'POST', `/api/v1/merchant/redemptions/${r.id}/void`, { reason: '专柜撤销' });
    notify(`已撤销 #${r.id}，${yuan(r.amount_fen)} 已退回爱心卡（余额 ${yuan(voided.balance_after_fen)}）`, 'ok');
    if (state.card && state.card.card_no_masked === voided.card_no_masked) {
      state.card = { ...state.card, balance_fen: voided.balance_after_fen };
      renderCard();
      renderCart();
    }
    refreshToday();
    loadSettlement();
  }

  // ---- settlement -----------------------------------------------------------------------------------------------

  async function loadSettlement() {
    await run(async () => {
      const date = $('settlement-date').value || Aixin.shanghaiToday();
      const s = await api(sess, 'GET', `/api/v1/merchant/settlements?date=${date}`);
      $('settlement-body').replaceChildren(...[
        h('dl', { class: 'facts' },
          h('dt', {}, '核销'), h('dd', {}, `${s.redemption_count} 笔 `, h('span', { class: 'money' }, yuan(s.redemption_fen))),
          h('dt', {}, '撤销'), h('dd', {}, `${s.void_count} 笔 `, h('span', { class: 'money' }, yuan(s.void_fen))),
          h('dt', {}, '净额'), h('dd', {}, h('strong', { class: 'money', id: 'settlement-net' }, yuan(s.net_fen)))),
        s.closed ? h('p', {}, badge('已日结'), ` ${Aixin.time(s.closed_at)} ${s.closed_by || ''}`) : null,
        s.by_product.length ? h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, h('th', {}, '商品'), h('th', {}, '数量'), h('th', {}, '金额'))),
          h('tbody', {}, s.by_product.map((p) => h('tr', {},
            h('td', {}, p.name), h('td', {}, String(p.qty)), h('td', { class: 'money' }, yuan(p.amount_fen)))))))
          : null,
      ].filter(Boolean));
    });
  }

  // ---- holders' requests ----------------------------------------------------------------------------------------

  async function refreshRequests(quiet = false) {
    const load = async () => {
      const page = await api(sess, 'GET', '/api/v1/merchant/redemption-requests?state=pending&page_size=20');
      $('requests-count').textContent = String(page.total);
      $('requests-count').hidden = !page.total;
      $('requests-list').replaceChildren(...(page.items.length ? page.items.map(requestCard)
        : [h('p', { class: 'muted' }, '暂无待处理的请求。')]));
    };
    if (!quiet) return run(load);
    try { await load(); } catch (_) { if (!sess.token) showLogin(); } // polling stays silent
    return undefined;
  }

  function requestCard(r) {
    return h('div', { class: 'request', dataset: { id: r.id } },
      h('div', {}, h('strong', {}, r.card_no_masked), h('span', { class: 'muted' }, ` · ${clock(r.expires_at)} 前有效`)),
      h('ul', {}, r.items.map((i) => h('li', {}, `${i.name} ×${i.qty}`, h('span', { class: 'money' }, yuan(i.amount_fen))))),
      h('div', { class: 'request-actions' },
        h('strong', { class: 'money' }, `合计 ${yuan(r.total_fen)}`),
        h('button', { type: 'button', onclick: (e) => run(() => confirmRequest(r), e.currentTarget) }, '确认扣款'),
        h('button', { type: 'button', class: 'secondary', onclick: (e) => run(() => rejectRequest(r), e.currentTarget) }, '拒绝')));
  }

  async function confirmRequest(r) {
    if (!window.confirm(`从 ${r.card_no_masked} 扣款 ${yuan(r.total_fen)}？`)) return;
    const receipt = await api(sess, 'POST', `/api/v1/merchant/redemption-requests/${r.id}/confirm`);
    showReceipt(receipt);
    notify(`已确认：${yuan(receipt.amount_fen)}`, 'ok');
    refreshRequests();
    refreshToday();
    loadSettlement();
  }

  async function rejectRequest(r) {
    const reason = window.prompt('拒绝原因（持卡人会看到）', '商品暂缺');
    if (reason === null) return;
    await api(sess, 'POST', `/api/v1/merchant/redemption-requests/${r.id}/reject`, { reason: reason.trim() || '专柜拒绝' });
    notify('已拒绝该请求', 'ok');
    refreshRequests();
  }

  // ---- wiring ---------------------------------------------------------------------------------------------------

  Aixin.staffLogin(sess, $('login-form'), showApp);
  $('logout').addEventListener('click', async () => {
    await Aixin.logout(sess);
    nextCustomer();
    showLogin();
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => readCode($('code').value), event.submitter);
  });
  $('photo').addEventListener('change', (event) => {
    const input = event.currentTarget;
    const [file] = input.files;
    if (file) run(() => uploadPhoto(file)).finally(() => { input.value = ''; });
  });
  $('camera-start').addEventListener('click', (e) => run(startCamera, e.currentTarget));
  $('camera-stop').addEventListener('click', stopCamera);
  $('product-q').addEventListener('input', searchSoon);
  $('confirm').addEventListener('click', (e) => run(confirmRedemption, e.currentTarget).then(renderCartIfOpen));
  $('next').addEventListener('click', nextCustomer);
  $('print').addEventListener('click', () => window.print());
  $('settlement-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadSettlement();
  });
  $('counter-poster').addEventListener('click', (e) => run(
    () => Aixin.download(sess, '/api/v1/merchant/poster.pdf', '专柜海报.pdf'), e.currentTarget));
  $('settlement-csv').addEventListener('click', (e) => run(() => {
    const date = $('settlement-date').value || Aixin.shanghaiToday();
    return Aixin.download(sess, `/api/v1/merchant/settlements?date=${date}&format=csv`, `日结-${date}.csv`);
  }, e.currentTarget));

  /** guard() re-enables the confirm button; the cart decides whether it may stay enabled. */
  function renderCartIfOpen() {
    if (!$('goods').hidden) renderCart();
  }

  setUpCamera();
  if (sess.token) {
    api(sess, 'GET', '/api/v1/me').then(showApp, showLogin);
  } else {
    showLogin();
  }
})();
