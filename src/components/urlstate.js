// Filters live in the URL query string so any view can be shared as a link.
// Inputs are wired two ways: initial value from the URL, and every change written back with replaceState.
export function getParam(name, fallback) {
  const v = new URLSearchParams(location.search).get(name);
  return v == null ? fallback : v;
}

export function getNumber(name, fallback) {
  const v = Number(getParam(name, NaN));
  return Number.isFinite(v) ? v : fallback;
}

export function getList(name, fallback) {
  const v = getParam(name, null);
  return v == null ? fallback : v.split(",").filter(Boolean);
}

export function setParam(name, value, fallback) {
  const params = new URLSearchParams(location.search);
  const s = Array.isArray(value) ? value.join(",") : value == null ? "" : String(value);
  const f = Array.isArray(fallback) ? fallback.join(",") : fallback == null ? "" : String(fallback);
  if (s === f) params.delete(name);
  else params.set(name, s);
  const q = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
}

/** Keep an Observable input in sync with a URL parameter; returns the input. */
export function bindParam(input, name, fallback, encode = (v) => v) {
  input.addEventListener("input", () => setParam(name, encode(input.value), encode(fallback)));
  return input;
}
