// The console's shell: signs in and out, and shows the page the location hash names. Each page is
// a module of its own, loaded when first shown.
import {session} from './api.js';
import {h, replace, focusHeading} from './dom.js';

const main = document.getElementById('main');
const account = document.getElementById('account');

const ROUTES = [
  {pattern: /^#?\/?$/, page: './webhooks.js'},
  {pattern: /^#\/webhooks\/?$/, page: './webhooks.js'},
  {pattern: /^#\/webhooks\/new$/, page: './webhook-form.js'},
  {pattern: /^#\/webhooks\/([^/]+)\/edit$/, page: './webhook-form.js'},
  {pattern: /^#\/webhooks\/([^/]+)$/, page: './webhook-detail.js'},
];

let current = null;
let signedOutReason = null;
let rendered = false;

async function show() {
  // Only "#/..." names a page; any other fragment (the skip link's "#main") leaves the page as it is.
  if (rendered && location.hash && !location.hash.startsWith('#/')) return;
  rendered = true;
  current?.leave?.();
  current = null;
  renderAccount();
  if (!session.key()) {
    const {render} = await import('./signin.js');
    render(main, {reason: signedOutReason, onSignedIn: () => { signedOutReason = null; show(); }});
    focusHeading(main);
    return;
  }
  const route = ROUTES.find((r) => r.pattern.test(location.hash)) ?? ROUTES[0];
  const [, id] = location.hash.match(route.pattern) ?? [];
  const module = await import(route.page);
  replace(main, h('p', {class: 'muted'}, 'Loading…'));
  current = (await module.render(main, {id: id && decodeURIComponent(id)})) ?? null;
  focusHeading(main);
}

function renderAccount() {
  if (!session.key()) {
    replace(account);
    return;
  }
  replace(account, h('button', {type: 'button', class: 'link-button', onclick: signOut}, 'Sign out'));
}

function signOut() {
  session.signOut();
  signedOutReason = null;
  if (location.hash) history.replaceState(null, '', location.pathname);
  show();
}

window.addEventListener('hashchange', show);
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('mediahooks:signed-out', () => {
  signedOutReason = 'The API key was not accepted. Sign in again.';
  show();
});
show();
