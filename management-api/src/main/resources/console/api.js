// The management API as the console uses it. The API key lives in sessionStorage only (gone when
// the tab closes) and travels in the Authorization header, never in a URL.

const KEY = 'mediahooks.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** An RFC 9457 problem answered by the API: its status, detail, and the field at fault if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem?.detail || problem?.title || `The API answered ${status}.`;
    super(detail);
    this.status = status;
    this.problem = problem ?? {};
    this.field = problem?.field ?? null;
  }

  /** The detail without the "field: " the API puts in front of it, for showing next to that field. */
  get fieldMessage() {
    const prefix = this.field ? `${this.field}: ` : '';
    return prefix && this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }
}

/** Calls the API; resolves to the parsed JSON body (null for 204), rejects with an ApiError. */
export async function call(method, path, body, {headers = {}, withResponse = false, signOutOn401 = true} = {}) {
  const init = {method, headers: {Accept: 'application/json, application/problem+json', ...headers}, cache: 'no-store'};
  const key = session.key();
  if (key) init.headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, {detail: `The API cannot be reached (${error.message}).`});
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = {detail: text.slice(0, 200)};
    }
  }
  if (!response.ok) {
    if (response.status === 401 && signOutOn401) {
      session.signOut();
      window.dispatchEvent(new CustomEvent('mediahooks:signed-out', {detail: json?.detail}));
    }
    throw new ApiError(response.status, json);
  }
  return withResponse ? {body: json, response} : json;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);

/** The path with its query string, leaving out empty parameters. */
export function withQuery(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A list answer's items, whether the API wraps them in {"data": [...]} or not. */
export const items = (answer) => (Array.isArray(answer) ? answer : answer?.data ?? []);
