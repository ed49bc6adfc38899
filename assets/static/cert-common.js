// Shared by the officials' page and the supplier page's 认定申请 tab: names of states and mechanisms, an application's
// facts, its documents (opened through the API with the page's token) and its steps.
'use strict';

const AixinCert = (() => {
  const { h, yuan } = Aixin;
  const STATE = {
    submitted: ['待县级审核', 'warn'], county_reviewed: ['待市级审核', 'warn'], city_reviewed: ['待省级认定', 'warn'],
    certified: ['已认定', ''], returned: ['已退回', 'off'], rejected: ['未通过', 'off'],
  };
  const MECHANISM = { employment: '带动就业', produce_purchase: '收购农产品', dividends: '入股分红', other: '其他' };
  const LEVEL = { county: '县级', city: '市级', province: '省级' };
  const ACTION = { submit: '提交申请', resubmit: '修改后重新提交', approve: '审核通过', return: '退回修改', reject: '不予认定' };

  function stateBadge(state) {
    const [text, kind] = STATE[state] || [state, 'warn'];
    return h('span', { class: `badge ${kind}`.trim(), dataset: { state } }, text);
  }

  function origin(a) {
    return `${a.origin_province}${a.origin_city}${a.origin_county}`;
  }

  function facts(a) {
    const rows = [
      ['商品', `${a.name}${a.brand ? `（${a.brand}）` : ''}`], ['商品编码', a.sku], ['类别', a.category],
      ['价格', `${yuan(a.price_fen)} / ${a.unit}`], ['库存', String(a.stock)], ['产地', origin(a)],
      ['带贫户数', `${a.poor_households} 户`], ['利益联结', MECHANISM[a.households_mechanism] || a.households_mechanism],
    ];
    if (a.supplier_name) rows.unshift(['供应商', `${a.supplier_name}${a.applies_for_supplier ? '（同时申请供应商认定）' : ''}`]);
    if (a.reason) rows.push(['理由', a.reason]);
    if (a.cert_no) rows.push(['证书编号', a.cert_no], ['有效期至', a.valid_until]);
    return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  /** Documents as tiles: images shown (fetched with the token), PDFs opened in a new tab from a blob. */
  function documents(sess, base, a) {
    if (!a.documents.length) return h('p', { class: 'muted' }, '没有上传材料。');
    return h('div', { class: 'documents' }, a.documents.map((d) => {
      const url = `${base}/${a.id}/documents/${d.id}`;
      const isImage = d.content_type.startsWith('image/');
      const preview = isImage ? h('img', { alt: d.label || '材料图片' }) : h('div', { class: 'pdf' }, 'PDF');
      if (isImage) Aixin.imageUrl(sess, url).then((src) => { preview.src = src; }).catch(() => {});
      const open = h('button', { type: 'button', class: 'secondary', dataset: { document: d.id },
        onclick: () => Aixin.guard(async () => {
          const blob = await Aixin.api(sess, 'GET', url);
          window.open(URL.createObjectURL(blob), '_blank', 'noopener');
        }, open) }, isImage ? '查看原图' : '打开 PDF');
      return h('div', { class: 'document' }, preview, h('span', { class: 'name', title: d.label }, d.label || d.content_type),
        h('span', { class: 'muted' }, `${Math.max(1, Math.round(d.size_bytes / 1024))} KB`), open);
    }));
  }

  function steps(a) {
    return h('ol', { class: 'steps' }, a.steps.map((s) => h('li', {},
      `${Aixin.time(s.at)} ${s.level ? LEVEL[s.level] : ''}${ACTION[s.action] || s.action}（${s.actor}）`,
      s.reason ? `：${s.reason}` : '')));
  }

  return { STATE, MECHANISM, LEVEL, stateBadge, origin, facts, documents, steps };
})();
