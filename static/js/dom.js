// Helpers every screen uses: building elements, the page's language, numbers, announcements.
// Words come from Django's JavaScript catalog (gettext, ngettext, interpolate are globals).

// Offline without a copy of the catalog, the app still works, in English.
globalThis.gettext ??= (text) => text;
globalThis.ngettext ??= (singular, plural, count) => (count === 1 ? singular : plural);
globalThis.interpolate ??= (format, values) => format.replace(/%\((\w+)\)s/g, (_all, name) => values[name]);

export const lang = document.documentElement.lang || "en";

// Latin digits everywhere, as in the server's pages and the course's codes (L4, S1).
const locale = lang === "ar" ? "ar-u-nu-latn" : lang;

/** Children as h() takes them: nested lists flattened, null/undefined/false ones left out. */
function present(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false);
}

/** An element with attributes (false/null ones left out, `on*` functions as listeners). */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  node.append(...present(children));
  return node;
}

/** Replace a node's children, leaving out parts that are not there as h() does (the DOM's own
 * replaceChildren() would show a null as the text "null"). */
export function fill(node, ...children) {
  node.replaceChildren(...present(children));
  return node;
}

/** A path inside the app, in the page's language: path("lessons/x/") -> "/en/lessons/x/". */
export function path(rest = "") {
  return `/${lang}/${rest}`;
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}

export function formatDate(value) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

export function formatList(items) {
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(items.map(String));
}

export function percentOf(score, max) {
  return max ? Math.round((100 * score) / max) : 0;
}

/** Minutes and seconds, as a countdown shows them. */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  return `${formatNumber(minutes)}:${String(whole % 60).padStart(2, "0")}`;
}

export function setTitle(title) {
  document.title = `${title} · ${gettext("Rootwise")}`;
}

/** Say something to screen readers through the shell's polite live region. */
export function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 60);
}

/** A random UUID made on the device: the id that makes a write safe to send twice. */
export function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function notice(text, className = "notice") {
  return h("p", { class: className }, text);
}
