// The eight kinds of question as phone inputs, and answers described in words for the result.
// Each input reports its answer in the API's shape (or null while there is none) through
// `onChange(answer, partial)`; `partial` is what the input holds short of an answer (a partly
// placed order, which the server refuses), kept on the device only, to draw the input again.
// Order and match work by tapping; nothing is wider than the screen.
import { formatList, formatNumber, h } from "./dom.js";

const ARROW = document.documentElement.dir === "rtl" ? " ← " : " → ";

/** A number as a learner types it: Arabic-Indic digits, a decimal comma ("12,5") or the Arabic
 * decimal separator, spaces and thousands separators left out. null when empty, NaN when it is
 * not a number. */
export function parseNumber(text) {
  let value = String(text)
    .trim()
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .replace(/\u066b/g, ".")
    .replace(/[\s\u066c'’]/g, "");
  if (!value) return null;
  const commas = (value.match(/,/g) || []).length;
  if (commas && !value.includes(".")) {
    if (commas > 1) return Number.NaN;
    value = value.replace(",", "."); // a decimal comma, as in es, fr and ar
  } else {
    value = value.replace(/,/g, ""); // "1,234.5": thousands
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : Number.NaN;
}

function choiceRow(type, name, value, text, checked, onChange) {
  return h("label", { class: "choice" },
    h("input", { type, name, value, checked, onchange: onChange }),
    h("bdi", {}, text));
}

function single(question, answer, onChange) {
  return question.choices.map((choice) => choiceRow("radio", `q${question.id}`, choice.id, choice.text,
    answer?.choice === choice.id, () => onChange({ choice: choice.id })));
}

function multiple(question, answer, onChange) {
  const picked = new Set(answer?.choices || []);
  const rows = question.choices.map((choice) => choiceRow("checkbox", `q${question.id}`, choice.id, choice.text,
    picked.has(choice.id), (event) => {
      if (event.target.checked) picked.add(choice.id);
      else picked.delete(choice.id);
      onChange(picked.size ? { choices: [...picked] } : null);
    }));
  return [h("p", { class: "hint" }, gettext("Select all that apply.")), ...rows];
}

function trueFalse(question, answer, onChange) {
  return [[true, gettext("True")], [false, gettext("False")]].map(([value, label]) =>
    choiceRow("radio", `q${question.id}`, String(value), label, answer?.value === value, () => onChange({ value })));
}

function textField(id, label, attributes) {
  return h("div", { class: "field" }, h("label", { for: id }, label), h("input", { id, type: "text", autocomplete: "off", ...attributes }));
}

/** Whether typed text can be an answer: the server takes none without a letter or digit. */
function usable(value) {
  return /[\p{L}\p{N}]/u.test(value);
}

/** Typed text as it is sent: trimmed, and without NUL characters a paste may bring, which
 * the server refuses (no database stores them) and would refuse again on every retry. */
function typed(value) {
  return value.replace(/\u0000/g, "").trim();
}

// No maxlength on typed answers: it cut a long paste at 500 characters without a word, and
// the screen said "Saved". The server refuses an item over 500 characters and the question
// says why, so the learner can shorten it.
function text(question, answer, onChange) {
  const field = textField(`answer-${question.id}`, gettext("Your answer"), {
    value: answer?.text ?? "", autocapitalize: "none", spellcheck: "false", enterkeyhint: "done",
  });
  const input = field.querySelector("input");
  input.addEventListener("input", () => onChange(usable(input.value) ? { text: typed(input.value) } : null));
  return [field];
}

function set(question, answer, onChange) {
  const items = answer?.items || [];
  const count = Math.max(question.needed || 1, items.length);
  const fields = Array.from({ length: count }, (_unused, index) => textField(`answer-${question.id}-${index}`,
    interpolate(gettext("Item %(number)s"), { number: formatNumber(index + 1) }, true),
    { value: items[index] ?? "", autocapitalize: "none", spellcheck: "false", enterkeyhint: index + 1 < count ? "next" : "done" }));
  const inputs = fields.map((field) => field.querySelector("input"));
  for (const input of inputs) {
    input.addEventListener("input", () => {
      const given = inputs.map((each) => typed(each.value)).filter(Boolean);
      onChange(given.some(usable) ? { items: given } : null);
    });
  }
  const hint = interpolate(ngettext("Name %(count)s item, one in each box.", "Name %(count)s items, one in each box.", count), { count }, true);
  return [h("p", { class: "hint" }, hint), ...fields];
}

function number(question, answer, onChange) {
  const id = `answer-${question.id}`;
  const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
  const field = textField(id, gettext("Your answer"), {
    inputmode: "decimal", dir: "ltr", value: answer ? String(answer.value) : "", "aria-describedby": `${id}-error`, enterkeyhint: "done",
  });
  const input = field.querySelector("input");
  input.addEventListener("input", () => {
    const value = parseNumber(input.value);
    const valid = !Number.isNaN(value);
    error.hidden = valid;
    error.textContent = valid ? "" : gettext("Type a number, such as 12.5 or 12,5.");
    if (valid) input.removeAttribute("aria-invalid");
    else input.setAttribute("aria-invalid", "true");
    if (valid) onChange(value === null ? null : { value });
  });
  field.append(error);
  return [field];
}

function order(question, answer, onChange) {
  const items = new Map(question.choices.map((choice) => [choice.id, choice]));
  let placed = (answer?.order || []).filter((id) => items.has(id));
  const list = h("ol", { class: "order-placed", "data-empty": gettext("Nothing placed yet.") });
  const pool = h("div", { class: "chips" });
  const status = h("p", { class: "hint", "aria-live": "polite" });
  const draw = () => {
    list.replaceChildren(...placed.map((id, index) => h("li", {},
      h("button", { type: "button", class: "chip", "data-choice": id, onclick: () => change(placed.filter((other) => other !== id)) },
        h("span", { class: "rank" }, formatNumber(index + 1)), h("bdi", {}, items.get(id).text)))));
    pool.replaceChildren(...question.choices.filter((choice) => !placed.includes(choice.id)).map((choice) =>
      h("button", { type: "button", class: "chip", "data-choice": choice.id, onclick: () => change([...placed, choice.id]) },
        h("bdi", {}, choice.text))));
    status.textContent = interpolate(gettext("%(placed)s of %(count)s placed."), { placed: placed.length, count: items.size }, true);
  };
  const change = (next) => {
    placed = next;
    draw();
    const shown = placed.length ? { order: placed } : null;
    onChange(placed.length === items.size ? shown : null, placed.length === items.size ? null : shown);
    // The tapped button is gone: keep the focus on the next one to tap.
    (pool.querySelector("button") || list.querySelector("li:last-child button"))?.focus();
  };
  draw();
  return [
    h("p", { class: "hint" }, gettext("Tap the items in the right order, first to last. Tap a placed item to take it back.")),
    h("p", { class: "meta" }, gettext("Your order")), list,
    h("p", { class: "meta" }, gettext("Items to place")), pool, status,
  ];
}

function match(question, answer, onChange) {
  const pairs = { ...(answer?.pairs || {}) };
  return [
    h("p", { class: "hint" }, gettext("For each item, tap the one it goes with.")),
    ...question.left.map((left) => h("fieldset", { class: "pair", "data-left": left.id },
      h("legend", {}, h("bdi", {}, left.text)),
      ...question.right.map((right) => choiceRow("radio", `q${question.id}-${left.id}`, right.id, right.text,
        pairs[left.id] === right.id, () => {
          pairs[left.id] = right.id;
          onChange({ pairs: { ...pairs } });
        })))),
  ];
}

const INPUTS = { single, multiple, true_false: trueFalse, text, set, number, order, match };

/** A question's input showing `answer` (or a partial one, shaped alike). */
export function renderQuestion(question, answer, onChange) {
  return h("fieldset", { class: "question", "data-kind": question.kind, "data-question": question.id },
    h("legend", {}, question.prompt),
    ...INPUTS[question.kind](question, answer, onChange));
}

export function hasAnswer(entry) {
  return entry !== undefined && entry !== null && entry.answer !== null && entry.answer !== undefined;
}

function textOf(question, id) {
  return [...(question.choices || []), ...(question.right || [])].find((choice) => choice.id === id)?.text ?? "?";
}

/** What the learner answered, in words. */
export function describeAnswer(question, answer) {
  if (answer === null || answer === undefined) return gettext("Not answered");
  switch (question.kind) {
    case "single": return textOf(question, answer.choice);
    case "multiple": return formatList(answer.choices.map((id) => textOf(question, id)));
    case "true_false": return answer.value ? gettext("True") : gettext("False");
    case "text": return answer.text;
    case "set": return formatList(answer.items);
    case "number": return formatNumber(answer.value);
    case "order": return h("ol", {}, answer.order.map((id) => h("li", {}, textOf(question, id))));
    case "match": return h("ul", {}, question.left.filter((left) => answer.pairs[left.id] !== undefined)
      .map((left) => h("li", {}, left.text, ARROW, textOf(question, answer.pairs[left.id]))));
    default: return JSON.stringify(answer);
  }
}

/** The right answer as the server shaped it for display (feedback.expected). */
export function describeExpected(question, expected) {
  if (expected === null || expected === undefined) return null;
  if (typeof expected === "boolean") return expected ? gettext("True") : gettext("False");
  if (typeof expected === "number") return formatNumber(expected);
  if (!Array.isArray(expected)) return String(expected);
  if (expected.length && typeof expected[0] === "object") {
    return h("ul", {}, expected.map((pair) => h("li", {}, pair.left, ARROW, pair.right)));
  }
  if (question.kind === "order") return h("ol", {}, expected.map((item) => h("li", {}, item)));
  return formatList(expected);
}
