// Shared by the three console pages: API calls with the page's token, errors in plain Chinese,
// money and time formatting, and a tiny DOM builder (text is always set as text, never as HTML).
'use strict';

const Aixin = (() => {
  class ApiFailure extends Error {
    constructor(status, code, details) {
      super(Aixin.errorText(code, status, details));
      this.status = status;
      this.code = code;
      this.details = details || {};
    }
  }

  /** A session per page: the chat, merchant and admin pages keep separate logins. */
  function session(name) {
    const key = `aixin.token.${name}`;
    return {
      get token() { return localStorage.getItem(key); },
      set token(value) { value ? localStorage.setItem(key, value) : localStorage.removeItem(key); },
    };
  }

  /** Chinese text for an error code (error-text.js), falling back to one per HTTP status. */
  function errorText(code, status, details) {
    const text = (window.AIXIN_ERROR_TEXT || {})[code];
    if (typeof text === 'function') return text(details || {});
    if (text) return text;
    if (status === 401) return '请先登录';
    if (status === 403) return '没有权限执行此操作';
    if (status === 404) return '找不到相关内容';
    if (status >= 500) return '服务器暂时出错，请稍后再试';
    return '操作未成功，请检查后重试';
  }

  async function parse(response) {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('application/json')) return response.json();
    if (type.startsWith('text/')) return response.text();
    return response.blob();
  }

  /**
   * Call the API. `body` may be an object (sent as JSON), FormData or a Blob. Resolves to the parsed
   * reply; rejects with an ApiFailure whose message is already in Chinese.
   */
  async function api(sess, method, path, body, { raw = false } = {}) {
    const headers = {};
    if (sess && sess.token) headers.Authorization = `Bearer ${sess.token}`;
    let payload = body;
    if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload });
    } catch (err) {
      throw new ApiFailure(0, 'network_error');
    }
    if (!response.ok) {
      let error = {};
      try { error = (await response.json()).error || {}; } catch (_) { /* not our JSON */ }
      if (response.status === 401 && sess) sess.token = null;
      throw new ApiFailure(response.status, error.code || `http_${response.status}`, error.details);
    }
    return raw ? response : parse(response);
  }

  /** An image the API protects with the bearer token, as an object URL an <img> can show. */
  async function imageUrl(sess, path) {
    const blob = await api(sess, 'GET', path);
    return URL.createObjectURL(blob);
  }

  /** Save a protected download (CSV, XLSX, PDF) under `fileName`. */
  async function download(sess, path, fileName) {
    // As a Blob whatever the type: parse() would turn text/csv into a string, which is no object URL.
    const blob = await (await api(sess, 'GET', path, undefined, { raw: true })).blob();
    const link = h('a', { href: URL.createObjectURL(blob), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
  }

  const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  /** 1990 → "¥19.90" (amounts are integers of fen everywhere). */
  function yuan(fen) {
    return `¥${yuanFormat.format((fen || 0) / 100)}`;
  }

  const timeFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false,
  });
  function time(iso) {
    return iso ? timeFormat.format(new Date(iso)) : '';
  }

  /** Today's date in Shanghai, YYYY-MM-DD (business days are Shanghai days). */
  function shanghaiToday() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }

  /** h('div', {class: 'x', onclick: f}, 'text', child…): children that are strings become text nodes. */
  function h(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Show a message in the page's notice bar (kind: 'error' | 'ok'). */
  function notify(text, kind = 'error') {
    let bar = document.getElementById('notice');
    if (!bar) {
      bar = h('div', { id: 'notice', role: 'alert' });
      document.body.prepend(bar);
    }
    bar.textContent = text;
    bar.className = `notice ${kind}`;
    bar.hidden = false;
    clearTimeout(notify.timer);
    notify.timer = setTimeout(() => { bar.hidden = true; }, kind === 'error' ? 8000 : 4000);
  }

  /** Run an async action from a button or form: errors go to the notice bar, the button is busy meanwhile. */
  async function guard(action, button) {
    if (button) button.disabled = true;
    try {
      return await action();
    } catch (err) {
      notify(err instanceof ApiFailure ? err.message : '页面出错，请刷新后重试');
      if (!(err instanceof ApiFailure)) console.error(err);
      return undefined;
    } finally {
      if (button) button.disabled = false;
    }
  }

  /** Staff login (admin, merchant) through a <form> with username and password fields. */
  function staffLogin(sess, form, onLoggedIn) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      guard(async () => {
        const reply = await api(null, 'POST', '/api/v1/auth/staff',
          { username: data.get('username'), password: data.get('password') });
        sess.token = reply.token;
        const notice = document.getElementById('notice');
        if (notice && notice.classList.contains('error')) notice.hidden = true;  // a mistyped password's error
        onLoggedIn(reply.user);
      }, form.querySelector('button'));
    });
  }

  // A staff page shows either its login form or itself (#login, #app, #who, #logout).
  function showStaffLogin() {
    for (const [id, hidden] of [['login', false], ['app', true], ['who', true], ['logout', true]]) {
      document.getElementById(id).hidden = hidden;
    }
  }

  // The page for a signed-in member of `roles` (true), or back to the login form with `wrongRole` said (false).
  async function admitStaff(sess, user, roles, wrongRole) {
    if (!roles.includes(user.role)) {
      await logout(sess);
      showStaffLogin();
      notify(wrongRole);
      return false;
    }
    for (const [id, hidden] of [['login', true], ['app', false], ['who', false], ['logout', false]]) {
      document.getElementById(id).hidden = hidden;
    }
    document.getElementById('who').textContent = user.nickname || user.username || '';
    return true;
  }

  async function logout(sess) {
    try { await api(sess, 'POST', '/api/v1/auth/logout'); } catch (_) { /* already gone */ }
    sess.token = null;
  }

  return { ApiFailure, session, errorText, api, imageUrl, download, yuan, time, shanghaiToday, h, notify, guard,
    staffLogin, showStaffLogin, admitStaff, logout };
})();
