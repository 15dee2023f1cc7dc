// New webhook and Edit webhook: events, conditions, destination URL, description, enabled. The API
// validates; its errors are shown next to the field they name.
import {call, ApiError} from './api.js';
import {h, replace, note} from './dom.js';
import {GROUPS, eventTypes, shortName} from './events.js';

export async function render(main, {id}) {
  const editing = Boolean(id);
  let webhook = {url: '', events: ['ALL'], conditions: [], enabled: true, description: ''};
  let etag = null;
  if (editing) {
    try {
      const answer = await call('GET', `/v1/webhooks/${encodeURIComponent(id)}`, undefined, {withResponse: true});
      webhook = answer.body;
      etag = answer.response.headers.get('ETag');
    } catch (e) {
      replace(main, h('h1', {}, 'Edit webhook'), note(e.message, 'error'), h('p', {}, h('a', {href: '#/'}, 'Back to Webhooks')));
      return;
    }
  }
  const types = await eventTypes();
  const all = webhook.events.includes('ALL');
  const summary = h('div', {id: 'form-errors', tabindex: '-1'});

  // Events
  const allRadio = h('input', {type: 'radio', name: 'events-mode', id: 'events-all', value: 'all', checked: all, onchange: sync});
  const someRadio = h('input', {type: 'radio', name: 'events-mode', id: 'events-some', value: 'some', checked: !all, onchange: sync});
  const groups = GROUPS.map((group) => h('fieldset', {class: 'event-group'},
    h('legend', {}, group.name),
    types.filter((t) => t.type.startsWith(group.prefix)).map((t) => h('div', {class: 'check'},
      h('input', {type: 'checkbox', name: 'event', id: `event-${t.type}`, value: t.type,
        checked: !all && webhook.events.includes(t.type)}),
      h('label', {for: `event-${t.type}`, title: t.description || null}, shortName(t.type), ' ', h('code', {class: 'small'}, t.type))))));
  const eventsError = fieldError('events');
  const eventsFieldset = h('fieldset', {class: 'field', id: 'events', 'aria-describedby': 'events-error'},
    h('legend', {}, 'Events'),
    h('div', {class: 'check'}, allRadio, h('label', {for: 'events-all'}, 'All events')),
    h('div', {class: 'check'}, someRadio, h('label', {for: 'events-some'}, 'Only the events I choose')),
    h('div', {class: 'event-groups', id: 'event-groups'}, groups),
    eventsError);

  // Conditions
  const rows = h('ul', {class: 'conditions', id: 'condition-rows'});
  const conditionsError = fieldError('conditions');
  const conditionsFieldset = h('fieldset', {class: 'field', id: 'conditions', 'aria-describedby': 'conditions-help conditions-error'},
    h('legend', {}, 'Conditions'),
    h('p', {class: 'help', id: 'conditions-help'}, 'Optional. An event is sent only when every condition holds.'),
    rows,
    h('button', {type: 'button', id: 'add-condition', onclick: () => addCondition('', true)}, 'Add condition'),
    conditionsError);
  for (const condition of webhook.conditions ?? []) addCondition(condition.name ?? '', false);

  // URL, description, enabled
  const url = h('input', {id: 'url', name: 'url', type: 'url', inputmode: 'url', autocomplete: 'url', required: true,
    placeholder: 'https://example.com/webhooks', value: webhook.url ?? '', 'aria-describedby': 'url-help url-error'});
  const description = h('input', {id: 'description', name: 'description', type: 'text', maxlength: 1000,
    value: webhook.description ?? '', 'aria-describedby': 'description-error'});
  const enabled = h('input', {id: 'enabled', name: 'enabled', type: 'checkbox', checked: webhook.enabled !== false,
    'aria-describedby': 'enabled-error'});
  const save = h('button', {type: 'submit', class: 'primary'}, 'Save');

  const form = h('form', {class: 'card', novalidate: true, onsubmit: submit},
    summary,
    eventsFieldset,
    conditionsFieldset,
    h('div', {class: 'field'},
      h('label', {for: 'url'}, 'Destination URL'), url,
      h('p', {class: 'help', id: 'url-help'}, 'Where we POST each event: an https URL your server answers with a 2xx.'),
      fieldError('url')),
    h('div', {class: 'field'},
      h('label', {for: 'description'}, 'Description'), description, fieldError('description')),
    h('div', {class: 'field check'}, enabled, h('label', {for: 'enabled'}, 'Enabled'), fieldError('enabled')),
    h('div', {class: 'form-actions'}, save, h('a', {href: editing ? `#/webhooks/${encodeURIComponent(id)}` : '#/'}, 'Cancel')));

  replace(main,
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Webhooks')),
    h('h1', {}, editing ? 'Edit webhook' : 'New webhook'),
    form);
  sync();

  function sync() {
    const some = someRadio.checked;
    for (const box of form.querySelectorAll('input[name="event"]')) box.disabled = !some;
    form.querySelector('#event-groups').classList.toggle('inactive', !some);
  }

  function addCondition(name, focus) {
    const index = rows.children.length;
    const input = h('input', {type: 'text', name: 'tag', id: `condition-${index}`, value: name, autocomplete: 'off',
      'aria-describedby': `condition-${index}-error`});
    const item = h('li', {class: 'condition'},
      h('label', {for: `condition-${index}`}, 'Has tag with name'),
      input,
      h('button', {type: 'button', class: 'link-button danger', 'aria-label': `Remove condition ${index + 1}`,
        onclick: () => { item.remove(); form.querySelector('#add-condition').focus(); }}, 'Remove'),
      h('p', {class: 'field-error', id: `condition-${index}-error`, hidden: true}));
    rows.append(item);
    if (focus) input.focus();
  }

  function body() {
    const chosen = [...form.querySelectorAll('input[name="event"]:checked')].map((box) => box.value);
    return {
      url: url.value.trim(),
      events: allRadio.checked ? ['ALL'] : chosen,
      conditions: [...rows.querySelectorAll('input[name="tag"]')]
        .map((input) => ({type: 'has_tag', name: input.value.trim()})),
      enabled: enabled.checked,
      description: description.value.trim(),
    };
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    const payload = body();
    if (!allRadio.checked && payload.events.length === 0) {
      return showError(new ApiError(422, {field: 'events', detail: 'events: choose at least one event type, or All events'}));
    }
    save.disabled = true;
    try {
      const saved = editing
        ? await call('PUT', `/v1/webhooks/${encodeURIComponent(id)}`, payload, {headers: etag ? {'If-Match': etag} : {}})
        : await call('POST', '/v1/webhooks', payload);
      location.hash = `#/webhooks/${encodeURIComponent(saved?.id ?? id)}`;
    } catch (e) {
      save.disabled = false;
      showError(e);
    }
  }

  /** Puts the API's message next to the field it names ("url", "events[1]", "conditions[0].name"), or on top. */
  function showError(error) {
    const field = error.field ?? '';
    const condition = field.match(/^conditions\[(\d+)\]/);
    let target = null;
    if (condition) target = rows.querySelectorAll('input[name="tag"]')[Number(condition[1])];
    else if (field.startsWith('events')) target = eventsFieldset;
    else if (field.startsWith('conditions')) target = conditionsFieldset;
    else if (['url', 'description', 'enabled'].includes(field)) target = form.querySelector(`#${field}`);
    const message = error.status === 412
      ? 'Someone changed this webhook since you opened it. Reload the page to see their version.'
      : error.fieldMessage ?? error.message;
    if (!target) {
      replace(summary, note(message, 'error'));
      summary.focus();
      return;
    }
    const holder = target.id && form.querySelector(`#${target.id}-error`);
    if (holder) {
      holder.textContent = message;
      holder.hidden = false;
    }
    if (!target.matches('fieldset')) target.setAttribute('aria-invalid', 'true');
    target.classList.add('invalid');
    replace(summary, note(`Check ${label(target)}: ${message}`, 'error'));
    (target.matches('fieldset') ? target.querySelector('input:not([disabled])') : target)?.focus();
  }

  function label(target) {
    if (target.matches('fieldset')) return target.querySelector('legend').textContent;
    return form.querySelector(`label[for="${target.id}"]`)?.textContent ?? 'the form';
  }

  function clearErrors() {
    replace(summary);
    for (const holder of form.querySelectorAll('.field-error')) {
      holder.textContent = '';
      holder.hidden = true;
    }
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
    for (const invalid of form.querySelectorAll('.invalid')) invalid.classList.remove('invalid');
  }
}

function fieldError(name) {
  return h('p', {class: 'field-error', id: `${name}-error`, hidden: true});
}

