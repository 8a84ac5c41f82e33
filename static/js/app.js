// The app shell: takes over the screen the server rendered, then renders every other screen
// from the API as the learner moves around (history API, real paths); keeps the header
// (account, language menu, what waits to sync) and the tab bar current; registers the
// service worker and tells it what this device should keep for offline use.
import { api, reads } from "./api.js";
import { h, lang, path } from "./dom.js";
import { refreshReview, showBadge } from "./due.js";
import { navigate } from "./router.js";
import { match } from "./routes.js";
import { currentUser, currentUsername, sessionEnded, setAccount, signInUrl } from "./session.js";
import { watchDeadlines } from "./deadlines.js";
import { flush, pendingCount, startSync } from "./sync.js";
import { forgetScreens, tellWorker } from "./worker.js";

const main = document.getElementById("main");
let unmount = null;
let showing = 0;

function failure(error) {
  if (error?.signedOut) {
    return [
      h("h1", {}, gettext("You are signed out")),
      h("p", {}, gettext("Your session on this device has ended.")),
      h("p", {}, h("a", { class: "button", href: signInUrl() }, gettext("Sign in again"))),
    ];
  }
  if (error?.status && error.status !== 0) {
    return [h("h1", {}, gettext("Something went wrong")), h("p", {}, error.message)];
  }
  return [
    h("h1", {}, gettext("You are offline")),
    h("p", {}, gettext("This screen has not been saved on this device yet. Lessons and quizzes you have opened before work without a connection.")),
    h("p", {}, h("a", { class: "button", href: path() }, gettext("Go to the lessons"))),
  ];
}

async function show({ first = false } = {}) {
  const ticket = ++showing;
  const found = match(location.pathname, lang);
  if (!found) {
    location.reload();
    return;
  }
  unmount?.();
  unmount = null;
  document.documentElement.dataset.ready = "";
  document.documentElement.dataset.offlineReady = "";
  // The server rendered this very screen: the module takes it over instead of rendering it.
  const hydrate = first && main.dataset.screen === found.route.name;
  const served = first ? { screen: main.dataset.screen, nodes: [...main.childNodes] } : null;
  if (!first) main.replaceChildren(h("p", { class: "meta" }, gettext("Loading…")));
  try {
    const screen = await found.route.load();
    if (ticket !== showing) return;
    main.dataset.screen = found.route.name;
    unmount = (await screen.mount(main, {
      params: found.params,
      hydrate,
      query: new URLSearchParams(location.search),
    })) || null;
  } catch (error) {
    if (ticket !== showing) return;
    // Offline with no copy: keep what the worker served (the offline screen), or say so.
    if (served && served.screen !== found.route.name) {
      main.dataset.screen = served.screen;
      main.replaceChildren(...served.nodes);
    } else {
      main.replaceChildren(...failure(error));
    }
  }
  if (ticket !== showing) return;
  refreshShell(found.route.tab);
  if (!first) {
    const heading = main.querySelector("h1");
    heading?.setAttribute("tabindex", "-1");
    (heading || main).focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  document.documentElement.dataset.ready = found.route.name;
  keepForOffline({ refresh: !first });
}

function refreshShell(tab) {
  for (const link of document.querySelectorAll(".tab")) {
    if (link.dataset.tab === tab) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const rest = location.pathname.slice(lang.length + 2) + location.search;
  for (const link of document.querySelectorAll("a[data-language]")) {
    link.href = `/${link.dataset.language}/${rest}`;
  }
  if (!currentUser() || sessionEnded()) renderAccount();
}

function closeMenus(except = null) {
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    if (menu !== except) menu.open = false;
  }
}

// A menu's list hangs from its button's end edge; on a narrow phone the button can sit too near
// the other edge (a language menu beside a long name, any menu in right-to-left), so an open
// list is moved back inside the screen, in either direction.
const EDGE = 8; // px kept free at the screen's edges

function keepOnScreen(menu) {
  const list = menu.querySelector(".menu-list");
  if (!menu.open || !list) return;
  list.style.removeProperty("--menu-shift");
  const box = list.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (box.left < EDGE) shift = EDGE - box.left;
  else if (box.right > width - EDGE) shift = width - EDGE - box.right;
  if (shift) list.style.setProperty("--menu-shift", `${Math.round(shift)}px`);
}

function onClick(event) {
  const menu = event.target.closest("details.menu");
  closeMenus(menu);
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !match(url.pathname, lang)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  closeMenus();
  navigate(url.href);
}

// --- account ------------------------------------------------------------------------------

function renderAccount() {
  const box = document.getElementById("account");
  if (!currentUser() || sessionEnded()) {
    box.replaceChildren(h("a", { class: "sign-in", href: signInUrl() }, gettext("Sign in")));
    return;
  }
  const name = currentUsername();
  box.replaceChildren(h("details", { class: "menu" },
    h("summary", {}, h("span", { class: "account-name" }, name)),
    h("div", { class: "menu-list" },
      h("p", { class: "meta" }, interpolate(gettext("Signed in as %(name)s"), { name }, true)),
      h("form", { "data-action": "sign-out" },
        h("button", { type: "submit", class: "button secondary" }, gettext("Sign out"))))));
}

/** Say something in the open account menu (replacing what it said before), or nothing. */
function sayInMenu(list, ...content) {
  list.querySelector(".menu-said")?.remove();
  if (content.length) list.append(h("div", { class: "menu-said", role: "alert" }, ...content));
  keepOnScreen(list.closest("details.menu"));
}

/** What waits to sync goes to the server before signing out (signed out, this device cannot
 * send it). What cannot go now stays on the device for when this learner signs in again: the
 * learner is told, and chooses. */
async function signOut(event) {
  const form = event.target.closest("form[data-action='sign-out']");
  if (!form) return;
  event.preventDefault();
  const list = form.closest(".menu-list");
  const buttons = [...list.querySelectorAll("button")];
  for (const button of buttons) button.disabled = true;
  try {
    const waiting = form.dataset.anyway === undefined ? await flush() : 0;
    if (waiting) {
      sayInMenu(list,
        h("p", { class: "notice", id: "sign-out-unsent" }, interpolate(ngettext(
          "%(count)s answer or change has not reached the server yet. If you sign out now, this device keeps it and sends it when you sign in here again.",
          "%(count)s answers or changes have not reached the server yet. If you sign out now, this device keeps them and sends them when you sign in here again.",
          waiting), { count: waiting }, true)),
        h("form", { "data-action": "sign-out", "data-anyway": "" },
          h("button", { type: "submit", class: "button secondary" }, gettext("Sign out anyway"))),
        h("button", { type: "button", class: "button", "data-action": "stay", onclick: () => {
          sayInMenu(list);
          list.closest("details.menu").open = false;
        } }, gettext("Stay signed in")));
      return;
    }
    await api.logout();
  } catch (error) {
    sayInMenu(list, h("p", { class: "error", id: "sign-out-problem" },
      error.status === 0 ? gettext("Signing out needs a connection.") : error.message));
    return;
  } finally {
    for (const button of buttons) button.disabled = false;
  }
  await forgetScreens();
  setAccount(null);
  navigate(location.href, { replace: true });
}

// --- what waits to sync ------------------------------------------------------------------

function renderSync(state) {
  const box = document.getElementById("sync-status");
  const parts = [];
  // Answers go out within a second when online: mention them only when they have to wait.
  const waiting = state.offline || state.needsSignIn;
  if (state.offline) parts.push(gettext("You are offline."));
  if (state.submissions) {
    parts.push(interpolate(ngettext("%(count)s quiz waits to be sent for grading.", "%(count)s quizzes wait to be sent for grading.", state.submissions), { count: state.submissions }, true));
  }
  if (state.answers && waiting) {
    parts.push(interpolate(ngettext("%(count)s answer is kept on this device until it can be sent.", "%(count)s answers are kept on this device until they can be sent.", state.answers), { count: state.answers }, true));
  }
  if (state.reviews && waiting) {
    parts.push(interpolate(ngettext("%(count)s review answer waits to be checked.", "%(count)s review answers wait to be checked.", state.reviews), { count: state.reviews }, true));
  }
  if (state.lessons && waiting) {
    parts.push(interpolate(ngettext("%(count)s lesson marked done waits to be sent.", "%(count)s lessons marked done wait to be sent.", state.lessons), { count: state.lessons }, true));
  }
  box.dataset.pending = String(pendingCount());
  if (!parts.length) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const children = [parts.join(" ")];
  if (state.needsSignIn && pendingCount()) {
    children.push(" ", h("a", { href: signInUrl() }, gettext("Sign in again to send them.")));
  }
  box.replaceChildren(...children);
  box.hidden = false;
}

// --- service worker ----------------------------------------------------------------------

/** Ask the worker to keep this screen, its reads, the offline screen and the catalog. A screen
 * reached inside the app was not loaded from the server: its kept copy is refreshed, so it is
 * not an older one (drawn for someone signed out, say). */
async function keepForOffline({ refresh = false } = {}) {
  const urls = [location.pathname, path("offline/"), path("jsi18n/"), path("manifest.webmanifest"), ...reads];
  const reply = await tellWorker({ type: "keep", urls, refresh: refresh ? [location.pathname] : [] });
  if (reply?.done) document.documentElement.dataset.offlineReady = "true";
}

/** Quizzes assigned to the learner, and the Review screen, are kept for offline use before
 * they are opened (the cards themselves: refreshReview). */
async function keepAssigned() {
  if (!currentUser() || navigator.onLine === false) return;
  let assignments;
  try {
    assignments = await api.assignments();
  } catch {
    return;
  }
  const urls = assignments.flatMap((assignment) => [
    path(`quizzes/${assignment.quiz}/`),
    `/api/v1/quizzes/${encodeURIComponent(assignment.quiz)}/?lang=${lang}`,
  ]);
  await tellWorker({ type: "keep", urls: [path("review/"), ...urls] });
}

// --- the Review tab's badge ------------------------------------------------------------------

let badgeTimer = null;

function onSynced(event) {
  // A quiz graded makes cards; a review answered moves one: both change what is due.
  if (["submit", "review"].includes(event.detail.entry.type)) refreshReview();
}

async function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  } catch {
    return; // no offline use on this device, the app works as before
  }
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  }
  await keepForOffline();
  await keepAssigned();
}

// --- start ---------------------------------------------------------------------------------

window.addEventListener("rootwise:navigate", () => show());
window.addEventListener("popstate", () => show());
window.addEventListener("rootwise:account", renderAccount);
window.addEventListener("rootwise:sync", (event) => renderSync(event.detail));
window.addEventListener("rootwise:account", refreshReview);
window.addEventListener("rootwise:synced", onSynced);
window.addEventListener("rootwise:refused", onSynced);
window.addEventListener("rootwise:stored", () => {
  clearTimeout(badgeTimer);
  badgeTimer = setTimeout(showBadge, 150);
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") showBadge({ fresh: true });
});
document.addEventListener("click", onClick);
// "toggle" does not bubble: listened to on the way down.
document.addEventListener("toggle", (event) => {
  if (event.target.matches?.("details.menu")) keepOnScreen(event.target);
}, true);
window.addEventListener("resize", () => {
  for (const menu of document.querySelectorAll("details.menu[open]")) keepOnScreen(menu);
});
document.addEventListener("submit", signOut);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeMenus();
});
show({ first: true });
startSync();
watchDeadlines();
refreshReview();
registerWorker();
