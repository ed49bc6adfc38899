// 以购代捐: the organizations that bought card batches, and one organization's report (its cards, the money they
// carried and where it was spent, by province and county), for all its batches or one; the report as CSV.
'use strict';

(() => {
  const { sess, count } = AdminPage;
  const { h, api, yuan } = Aixin;
  const ORGS = '/api/v1/admin/organizations';
  const STATES = { issuing: '发行中', issued: '已发行', active: '已激活', failed: '发行失败' };

  let selected = null; // {organization, batchId}

  function reportPath(organization, batchId, format) {
    const params = new URLSearchParams({ organization });
    if (batchId) params.set('batch_id', batchId);
    if (format) params.set('format', format);
    return `${ORGS}/report?${params}`;
  }

  function listRow(o) {
    return h('tr', { dataset: { organization: o.organization },
      class: selected && selected.organization === o.organization ? 'selected' : null },
    h('td', {}, o.organization),
    h('td', {}, `${count(o.batches)} 批`),
    h('td', {}, `${count(o.cards)} 张`),
    h('td', {}, h('button', { type: 'button', class: 'secondary',
      onclick: (event) => Aixin.guard(() => open(o.organization, null), event.currentTarget) }, '查看报告')));
  }

  async function loadList() {
    const reply = await api(sess, 'GET', ORGS);
    AdminPage.fillTable('organizations', reply.items.map(listRow));
    if (selected) await open(selected.organization, selected.batchId);
  }

  function figure(label, value) {
    return h('div', { class: 'figure' }, h('span', { class: 'label' }, label), h('strong', {}, value));
  }

  function table(caption, head, rows, id) {
    if (!rows.length) return [h('h3', {}, caption), h('p', { class: 'muted' }, '没有记录。')];
    return [h('h3', {}, caption), h('div', { class: 'table-wrap' }, h('table', { class: 'lines', id },
      h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))))),
    ];
  }

  function batchChooser(r, batchId) {
    const select = h('select', { name: 'batch_id', 'aria-label': '批次' },
      h('option', { value: '' }, '全部批次'),
      r.batches.map((b) => h('option', { value: b.id, selected: String(b.id) === String(batchId) },
        `#${b.id} · ${yuan(b.face_value_fen)} × ${count(b.count)} 张`)));
    select.addEventListener('change', () => Aixin.guard(() => open(r.organization, select.value || null)));
    return select;
  }

  function render(r, batchId) {
    const download = h('button', { type: 'button', class: 'secondary', onclick: (event) => Aixin.guard(
      () => Aixin.download(sess, reportPath(r.organization, batchId, 'csv'),
        `以购代捐报告-${r.organization}${batchId ? `-批次${batchId}` : ''}.csv`), event.currentTarget) }, '下载 CSV');
    document.getElementById('org-report').replaceChildren(
      h('h2', {}, r.organization),
      h('div', { class: 'inline org-tools' }, h('label', {}, '范围 ', batchChooser(r, batchId)), download),
      h('div', { class: 'figures', id: 'org-figures', 'aria-label': '单位报告' },
        figure('已发行', `${count(r.issued)} 张`), figure('已激活', `${count(r.activated)} 张`),
        figure('已领取', `${count(r.claimed)} 张`), figure('认购额', yuan(r.activated_fen)),
        figure('已消费', yuan(r.spent_fen)), figure('未消费余额', yuan(r.outstanding_fen)),
        r.expired_fen ? figure('过期收回', yuan(r.expired_fen)) : null,
        r.closed_fen ? figure('注销收回', yuan(r.closed_fen)) : null,
        r.adjusted_fen ? figure('调整', yuan(r.adjusted_fen)) : null,
        r.untraced_fen ? figure('无法追溯产地', yuan(r.untraced_fen)) : null),
      ...table('批次', ['批次', '状态', '面值 × 张数', '已激活', '已领取', '已消费', '未消费余额'], r.batches.map((b) => [
        `#${b.id}`, STATES[b.state] || b.state, `${yuan(b.face_value_fen)} × ${count(b.count)}`, count(b.activated),
        count(b.claimed), yuan(b.spent_fen), yuan(b.outstanding_fen)]), 'org-batches'),
      ...table('消费去向 · 按省份', ['省份', '专柜核销', '线上订单', '合计', '其中贫困县'], r.by_province.map((p) => [
        p.province, yuan(p.counter_fen), yuan(p.online_fen), yuan(p.amount_fen), yuan(p.poverty_county_fen)]),
      'org-provinces'),
      ...table('消费去向 · 按县区', ['县区', '贫困县', '专柜核销', '线上订单', '合计'], r.by_county.map((c) => [
        `${c.province}${c.city}${c.county}`, c.poverty_county ? '是' : '否', yuan(c.counter_fen), yuan(c.online_fen),
        yuan(c.amount_fen)]), 'org-counties'),
    );
  }

  async function open(organization, batchId) {
    selected = { organization, batchId };
    for (const tr of document.querySelectorAll('#organizations tbody tr')) {
      tr.classList.toggle('selected', tr.dataset.organization === organization);
    }
    render(await api(sess, 'GET', reportPath(organization, batchId)), batchId);
  }

  AdminPage.area('orgs', { load: loadList });
})();
