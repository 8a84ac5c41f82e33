// Submitting an attempt: what is kept on the device goes to the outbox (sync.js sends it),
// from the quiz screen or, when a timed quiz's time runs out on another screen, from
// deadlines.js. One outbox entry per attempt (`submit:<client_id>`): queued twice, it is
// the same submission.
import { store } from "./store.js";

// Refusals that say the answer itself cannot be taken (saving it or submitting it): the
// learner sees it on the question, and a submission leaves it out rather than fail whole.
const KEPT_REFUSALS = new Set(["time_up", "already_submitted"]);

/** Seconds left of a timed attempt by the server's clock as last heard (null: untimed). */
export function secondsLeft(record) {
  if (record.secondsLeft === null || record.secondsLeft === undefined) return null;
  return record.secondsLeft - (Date.now() - record.receivedAt) / 1000;
}

/** The answer the server would not take, or null (kept answers wait for the submission). */
export function refusal(entry) {
  return entry?.refused && !KEPT_REFUSALS.has(entry.refused) ? entry.refused : null;
}

/** Whether the server has this answer as saved (not one it kept back for the submission). */
export function savedOnServer(entry) {
  return Boolean(entry?.synced) && !KEPT_REFUSALS.has(entry.refused);
}

/** A body that carries when its answers were typed, with the device's clock as it is sent:
 * the server reads each `typed_at` as how long before sending it was typed, so a phone whose
 * clock is wrong (never set, or reset with a flat battery) still orders its answers right. */
export function withSentAt(body) {
  return { ...body, sent_at: new Date().toISOString() };
}

/** A submission's responses: the answers the server does not have yet (those it has stand as
 * saved, so an answer saved later from another device is not replaced by this device's older
 * copy), but those it would not take. Answers it kept back (time up) go with it, to be kept on
 * record. */
export function submittedResponses(record) {
  return Object.entries(record.answers)
    .filter(([, entry]) => entry.answer !== null && !refusal(entry) && !savedOnServer(entry))
    .map(([question, entry]) => (entry.typedAt
      ? { question: Number(question), answer: entry.answer, typed_at: new Date(entry.typedAt).toISOString() }
      : { question: Number(question), answer: entry.answer }));
}

/** Queue the submission of this attempt: the answers the server does not have yet travel with
 * it (the body wins over saved answers), the server grades the rest as saved. */
export async function queueSubmission(record, user) {
  const responses = submittedResponses(record);
  await store.enqueue({
    key: `submit:${record.client_id}`,
    user,
    type: "submit",
    clientId: record.client_id,
    method: "POST",
    path: `attempts/${record.id}/submit/`,
    body: { responses },
  });
}
