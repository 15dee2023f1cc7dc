// The "Webhooks secret key" panel: the organization's signing secrets. Values are shown once, when
// generated; afterwards only their ids and expiry are listed.
import {get, post} from './api.js';
import {h, replace, time, note} from './dom.js';

const OVERLAPS = [['1h', '1 hour'], ['24h', '24 hours'], ['7d', '7 days']];

/** The panel, filled in once the secret has been read. */
export function secretPanel() {
  const body = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
  const panel = h('section', {class: 'card', 'aria-labelledby': 'secret-heading'},
    h('h2', {id: 'secret-heading'}, 'Webhooks secret key'), body);
  load();
  return panel;

  async function load(revealed) {
    try {
      show(await get('/v1/secret'), revealed);
    } catch (e) {
      replace(body, note(e.message, 'error'));
    }
  }

  function show(secret, revealed) {
    const secrets = secret?.secrets ?? [];
    const configured = secret?.configured ?? secrets.length > 0;
    replace(body,
      h('p', {}, 'Every delivery is signed with this key, so your endpoint can check that it comes from us. '
        + 'Verify it with ', h('code', {}, './mediahooks listen --secret whsec_…'), ' or the Standard Webhooks libraries.'),
      revealed,
      configured ? [secretTable(secrets), rotateForm()] : [
        h('p', {class: 'warning', role: 'alert', id: 'no-secret-warning'},
          h('strong', {}, 'No secret key is set. '),
          'No events will be delivered for this organization until a secret key is set.'),
        h('p', {}, h('button', {type: 'button', onclick: generate}, 'Generate secret key')),
      ]);
  }

  function secretTable(secrets) {
    return h('table', {class: 'compact', id: 'secret-table'},
      h('caption', {}, 'Secret keys in use (the first signs every delivery)'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Id'), h('th', {scope: 'col'}, 'Created'), h('th', {scope: 'col'}, 'Expires'))),
      h('tbody', {}, secrets.map((s) => h('tr', {},
        h('td', {}, h('code', {}, s.id)), h('td', {}, time(s.created_at)), h('td', {}, s.expires_at ? time(s.expires_at) : 'Never')))));
  }

  function rotateForm() {
    const error = h('p', {class: 'field-error', id: 'overlap-error', hidden: true});
    const select = h('select', {id: 'overlap', name: 'overlap', 'aria-describedby': 'overlap-help overlap-error'},
      OVERLAPS.map(([value, label]) => h('option', {value, selected: value === '24h'}, label)));
    const button = h('button', {type: 'submit'}, 'Rotate');
    return h('form', {class: 'inline-form', onsubmit: rotate},
      h('div', {class: 'field'},
        h('label', {for: 'overlap'}, 'Overlap'),
        select,
        h('p', {class: 'help', id: 'overlap-help'}, 'How long the current key keeps signing next to the new one, '
          + 'while you update your endpoint.'),
        error),
      button);

    async function rotate(event) {
      event.preventDefault();
      button.disabled = true;
      try {
        const created = await post('/v1/secret/rotate', {overlap: select.value});
        await load(reveal(created, 'New secret key'));
      } catch (e) {
        error.textContent = e.fieldMessage ?? e.message;
        error.hidden = false;
        button.disabled = false;
      }
    }
  }

  async function generate(event) {
    event.target.disabled = true;
    try {
      const created = await post('/v1/secret', {});
      await load(reveal(created, 'Your secret key'));
    } catch (e) {
      event.target.disabled = false;
      body.prepend(note(e.message, 'error'));
    }
  }
}

/** Shows a new secret's value once, with a Copy button. */
function reveal(created, label) {
  const value = created?.value ?? '';
  const status = h('span', {role: 'status', class: 'copy-status'});
  const field = h('input', {id: 'new-secret', type: 'text', readonly: true, value, class: 'secret-value', spellcheck: 'false',
    'aria-describedby': 'new-secret-help'});
  const box = h('div', {class: 'reveal', id: 'secret-reveal'},
    h('label', {for: 'new-secret'}, label),
    h('div', {class: 'copy-row'}, field, h('button', {type: 'button', onclick: copy}, 'Copy'), status),
    h('p', {class: 'help', id: 'new-secret-help'}, 'Copy it now and keep it with your endpoint: it is not shown again.'));
  return box;

  async function copy() {
    field.select();
    try {
      await navigator.clipboard.writeText(value);
      status.textContent = 'Copied.';
    } catch {
      // Without clipboard access (plain http, an old browser) the selected text can be copied by hand.
      status.textContent = document.execCommand?.('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.';
    }
  }
}
