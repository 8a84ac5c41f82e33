// The course as the screens show it: the learner's done marks and results (including lessons
// marked done that still wait to sync), marking a lesson done, and the badges and links the
// lists share (an assignment's status among them).
import { api } from "./api.js";
import { formatNumber, h, path, percentOf } from "./dom.js";
import { currentUser } from "./session.js";
import { store } from "./store.js";
import { sync } from "./sync.js";

/** {lessons: Set of done slugs, quizzes: Map slug -> best result}; empty when signed out. */
export async function learnerProgress() {
  const progress = { lessons: new Set(), quizzes: new Map() };
  const user = currentUser();
  if (!user) return progress;
  try {
    const data = await api.progress();
    for (const entry of data.lessons || []) progress.lessons.add(entry.lesson);
    for (const entry of data.quizzes || []) progress.quizzes.set(entry.quiz, entry);
  } catch {
    // Offline with no copy: only what this device knows.
  }
  for (const entry of await store.outbox(user)) {
    if (entry.type === "complete") progress.lessons.add(entry.lesson);
  }
  return progress;
}

/** Mark a lesson done: kept on the device, sent now or when the connection returns. */
export async function markDone(slug) {
  const user = currentUser();
  await store.enqueue({
    key: `complete:${user}:${slug}`,
    user,
    type: "complete",
    lesson: slug,
    method: "POST",
    path: `lessons/${encodeURIComponent(slug)}/complete/`,
    body: {},
  });
  sync();
}

export function doneBadge() {
  return h("span", { class: "badge done" }, gettext("Done"));
}

export function resultBadge(result) {
  if (!result) return h("span", { class: "badge" }, gettext("Not yet"));
  const percent = formatNumber(percentOf(result.best_score, result.max_score));
  const text = result.passed
    ? interpolate(gettext("Passed · best %(percent)s%"), { percent }, true)
    : interpolate(gettext("Best %(percent)s%"), { percent }, true);
  return h("span", { class: result.passed ? "badge done" : "badge" }, text);
}

export function questionCount(count) {
  return interpolate(ngettext("%(count)s question", "%(count)s questions", count), { count }, true);
}

export function minutes(count) {
  return interpolate(ngettext("%(minutes)s minute", "%(minutes)s minutes", count), { minutes: count }, true);
}

/** Where a learner stands on an assignment (me/assignments' `status`), as a badge. */
export function assignmentStatus(status) {
  const label = {
    upcoming: gettext("Not open yet"),
    not_started: gettext("Not started"),
    in_progress: gettext("In progress"),
    submitted: gettext("Submitted"),
    late: gettext("Submitted late"),
  }[status] ?? status;
  return h("span", { class: "badge status", "data-status": status }, label);
}

export const lessonUrl = (slug) => path(`lessons/${slug}/`);
export const quizUrl = (slug) => path(`quizzes/${slug}/`);
/** A quiz opened from an assignment starts (or resumes) the attempt for that assignment. */
export const assignmentUrl = (assignment) => `${quizUrl(assignment.quiz)}?assignment=${assignment.id}`;
