// One webhook: what it sends where, a test event, the last 24 hours, the delivery log with each
// delivery's attempts, and recovery of failed deliveries.
import {get, post, withQuery, items, ApiError} from './api.js';
import {h, replace, time, note} from './dom.js';
import {describeEvents, describeConditions, eventTypes} from './events.js';
import {setEnabled, confirmDelete, healthPill, statusText} from './webhook-actions.js';
import {perHour, chart} from './chart.js';

const OUTCOMES = [['', 'All outcomes'], ['delivered', 'Delivered'], ['retry_scheduled', 'Failed, will retry'],
  ['dead_lettered', 'Dead-lettered'], ['dropped', 'Dropped']];
const LOG_PAGE = 20;
const REFRESH_MS = 3000;

export async function render(main, {id}) {
  const path = `/v1/webhooks/${encodeURIComponent(id)}`;
  let webhook;
  try {
    webhook = await get(path);
  } catch (e) {
    replace(main, h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Webhooks')), h('h1', {}, 'Webhook'),
      note(e.status === 404 ? 'There is no such webhook.' : e.message, 'error'));
    return null;
  }
  const timers = new Set();
  const every = (ms, f) => timers.add(setInterval(f, ms));
  const messages = h('div', {class: 'messages'});
  const types = await eventTypes();

  const summary = h('div', {});
  const health = h('span', {});
  const chartBox = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
  const log = deliveryLog(path, types, every);

  replace(main,
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Webhooks')),
    h('div', {class: 'page-head'}, h('h1', {}, webhook.description || webhook.id), health),
    messages,
    h('div', {class: 'detail-top'}, summary, testEventSection(path, webhook, types)),
    h('section', {class: 'card', 'aria-labelledby': 'chart-heading'}, h('h2', {id: 'chart-heading'}, 'Last 24 hours'), chartBox),
    log.section,
    recoverSection(path, id));
  let hourly = null;
  const drawChart = () => hourly && replace(chartBox, chart(perHour(hourly), Math.max(320, chartBox.clientWidth)));
  window.addEventListener('resize', drawChart);

  showSummary();
  refreshStats();
  every(15_000, refreshStats);

  function showSummary() {
    replace(summary, h('section', {class: 'card', 'aria-label': 'Settings'},
      h('dl', {class: 'facts'},
        h('dt', {}, 'Destination URL'), h('dd', {class: 'url'}, webhook.url),
        h('dt', {}, 'Events'), h('dd', {}, describeEvents(webhook.events)),
        h('dt', {}, 'Conditions'), h('dd', {}, describeConditions(webhook.conditions)),
        h('dt', {}, 'Status'), h('dd', {id: 'webhook-status'}, statusText(webhook)),
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, webhook.id)),
        h('dt', {}, 'Updated'), h('dd', {}, time(webhook.updated_at))),
      h('div', {class: 'form-actions'},
        h('a', {class: 'button', href: `#/webhooks/${encodeURIComponent(id)}/edit`}, 'Edit'),
        h('button', {type: 'button', id: 'toggle-enabled', onclick: toggle}, webhook.enabled ? 'Disable' : 'Enable'),
        h('button', {type: 'button', class: 'danger', onclick: remove}, 'Delete'))));
  }

  async function toggle() {
    try {
      replace(messages, note(await setEnabled(webhook, !webhook.enabled)));
      webhook = await get(path);
      showSummary();
      summary.querySelector('#toggle-enabled').focus();
      refreshStats();
    } catch (e) {
      replace(messages, note(e.message, 'error'));
    }
  }

  async function remove() {
    try {
      const message = await confirmDelete(webhook);
      if (message) location.hash = '#/';
    } catch (e) {
      replace(messages, note(e.message, 'error'));
    }
  }

  async function refreshStats() {
    try {
      const stats = await get(withQuery(`${path}/stats`, {since: '24h'}));
      replace(health, healthPill(stats?.health));
      hourly = stats?.hourly ?? [];
      drawChart();
    } catch (e) {
      replace(health, healthPill('unknown'));
      replace(chartBox, note(e.message, 'error'));
    }
  }

  return {
    leave: () => {
      timers.forEach(clearInterval);
      window.removeEventListener('resize', drawChart);
    },
  };
}

function testEventSection(path, webhook, types) {
  const allowed = webhook.events.includes('ALL') ? types.map((t) => t.type) : webhook.events;
  const select = h('select', {id: 'test-event-type', name: 'event_type'}, allowed.map((type) => h('option', {value: type}, type)));
  const outcome = h('div', {id: 'test-event-outcome', role: 'status', 'aria-live': 'polite'});
  const button = h('button', {type: 'submit'}, 'Send test event');
  return h('section', {class: 'card', 'aria-labelledby': 'test-heading'},
    h('h2', {id: 'test-heading'}, 'Send test event'),
    h('p', {}, 'Sends an example event of this type to this webhook only, signed and logged like any other.'),
    h('form', {class: 'inline-form', onsubmit: send},
      h('div', {class: 'field'}, h('label', {for: 'test-event-type'}, 'Event type'), select),
      button),
    outcome);

  async function send(event) {
    event.preventDefault();
    button.disabled = true;
    replace(outcome, h('p', {}, 'Sending…'));
    try {
      const sent = await post(`${path}/test`, {event_type: select.value});
      replace(outcome, h('p', {}, `Test event ${sent.event_id} sent. Waiting for it to arrive…`));
      const delivery = await waitForAttempt(sent.delivery_id);
      replace(outcome, delivery ? testOutcome(sent, delivery) : note(`Test event ${sent.event_id} has not been attempted yet.`
        + ' Look for it in the Delivery log.', 'info'));
    } catch (e) {
      replace(outcome, note(e.message, 'error'));
    } finally {
      button.disabled = false;
    }
  }
}

async function waitForAttempt(deliveryId) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const delivery = await get(`/v1/deliveries/${encodeURIComponent(deliveryId)}`);
      if ((delivery?.attempts ?? []).length > 0) return delivery;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

function testOutcome(sent, delivery) {
  const last = delivery.attempts[delivery.attempts.length - 1];
  const ok = last.outcome === 'delivered';
  const answer = last.status_code;
  const text = ok
    ? `Test event ${sent.event_id} arrived: your endpoint answered ${answer} in ${last.duration_ms} ms.`
    : `Test event ${sent.event_id} did not arrive: ${answer ? `your endpoint answered ${answer}` : last.error ?? 'no answer'}`
      + ` (${outcomeLabel(last.outcome)}).`;
  return h('p', {class: `note note-${ok ? 'success' : 'error'}`}, text);
}

function outcomeLabel(outcome) {
  return OUTCOMES.find(([value]) => value === outcome)?.[1] ?? outcome;
}

function deliveryLog(path, types, every) {
  const outcome = h('select', {id: 'log-outcome', name: 'status'}, OUTCOMES.map(([value, label]) => h('option', {value}, label)));
  const eventType = h('select', {id: 'log-event-type', name: 'event_type'},
    h('option', {value: ''}, 'All event types'), types.map((t) => h('option', {value: t.type}, t.type)));
  const body = h('tbody', {});
  const pager = h('div', {class: 'pager'});
  const detail = h('div', {id: 'delivery-detail'});
  const cursors = [undefined];
  let page = 0;
  let next = null;

  const section = h('section', {class: 'card', 'aria-labelledby': 'log-heading'},
    h('h2', {id: 'log-heading'}, 'Delivery log'),
    h('form', {class: 'inline-form filters', onsubmit: (e) => { e.preventDefault(); restart(); }},
      h('div', {class: 'field'}, h('label', {for: 'log-outcome'}, 'Outcome'), outcome),
      h('div', {class: 'field'}, h('label', {for: 'log-event-type'}, 'Event type'), eventType),
      h('button', {type: 'submit'}, 'Filter')),
    h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Delivery log table'},
      h('table', {id: 'delivery-log'},
        h('caption', {class: 'visually-hidden'}, 'Delivery attempts, newest first. Choose an event id to see what was sent and what came back.'),
        h('thead', {}, h('tr', {}, ['Time', 'Event type', 'Event id', 'Attempt', 'Outcome', 'Status code', 'Duration']
          .map((c) => h('th', {scope: 'col'}, c)))),
        body)),
    pager,
    detail);
  outcome.addEventListener('change', restart);
  eventType.addEventListener('change', restart);
  load();
  // The newest page follows new attempts on its own; older pages stay still while read.
  every(REFRESH_MS, () => page === 0 && !section.contains(document.activeElement?.closest('tbody')) && load());

  function restart() {
    cursors.length = 1;
    page = 0;
    load();
  }

  async function load() {
    let answer;
    try {
      answer = await get(withQuery(`${path}/attempts`, {status: outcome.value, event_type: eventType.value, limit: LOG_PAGE,
        cursor: cursors[page]}));
    } catch (e) {
      replace(body, h('tr', {}, h('td', {colspan: 7}, e.message)));
      return;
    }
    const attempts = items(answer);
    next = answer?.next_cursor ?? null;
    replace(body, attempts.length === 0
      ? h('tr', {}, h('td', {colspan: 7, class: 'muted'}, 'No deliveries yet.'))
      : attempts.map(row));
    replace(pager,
      h('button', {type: 'button', disabled: page === 0, onclick: () => { page--; load(); }}, 'Newer'),
      h('span', {class: 'muted'}, `Page ${page + 1}`),
      h('button', {type: 'button', disabled: !next, onclick: () => { cursors[page + 1] = next; page++; load(); }}, 'Older'));
  }

  function row(attempt) {
    const status = attempt.status_code;
    const open = () => showDelivery(attempt.delivery_id);
    return h('tr', {class: `outcome-${attempt.outcome}`, 'data-event-id': attempt.event_id, onclick: open},
      h('td', {}, time(attempt.at, {short: true})),
      h('td', {}, attempt.event_type),
      h('td', {}, h('button', {type: 'button', class: 'link-button', 'aria-label': `Attempts of ${attempt.event_id}`,
        onclick: (e) => { e.stopPropagation(); open(); }}, attempt.event_id)),
      h('td', {}, attempt.attempt),
      h('td', {}, h('span', {class: `outcome outcome-${attempt.outcome}`}, outcomeLabel(attempt.outcome))),
      h('td', {}, status ?? '—'),
      h('td', {}, attempt.duration_ms === undefined ? '—' : `${attempt.duration_ms} ms`));
  }

  async function showDelivery(deliveryId) {
    replace(detail, h('p', {class: 'muted'}, 'Loading…'));
    let delivery;
    try {
      delivery = await get(`/v1/deliveries/${encodeURIComponent(deliveryId)}`);
    } catch (e) {
      replace(detail, note(e.message, 'error'));
      return;
    }
    const heading = h('h3', {tabindex: '-1'}, `Delivery ${delivery.event_id ?? ''}`);
    replace(detail, h('div', {class: 'delivery'},
      heading,
      h('dl', {class: 'facts'},
        h('dt', {}, 'State'), h('dd', {}, delivery.state ?? '—'),
        h('dt', {}, 'webhook-id'), h('dd', {}, h('code', {}, delivery.delivery_id ?? deliveryId)),
        h('dt', {}, 'Event type'), h('dd', {}, delivery.event_type ?? '—')),
      (delivery.attempts ?? []).map((attempt) => attemptDetail(delivery, attempt)),
      h('button', {type: 'button', onclick: () => replace(detail)}, 'Close')));
    heading.focus();
  }

  return {section};
}

function attemptDetail(delivery, attempt) {
  const status = attempt.status_code;
  return h('article', {class: 'attempt'},
    h('h4', {}, `Attempt ${attempt.attempt}: ${outcomeLabel(attempt.outcome)}`, ' · ', time(attempt.at)),
    h('div', {class: 'exchange'},
      h('div', {},
        h('h5', {}, 'Sent'),
        h('pre', {tabindex: '0', 'aria-label': 'Request line and headers'},
          [`POST ${attempt.url ?? delivery.url ?? ''}`, ...requestHeaders(attempt)].join('\n')),
        h('pre', {class: 'body', tabindex: '0', 'aria-label': 'Request body'}, delivery.body ? pretty(delivery.body) : 'The body is no longer kept.')),
      h('div', {},
        h('h5', {}, 'Received'),
        h('p', {}, status ? `Status ${status}` : 'No answer', attempt.duration_ms !== undefined ? ` after ${attempt.duration_ms} ms` : ''),
        attempt.error ? h('pre', {class: 'body', tabindex: '0', 'aria-label': 'Error'}, attempt.error) : h('p', {class: 'muted small'}, 'No error.'),
        attempt.response_body
          ? h('pre', {class: 'body', tabindex: '0', 'aria-label': 'Response body (first 1,024 bytes)'}, attempt.response_body)
          : status && h('p', {class: 'muted small'}, 'Empty response body.'),
        attempt.next_attempt_at && h('p', {class: 'small'}, 'Next attempt ', time(attempt.next_attempt_at)))));
}

function requestHeaders(attempt) {
  const headers = Object.entries(attempt.request_headers ?? {});
  return headers.length ? headers.map(([name, value]) => `${name}: ${value}`) : ['(nothing was sent)'];
}

function pretty(text) {
  try {
    return JSON.stringify(typeof text === 'string' ? JSON.parse(text) : text, null, 2);
  } catch {
    return String(text);
  }
}

function recoverSection(path, webhookId) {
  const letters = h('div', {id: 'dead-letters'});
  const since = h('input', {type: 'datetime-local', id: 'recover-since', name: 'since', required: true,
    value: localInput(new Date(Date.now() - 24 * 3600_000)), 'aria-describedby': 'recover-help recover-since-error'});
  const error = h('p', {class: 'field-error', id: 'recover-since-error', hidden: true});
  const progress = h('div', {id: 'recover-progress', role: 'status', 'aria-live': 'polite'});
  const button = h('button', {type: 'submit'}, 'Recover');
  loadDeadLetters();
  return h('section', {class: 'card', 'aria-labelledby': 'recover-heading'},
    h('h2', {id: 'recover-heading'}, 'Dead letters'),
    letters,
    h('p', {id: 'recover-help'}, 'Sends again every delivery of this webhook that ran out of attempts since the time you choose.'),
    h('form', {class: 'inline-form', novalidate: true, onsubmit: recover},
      h('div', {class: 'field'}, h('label', {for: 'recover-since'}, 'Recover failed deliveries since'), since, error),
      button),
    progress);

  async function recover(event) {
    event.preventDefault();
    error.hidden = true;
    const when = new Date(since.value);
    if (Number.isNaN(when.getTime())) {
      error.textContent = 'Choose a date and time.';
      error.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      const {job_id: jobId} = await post(`${path}/recover`, {since: when.toISOString()});
      await follow(jobId);
    } catch (e) {
      if (e.field === 'since' || e.field === 'until') {
        error.textContent = e.fieldMessage;
        error.hidden = false;
      } else {
        replace(progress, note(e.message, 'error'));
      }
    } finally {
      button.disabled = false;
    }
  }

  async function loadDeadLetters() {
    try {
      const answer = await get(withQuery('/v1/dead-letters', {webhook_id: webhookId, limit: 10}));
      const entries = items(answer);
      replace(letters, entries.length === 0
        ? h('p', {class: 'muted'}, 'No delivery of this webhook has run out of attempts.')
        : h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Dead letters table'},
          h('table', {id: 'dead-letter-table'},
            h('caption', {}, answer?.next_cursor ? 'The 10 newest deliveries that ran out of attempts'
              : 'Deliveries that ran out of attempts'),
            h('thead', {}, h('tr', {}, ['Dead-lettered', 'Event type', 'Event id', 'Attempts', 'Last answer']
              .map((c) => h('th', {scope: 'col'}, c)))),
            h('tbody', {}, entries.map((entry) => h('tr', {},
              h('td', {}, time(entry.dead_lettered_at, {short: true})),
              h('td', {}, entry.event_type),
              h('td', {}, h('code', {}, entry.event_id)),
              h('td', {}, entry.attempts),
              h('td', {}, entry.last_attempt?.status_code ?? entry.last_attempt?.error ?? '—')))))));
    } catch (e) {
      replace(letters, note(e.message, 'error'));
    }
  }

  async function follow(jobId) {
    for (;;) {
      const job = await get(`/v1/jobs/${encodeURIComponent(jobId)}`);
      const matched = job.matched ?? 0;
      const replayed = job.replayed ?? 0;
      const waiting = (job.state === 'queued' || job.state === 'running') && matched === 0;
      replace(progress,
        h('p', {}, waiting ? `Recovery ${job.state}…`
          : `Recovery ${job.state}: ${replayed} of ${matched} failed deliveries sent again${job.error ? ` (${job.error})` : ''}.`),
        matched > 0 ? h('progress', {max: matched, value: replayed, 'aria-label': 'Recovery progress'}) : null);
      if (job.state !== 'queued' && job.state !== 'running') {
        loadDeadLetters();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** A Date as the value of a datetime-local input, in the reader's time zone. */
function localInput(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
