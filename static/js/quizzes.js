// The Quizzes screen: every quiz in course order, with the learner's best result.
import { api } from "./api.js";
import { learnerProgress, minutes, questionCount, quizUrl, resultBadge } from "./course.js";
import { fill, h, path, setTitle } from "./dom.js";
import { currentUser } from "./session.js";

function card(quiz, result) {
  const meta = [questionCount(quiz.question_count)];
  if (quiz.time_limit) meta.push(minutes(quiz.time_limit));
  return h("li", { class: "card", "data-quiz": quiz.slug },
    h("a", { class: "card-link", href: quizUrl(quiz.slug) },
      h("span", { class: "card-title" }, quiz.title),
      h("span", { class: "meta" }, meta.join(" · ")),
      result ? resultBadge(result) : null));
}

export async function mount(main, { hydrate }) {
  setTitle(gettext("Quizzes"));
  if (hydrate) return;
  const [quizzes, progress] = await Promise.all([api.quizzes(), learnerProgress()]);
  fill(main,
    h("h1", {}, gettext("Quizzes")),
    currentUser() ? h("p", {}, h("a", { class: "button secondary", href: path("assignments/") }, gettext("My assignments"))) : null,
    h("ol", { class: "cards", id: "quiz-list" },
      quizzes.length
        ? quizzes.map((quiz) => card(quiz, progress.quizzes.get(quiz.slug)))
        : h("li", { class: "empty" }, gettext("No quizzes are published yet."))),
  );
}
