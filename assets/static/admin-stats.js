// 统计: the poverty-alleviation account (消费扶贫台账) for a date range, grouped as chosen; its chart; CSV / XLSX.
// Loaded by the administrator's page (AdminPage) and the officials' page (OfficialPage, tab 本地区台账): both give
// sess, count, fillTable, addDays and area; the officials' page also region(), an official's region code (null for
// the national administrator), whose figures the API already limits to that region.
'use strict';

(() => {
  const page = typeof AdminPage === 'undefined' ? OfficialPage : AdminPage;
  const { sess, count } = page;
  const region = () => (page.region ? page.region() : null);
  const { h, api, yuan } = Aixin;
  const STATS = '/api/v1/admin/stats';
  const GROUP_NAMES = {
    province: '省份', city: '地市', county: '县区', supplier: '供应商', category: '品类', channel: '渠道',
    merchant: '商户', day: '日期', month: '月份',
  };
  const KEY_TEXT = { channel: { online: '线上订单', merchant: '专柜核销' }, merchant: { online: '线上订单' } };
  let chartUrl = null;
  let loaded = false;

  function share(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
  }

  /** The form's filters as a query string (without format). */
  function query(form) {
    const params = new URLSearchParams();
    const { from, to, group_by: groupBy, poverty_only: povertyOnly } = form.elements;
    if (from.value) params.set('from', from.value);
    if (to.value) params.set('to', to.value);
    params.set('group_by', groupBy.value);
    if (povertyOnly.checked) params.set('poverty_only', 'true');
    return params.toString();
  }

  function totals(total) {
    const figures = [
      ['消费扶贫金额', yuan(total.amount_fen)], ['订单与核销', `${count(total.orders)} 笔`],
      ['商品数量', `${count(total.quantity)} 件`], ['供应商', `${count(total.suppliers)} 家`],
      ['带动脱贫户', `${count(total.households)} 户`], ['贫困县占比', share(total.poverty_share)],
    ];
    // card money is spent anywhere: a region's account has no 认购额
    if (!region()) figures.push(['认购额（爱心卡）', yuan(total.subscribed_fen)]);
    return figures.map(([label, value]) => h('div', { class: 'figure' }, h('span', { class: 'label' }, label),
      h('strong', {}, value)));
  }

  function keyText(groupBy, key) {
    return (KEY_TEXT[groupBy] && KEY_TEXT[groupBy][key]) || key;
  }

  function cells(first, f, tag = 'td') {
    return [
      h(tag, {}, first), h(tag, { class: 'money' }, yuan(f.amount_fen)), h(tag, {}, count(f.orders)),
      h(tag, {}, count(f.quantity)), h(tag, {}, count(f.suppliers)), h(tag, {}, count(f.households)),
      h(tag, {}, share(f.poverty_share)),
    ];
  }

  function table(reply) {
    const groupName = GROUP_NAMES[reply.group_by];
    document.getElementById('stats-table-title').textContent = `按${groupName}`;
    document.querySelector('#stats-table thead').replaceChildren(h('tr', {},
      ['', '金额', '订单/核销', '数量', '供应商', '脱贫户', '贫困县占比'].map((t, i) => h('th', {}, i ? t : groupName))));
    const rows = reply.rows.map((r) => h('tr', {}, cells(keyText(reply.group_by, r.key), r)));
    if (rows.length) rows.push(h('tr', { class: 'total' }, cells('合计', reply.total, 'th')));
    page.fillTable('stats-table', rows);
  }

  async function chart(params) {
    const img = document.getElementById('stats-chart');
    const url = await Aixin.imageUrl(sess, `${STATS}/chart.png?${params}`);
    if (chartUrl) URL.revokeObjectURL(chartUrl);
    chartUrl = url;
    img.hidden = false;
    img.src = url;
    await img.decode();
    const groupBy = new URLSearchParams(params).get('group_by');
    img.alt = `消费扶贫金额图表（按${GROUP_NAMES[groupBy]}）`;
  }

  async function load(form) {
    const params = query(form);
    const [reply] = await Promise.all([api(sess, 'GET', `${STATS}?${params}`), chart(params)]);
    document.getElementById('stats-total').replaceChildren(...totals(reply.total));
    table(reply);
    loaded = true;
  }

  function download(form, format, button) {
    const f = form.elements;
    const span = `${f.from.value || 'start'}_${f.to.value || 'now'}`;
    const where = region() ? `-${region()}` : '';
    const name = `aixin-stats-${f.group_by.value}-${span}${f.poverty_only.checked ? '-poverty' : ''}${where}.${format}`;
    Aixin.guard(() => Aixin.download(sess, `${STATS}?${query(form)}&format=${format}`, name), button);
  }

  function init() {
    const form = document.getElementById('stats-form');
    const today = Aixin.shanghaiToday();
    form.elements.from.value = page.addDays(today, -29);
    form.elements.to.value = today;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => load(form), form.querySelector('button[type=submit]'));
    });
    form.elements.group_by.addEventListener('change', () => Aixin.guard(() => load(form)));
    form.elements.poverty_only.addEventListener('change', () => Aixin.guard(() => load(form)));
    for (const format of ['csv', 'xlsx']) {
      const button = document.getElementById(`stats-${format}`);
      button.addEventListener('click', () => download(form, format, button));
    }
  }

  page.area('stats', {
    init,
    load: () => (loaded ? Promise.resolve() : load(document.getElementById('stats-form'))),
  });
})();
