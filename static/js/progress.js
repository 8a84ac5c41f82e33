// My progress: lessons done and quiz results, in course order.
import { api } from "./api.js";
import { doneBadge, learnerProgress, lessonUrl, quizUrl, resultBadge } from "./course.js";
import { h, path, setTitle } from "./dom.js";
import { currentUser, sessionEnded, signInUrl } from "./session.js";

export async function mount(main, { hydrate }) {
  setTitle(gettext("My progress"));
  if (hydrate) return;
  const heading = h("h1", {}, gettext("My progress"));
  const signIn = () => main.replaceChildren(heading, h("p", {}, h("a", { class: "button", href: signInUrl() }, gettext("Sign in to see your progress"))));
  if (!currentUser()) return signIn();
  const [lessons, quizzes, progress] = await Promise.all([api.lessons(), api.quizzes(), learnerProgress()]);
  // The server no longer knows the session: what this device knows alone would not be true.
  if (sessionEnded()) return signIn();
  const done = lessons.filter((lesson) => progress.lessons.has(lesson.slug)).length;
  main.replaceChildren(heading,
    h("section", { "aria-labelledby": "progress-lessons" },
      h("h2", { id: "progress-lessons" }, gettext("Lessons")),
      h("p", { class: "meta" }, interpolate(ngettext("%(done)s of %(total)s lesson done", "%(done)s of %(total)s lessons done", lessons.length), { done, total: lessons.length }, true)),
      h("ol", { class: "rows", id: "progress-lesson-list" }, lessons.map((lesson) => h("li", { "data-lesson": lesson.slug },
        h("a", { href: lessonUrl(lesson.slug) }, lesson.title), " ",
        progress.lessons.has(lesson.slug) ? doneBadge() : h("span", { class: "badge" }, gettext("Not yet")))))),
    h("section", { "aria-labelledby": "progress-quizzes" },
      h("h2", { id: "progress-quizzes" }, gettext("Quizzes")),
      h("p", { class: "meta" }, interpolate(ngettext("%(taken)s of %(total)s quiz taken", "%(taken)s of %(total)s quizzes taken", quizzes.length), { taken: progress.quizzes.size, total: quizzes.length }, true)),
      h("ol", { class: "rows", id: "progress-quiz-list" }, quizzes.map((quiz) => h("li", { "data-quiz": quiz.slug },
        h("a", { href: quizUrl(quiz.slug) }, quiz.title), " ", resultBadge(progress.quizzes.get(quiz.slug)))))),
    h("p", {}, h("a", { class: "button secondary", href: path("assignments/") }, gettext("My assignments"))));
}
