// Who is signed in. The server writes it into the shell (<body data-user data-username>);
// signing in or out in the app changes it here and tells the page ("rootwise:account").
import { path } from "./dom.js";

export function currentUser() {
  return document.body.dataset.user || "";
}

export function currentUsername() {
  return document.body.dataset.username || "";
}

export function setAccount(account) {
  document.body.dataset.user = account?.authenticated ? String(account.id) : "";
  document.body.dataset.username = account?.authenticated ? account.username : "";
  window.dispatchEvent(new CustomEvent("rootwise:account"));
}

/** The sign-in screen, coming back to `next` (the current screen by default). */
export function signInUrl(next = location.pathname + location.search) {
  return `${path("login/")}?next=${encodeURIComponent(next)}`;
}
