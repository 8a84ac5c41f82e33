// Who is signed in. The server writes it into the shell (<body data-user data-username>);
// signing in or out in the app changes it here and tells the page ("rootwise:account").
// When the server stops knowing the session (it expired, or ended elsewhere), the learner is
// still who this device works for (their answers wait here for them), but signed out.
import { path } from "./dom.js";

export function currentUser() {
  return document.body.dataset.user || "";
}

export function currentUsername() {
  return document.body.dataset.username || "";
}

// Bumped at each sign-in or sign-out in this page: a refusal ("not signed in") of a request
// sent before it says nothing of the session that is current now.
let version = 0;

export function accountVersion() {
  return version;
}

export function setAccount(account) {
  version += 1;
  delete document.body.dataset.session;
  document.body.dataset.user = account?.authenticated ? String(account.id) : "";
  document.body.dataset.username = account?.authenticated ? account.username : "";
  window.dispatchEvent(new CustomEvent("rootwise:account"));
}

/** Whether the server no longer knows this learner's session: signed out until they sign in. */
export function sessionEnded() {
  return Boolean(currentUser()) && document.body.dataset.session === "ended";
}

/** The server answered "not signed in" while this page thought the learner was. */
export function endSession() {
  if (!currentUser() || sessionEnded()) return;
  document.body.dataset.session = "ended";
  window.dispatchEvent(new CustomEvent("rootwise:account"));
}

/** The sign-in screen, coming back to `next` (the current screen by default). */
export function signInUrl(next = location.pathname + location.search) {
  return `${path("login/")}?next=${encodeURIComponent(next)}`;
}
