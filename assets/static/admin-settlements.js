// 日结: every merchant's business day (redemptions, voids, net), one merchant's lines by product and origin county,
// closing a day that is over (日结, after a confirmation), and the day's CSV (all merchants, or one).
'use strict';

(() => {
  const { sess, count } = AdminPage;
  const { h, api, notify, yuan } = Aixin;
  const SETTLEMENTS = '/api/v1/admin/settlements';

  let day = null; // the business day on screen
  let selected = null; // merchant id of the detail panel
  let items = new Map(); // merchant id → settlement

  function status(s) {
    if (s.closed) {
      return h('span', {}, h('span', { class: 'badge solid' }, '已日结'),
        h('div', { class: 'muted' }, `${Aixin.time(s.closed_at)}${s.closed_by ? ` · ${s.closed_by}` : ''}`));
    }
    return h('span', { class: 'badge warn' }, '未日结');
  }

  function csvButton(s) {
    return h('button', { type: 'button', class: 'secondary', onclick: (event) => Aixin.guard(
      () => Aixin.download(sess, `${SETTLEMENTS}?date=${day}&merchant_id=${s.merchant_id}&format=csv`,
        `settlement-${s.merchant_id}-${day}.csv`), event.currentTarget) }, 'CSV');
  }

  function closeButton(s) {
    const open = day >= Aixin.shanghaiToday();
    return h('button', { type: 'button', disabled: open, title: open ? '营业日结束后（次日 00:05 起）才能日结' : null,
      onclick: (event) => {
        const text = `确认为“${s.merchant_name}”日结 ${day}？净额 ${yuan(s.net_fen)}。日结后当天的核销不能再撤销。`;
        if (!window.confirm(text)) return;
        Aixin.guard(async () => {
          const closed = await api(sess, 'POST', `${SETTLEMENTS}/close`, { merchant_id: s.merchant_id, date: day });
          notify(`已日结：${closed.merchant_name} ${day}，净额 ${yuan(closed.net_fen)}`, 'ok');
          selected = s.merchant_id;
          await load(day);
        }, event.currentTarget);
      } }, '日结');
  }

  function row(s) {
    return h('tr', { dataset: { merchantId: s.merchant_id }, class: s.merchant_id === selected ? 'selected' : null },
      h('td', {}, s.merchant_name),
      h('td', { class: 'money' }, `${count(s.redemption_count)} 笔 · ${yuan(s.redemption_fen)}`),
      h('td', { class: 'money' }, `${count(s.void_count)} 笔 · ${yuan(s.void_fen)}`),
      h('td', { class: 'money' }, h('strong', {}, yuan(s.net_fen))),
      h('td', {}, status(s)),
      h('td', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => detail(s.merchant_id) }, '明细'),
        s.closed ? null : closeButton(s), csvButton(s)),
    );
  }

  function figure(label, value) {
    return h('div', { class: 'figure' }, h('span', { class: 'label' }, label), h('strong', {}, value));
  }

  function lines(caption, head, rows) {
    if (!rows.length) return [h('h3', {}, caption), h('p', { class: 'muted' }, '没有记录。')];
    return [h('h3', {}, caption), h('div', { class: 'table-wrap' }, h('table', { class: 'lines' },
      h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))))),
    ];
  }

  function detail(merchantId) {
    selected = merchantId;
    for (const tr of document.querySelectorAll('#settlements tbody tr')) {
      tr.classList.toggle('selected', Number(tr.dataset.merchantId) === merchantId);
    }
    const s = items.get(merchantId);
    const panel = document.getElementById('settlement-detail');
    if (!s) {
      panel.replaceChildren(h('h2', {}, '日结明细'), h('p', { class: 'muted' }, '在列表中选择一个商户。'));
      return;
    }
    panel.replaceChildren(
      h('h2', {}, `${s.merchant_name} · ${s.date}`, ' ', status(s)),
      h('div', { class: 'figures', id: 'settlement-figures' },
        figure('核销', `${count(s.redemption_count)} 笔`), figure('核销金额', yuan(s.redemption_fen)),
        figure('撤销', `${count(s.void_count)} 笔`), figure('撤销金额', yuan(s.void_fen)), figure('净额', yuan(s.net_fen))),
      ...lines('按商品', ['商品', '编码', '数量', '金额'],
        s.by_product.map((p) => [p.name, p.sku, count(p.qty), yuan(p.amount_fen)])),
      ...lines('按产地', ['产地', '贫困县', '数量', '金额'],
        s.by_county.map((c) => [`${c.province}${c.city}${c.county}`, c.poverty_county ? '是' : '否', count(c.qty),
          yuan(c.amount_fen)])),
    );
  }

  async function load(date) {
    day = date;
    const reply = await api(sess, 'GET', `${SETTLEMENTS}?date=${date}`);
    items = new Map(reply.items.map((s) => [s.merchant_id, s]));
    document.getElementById('settlements-title').textContent = `${reply.date} 的商户`;
    const closed = reply.items.filter((s) => s.closed).length;
    document.getElementById('settlement-total').replaceChildren(
      figure('商户', `${count(reply.items.length)} 家`), figure('已日结', `${count(closed)} 家`),
      figure('当日净额', yuan(reply.net_fen)));
    AdminPage.fillTable('settlements', reply.items.map(row));
    if (!items.has(selected)) selected = reply.items.length ? reply.items[0].merchant_id : null;
    detail(selected);
  }

  function init() {
    const form = document.getElementById('settlement-form');
    form.elements.date.value = AdminPage.addDays(Aixin.shanghaiToday(), -1); // the last day that can be closed
    form.elements.date.max = Aixin.shanghaiToday();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => load(form.elements.date.value), form.querySelector('button[type=submit]'));
    });
    document.getElementById('settlements-csv').addEventListener('click', (event) => {
      const date = form.elements.date.value;
      Aixin.guard(() => Aixin.download(sess, `${SETTLEMENTS}?date=${date}&format=csv`, `settlements-${date}.csv`),
        event.currentTarget);
    });
  }

  AdminPage.area('settlements', { init, load: () => load(document.getElementById('settlement-form').elements.date.value) });
})();
