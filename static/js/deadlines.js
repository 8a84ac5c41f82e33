// A timed quiz is submitted when its time is up, whatever screen the learner is on: the quiz
// screen's countdown does it there, this watch everywhere else (and when the app opens after
// the deadline passed while it was closed). What is kept on the device goes, as at the quiz.
import { currentUser } from "./session.js";
import { store } from "./store.js";
import { queueSubmission, secondsLeft } from "./submission.js";
import { sync } from "./sync.js";

const CHECK_EVERY = 5_000;

async function submitDue() {
  const user = currentUser();
  if (!user) return;
  const due = (await store.attemptsOfUser(user)).filter((record) =>
    record.state === "open" && record.id && !record.submitRefused && secondsLeft(record) !== null && secondsLeft(record) <= 0);
  for (const record of due) {
    let flipped = false; // not if it was submitted (or refused) meanwhile
    const current = await store.updateAttempt(record.client_id, (kept) => {
      if (kept.state !== "open") return;
      kept.state = "submitting";
      flipped = true;
    });
    if (flipped) await queueSubmission(current, user);
  }
  if (due.length) sync();
}

export function watchDeadlines() {
  submitDue();
  setInterval(submitDue, CHECK_EVERY);
}
