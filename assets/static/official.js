// The officials' page: my queue (applications waiting for my level in my region), my region's applications by
// state, one application with its documents and history, approve / return / reject; certificates expiring soon;
// my region's account (本地区台账: admin-stats.js, registered through OfficialPage) and staff accounts for my
// region's suppliers.
'use strict';

(() => {
  const { api, h, notify } = Aixin;
  const sess = Aixin.session('official');
  const $ = (id) => document.getElementById(id);
  const BASE = '/api/v1/official/applications';
  const LEVEL_OF_CODE = { 2: 'province', 4: 'city', 6: 'county' };
  const state = { user: null, tab: 'queue', current: null };
  const areas = {};
  const numberFormat = new Intl.NumberFormat('zh-CN');

  // What admin-stats.js needs from the page it is on (the administrator's page gives the same through AdminPage).
  window.OfficialPage = {
    sess,
    count: (n) => numberFormat.format(n || 0),
    /** YYYY-MM-DD `days` after the Shanghai date `iso`. */
    addDays(iso, days) {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    },
    fillTable(tableId, rows) {
      document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
      const empty = $(`${tableId}-empty`);
      if (empty) empty.hidden = rows.length > 0;
    },
    /** A tab's part kept in another script: initialised now (the page is parsed), loaded when its tab opens. */
    area(name, spec) {
      areas[name] = spec;
      if (spec.init) spec.init();
    },
    /** An official's region code (44, 4418, 441821); null for the national administrator. */
    region: () => (state.user && state.user.role === 'official' ? state.user.region_code : null),
  };

  async function run(action, button) {
    const result = await Aixin.guard(action, button);
    if (!sess.token) showLogin();
    return result;
  }

  function level() {
    return state.user && state.user.role === 'official' ? LEVEL_OF_CODE[(state.user.region_code || '').length] : null;
  }

  // ---- login ----------------------------------------------------------------------------------------------------

  const showLogin = Aixin.showStaffLogin;

  async function showApp(user) {
    if (!(await Aixin.admitStaff(sess, user, ['official', 'admin'], '请使用审核人员账号登录'))) return;
    state.user = user;
    const lv = level();
    $('who').textContent = lv ? `${AixinCert.LEVEL[lv]} ${user.region_code} · ${user.username}` : `全国 · ${user.username}`;
    $('queue-hint').textContent = {
      county: '本县提交的申请，县级审核通过后报市级。',
      city: '本市各县审核通过的申请，市级审核通过后报省级。',
      province: '本省市级审核通过的申请：通过即认定，须填写证书编号和有效期。',
    }[lv] || '全国所有待审核的申请（管理员只能查看）。';
    showTab('queue');
  }

  // ---- lists ----------------------------------------------------------------------------------------------------

  function card(a) {
    return h('div', { class: 'app-card', dataset: { application: a.id } },
      h('div', { class: 'title' }, h('strong', {}, a.name), AixinCert.stateBadge(a.state)),
      h('span', { class: 'muted' }, `${a.supplier_name || ''} · ${AixinCert.origin(a)}`),
      h('div', { class: 'row' },
        h('span', { class: 'muted' }, `带贫 ${a.poor_households} 户 · 材料 ${a.documents.length} 份 · ${Aixin.time(a.updated_at)}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => openApplication(a.id) }, '查看')));
  }

  function list(target, page, empty) {
    $(target).replaceChildren(...(page.items.length ? page.items.map(card) : [h('p', { class: 'muted empty' }, empty)]));
  }

  async function loadQueue() {
    const page = await api(sess, 'GET', `${BASE}?page_size=100`);
    list('queue-list', page, '没有等待您审核的申请。');
    $('queue-count').textContent = page.total;
    $('queue-count').hidden = !page.total;
  }

  async function loadRegion() {
    const page = await api(sess, 'GET', `${BASE}?page_size=100&state=${$('region-state').value}`);
    list('region-list', page, '没有这个状态的申请。');
  }

  async function loadExpiring() {
    const page = await api(sess, 'GET', `/api/v1/official/certificates/expiring?page_size=100&days=${$('expiring-days').value}`);
    if (!page.items.length) {
      $('expiring-list').replaceChildren(h('p', { class: 'muted empty' }, '没有即将到期的证书。'));
      return;
    }
    $('expiring-list').replaceChildren(h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['商品', '供应商', '证书编号', '到期', '剩余'].map((t) => h('th', {}, t)))),
      h('tbody', {}, page.items.map((p) => h('tr', {},
        h('td', {}, p.name), h('td', {}, p.supplier_name), h('td', {}, p.cert_no || ''), h('td', {}, p.valid_until),
        h('td', {}, h('span', { class: `badge ${p.days_left <= 15 ? 'off' : 'warn'}` }, `${p.days_left} 天`))))))));
  }

  // ---- staff accounts for my region's suppliers --------------------------------------------------------------------

  async function loadStaff() {
    const page = await api(sess, 'GET', '/api/v1/admin/suppliers?page_size=100');
    const select = $('staff-supplier');
    const chosen = select.value;
    select.replaceChildren(...page.items.map((s) => h('option', { value: s.id }, `${s.name}（${s.id}）`)));
    if (chosen) select.value = chosen;
    $('staff-more').textContent = `本地区共 ${page.total} 家供应商，这里列出前 ${page.items.length} 家。`;
    $('staff-more').hidden = page.total <= page.items.length;
    $('staff-create').disabled = !page.items.length;
  }

  $('staff-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const supplier = form.elements.supplier.selectedOptions[0];
    const body = { username: form.elements.username.value.trim(), password: form.elements.password.value };
    const made = await run(() => api(sess, 'POST', `/api/v1/admin/suppliers/${supplier.value}/staff`, body),
      $('staff-create'));
    if (!made) return;
    $('staff-done').textContent = `已为 ${supplier.textContent} 创建账号 ${made.username}，请将登录名和初始口令交给供应商。`;
    $('staff-done').hidden = false;
    notify('供应商账号已创建', 'ok');
    form.elements.username.value = '';
    form.elements.password.value = '';
  });

  const LOADERS = {
    queue: loadQueue, region: loadRegion, expiring: loadExpiring, staff: loadStaff, stats: () => areas.stats.load(),
  };

  function showTab(name) {
    state.tab = name;
    $('detail').hidden = true;
    document.querySelectorAll('.tabs [role=tab]').forEach((tab) => {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      $(`tab-${tab.dataset.tab}`).hidden = !on;
    });
    run(LOADERS[name]);
  }

  // ---- one application ------------------------------------------------------------------------------------------

  /** The state my level acts on for this application (a county under no city goes from the county to the province). */
  function waitsForMe(a) {
    const lv = level();
    if (lv === 'county') return a.state === 'submitted';
    if (lv === 'city') return a.state === 'county_reviewed';
    if (lv === 'province') return a.state === 'city_reviewed' || (a.state === 'county_reviewed' && !a.origin_city);
    return false;
  }

  function oneYearOn() {
    const d = new Date(`${Aixin.shanghaiToday()}T00:00:00`);
    d.setFullYear(d.getFullYear() + 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  function render(a) {
    state.current = a;
    $('detail-title').textContent = a.name;
    $('detail-body').replaceChildren(
      h('p', {}, AixinCert.stateBadge(a.state)), AixinCert.facts(a),
      h('h3', {}, '申请材料'), AixinCert.documents(sess, BASE, a),
      h('h3', {}, '办理记录'), AixinCert.steps(a));
    const mine = waitsForMe(a);
    $('detail-actions').hidden = !mine;
    $('certificate-fields').hidden = level() !== 'province';
    $('approve').textContent = level() === 'province' ? '通过并认定' : `${AixinCert.LEVEL[level()] || ''}审核通过`;
    if (mine && level() === 'province' && !$('valid-until').value) $('valid-until').value = oneYearOn();
    $('reason').value = '';
  }

  async function openApplication(id) {
    await run(async () => {
      render(await api(sess, 'GET', `${BASE}/${id}`));
      document.querySelectorAll('[id^=tab-]').forEach((s) => { if (s.tagName === 'SECTION') s.hidden = true; });
      $('detail').hidden = false;
      $('detail').scrollIntoView({ block: 'start' });
    });
  }

  async function decide(action, body, button, done) {
    const a = state.current;
    const result = await run(async () => api(sess, 'POST', `${BASE}/${a.id}/${action}`, body), button);
    if (!result) return;
    notify(done, 'ok');
    render(result);
    run(loadQueue);  // the badge on 待我审核 follows
  }

  $('approve-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = level() === 'province' ? { cert_no: $('cert-no').value.trim(), valid_until: $('valid-until').value } : {};
    if (level() === 'province' && (!body.cert_no || !body.valid_until)) {
      notify('请填写认定证书编号和有效期');
      return;
    }
    decide('approve', body, $('approve'), level() === 'province' ? '已认定，产品即可上架销售' : '审核通过，已报上一级');
  });

  function withReason(action, button, done, question) {
    const reason = $('reason').value.trim();
    if (!reason) {
      notify('请填写理由');
      $('reason').focus();
      return;
    }
    if (question && !window.confirm(question)) return;
    decide(action, { reason }, button, done);
  }

  $('return').addEventListener('click', () => withReason('return', $('return'), '已退回供应商修改'));
  $('reject').addEventListener('click', () => withReason('reject', $('reject'), '已作不予认定处理',
    '不予认定后该申请不能再提交，确定吗？'));
  $('detail-close').addEventListener('click', () => showTab(state.tab));
  $('region-state').addEventListener('change', () => run(loadRegion));
  $('expiring-days').addEventListener('change', () => run(loadExpiring));
  document.querySelectorAll('.tabs [role=tab]').forEach((tab) => tab.addEventListener('click', () => showTab(tab.dataset.tab)));
  $('logout').addEventListener('click', async () => {
    await Aixin.logout(sess);
    location.reload();  // nothing of this official's (the account, the loaded figures) stays on the page
  });
  Aixin.staffLogin(sess, $('login-form'), showApp);

  if (sess.token) {
    api(sess, 'GET', '/api/v1/me').then(showApp).catch(showLogin);
  } else {
    showLogin();
  }
})();
