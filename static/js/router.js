// Moving between the app's screens without reloading: a new history entry, then the shell
// (app.js) renders the screen of that path.
export function navigate(href, { replace = false } = {}) {
  const url = new URL(href, location.href);
  history[replace ? "replaceState" : "pushState"](null, "", url.pathname + url.search + url.hash);
  window.dispatchEvent(new CustomEvent("rootwise:navigate"));
}
