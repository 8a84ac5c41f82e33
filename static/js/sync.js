// Sends what waits on the device: answers the server does not have yet, then the outbox
// (submissions, lessons marked done, review answers), oldest first. It runs shortly after each
// change, when the connection returns, when the app starts and every half minute while
// something waits. One write that fails (a busy server) does not hold back the others: a
// submission carries every answer the server does not have yet. A replay first asks the
// server who is signed in, which also hands out a fresh CSRF token; everything it sends is
// idempotent (a saved answer replaces itself, a submission is known by its attempt, a review
// answer by its client_id), so sending twice is harmless and nothing is dropped unless the
// server refuses it for good.
import { api } from "./api.js";
import { currentUser, endSession } from "./session.js";
import { store } from "./store.js";
import { withSentAt } from "./submission.js";

const DEBOUNCE = 600;
const RETRY_EVERY = 30_000;
// After a failure while online (a busy or restarting server), sooner than the half minute.
const RETRY_AFTER = [2_000, 5_000, 15_000];

// `retrying`: the last run left something the server did not take for now (a busy server).
export const syncState = { answers: 0, submissions: 0, lessons: 0, reviews: 0, offline: !navigator.onLine, needsSignIn: false, retrying: false };

let running = null;
let rerun = false;
let needFresh = true;
let timer = null;
let failures = 0;

function emit(type, detail) {
  window.dispatchEvent(new CustomEvent(type, { detail }));
}

export function pendingCount() {
  return syncState.answers + syncState.submissions + syncState.lessons + syncState.reviews;
}

/** Sync a moment after the last change (answers typed in a burst go out once). */
export function syncSoon() {
  clearTimeout(timer);
  timer = setTimeout(() => sync(), DEBOUNCE);
}

/** Send what waits now (before signing out, say); resolves with how much still waits. */
export async function flush() {
  clearTimeout(timer);
  await sync();
  return pendingCount();
}

export function sync({ fresh = false } = {}) {
  if (fresh) needFresh = true;
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    try {
      await run();
    } finally {
      running = null;
    }
    if (rerun) {
      rerun = false;
      await sync();
    }
  })();
  return running;
}

function retrySoon() {
  if (failures >= RETRY_AFTER.length) return; // the half-minute retry takes over
  setTimeout(() => sync(), RETRY_AFTER[failures]);
  failures += 1;
}

const LATER = "later"; // this write failed for now (a busy server): the others still go
const STOP = "stop"; // nothing can go now (offline, signed out, a stale CSRF token)
const REFUSED = "refused"; // the server will never take it as it is
// Outbox entries whose bodies say when something happened, by this device's clock.
const DEVICE_TIMES = new Set(["submit", "review"]);

/** What a failed write means for it and for the rest of this run. */
function outcome(error) {
  if (error.timedOut) return LATER; // this request hung; the others may still go
  if (error.status === 0) {
    syncState.offline = true;
    return STOP;
  }
  if (error.transient) return LATER;
  if (error.status === 401) {
    syncState.needsSignIn = true;
    return STOP;
  }
  if (error.status === 403 && error.code === "permission_denied") {
    needFresh = true; // most likely a stale CSRF token
    return STOP;
  }
  return REFUSED;
}

/** A submission refused for some of its answers (400, naming them by position): those are
 * marked refused on the device and the rest is queued again, once, so the attempt is graded
 * on what the server can take (an answer it cannot take scores nothing). */
async function resubmitWithout(entry, error) {
  const responses = entry.body?.responses || [];
  const named = Object.keys(error.details || {}).filter((key) => /^\d+$/.test(key)).map(Number);
  if (entry.type !== "submit" || entry.pruned || error.status !== 400 || !named.length) return false;
  if (named.some((index) => index >= responses.length)) return false;
  const refused = new Map(named.map((index) => [responses[index].question, error.details[index]?.[0] || error.message]));
  await store.updateAttempt(entry.clientId, (record) => {
    for (const [question, message] of refused) {
      const kept = record.answers[question];
      if (kept) Object.assign(kept, { refused: error.code, refusedMessage: message });
    }
  });
  const rest = responses.filter((item) => !refused.has(item.question));
  await store.enqueue({ ...entry, pruned: true, body: { ...entry.body, responses: rest } });
  rerun = true;
  return true;
}

async function finish(entry, data) {
  if (entry.type === "submit") {
    await store.updateAttempt(entry.clientId, (record) => {
      record.state = "submitted";
      record.result = data;
    });
  } else if (entry.type === "review") {
    // Graded once it reached the server: the Review screen shows it (now, or when next opened).
    await store.keepChecked(entry.user, { clientId: entry.clientId, question: entry.question, result: data });
  }
}

async function run() {
  const user = currentUser();
  const answers = user ? await store.pendingAnswers(user) : [];
  const outbox = user ? await store.outbox(user) : [];
  if (!answers.length && !outbox.length) return report();
  if (needFresh) {
    try {
      const me = await api.me();
      if (!me.authenticated || String(me.id) !== user) {
        if (!me.authenticated) endSession();
        syncState.needsSignIn = true;
        return report();
      }
      needFresh = false;
    } catch (error) {
      syncState.offline = error.status === 0 && !error.timedOut;
      syncState.retrying = !syncState.offline; // the server itself fails: sooner than half a minute
      if (syncState.retrying) retrySoon();
      return report();
    }
  }
  syncState.needsSignIn = false;
  let held = false;
  // Attempts with an answer taken back that the server has not heard of: their submission
  // waits for it (it would grade the older saved answer; a given answer travels with it).
  const takenBack = new Set();
  for (const item of answers) {
    try {
      const body = item.typedAt ? withSentAt({ answer: item.answer, typed_at: new Date(item.typedAt).toISOString() }) : { answer: item.answer };
      const saved = await api.send("PUT", `attempts/${item.attemptId}/responses/${item.questionId}/`, body);
      if (saved && JSON.stringify(saved.answer ?? null) !== JSON.stringify(item.answer ?? null)) {
        // Another device's answer, typed later, stands: this device shows it from now on.
        await store.replaceAnswer(item.clientId, item.questionId, item.rev, saved);
        emit("rootwise:replaced", { clientId: item.clientId, questionId: item.questionId });
      } else {
        await store.markSynced(item.clientId, item.questionId, item.rev);
      }
    } catch (error) {
      const next = outcome(error);
      if (next === STOP) return report();
      held ||= next === LATER;
      if (next === LATER) {
        if (item.answer === null) takenBack.add(item.clientId);
        continue;
      }
      // Time up or already submitted: kept on the device for the submission. Not valid:
      // shown on its question, and left out of the submission.
      const message = error.details?.answer?.[0] || error.message;
      await store.markSynced(item.clientId, item.questionId, item.rev, error.code, message);
    }
  }
  for (const entry of outbox) {
    if (entry.type === "submit" && takenBack.has(entry.clientId)) continue;
    try {
      const data = await api.send(entry.method, entry.path, DEVICE_TIMES.has(entry.type) ? withSentAt(entry.body) : entry.body);
      await finish(entry, data);
      await store.dequeue(entry.key);
      emit("rootwise:synced", { entry, data });
    } catch (error) {
      const next = outcome(error);
      if (next === STOP) return report();
      held ||= next === LATER;
      if (next === LATER || (await resubmitWithout(entry, error))) continue;
      await store.dequeue(entry.key);
      emit("rootwise:refused", { entry, error });
    }
  }
  syncState.offline = false;
  syncState.retrying = held;
  if (held) retrySoon(); // a busy server: sooner than the half minute
  else failures = 0;
  return report();
}

async function report() {
  const user = currentUser();
  const answers = user ? await store.pendingAnswers(user) : [];
  const outbox = user ? await store.outbox(user) : [];
  syncState.answers = answers.length;
  syncState.submissions = outbox.filter((entry) => entry.type === "submit").length;
  syncState.lessons = outbox.filter((entry) => entry.type === "complete").length;
  syncState.reviews = outbox.filter((entry) => entry.type === "review").length;
  if (navigator.onLine === false) syncState.offline = true;
  emit("rootwise:sync", { ...syncState });
}

let reporting = null;

/** Tell the page what waits, shortly after the device's store changed. */
function reportSoon() {
  clearTimeout(reporting);
  reporting = setTimeout(report, 100);
}

export function startSync() {
  window.addEventListener("rootwise:stored", reportSoon);
  window.addEventListener("online", () => {
    syncState.offline = false;
    sync({ fresh: true });
  });
  window.addEventListener("offline", () => {
    syncState.offline = true;
    report();
  });
  window.addEventListener("rootwise:account", () => sync({ fresh: true }));
  setInterval(() => {
    if (pendingCount()) sync({ fresh: true });
  }, RETRY_EVERY);
  return sync({ fresh: true });
}
