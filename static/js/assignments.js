// My assignments: the quizzes instructors assigned to the learner, with their due dates.
import { api } from "./api.js";
import { quizUrl } from "./course.js";
import { formatDate, h, path, setTitle } from "./dom.js";
import { currentUser, signInUrl } from "./session.js";

function card(assignment) {
  const meta = [];
  if (assignment.due_at) meta.push(interpolate(gettext("Due %(date)s"), { date: formatDate(assignment.due_at) }, true));
  if (assignment.attempt_limit) {
    meta.push(interpolate(ngettext("%(used)s of %(limit)s attempt used", "%(used)s of %(limit)s attempts used", assignment.attempt_limit),
      { used: assignment.attempts_used, limit: assignment.attempt_limit }, true));
  }
  return h("li", { class: "card", "data-assignment": assignment.id },
    h("a", { class: "card-link", href: quizUrl(assignment.quiz) },
      h("span", { class: "card-title" }, assignment.title),
      meta.length ? h("span", { class: "meta" }, meta.join(" · ")) : null));
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
