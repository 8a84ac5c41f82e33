// The Learn screen: the course and its lessons in order, with the learner's done marks.
import { api } from "./api.js";
import { doneBadge, learnerProgress, lessonUrl, minutes } from "./course.js";
import { fill, h, setTitle } from "./dom.js";
import { currentUser } from "./session.js";

function doneText(done, total) {
  return interpolate(ngettext("%(done)s of %(total)s lesson done", "%(done)s of %(total)s lessons done", total), { done, total }, true);
}

function card(lesson, done) {
  return h("li", { class: done ? "card is-done" : "card", "data-lesson": lesson.slug },
    h("a", { class: "card-link", href: lessonUrl(lesson.slug) },
      h("span", { class: "card-title" }, lesson.title),
      h("span", { class: "meta" }, minutes(lesson.minutes)),
      done ? doneBadge() : null),
    lesson.summary ? h("p", { class: "card-text" }, lesson.summary) : null);
}

/** Marks done while offline (or elsewhere) since the server rendered this screen. */
async function refreshMarks(main) {
  if (!currentUser()) return;
  const progress = await learnerProgress();
  for (const item of main.querySelectorAll("#lesson-list [data-lesson]")) {
    const done = progress.lessons.has(item.dataset.lesson);
    if (done && !item.classList.contains("is-done")) {
      item.classList.add("is-done");
      item.querySelector(".card-link").append(doneBadge());
    }
  }
  const total = main.querySelectorAll("#lesson-list [data-lesson]").length;
  const summary = main.querySelector("#lessons-done");
  if (summary) summary.textContent = doneText(main.querySelectorAll("#lesson-list .is-done").length, total);
}

export async function mount(main, { hydrate }) {
  setTitle(gettext("Learn"));
  if (hydrate) {
    await refreshMarks(main);
    return;
  }
  const [courses, lessons, progress] = await Promise.all([api.courses(), api.lessons(), learnerProgress()]);
  const course = courses[0];
  const done = lessons.filter((lesson) => progress.lessons.has(lesson.slug)).length;
  fill(main,
    h("h1", {}, course ? course.title : gettext("Learn")),
    course?.description ? h("p", { class: "lede" }, course.description) : null,
    currentUser() && lessons.length ? h("p", { class: "meta", id: "lessons-done" }, doneText(done, lessons.length)) : null,
    h("ol", { class: "cards", id: "lesson-list" },
      lessons.length
        ? lessons.map((lesson) => card(lesson, progress.lessons.has(lesson.slug)))
        : h("li", { class: "empty" }, gettext("No lessons are published yet."))),
  );
}
