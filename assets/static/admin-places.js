// 专柜 / 专馆 / 专区: create one, list them, and for the one chosen its QR code (更换二维码 makes every printed
// poster stop working), its A5 poster PDF, and its staff (create a clerk account, or attach an existing one).
'use strict';

(() => {
  const { sess } = AdminPage;
  const { h, api, notify } = Aixin;
  const MERCHANTS = '/api/v1/admin/merchants';
  const PAGE_SIZE = 20;
  const KINDS = { counter: '专柜', pavilion: '专馆', zone: '专区' };

  let page = 1;
  let selected = null;
  const shown = new Map(); // id → the merchant as last listed
  let qrUrl = null;

  function kindText(kind) {
    return KINDS[kind] || kind;
  }

  // ------------------------------------------------------------------ the list

  function listRow(m) {
    return h('tr', { dataset: { merchantId: m.id }, class: m.id === selected ? 'selected' : null },
      h('td', {}, m.name, m.active ? null : [' ', h('span', { class: 'badge off' }, '已停用')]),
      h('td', {}, kindText(m.kind)),
      h('td', {}, m.address || '—', m.organization ? h('div', { class: 'muted' }, m.organization) : null),
      h('td', {}, `第 ${m.key_version} 版`),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => Aixin.guard(() => select(m.id)) },
        '管理')),
    );
  }

  async function loadList(at = page) {
    page = at;
    const reply = await api(sess, 'GET', `${MERCHANTS}?page=${page}&page_size=${PAGE_SIZE}`);
    for (const m of reply.items) shown.set(m.id, m);
    AdminPage.fillTable('merchants', reply.items.map(listRow));
    AdminPage.pager('merchants-pager', page, PAGE_SIZE, reply.total, (p) => Aixin.guard(() => loadList(p)));
    if (selected && shown.has(selected)) await select(selected);
  }

  // ------------------------------------------------------------------ the detail panel

  async function showQr(m, img) {
    if (qrUrl) URL.revokeObjectURL(qrUrl);
    qrUrl = await Aixin.imageUrl(sess, `${MERCHANTS}/${m.id}/qr.png?v=${m.key_version}`);
    img.src = qrUrl;
    img.hidden = false;
  }

  function rotateButton(m) {
    return h('button', { type: 'button', class: 'danger', onclick: (event) => {
      const text = `为“${m.name}”更换二维码？更换后，之前打印的海报和二维码全部作废，需要重新打印张贴。`;
      if (!window.confirm(text)) return;
      Aixin.guard(async () => {
        const code = await api(sess, 'POST', `${MERCHANTS}/${m.id}/rotate-code`);
        shown.set(m.id, { ...m, key_version: code.key_version });
        notify(`已更换二维码：${m.name}（第 ${code.key_version} 版），请重新打印海报`, 'ok');
        await loadList();
      }, event.currentTarget);
    } }, '更换二维码');
  }

  function posterButton(m) {
    return h('button', { type: 'button', class: 'secondary', onclick: (event) => Aixin.guard(
      () => Aixin.download(sess, `${MERCHANTS}/${m.id}/poster.pdf`, `${m.name}-海报-第${m.key_version}版.pdf`),
      event.currentTarget) }, '下载 A5 海报（PDF）');
  }

  function staffList(staff) {
    if (!staff.length) return h('p', { class: 'muted', id: 'staff-empty' }, '还没有店员账号。');
    return h('ul', { class: 'staff-list', id: 'staff-list', 'aria-label': '店员账号' },
      staff.map((s) => h('li', {}, s.username, s.is_active ? null : [' ', h('span', { class: 'badge off' }, '已停用')])));
  }

  /** A small form: `fields` are [name, label, attrs]; `send(values)` runs on submit. */
  function staffForm(id, fields, buttonText, send) {
    const inputs = fields.map(([name, label, attrs]) => h('label', {}, label, h('input', { name, required: true,
      ...attrs })));
    const form = h('form', { class: 'inline staff-form', id }, inputs, h('button', { type: 'submit' }, buttonText));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = Object.fromEntries(fields.map(([name]) => [name, form.elements[name].value.trim()]));
      Aixin.guard(async () => {
        await send(values);
        form.reset();
      }, form.querySelector('button[type=submit]'));
    });
    return form;
  }

  function staffPart(m, staff) {
    const create = staffForm('staff-create', [
      ['username', '用户名', { maxlength: 64, autocomplete: 'off' }],
      ['password', '初始密码', { type: 'password', minlength: 8, maxlength: 256, autocomplete: 'new-password' }],
    ], '新建店员账号', async ({ username, password }) => {
      await api(sess, 'POST', `${MERCHANTS}/${m.id}/staff`, { username, password });
      notify(`已新建店员账号 ${username}，可用它登录商户页面`, 'ok');
      await select(m.id);
    });
    const attach = staffForm('staff-attach', [['username', '已有店员用户名', { maxlength: 64, autocomplete: 'off' }]],
      '指派到本专柜', async ({ username }) => {
        await api(sess, 'POST', `${MERCHANTS}/${m.id}/staff/attach`, { username });
        notify(`已将店员 ${username} 指派到 ${m.name}`, 'ok');
        await select(m.id);
      });
    return [h('h3', {}, '店员'), staffList(staff), create,
      h('p', { class: 'muted' }, '已有的店员账号可以调到本专柜（从原来的专柜移出）：'), attach];
  }

  async function select(id) {
    selected = id;
    for (const row of document.querySelectorAll('#merchants tbody tr')) {
      row.classList.toggle('selected', Number(row.dataset.merchantId) === id);
    }
    const m = shown.get(id);
    const staff = (await api(sess, 'GET', `${MERCHANTS}/${id}/staff`)).items;
    const img = h('img', { class: 'counter-qr', id: 'merchant-qr', alt: `${m.name} 二维码`, width: 180, height: 180,
      hidden: true });
    document.getElementById('merchant-detail').replaceChildren(
      h('h2', {}, `${m.name} · ${kindText(m.kind)}`),
      h('dl', { class: 'facts' },
        h('dt', {}, '地址'), h('dd', {}, m.address || '—'),
        h('dt', {}, '所属单位'), h('dd', {}, m.organization || '—'),
        h('dt', {}, '二维码'), h('dd', { id: 'merchant-code-version' }, `第 ${m.key_version} 版`)),
      h('h3', {}, '受理二维码'),
      h('p', { class: 'muted' }, '持卡人扫这个码向本专柜提交付款请求。'),
      img,
      h('div', { class: 'inline merchant-actions' }, posterButton(m), rotateButton(m)),
      ...staffPart(m, staff),
    );
    await showQr(m, img);
  }

  // ------------------------------------------------------------------ the form

  async function create(form) {
    const data = new FormData(form);
    const body = {
      name: String(data.get('name')).trim(), kind: data.get('kind'), address: String(data.get('address')).trim(),
      organization: String(data.get('organization')).trim(),
    };
    const region = String(data.get('region_code')).trim();
    if (region) body.region_code = region;
    const m = await api(sess, 'POST', MERCHANTS, body);
    notify(`已新建${kindText(m.kind)}：${m.name}`, 'ok');
    form.reset();
    shown.set(m.id, m);
    selected = m.id;
    const reply = await api(sess, 'GET', `${MERCHANTS}?page=1&page_size=1`);
    await loadList(Math.max(1, Math.ceil(reply.total / PAGE_SIZE))); // the newest is on the last page
  }

  function init() {
    const form = document.getElementById('merchant-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => create(form), form.querySelector('button[type=submit]'));
    });
  }

  AdminPage.area('places', { init, load: () => loadList() });
})();
