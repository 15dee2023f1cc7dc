// A few helpers to build the page from plain DOM elements: no framework, no innerHTML of data.

/** h('p', {class: 'x', onclick: f}, 'text', child, [more]) → an element; null and false children are skipped. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside {@code element}. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
const timeOnly = new Intl.DateTimeFormat(undefined, {timeStyle: 'medium'});

/** A {@code <time>} element for an RFC 3339 instant, shown in the reader's time zone. */
export function time(iso, {short = false} = {}) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = new Date().toDateString() === date.toDateString();
  return h('time', {datetime: iso, title: date.toISOString()}, short && today ? timeOnly.format(date) : dateTime.format(date));
}

/** Moves keyboard focus to the page's main heading, so a screen reader announces the new page. */
export function focusHeading(container) {
  const heading = container.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: false});
  }
}

/** A status message for assistive technology and sighted users alike. */
export function note(text, kind = 'info') {
  return h('p', {class: `note note-${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);
}
