// Sign in: an organization's API key, kept in sessionStorage for this tab only.
import {session, call, ApiError} from './api.js';
import {h, replace} from './dom.js';

export function render(main, {reason, onSignedIn}) {
  const error = h('p', {class: 'field-error', id: 'api-key-error', hidden: true});
  const input = h('input', {id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': 'api-key-help api-key-error'});
  const button = h('button', {type: 'submit'}, 'Sign in');
  const form = h('form', {class: 'card narrow', novalidate: true, onsubmit: submit},
    h('h1', {}, 'Sign in'),
    reason && h('p', {class: 'note note-error', role: 'alert'}, reason),
    h('div', {class: 'field'},
      h('label', {for: 'api-key'}, 'API key'),
      input,
      h('p', {class: 'help', id: 'api-key-help'},
        'Your organization\'s key, starting with mh_. It stays in this browser tab and is forgotten when the tab closes.'),
      error),
    h('p', {}, button));
  replace(main, form);

  async function submit(event) {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return fail('Enter the API key.');
    button.disabled = true;
    session.signIn(key);
    try {
      await call('GET', '/v1/secret', undefined, {signOutOn401: false});
      onSignedIn();
    } catch (e) {
      session.signOut();
      fail(e instanceof ApiError && e.status === 401 ? 'This API key is not valid.' : e.message);
    } finally {
      button.disabled = false;
    }
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}
