// 我的爱心卡 on the consumer page: the list, the rotating pay code, 冻结/解冻 (a card reported lost and found), 转赠
// (give a card away: its claim code is shown once, to send to the receiver), and 领取
// (claim) of a printed card by the code printed on it (AX1.…) or a photo of its QR (read by POST /api/v1/cards/decode).
// chat.js creates it.
'use strict';

window.AixinChatCards = ({ sess, run, loggedOut }) => {
  const { h, api, yuan } = Aixin;
  const $ = (id) => document.getElementById(id);

  const CARD_STATUS = { inactive: '未激活', active: '可用', frozen: '已冻结', expired: '已过期', closed: '已注销' };
  const CARD_LOOK = { inactive: 'warn', frozen: 'off', expired: 'off', closed: 'off' };
  // On the claim form a refused code is a wrong printed code, not a wrong pay code (error-text.js says both).
  const CLAIM_TEXT = { qr_invalid: '领取码不正确，请核对卡片上印的领取码（以 AX1. 开头）或重新拍照上传' };

  function maskCardNo(no) {
    return `${no.slice(0, 4)} **** **** ${no.slice(-4)}`;
  }

  function failureText(err, overrides = {}) {
    if (!(err instanceof Aixin.ApiFailure)) return '页面出错，请刷新后重试';
    return overrides[err.code] || err.message;
  }

  // ---------------------------------------------------------------- the list

  function cardRow(card) {
    return h('article', { class: `love-card ${card.status}`, dataset: { cardNo: card.card_no } },
      h('div', { class: 'row-head' }, h('strong', {}, '消费扶贫爱心卡'),
        h('span', { class: `badge ${CARD_LOOK[card.status] || ''}`.trim() }, CARD_STATUS[card.status] || card.status)),
      h('div', { class: 'card-no', title: card.card_no }, maskCardNo(card.card_no)),
      h('div', { class: 'card-balance' },
        h('span', { class: 'money' }, yuan(card.balance_fen)),
        h('span', { class: 'muted' }, `面值 ${yuan(card.face_value_fen)}`)),
      h('div', { class: 'row-foot' },
        h('span', { class: 'muted' }, `有效期至 ${card.expires_at}`),
        h('span', { class: 'card-actions' },
          card.status === 'active'
            ? h('button', { type: 'button', class: 'small', onclick: () => payCode.open(card) }, '付款码') : null,
          card.status === 'active'
            ? h('button', { type: 'button', class: 'small secondary',
              onclick: (event) => giftClicked(card, event.currentTarget) }, '转赠') : null,
          card.status === 'active'
            ? h('button', { type: 'button', class: 'small secondary',
              onclick: (event) => freezeClicked(card, true, event.currentTarget) }, '冻结') : null,
          card.status === 'frozen'
            ? h('button', { type: 'button', class: 'small',
              onclick: (event) => freezeClicked(card, false, event.currentTarget) }, '解冻') : null)));
  }

  /** 冻结 after confirming (a lost card or phone: nobody can pay with it, its pay codes are void); 解冻 when found. */
  function freezeClicked(card, freeze, button) {
    const masked = maskCardNo(card.card_no);
    if (freeze && !window.confirm(`冻结爱心卡 ${masked}？冻结后这张卡不能付款，已出示的付款码全部作废；找回后可以解冻。`)) {
      return;
    }
    run(async () => {
      await api(sess, 'POST', `/api/v1/cards/${encodeURIComponent(card.card_no)}/${freeze ? 'freeze' : 'unfreeze'}`,
        { reason: freeze ? '持卡人冻结' : '持卡人解冻' });
      Aixin.notify(freeze ? `爱心卡 ${masked} 已冻结` : `爱心卡 ${masked} 已解冻，可以使用`, 'ok');
      await load();
    }, button);
  }

  async function load() {
    await run(async () => {
      const list = await api(sess, 'GET', '/api/v1/cards');
      const box = $('cards');
      box.replaceChildren(...(list.items.length ? list.items.map(cardRow)
        : [h('p', { class: 'muted' }, '还没有爱心卡。可以对小助手说“买一张200元的爱心卡”，或点“领取”绑定别人送的卡。')]));
    }, $('cards-refresh'));
  }

  /** 转赠 after confirming: the card leaves my list and its claim code (AX1.…) is shown once, with a copy button. */
  function giftClicked(card, button) {
    const masked = maskCardNo(card.card_no);
    if (!window.confirm(`转赠爱心卡 ${masked}（余额 ${yuan(card.balance_fen)}）？转赠后这张卡从「我的爱心卡」移出，`
      + '您会得到一串卡码，发给对方领取。卡码只显示这一次。')) {
      return;
    }
    run(async () => {
      const given = await api(sess, 'POST', `/api/v1/cards/${encodeURIComponent(card.card_no)}/give`);
      $('gift-card').textContent = `爱心卡 ${masked} · 余额 ${yuan(card.balance_fen)}`;
      $('gift-code').value = given.claim_code;
      $('gift-message').textContent = '';
      $('gift').showModal();
      $('gift-code').select();
      await load();
    }, button);
  }

  $('gift-copy').addEventListener('click', async () => {
    $('gift-code').select();
    try {
      await navigator.clipboard.writeText($('gift-code').value);
      $('gift-message').textContent = '已复制卡码';
    } catch (err) {
      $('gift-message').textContent = '无法自动复制，请长按卡码手动复制';
    }
  });
  $('gift-close').addEventListener('click', () => $('gift').close());

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
        if (!sess.token) loggedOut();
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

  // ---------------------------------------------------------------- 领取: claim a printed card

  const claim = {
    busy: false,

    open() {
      $('claim-form').reset();
      this.say('');
      $('claim').showModal();
      $('claim-code').focus();
    },

    close() {
      if ($('claim').open) $('claim').close();
    },

    say(text, kind = 'error') {
      const line = $('claim-message');
      line.textContent = text;
      line.className = `form-message ${kind}`;
    },

    setBusy(on) {
      this.busy = on;
      $('claim-submit').disabled = on;
      $('claim-photo').disabled = on;
      $('claim').setAttribute('aria-busy', String(on));
    },

    /** Claim with the code in the form (pasted, or read from the photo). */
    async submit() {
      const code = $('claim-code').value.replace(/\s+/g, '');
      if (!code) { this.say('请输入卡片上印的领取码，或上传二维码照片'); return; }
      this.setBusy(true);
      this.say('正在领取…', 'info');
      try {
        const card = await api(sess, 'POST', '/api/v1/cards/claim', { code });
        this.close();
        Aixin.notify(`已领取爱心卡 ${maskCardNo(card.card_no)}，余额 ${yuan(card.balance_fen)}`, 'ok');
        await load();
      } catch (err) {
        this.say(failureText(err, CLAIM_TEXT));
        if (!sess.token) { this.close(); loggedOut(); }
      } finally {
        this.setBusy(false);
      }
    },

    /** Read the QR in the photo on the server, show what it says, then claim with it. */
    async upload(file) {
      const form = new FormData();
      form.append('image', file, file.name || 'card.jpg');
      this.setBusy(true);
      this.say('正在识别二维码…', 'info');
      let text;
      try {
        text = (await api(sess, 'POST', '/api/v1/cards/decode', form)).text;
      } catch (err) {
        this.say(failureText(err));
        if (!sess.token) { this.close(); loggedOut(); }
        return;
      } finally {
        this.setBusy(false);
      }
      $('claim-code').value = text;
      await this.submit();
    },
  };

  $('claim-open').addEventListener('click', () => claim.open());
  $('claim-cancel').addEventListener('click', () => claim.close());
  $('claim-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!claim.busy) claim.submit();
  });
  $('claim-photo').addEventListener('change', (event) => {
    const input = event.currentTarget;
    const [file] = input.files;
    if (file && !claim.busy) claim.upload(file).finally(() => { input.value = ''; });
  });

  return {
    load,
    maskCardNo,
    close() {
      payCode.close();
      claim.close();
      if ($('gift').open) $('gift').close();
    },
  };
};
