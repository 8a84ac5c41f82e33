// The quiz screen: start an attempt, render its questions, collect answers, show the result.
import { api } from "./api.js";

const root = document.getElementById("quiz");
const form = document.getElementById("questions");
const result = document.getElementById("result");
const startButton = document.getElementById("start");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function choiceInput(question, choice, type) {
  const id = `q${question.id}-c${choice.id}`;
  return element(
    "label",
    { for: id, class: "choice" },
    element("input", { type, id, name: `q${question.id}`, value: String(choice.id) }),
    element("bdi", {}, choice.text),
  );
}

function renderQuestion(question, index) {
  const fieldset = element("fieldset", { class: "question", "data-id": String(question.id), "data-kind": question.kind });
  const legend = element("legend", {}, interpolate(gettext("Question %(number)s"), { number: index + 1 }, true));
  fieldset.append(legend, element("p", { class: "prompt" }, question.prompt));
  const name = `q${question.id}`;
  if (question.kind === "single" || question.kind === "multiple") {
    const type = question.kind === "single" ? "radio" : "checkbox";
    if (question.kind === "multiple") {
      fieldset.append(element("p", { class: "meta" }, gettext("Select all that apply.")));
    }
    for (const choice of question.choices) {
      fieldset.append(choiceInput(question, choice, type));
    }
  } else if (question.kind === "true_false") {
    for (const [value, label] of [["true", gettext("True")], ["false", gettext("False")]]) {
      const id = `${name}-${value}`;
      fieldset.append(element("label", { for: id, class: "choice" }, element("input", { type: "radio", id, name, value }), label));
    }
  } else if (question.kind === "text") {
    fieldset.append(element("input", { type: "text", name, "aria-label": gettext("Your answer"), autocomplete: "off", maxlength: "500" }));
  } else if (question.kind === "set") {
    fieldset.append(
      element("p", { class: "meta" }, interpolate(gettext("Name %(count)s, separated by commas."), { count: question.needed }, true)),
      element("textarea", { name, rows: "3", "aria-label": gettext("Your answer"), maxlength: "2000" }),
    );
  } else if (question.kind === "number") {
    fieldset.append(element("input", { type: "number", name, step: "any", inputmode: "decimal", "aria-label": gettext("Your answer") }));
  } else if (question.kind === "order") {
    fieldset.append(element("p", { class: "meta" }, gettext("Number the items in the right order, starting at 1.")));
    for (const choice of question.choices) {
      const id = `${name}-${choice.id}`;
      fieldset.append(
        element("label", { for: id, class: "choice" },
          element("input", { type: "number", id, min: "1", max: String(question.choices.length), "data-choice": String(choice.id), class: "rank" }),
          element("bdi", {}, choice.text)),
      );
    }
  } else if (question.kind === "match") {
    for (const left of question.left) {
      const id = `${name}-${left.id}`;
      const select = element("select", { id, "data-left": String(left.id) }, element("option", { value: "" }, gettext("Choose…")));
      for (const right of question.right) {
        select.append(element("option", { value: String(right.id) }, right.text));
      }
      fieldset.append(element("label", { for: id, class: "choice" }, element("bdi", {}, left.text), select));
    }
  }
  return fieldset;
}

function answerOf(fieldset) {
  const kind = fieldset.dataset.kind;
  const inputs = [...fieldset.querySelectorAll("input, textarea, select")];
  if (kind === "single" || kind === "true_false") {
    const picked = inputs.find((input) => input.checked);
    if (!picked) return null;
    return kind === "single" ? { choice: Number(picked.value) } : { value: picked.value === "true" };
  }
  if (kind === "multiple") {
    const picked = inputs.filter((input) => input.checked).map((input) => Number(input.value));
    return picked.length ? { choices: picked } : null;
  }
  if (kind === "text") {
    const text = inputs[0].value.trim();
    return text ? { text } : null;
  }
  if (kind === "set") {
    const text = inputs[0].value.trim();
    return text ? { items: [text] } : null;
  }
  if (kind === "number") {
    return inputs[0].value === "" ? null : { value: Number(inputs[0].value) };
  }
  if (kind === "order") {
    const ranked = inputs.filter((input) => input.value !== "");
    if (ranked.length !== inputs.length) return null;
    ranked.sort((a, b) => Number(a.value) - Number(b.value));
    return { order: ranked.map((input) => Number(input.dataset.choice)) };
  }
  if (kind === "match") {
    const pairs = {};
    for (const select of inputs) {
      if (select.value) pairs[select.dataset.left] = Number(select.value);
    }
    return Object.keys(pairs).length ? { pairs } : null;
  }
  return null;
}

// Typed answers survive a reload or a lost connection: they are kept on the device until the
// attempt is submitted.
function restore(fieldset, answer) {
  const kind = fieldset.dataset.kind;
  const inputs = [...fieldset.querySelectorAll("input, textarea, select")];
  if (kind === "single") {
    inputs.forEach((input) => { input.checked = Number(input.value) === answer.choice; });
  } else if (kind === "multiple") {
    inputs.forEach((input) => { input.checked = answer.choices.includes(Number(input.value)); });
  } else if (kind === "true_false") {
    inputs.forEach((input) => { input.checked = input.value === String(answer.value); });
  } else if (kind === "text") {
    inputs[0].value = answer.text;
  } else if (kind === "set") {
    inputs[0].value = answer.items.join(", ");
  } else if (kind === "number") {
    inputs[0].value = String(answer.value);
  } else if (kind === "order") {
    inputs.forEach((input) => { input.value = String(answer.order.indexOf(Number(input.dataset.choice)) + 1); });
  } else if (kind === "match") {
    inputs.forEach((select) => { select.value = String(answer.pairs[select.dataset.left] ?? ""); });
  }
}

function collect() {
  return [...form.querySelectorAll("fieldset.question")]
    .map((fieldset) => ({ question: Number(fieldset.dataset.id), answer: answerOf(fieldset) }))
    .filter((response) => response.answer !== null);
}

function showResult(attempt) {
  result.replaceChildren();
  const verdict = attempt.passed ? gettext("Passed") : gettext("Not passed yet");
  result.append(
    element("h2", {}, verdict),
    element("p", {}, interpolate(gettext("Score: %(score)s of %(max)s"), { score: attempt.score, max: attempt.max_score }, true)),
  );
  for (const response of attempt.responses) {
    const fieldset = form.querySelector(`[data-id="${response.question}"]`);
    const note = element("div", { class: response.correct ? "feedback right" : "feedback wrong", role: "note" },
      element("p", {}, response.feedback.summary),
      element("p", { class: "explanation" }, response.explanation));
    if (response.lesson) {
      const href = `/${document.documentElement.lang}/lessons/${response.lesson}/`;
      note.append(element("p", {}, gettext("Read more:"), " ", element("a", { href }, response.lesson_title)));
    }
    fieldset?.append(note);
  }
  result.hidden = false;
  form.querySelector("button[type=submit]")?.remove();
}

function showError(error) {
  result.replaceChildren(element("p", { class: "error", role: "alert" }, error.message));
  result.hidden = false;
}

async function start() {
  startButton.disabled = true;
  const key = `rootwise:attempt:${root.dataset.quiz}`;
  const clientId = localStorage.getItem(key) || crypto.randomUUID();
  localStorage.setItem(key, clientId);
  try {
    const attempt = await api.startAttempt(root.dataset.quiz, clientId);
    form.replaceChildren(...attempt.questions.map(renderQuestion));
    const draftKey = `rootwise:answers:${attempt.id}`;
    if (attempt.submitted_at) {
      localStorage.removeItem(key);
      localStorage.removeItem(draftKey);
      showResult(attempt);
    } else {
      const saved = [...attempt.responses, ...JSON.parse(localStorage.getItem(draftKey) || "[]")];
      for (const response of saved) {
        const fieldset = form.querySelector(`[data-id="${response.question}"]`);
        if (fieldset && response.answer) restore(fieldset, response.answer);
      }
      form.addEventListener("input", () => localStorage.setItem(draftKey, JSON.stringify(collect())));
      form.append(element("button", { type: "submit" }, gettext("Submit answers")));
    }
    form.hidden = false;
    startButton.hidden = true;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const responses = collect();
      localStorage.setItem(draftKey, JSON.stringify(responses));
      try {
        showResult(await api.submit(attempt.id, responses));
        localStorage.removeItem(key);
        localStorage.removeItem(draftKey);
      } catch (error) {
        showError(error);
      }
    });
  } catch (error) {
    startButton.disabled = false;
    showError(error);
  }
}

startButton?.addEventListener("click", start);
