// The last 24 hours of deliveries, hour by hour: successes against failures, as an inline SVG bar
// chart (and the same numbers as a table for those who would rather read them).
import {h} from './dom.js';

const HOUR = 3600_000;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * 24 hourly buckets ending with the current hour, [{start: Date, delivered, failed}], from the
 * "hourly" counts of /stats (hours without attempts may be missing there).
 */
export function perHour(hourly, now = new Date()) {
  const last = Math.floor(now.getTime() / HOUR) * HOUR;
  const buckets = Array.from({length: 24}, (_, i) => ({start: new Date(last - (23 - i) * HOUR), delivered: 0, failed: 0}));
  for (const hour of hourly ?? []) {
    const index = 23 - Math.round((last - new Date(hour.hour).getTime()) / HOUR);
    if (index < 0 || index > 23 || Number.isNaN(index)) continue;
    buckets[index].delivered += hour.delivered ?? 0;
    buckets[index].failed += hour.failed ?? 0;
  }
  return buckets;
}

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

const hourLabel = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit'});

/**
 * The chart for {@link perHour}'s buckets, drawn for {@code width} pixels so its text keeps its
 * size on a phone as on a laptop.
 */
export function chart(buckets, width = 720) {
  const delivered = buckets.reduce((sum, b) => sum + b.delivered, 0);
  const failed = buckets.reduce((sum, b) => sum + b.failed, 0);
  const height = 220;
  const labelEvery = width < 560 ? 6 : 3;
  const left = 36;
  const bottom = 26;
  const top = 10;
  const plot = height - bottom - top;
  const max = Math.max(4, ...buckets.map((b) => Math.max(b.delivered, b.failed)));
  const scale = niceMax(max);
  const slot = (width - left) / buckets.length;
  const bar = Math.max(2, slot / 2 - 2);
  const y = (value) => top + plot - (value / scale) * plot;
  const summary = `${delivered} delivered and ${failed} failed attempts in the last 24 hours`;

  const grid = [0, 0.5, 1].map((f) => svg('g', {},
    svg('line', {x1: left, x2: width, y1: y(scale * f), y2: y(scale * f), class: 'grid'}),
    svg('text', {x: left - 6, y: y(scale * f) + 4, 'text-anchor': 'end', class: 'axis'}, String(Math.round(scale * f)))));
  const bars = buckets.map((b, i) => {
    const x = left + i * slot + 1;
    const label = `${hourLabel.format(b.start)}: ${b.delivered} delivered, ${b.failed} failed`;
    return svg('g', {},
      svg('title', {}, label),
      svg('rect', {x, y: y(b.delivered), width: bar, height: Math.max(0, y(0) - y(b.delivered)), class: 'bar-ok'}),
      svg('rect', {x: x + bar + 1, y: y(b.failed), width: bar, height: Math.max(0, y(0) - y(b.failed)), class: 'bar-fail'}),
      i % labelEvery === 0 ? svg('text', {x: x + bar, y: height - 8, 'text-anchor': 'middle', class: 'axis'}, hourLabel.format(b.start)) : '');
  });
  const picture = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', class: 'chart'},
  svg('title', {id: 'chart-title'}, `Deliveries per hour: ${summary}`), ...grid, ...bars);

  return h('figure', {class: 'chart-figure'},
    picture,
    h('figcaption', {},
      h('span', {class: 'legend legend-ok'}, 'Delivered'), ' ',
      h('span', {class: 'legend legend-fail'}, 'Failed'), ' — ', summary, '.'),
    h('details', {},
      h('summary', {}, 'Show the numbers'),
      h('table', {class: 'compact'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Hour'), h('th', {scope: 'col'}, 'Delivered'), h('th', {scope: 'col'}, 'Failed'))),
        h('tbody', {}, buckets.map((b) => h('tr', {}, h('td', {}, hourLabel.format(b.start)), h('td', {}, b.delivered), h('td', {}, b.failed)))))));
}

/** A round top for the scale whose half is a whole number too: 4, 6, 8, 10, 20, 50, 100, ... */
function niceMax(value) {
  if (value <= 10) return Math.max(4, Math.ceil(value / 2) * 2);
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}
