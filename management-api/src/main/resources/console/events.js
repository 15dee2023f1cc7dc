// The event types, grouped as Flowplayer groups them. The catalog comes from GET /v1/event-types;
// the list below is only used if that cannot be read.
import {get, items} from './api.js';

export const GROUPS = [
  {name: 'Video', prefix: 'VIDEO_'},
  {name: 'Playlist', prefix: 'PLAYLIST_'},
  {name: 'Livestream', prefix: 'LIVESTREAM_'},
  {name: 'Livesource', prefix: 'LIVESOURCE_'},
];

const KNOWN = ['VIDEO_READY', 'VIDEO_UPDATED', 'VIDEO_DELETED', 'PLAYLIST_CREATED', 'PLAYLIST_UPDATED', 'PLAYLIST_DELETED',
  'LIVESTREAM_CREATED', 'LIVESTREAM_UPDATED', 'LIVESTREAM_DELETED', 'LIVESTREAM_CONNECTED', 'LIVESTREAM_DISCONNECTED',
  'LIVESTREAM_ERROR', 'LIVESOURCE_CREATED', 'LIVESOURCE_UPDATED', 'LIVESOURCE_DELETED', 'LIVESOURCE_CONNECTED',
  'LIVESOURCE_DISCONNECTED'];

let catalog;

/** [{type, description}] for every event type, in the catalog's order. */
export async function eventTypes() {
  if (!catalog) {
    try {
      catalog = items(await get('/v1/event-types')).map((entry) => ({
        type: entry.type ?? entry.event_type ?? entry.name ?? entry.id,
        description: entry.description ?? '',
      })).filter((entry) => entry.type);
    } catch {
      catalog = [];
    }
    if (catalog.length === 0) catalog = KNOWN.map((type) => ({type, description: ''}));
  }
  return catalog;
}

/** "VIDEO_READY" → "Ready", the name inside its group. */
export function shortName(type) {
  const group = GROUPS.find((g) => type.startsWith(g.prefix));
  const rest = group ? type.slice(group.prefix.length) : type;
  return rest.charAt(0) + rest.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** How a webhook's events read in a table: "All events" or the list of types. */
export function describeEvents(events) {
  if (!events || events.length === 0) return 'None';
  if (events.includes('ALL')) return 'All events';
  return events.join(', ');
}

/** How its conditions read: "Has tag with name sports", or "None". */
export function describeConditions(conditions) {
  if (!conditions || conditions.length === 0) return 'None';
  return conditions.map((c) => (c.type === 'has_tag' ? `Has tag with name “${c.name}”` : `${c.type} ${c.name ?? ''}`)).join('; ');
}
