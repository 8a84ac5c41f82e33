// The lesson reader: the text, key facts and glossary (a term in the text opens its
// definition), "mark as done", then the lesson's quiz and the next lesson.
import { api } from "./api.js";
import { doneBadge, learnerProgress, lessonUrl, markDone, minutes, quizUrl } from "./course.js";
import { announce, h, lang, setTitle } from "./dom.js";
import { currentUser, signInUrl } from "./session.js";

function sectionName(source) {
  const names = {
    overview: gettext("Overview"),
    causes: gettext("Causes"),
    symptoms: gettext("Symptoms"),
    conclusions: gettext("Conclusions"),
  };
  return names[source] || source;
}

function disclaimer() {
  return h("p", { class: "disclaimer", role: "note" }, gettext("Rootwise is for education only. It is not medical advice and does not replace a diagnosis by a qualified clinician. If you have back or foot pain, see a doctor."));
}

function image(info) {
  if (!info) return null;
  const sources = info.renditions.map((r) => `${r.url} ${r.width}w`);
  if (info.width) sources.push(`${info.url} ${info.width}w`);
  return h("img", {
    class: "lesson-image",
    src: info.url,
    alt: info.alt,
    srcset: info.renditions.length ? sources.join(", ") : null,
    sizes: info.renditions.length ? "(max-width: 42rem) 100vw, 42rem" : null,
    width: info.width,
    height: info.height,
    decoding: "async",
  });
}

function doneNote() {
  return h("p", { class: "done-note" }, doneBadge(), " ", gettext("You finished this lesson."));
}

function actions(lesson, quiz, next, done) {
  let progress;
  if (!currentUser()) {
    progress = h("p", { class: "meta" }, h("a", { href: signInUrl() }, gettext("Sign in to keep track of the lessons you finish")));
  } else {
    progress = done ? doneNote() : h("button", { type: "button", class: "button", id: "complete" }, gettext("Mark as done"));
  }
  return h("div", { class: "actions", id: "lesson-actions" },
    progress,
    quiz ? h("a", { class: "button", href: quizUrl(quiz.slug), "data-kind": "quiz" }, gettext("Take the quiz")) : null,
    next ? h("a", { class: "button secondary", href: lessonUrl(next.slug), rel: "next" }, interpolate(gettext("Next: %(title)s"), { title: next.title }, true)) : null);
}

function render(main, lesson, lessons, quizzes, done) {
  const position = lessons.findIndex((item) => item.slug === lesson.slug);
  const next = lessons[position + 1];
  const quiz = quizzes.find((item) => item.lesson === lesson.slug);
  const meta = [
    interpolate(gettext("Lesson %(position)s of %(count)s"), { position: position + 1, count: lessons.length }, true),
    minutes(lesson.minutes),
    sectionName(lesson.source),
  ].join(" · ");
  const body = h("div", { class: "lesson-body" });
  body.innerHTML = lesson.body_html; // rendered from Markdown and sanitized on the server
  main.replaceChildren(h("article", { class: "lesson", "data-lesson": lesson.slug },
    h("p", { class: "meta" }, meta),
    h("h1", {}, lesson.title),
    image(lesson.image),
    disclaimer(),
    body,
    lesson.key_facts.length ? h("section", { class: "panel key-facts", "aria-labelledby": "key-facts-title" },
      h("h2", { id: "key-facts-title" }, gettext("Key facts")),
      h("ul", {}, lesson.key_facts.map((fact) => h("li", {}, fact)))) : null,
    lesson.glossary.length ? h("section", { class: "panel glossary", "aria-labelledby": "glossary-title" },
      h("h2", { id: "glossary-title" }, gettext("Glossary")),
      lesson.glossary.map((term) => h("details", { class: "term", id: `term-${term.key}` },
        h("summary", {}, term.term), h("p", {}, term.definition)))) : null,
    actions(lesson, quiz, next, done)));
}

// A glossary term as a lesson may bold it in any language: without case, accents, harakat,
// a bracketed aside or a leading article, each word without its plural or feminine ending and
// Arabic "ال" ("Raíces nerviosas" is "raíz nerviosa", "L’étude" is "étude", "الجهازية" is
// "جهازي"). Mirrored by tests/learning/test_translations.py.
const ARTICLES = new Set(["the", "a", "an", "el", "la", "los", "las", "un", "una", "le", "les", "une", "des"]);

export function termForm(text) {
  const words = text.toLocaleLowerCase(lang).replace(/\u064Bا|ا\u064B/gu, "").normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/\([^)]*\)/g, " ").replace(/^\s*[ld][’']/u, "").split(/\s+/u).filter(Boolean);
  if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words.map((word) => word.replace(/^ال(?=\p{L}{3})/u, "")
    .replace(/z$/u, "c").replace(/[sx]$/u, "").replace(/[eة]$/u, "")).join(" ");
}

/** Terms of the glossary set in bold in the text become buttons that open their definition. */
function linkTerms(main, glossary) {
  const terms = new Map(glossary.map((term) => [termForm(term.term), term]));
  const find = (text) => terms.get(termForm(text));
  const made = new Set();
  for (const strong of main.querySelectorAll(".lesson-body strong")) {
    const term = find(strong.textContent);
    if (!term) continue;
    const id = `definition-${term.key}`;
    strong.replaceChildren(h("button", { type: "button", class: "term-link", popovertarget: id }, strong.textContent));
    if (made.has(id)) continue;
    made.add(id);
    main.append(h("div", { id, popover: "auto", class: "definition", role: "dialog", "aria-labelledby": `${id}-title` },
      h("h2", { id: `${id}-title` }, term.term),
      h("p", {}, term.definition),
      h("button", { type: "button", class: "button secondary", popovertarget: id, popovertargetaction: "hide" }, gettext("Close"))));
  }
}

function bindDone(main, slug) {
  const button = main.querySelector("#complete");
  button?.addEventListener("click", async () => {
    button.disabled = true;
    await markDone(slug);
    button.replaceWith(doneNote());
    announce(gettext("Marked as done."));
  });
}

export async function mount(main, { params: [slug], hydrate }) {
  let glossary;
  if (hydrate) {
    glossary = [...main.querySelectorAll(".glossary .term")].map((item) => ({
      key: item.id.replace(/^term-/, ""),
      term: item.querySelector("summary").textContent,
      definition: item.querySelector("p").textContent,
    }));
    setTitle(main.querySelector("h1").textContent);
  } else {
    const [lesson, lessons, quizzes, progress] = await Promise.all([
      api.lesson(slug), api.lessons(), api.quizzes().catch(() => []), learnerProgress(),
    ]);
    render(main, lesson, lessons, quizzes, progress.lessons.has(slug));
    glossary = lesson.glossary;
    setTitle(lesson.title);
  }
  linkTerms(main, glossary);
  bindDone(main, slug);
}
