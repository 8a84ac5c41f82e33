// A graded attempt: the score beside the pass mark (and whether it came after an assignment's
// due date), then each answer with what was right, missing or wrong, forgiven typos, the right
// answer, a hint, the explanation and its lesson. Partly right is told apart from wrong by word,
// symbol and colour. The verdict is announced.
import { lessonUrl, quizUrl } from "./course.js";
import { announce, formatNumber, h, path, percentOf } from "./dom.js";
import { describeAnswer, describeExpected } from "./questions.js";

export function statusOf(response) {
  if (response.correct) return "right";
  if (response.answer === null || response.answer === undefined) return "unanswered";
  return response.points > 0 ? "partly" : "wrong";
}

export function statusLabel(status) {
  return {
    right: gettext("Right"),
    partly: gettext("Partly right"),
    wrong: gettext("Not right"),
    unanswered: gettext("Not answered"),
  }[status];
}

function tally(statuses) {
  const counts = { right: 0, partly: 0, wrong: 0, unanswered: 0 };
  for (const status of statuses) counts[status] += 1;
  const words = {
    right: (n) => interpolate(ngettext("%(count)s right", "%(count)s right", n), { count: n }, true),
    partly: (n) => interpolate(ngettext("%(count)s partly right", "%(count)s partly right", n), { count: n }, true),
    wrong: (n) => interpolate(ngettext("%(count)s not right", "%(count)s not right", n), { count: n }, true),
    unanswered: (n) => interpolate(ngettext("%(count)s not answered", "%(count)s not answered", n), { count: n }, true),
  };
  return Object.entries(counts).filter(([, n]) => n).map(([status, n]) => h("li", { class: "badge", "data-status": status }, words[status](n)));
}

function items(list) {
  return list.length === 1 ? list[0] : h("ul", {}, list.map((item) => h("li", {}, item)));
}

/** One graded answer: verdict and points, the answer given, what was right, missing or wrong,
 * forgiven typos, the right answer, a hint for a known wrong answer, the explanation and the
 * lesson. The result screen lists them (`li`); the Review screen shows one at a time. */
export function gradedAnswer(response, question, { tag = "li", title = null } = {}) {
  const status = statusOf(response);
  const feedback = response.feedback || {};
  const rows = [["answer", gettext("Your answer"), describeAnswer(question, response.answer)]];
  if (status !== "right" && feedback.right?.length) rows.push(["right", gettext("What was right"), items(feedback.right)]);
  if (status !== "right" && feedback.missing?.length) rows.push(["missing", gettext("Missing"), items(feedback.missing)]);
  if (feedback.wrong?.length) rows.push(["wrong", gettext("Not right"), items(feedback.wrong)]);
  if (feedback.typos?.length) {
    rows.push(["typos", gettext("Spelling"), items(feedback.typos.map((typo) =>
      interpolate(gettext("We accepted “%(given)s”; it is spelled “%(expected)s”."), typo, true)))]);
  }
  const expected = status === "right" ? null : describeExpected(question, feedback.expected);
  if (expected !== null) rows.push(["expected", gettext("Right answer"), expected]);
  const points = interpolate(gettext("%(points)s of %(max)s points"),
    { points: formatNumber(response.points ?? 0), max: formatNumber(response.max_points ?? question.points) }, true);
  return h(tag, { class: `feedback is-${status}`, "data-question": response.question, "data-status": status },
    h("p", { class: "status" }, statusLabel(status), " · ", points),
    title,
    h("dl", {}, rows.flatMap(([key, term, value]) => [h("dt", {}, term), h("dd", { "data-row": key }, value)])),
    feedback.hint ? h("p", { class: "feedback-hint", "data-row": "hint" }, h("strong", {}, gettext("Hint")), " ", feedback.hint) : null,
    response.explanation ? h("p", { class: "explanation" }, response.explanation) : null,
    response.lesson ? h("p", {}, h("a", { href: lessonUrl(response.lesson) },
      interpolate(gettext("Read the lesson: %(title)s"), { title: response.lesson_title }, true))) : null);
}

function card(response, question, index) {
  const title = h("h3", {}, interpolate(gettext("Question %(number)s: %(prompt)s"), { number: formatNumber(index + 1), prompt: question.prompt }, true));
  return gradedAnswer(response, question, { title });
}

function actions({ slug, quiz, lessons, quizzes, onRetry }) {
  const lessonSlug = quiz?.lesson;
  const lesson = lessons.find((item) => item.slug === lessonSlug);
  const nextLesson = lesson ? lessons[lessons.indexOf(lesson) + 1] : null;
  const quizIndex = quizzes.findIndex((item) => item.slug === slug);
  const nextQuiz = quizIndex >= 0 ? quizzes[quizIndex + 1] : null;
  let next;
  if (nextLesson) next = h("a", { class: "button secondary", href: lessonUrl(nextLesson.slug), rel: "next" }, interpolate(gettext("Next: %(title)s"), { title: nextLesson.title }, true));
  else if (nextQuiz) next = h("a", { class: "button secondary", href: quizUrl(nextQuiz.slug), rel: "next" }, interpolate(gettext("Next: %(title)s"), { title: nextQuiz.title }, true));
  else next = h("a", { class: "button secondary", href: path("progress/") }, gettext("See my progress"));
  return h("div", { class: "actions", id: "result-actions" },
    quiz?.attempts_left !== 0 && onRetry ? h("button", { type: "button", class: "button", onclick: onRetry }, gettext("Try again")) : null,
    lesson ? h("a", { class: "button secondary", href: lessonUrl(lesson.slug) }, gettext("Back to the lesson")) : null,
    next);
}

export function renderResult(container, attempt, context) {
  const questions = new Map(attempt.questions.map((question) => [question.id, question]));
  const responses = attempt.responses.filter((response) => questions.has(response.question));
  const passed = Boolean(attempt.passed);
  const verdict = passed ? gettext("Passed") : gettext("Not passed yet");
  const score = interpolate(gettext("%(score)s of %(max)s points · %(percent)s%"), {
    score: formatNumber(attempt.score), max: formatNumber(attempt.max_score), percent: formatNumber(percentOf(attempt.score, attempt.max_score)),
  }, true);
  const heading = h("h2", { class: passed ? "verdict is-passed" : "verdict", id: "result-title", tabindex: "-1" }, verdict);
  container.replaceChildren(h("section", { class: "result", "aria-labelledby": "result-title", "data-attempt": attempt.id },
    h("div", { class: "score-panel" },
      heading,
      h("p", { class: "score" }, score),
      h("p", { class: "meta" }, interpolate(gettext("Pass mark: %(mark)s%"), { mark: formatNumber(attempt.pass_mark) }, true)),
      h("ul", { class: "tally" }, tally(responses.map(statusOf))),
      attempt.submitted_late ? h("p", { class: "notice" }, gettext("Submitted after the time limit: only the answers saved in time were counted.")) : null,
      attempt.after_due ? h("p", { class: "notice", id: "after-due" }, gettext("Submitted after the due date — kept and marked late.")) : null),
    actions(context),
    h("h2", {}, gettext("Your answers")),
    h("ol", { class: "feedback-list" }, responses.map((response, index) => card(response, questions.get(response.question), index)))));
  heading.focus();
  announce(`${verdict}. ${score}`);
}
