// What the list and the detail page both do to one webhook.
import {call} from './api.js';
import {h} from './dom.js';

const path = (webhook) => `/v1/webhooks/${encodeURIComponent(webhook.id)}`;

/** Enables or disables the webhook (a JSON merge patch); resolves to a message saying so. */
export async function setEnabled(webhook, enabled) {
  await call('PATCH', path(webhook), {enabled});
  return `${webhook.description || webhook.id} is ${enabled ? 'enabled' : 'disabled'}.`;
}

/** Deletes the webhook once the person confirms; resolves to a message, or null when they did not. */
export async function confirmDelete(webhook) {
  const name = webhook.description || webhook.id;
  if (!window.confirm(`Delete the webhook “${name}”? Deliveries still pending for it are dropped.`)) return null;
  await call('DELETE', path(webhook));
  return `${name} was deleted.`;
}

/** "Enabled", or "Disabled" with the reason the workers gave. */
export function statusText(webhook) {
  if (webhook.enabled) return h('span', {class: 'state state-on'}, 'Enabled');
  return h('span', {class: 'state state-off'}, 'Disabled',
    webhook.disabled_reason && h('span', {class: 'reason'}, ` (${webhook.disabled_reason})`));
}

const HEALTH = {
  healthy: 'Healthy',
  failing: 'Failing',
  disabled: 'Disabled',
  unknown: 'No data',
};

/** A coloured pill with the health word from /stats (the word carries the meaning, not the colour). */
export function healthPill(health) {
  const key = HEALTH[health] ? health : 'unknown';
  return h('span', {class: `pill pill-${key}`}, HEALTH[key]);
}
