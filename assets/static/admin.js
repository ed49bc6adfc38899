// The administrator's page: login, the four tabs, and small helpers the areas share (admin-*.js).
// Each area registers itself with AdminPage.area(name, {load}); load() runs whenever its tab is shown.
'use strict';

const AdminPage = (() => {
  const sess = Aixin.session('admin');
  const areas = {};
  const h = Aixin.h;

  /** An area (tab) of the page: `load` is called each time its tab is opened. */
  function area(name, spec) {
    areas[name] = spec;
  }

  /** YYYY-MM-DD `days` after the Shanghai date `iso` (negative goes back). */
  function addDays(iso, days) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  }

  /** The same calendar day a year later (29 February becomes 1 March). */
  function aYearFrom(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  }

  const numberFormat = new Intl.NumberFormat('zh-CN');
  function count(n) {
    return numberFormat.format(n || 0);
  }

  /** A table body filled with rows; the "empty" note shows when there are none. */
  function fillTable(tableId, rows) {
    const body = document.querySelector(`#${tableId} tbody`);
    body.replaceChildren(...rows);
    const empty = document.getElementById(`${tableId}-empty`);
    if (empty) empty.hidden = rows.length > 0;
  }

  /** 上一页 / 下一页 under a list; `go(page)` loads another page. */
  function pager(id, page, pageSize, total, go) {
    const box = document.getElementById(id);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (pages <= 1) {
      box.replaceChildren(total ? h('span', { class: 'muted' }, `共 ${count(total)} 条`) : '');
      return;
    }
    box.replaceChildren(
      h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, '上一页'),
      h('span', { class: 'muted' }, `第 ${page} / ${pages} 页，共 ${count(total)} 条`),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => go(page + 1) }, '下一页'),
    );
  }

  /**
   * A button that opens a small inline form asking for a reason, then runs `action(reason)`.
   * Revoking always needs a reason (it is kept in the audit trail). `verb` names the act (退款, 取消订单 …).
   */
  function reasonAction(label, action, verb = label === '驳回' ? '驳回' : '撤销') {
    // default: rejecting a pending one (驳回), or revoking a certified one (撤销)
    const input = h('input', { name: 'reason', 'aria-label': `${verb}理由`, placeholder: `${verb}理由`, maxlength: 255,
      required: true });
    const form = h('form', { class: 'inline reason', hidden: true },
      input,
      h('button', { type: 'submit', class: 'danger' }, `确认${verb}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => { form.hidden = true; open.hidden = false; } },
        '取消'));
    const open = h('button', { type: 'button', class: 'secondary', onclick: () => {
      open.hidden = true;
      form.hidden = false;
      input.focus();
    } }, label);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      Aixin.guard(() => action(input.value.trim()), form.querySelector('button[type=submit]'));
    });
    return h('div', { class: 'reason-action' }, open, form);
  }

  // ------------------------------------------------------------------ tabs

  function showArea(name) {
    if (!areas[name]) name = 'certify';
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const selected = tab.dataset.area === name;
      tab.setAttribute('aria-selected', String(selected));
      document.getElementById(`area-${tab.dataset.area}`).hidden = !selected;
    }
    if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
    Aixin.guard(() => areas[name].load());
  }

  // ------------------------------------------------------------------ login

  const showLogin = Aixin.showStaffLogin;

  async function loggedIn(user) {
    if (!(await Aixin.admitStaff(sess, user, ['admin'], '该账号不是管理员，请使用管理员账号登录'))) return;
    document.getElementById('who').textContent = `管理员 ${user.nickname || user.username || ''}`;
    showArea(location.hash.slice(1));
  }

  async function start() {
    Aixin.staffLogin(sess, document.getElementById('login-form'), loggedIn);
    document.getElementById('logout').addEventListener('click', async () => {
      await Aixin.logout(sess);
      location.reload();
    });
    for (const tab of document.querySelectorAll('[role=tab]')) {
      tab.addEventListener('click', () => showArea(tab.dataset.area));
    }
    for (const spec of Object.values(areas)) if (spec.init) spec.init();
    if (!sess.token) {
      showLogin();
      return;
    }
    try {
      await loggedIn(await Aixin.api(sess, 'GET', '/api/v1/me'));
    } catch (_) {
      sess.token = null;
      showLogin();
    }
  }

  document.addEventListener('DOMContentLoaded', start);

  return { sess, area, addDays, aYearFrom, count, fillTable, pager, reasonAction };
})();
