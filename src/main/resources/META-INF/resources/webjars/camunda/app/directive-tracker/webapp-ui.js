// Directive Tracker: loaded by every Camunda webapp (Tasklist, Cockpit, Admin, Welcome) through
// `customScripts` in its scripts/config.js, before AngularJS starts. It does what Camunda's
// configuration cannot:
//  1. Vietnamese by default whatever the browser's language (Camunda picks the locale from
//     navigator.languages), English still selectable with a link in the header (kept in localStorage).
//  2. Links to the workspace (/app/) and the dashboard (/dashboard/) in the header.
//  3. Tasklist: "Tạo công việc" / "Khởi động quy trình" only for users the engine lets create a task or
//     start a process (agency officers and heads may do neither, ADR 6). styles/user-styles.css hides
//     both entries; this script shows them after asking the engine (GET .../authorization/check).
//  4. The app switcher's labels, which Camunda hard-codes in English.
//  5. One login (ADR 6): Camunda's own login route (#/login, shown after "Đăng xuất" or when the session
//     has ended) reloads the app's page instead; Spring Security sends that to /login and back after it.
import {LOCALE as locale, LOCALE_KEY} from './common-config.js';

// Camunda's determinePreferredLanguage() reads navigator.languages[0]; it runs when AngularJS
// configures the app, which happens after the custom scripts are imported.
for (const [property, value] of [['languages', [locale]], ['language', locale]]) {
  try {
    Object.defineProperty(navigator, property, {configurable: true, get: () => value});
  } catch (e) {
    console.warn('directive-tracker: cannot set navigator.' + property, e);
  }
}
document.documentElement.lang = locale;

const TEXT = {
  vi: {workspace: 'Không gian làm việc', dashboard: 'Bảng theo dõi', otherLanguage: 'English',
    apps: {welcome: 'Trang chủ', tasklist: 'Công việc', cockpit: 'Giám sát', admin: 'Quản trị'}},
  en: {workspace: 'Workspace', dashboard: 'Dashboard', otherLanguage: 'Tiếng Việt',
    apps: {welcome: 'Welcome', tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin'}}
}[locale];

const base = document.querySelector('base');
const engineApi = base ? base.getAttribute('engine-api') : '/camunda/api/engine/';
const engineMatch = /\/app\/[^/]+\/([^/]+)/.exec(window.location.pathname);
const engine = engineMatch ? engineMatch[1] : 'default';

function headerLinks() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (!menu || menu.querySelector('li.dt-link')) {
    return;
  }
  const items = [
    ['dt-workspace', '/app/', TEXT.workspace],
    ['dt-dashboard', '/dashboard/', TEXT.dashboard],
    ['dt-language', '#', TEXT.otherLanguage]
  ].map(([cls, href, label]) => {
    const li = document.createElement('li');
    li.className = 'dt-link ' + cls;
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    li.appendChild(a);
    return li;
  });
  items[2].firstChild.addEventListener('click', (event) => {
    event.preventDefault();
    localStorage.setItem(LOCALE_KEY, locale === 'vi' ? 'en' : 'vi');
    window.location.reload();
  });
  menu.prepend(...items);
}

function appSwitchLabels() {
  document.querySelectorAll('li.app-switch li > a').forEach((a) => {
    const app = Object.keys(TEXT.apps).find((name) => a.parentElement.classList.contains(name));
    if (app && a.textContent.trim() !== TEXT.apps[app]) {
      a.textContent = TEXT.apps[app];
    }
  });
}

async function isAuthorized(permission, resourceName, resourceType) {
  const query = new URLSearchParams({permissionName: permission, resourceName, resourceType: String(resourceType)});
  try {
    const response = await fetch(engineApi + 'engine/' + encodeURIComponent(engine) + '/authorization/check?' + query,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    return response.ok && (await response.json()).authorized === true;
  } catch (e) {
    return false;
  }
}

// Re-checked each time Tasklist renders its header actions, i.e. after every login.
let checkedActions = null;
function tasklistActions() {
  const createTask = document.querySelector('li.create-task-action');
  if (!createTask || createTask === checkedActions) {
    return;
  }
  checkedActions = createTask;
  const body = document.body.classList;
  body.remove('dt-can-create-task', 'dt-can-start-process');
  // Resource types: 7 = Task, 8 = ProcessInstance (org.camunda.bpm.engine.authorization.Resources).
  isAuthorized('CREATE', 'Task', 7).then((allowed) => body.toggle('dt-can-create-task', allowed));
  isAuthorized('CREATE', 'ProcessInstance', 8).then((allowed) => body.toggle('dt-can-start-process', allowed));
}

let leaving = false;
function toOneLogin() {
  if (!leaving && (/^#!?\/login/.test(window.location.hash) || document.querySelector('form[name="signinForm"]'))) {
    leaving = true;
    window.location.replace(window.location.pathname);
  }
}
window.addEventListener('hashchange', toOneLogin);

function onChange() {
  toOneLogin();
  headerLinks();
  appSwitchLabels();
  tasklistActions();
}

function start() {
  new MutationObserver(onChange).observe(document.body, {childList: true, subtree: true});
  onChange();
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
