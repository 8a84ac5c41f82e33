// The only module that talks to the server: JSON in and out through /api/v1/, the CSRF token,
// and the API's one error shape. Every request names the page's language (`?lang=`), so a
// copy the service worker keeps is the copy of that language.
import { lang } from "./dom.js";
import { accountVersion, currentUser, endSession } from "./session.js";

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || gettext("Something went wrong. Please try again."));
    this.status = status;
    this.code = body?.code || "error";
    this.details = body?.details || {};
  }

  /** The server does not know who is asking (a session that ended): sign in again. */
  get signedOut() {
    return this.status === 401 || this.code === "not_authenticated";
  }

  /** No answer at all (offline, or none in time), or one that says "later" (busy, down):
   * worth retrying. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** Sent, but no answer came in time: the connection works, this request did not. */
  get timedOut() {
    return this.code === "timeout";
  }
}

// The reads this page made: the service worker keeps copies of them for offline use.
export const reads = new Set();

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

// Requests about the learner's own work name the learner this page acts for: when another tab
// has signed this browser in as someone else, the server refuses them (401) instead of
// filing this learner's answers under the other one.
const OWN_WORK = /^(attempts|me)\//;

function forLearner(method, path) {
  return OWN_WORK.test(path) || (method !== "GET" && !path.startsWith("auth/"));
}

// A request with no answer by then is given up and retried later: one that never answers (a
// connection gone quiet, a hung server worker) must not hold back every later save and the
// submission behind it. (A test may shorten it through globalThis.rootwiseRequestTimeout.)
const REQUEST_TIMEOUT = 20_000;

function timedOut() {
  return new ApiError(0, { code: "timeout", message: gettext("The server did not answer in time.") });
}

async function request(method, path, body) {
  const url = new URL(`/api/v1/${path}`, location.origin);
  url.searchParams.set("lang", lang);
  const options = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (currentUser() && forLearner(method, path)) options.headers["X-Rootwise-Learner"] = currentUser();
  if (method !== "GET") {
    options.headers["X-CSRFToken"] = csrfToken();
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body ?? {});
  }
  const sentFor = accountVersion();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), globalThis.rootwiseRequestTimeout || REQUEST_TIMEOUT);
  options.signal = controller.signal;
  let response;
  let data = null;
  try {
    try {
      response = await fetch(url, options);
    } catch {
      if (controller.signal.aborted) throw timedOut();
      throw new ApiError(0, { code: "offline", message: gettext("You are offline.") });
    }
    if (response.status === 204) return null;
    const text = await response.text().catch(() => {
      throw timedOut(); // the body stopped coming: an answer never read counts as none
    });
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  } finally {
    clearTimeout(timer);
  }
  if (method === "GET" && response.ok) reads.add(url.pathname + url.search);
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    // A late refusal of a request sent before a sign-in does not end the new session.
    if (error.signedOut && sentFor === accountVersion()) endSession();
    throw error;
  }
  return data;
}

const get = (path) => request("GET", path);
// The phone's time zone: "due today" in me/progress ends at the learner's midnight.
const zone = () => encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
const results = async (path) => (await get(path)).results;

export const api = {
  send: request,
  me: () => get("auth/me/"),
  login: (username, password) => request("POST", "auth/login/", { username, password }),
  logout: () => request("POST", "auth/logout/"),
  courses: () => results("courses/"),
  lessons: () => results("lessons/"),
  lesson: (slug) => get(`lessons/${encodeURIComponent(slug)}/`),
  quizzes: () => results("quizzes/"),
  quiz: (slug) => get(`quizzes/${encodeURIComponent(slug)}/`),
  progress: () => get(`me/progress/?tz=${zone()}`),
  assignments: () => results("me/assignments/"),
  openAttempts: (quiz) => results(`attempts/?quiz=${encodeURIComponent(quiz)}&open=true`),
  attempt: (id) => get(`attempts/${id}/`),
  start: (quiz, clientId, assignment = null) =>
    request("POST", "attempts/", assignment ? { quiz, client_id: clientId, assignment } : { quiz, client_id: clientId }),
  reviewCards: () => results("me/review/"),
};
