// My assignments: the quizzes instructors assigned to the learner, soonest due first, each with
// where the learner stands, its dates, attempts and best score. One that has not opened yet is
// listed but cannot be started; the others open their quiz for that assignment.
import { api } from "./api.js";
import { assignmentStatus, assignmentUrl, resultBadge } from "./course.js";
import { formatDate, h, path, setTitle } from "./dom.js";
import { currentUser, signInUrl } from "./session.js";

function facts(assignment) {
  const lines = [];
  if (assignment.status === "upcoming" && assignment.opens_at) {
    lines.push(interpolate(gettext("Opens %(date)s"), { date: formatDate(assignment.opens_at) }, true));
  }
  if (assignment.due_at) lines.push(interpolate(gettext("Due %(date)s"), { date: formatDate(assignment.due_at) }, true));
  if (assignment.attempt_limit) {
    lines.push(interpolate(ngettext("%(used)s of %(limit)s attempt used", "%(used)s of %(limit)s attempts used", assignment.attempt_limit),
      { used: assignment.attempts_used, limit: assignment.attempt_limit }, true));
    lines.push(interpolate(ngettext("%(count)s attempt left", "%(count)s attempts left", assignment.attempts_left),
      { count: assignment.attempts_left }, true));
  } else if (assignment.attempts_used) {
    lines.push(interpolate(ngettext("%(count)s attempt used", "%(count)s attempts used", assignment.attempts_used),
      { count: assignment.attempts_used }, true));
  }
  return lines;
}

function card(assignment) {
  const upcoming = assignment.status === "upcoming";
  const best = assignment.best_score === null ? null : resultBadge(assignment);
  const lines = facts(assignment);
  const body = [
    h("span", { class: "card-title" }, assignment.title),
    assignmentStatus(assignment.status),
    best,
    lines.length ? h("span", { class: "meta card-facts" }, lines.join(" · ")) : null,
  ];
  if (upcoming) body.push(h("span", { class: "meta" }, gettext("You can start it once it opens.")));
  return h("li", { class: "card", "data-assignment": assignment.id, "data-status": assignment.status },
    upcoming
      ? h("div", { class: "card-link is-closed" }, ...body)
      : h("a", { class: "card-link", href: assignmentUrl(assignment) }, ...body));
}

export async function mount(main, { hydrate }) {
  setTitle(gettext("My assignments"));
  if (hydrate) return;
  const heading = h("h1", {}, gettext("My assignments"));
  const all = h("p", {}, h("a", { href: path("quizzes/") }, gettext("All quizzes")));
  if (!currentUser()) {
    main.replaceChildren(heading, h("p", {}, h("a", { class: "button", href: signInUrl() }, gettext("Sign in to see your assignments"))), all);
    return;
  }
  const assignments = await api.assignments();
  main.replaceChildren(heading,
    h("ol", { class: "cards", id: "assignment-list" },
      assignments.length
        ? assignments.map(card)
        : h("li", { class: "empty" }, gettext("Nothing is assigned to you yet. When your instructor assigns a quiz, it appears here with its due date."))),
    all);
}
