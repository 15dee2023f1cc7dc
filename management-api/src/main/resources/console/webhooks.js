// The Webhooks page: the secret key panel and the organization's webhooks, each with its health.
import {get, withQuery, items} from './api.js';
import {h, replace, note} from './dom.js';
import {describeEvents, describeConditions} from './events.js';
import {secretPanel} from './secret.js';
import {setEnabled, confirmDelete, healthPill, statusText} from './webhook-actions.js';

export async function render(main) {
  const list = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
  const messages = h('div', {class: 'messages'});
  replace(main,
    h('div', {class: 'page-head'},
      h('h1', {}, 'Webhooks'),
      h('a', {class: 'button primary', href: '#/webhooks/new'}, 'New webhook')),
    h('p', {class: 'lead'}, 'Get an HTTP POST on your endpoint when a video, playlist, livestream or livesource changes.'),
    messages,
    secretPanel(),
    h('section', {class: 'card', 'aria-labelledby': 'list-heading'}, h('h2', {id: 'list-heading'}, 'Your webhooks'), list));
  await load();

  async function load(cursor) {
    let answer;
    try {
      answer = await get(withQuery('/v1/webhooks', {limit: 50, cursor}));
    } catch (e) {
      replace(list, note(e.message, 'error'));
      return;
    }
    const webhooks = items(answer);
    if (webhooks.length === 0) {
      replace(list, h('p', {}, 'No webhooks yet. ', h('a', {href: '#/webhooks/new'}, 'Create your first webhook'), '.'));
      return;
    }
    replace(list,
      h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Webhooks table'},
        h('table', {id: 'webhooks-table'},
          h('thead', {}, h('tr', {},
            ['Webhook', 'Events', 'Conditions', 'Destination URL', 'Status', 'Health', 'Actions'].map((c) => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, webhooks.map(row)))),
      answer?.next_cursor && h('p', {}, h('button', {type: 'button', onclick: () => load(answer.next_cursor)}, 'Next page')));
  }

  function row(webhook) {
    const health = h('td', {}, '…');
    get(withQuery(`/v1/webhooks/${encodeURIComponent(webhook.id)}/stats`, {since: '24h'}))
      .then((stats) => replace(health, healthPill(stats?.health)))
      .catch(() => replace(health, healthPill('unknown')));
    return h('tr', {'data-webhook': webhook.id},
      h('td', {}, h('a', {href: `#/webhooks/${encodeURIComponent(webhook.id)}`}, webhook.description || webhook.id),
        webhook.description && h('div', {class: 'muted small'}, h('code', {}, webhook.id))),
      h('td', {}, describeEvents(webhook.events)),
      h('td', {}, describeConditions(webhook.conditions)),
      h('td', {class: 'url'}, webhook.url),
      h('td', {}, statusText(webhook)),
      health,
      h('td', {class: 'actions'},
        h('a', {href: `#/webhooks/${encodeURIComponent(webhook.id)}/edit`, 'aria-label': `Edit ${webhook.description || webhook.id}`}, 'Edit'),
        h('button', {type: 'button', class: 'link-button', 'aria-label': `${webhook.enabled ? 'Disable' : 'Enable'} ${webhook.description || webhook.id}`,
          onclick: () => act(() => setEnabled(webhook, !webhook.enabled))}, webhook.enabled ? 'Disable' : 'Enable'),
        h('button', {type: 'button', class: 'link-button danger', 'aria-label': `Delete ${webhook.description || webhook.id}`,
          onclick: () => act(() => confirmDelete(webhook))}, 'Delete')));
  }

  async function act(action) {
    try {
      const message = await action();
      if (message) replace(messages, note(message));
      await load();
    } catch (e) {
      replace(messages, note(e.message, 'error'));
    }
  }
}

