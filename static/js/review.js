// Review: the cards due now, one at a time with the quizzes' inputs, then the feedback (as on a
// quiz's result), when the card comes back, and the next card; then how many come back later
// today and when the next one is due. (The tab's badge counts the cards due by the end of the
// learner's day, as me/progress does: FSRS brings a missed card back within minutes.)
//
// Offline the cards come from the worker's copy of me/review. An answer goes to the outbox
// first, with the time the learner gave it (the server schedules the card from then), and
// sync.js sends it, once, as soon as it can: the card says it will be checked when the learner
// is back online, and the checked answer shows here then (or the next time Review opens).
//
// An answer typed but not checked yet is kept on the device as it changes (as a quiz's answers
// are), so a reload or a closed app brings it back, offline too; checking it drops it.
import { api } from "./api.js";
import { waitingReviews } from "./due.js";
import { announce, formatDate, formatNumber, h, newClientId, path, setTitle } from "./dom.js";
import { renderQuestion } from "./questions.js";
import { gradedAnswer, statusLabel, statusOf } from "./result.js";
import { currentUser, signInUrl } from "./session.js";
import { store } from "./store.js";
import { sync, syncState } from "./sync.js";

/** The learner's midnight: "due today", as me/progress counts it in the phone's time zone. */
function endOfToday() {
  const midnight = new Date();
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime();
}

const dueAt = (card) => Date.parse(card.due_at);

/** Where a card's unchecked answer waits (the store's kv): per learner, per question. */
const draftKey = (user, question) => `review-draft:${user}:${question.id}`;

class ReviewScreen {
  constructor(main) {
    this.main = main;
    this.user = currentUser();
    this.listeners = [];
    this.current = null; // {card, clientId, done}
    this.answered = 0;
    this.timer = null;
  }

  listen(type, handler) {
    window.addEventListener(type, handler);
    this.listeners.push([type, handler]);
  }

  close() {
    clearTimeout(this.timer);
    for (const [type, handler] of this.listeners) window.removeEventListener(type, handler);
    this.listeners = [];
  }

  async open(hydrate) {
    const heading = h("h1", { id: "review-title" }, gettext("Review"));
    if (!this.user) {
      if (!hydrate) {
        this.main.replaceChildren(heading,
          h("p", {}, gettext("Questions you miss in a quiz come back here when it is time to go over them again.")),
          h("p", {}, h("a", { class: "button", href: signInUrl() }, gettext("Sign in to review what you missed"))));
      }
      return;
    }
    const [cards, waiting] = await Promise.all([api.reviewCards(), waitingReviews(this.user)]);
    this.cards = cards;
    this.count = h("h2", { class: "question-count", id: "review-count", tabindex: "-1" });
    this.checked = h("div", { id: "review-checked" });
    this.stage = h("div", { class: "quiz-stage", id: "review-stage" });
    this.main.replaceChildren(heading, this.count, this.stage, this.checked);
    this.listen("rootwise:synced", (event) => this.synced(event.detail));
    this.listen("rootwise:refused", (event) => this.refused(event.detail));
    await this.showChecked();
    // Cards answered on this device but not checked yet wait their turn on the server. A copy
    // read earlier (offline) says `due` by the clock of then: due_at says it by now.
    const skip = new Set(waiting.map((entry) => entry.question.id));
    const now = Date.now();
    this.queue = cards.filter((card) => !skip.has(card.question.id) && (card.due || dueAt(card) <= now));
    if (this.queue.length) await this.showCard(0, false);
    else await this.showDone(false);
  }

  // --- one card ---------------------------------------------------------------------------

  async showCard(index, focus = true) {
    const card = this.queue[index];
    const question = card.question;
    this.index = index;
    const current = { card, clientId: null, done: false };
    this.current = current;
    const draft = await this.draft(card);
    if (this.current !== current) return; // the learner moved on meanwhile
    this.answer = draft?.answer ?? null;
    this.count.hidden = false;
    this.count.textContent = interpolate(gettext("Card %(number)s of %(count)s"),
      { number: formatNumber(index + 1), count: formatNumber(this.queue.length) }, true);
    const problem = h("p", { class: "error", role: "alert", hidden: true });
    const form = h("form", { class: "question-form", id: "review-card", novalidate: true, "data-question": question.id },
      renderQuestion(question, this.answer ?? draft?.partial ?? null, (answer, partial = null) => {
        this.answer = answer;
        problem.hidden = true;
        this.keepDraft(card, answer, partial);
      }),
      problem,
      h("div", { class: "quiz-nav" },
        h("button", { type: "submit", class: "button", "data-action": "check" }, gettext("Check my answer"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.current?.clientId) return;
      if (this.answer === null) {
        problem.textContent = gettext("Give an answer first.");
        problem.hidden = false;
        return;
      }
      this.check(form);
    });
    this.stage.replaceChildren(form);
    if (focus) this.count.focus();
  }

  /** The answer typed for this showing of the card and not checked yet ({answer, partial}:
   * see questions.js), or null. One kept while the card was due at another time was checked
   * since (on another device, say, or the page closed before it was dropped): it does not
   * come back. */
  async draft(card) {
    const kept = await store.get(draftKey(this.user, card.question));
    return kept && kept.due_at === card.due_at ? { answer: kept.answer ?? null, partial: kept.partial ?? null } : null;
  }

  keepDraft(card, answer, partial = null) {
    const kept = answer === null && partial === null ? null : { answer, partial, due_at: card.due_at };
    return store.set(draftKey(this.user, card.question), kept);
  }

  /** Keep the answer on the device with the time it was given, then send it if possible. */
  async check(form) {
    const { card } = this.current;
    const clientId = newClientId();
    this.current.clientId = clientId;
    for (const control of form.querySelectorAll("input, button")) control.disabled = true;
    const state = h("p", { class: "save-state", role: "status" }, gettext("Checking…"));
    form.querySelector(".quiz-nav").replaceChildren(state);
    await store.enqueue({
      key: `review:${clientId}`,
      user: this.user,
      type: "review",
      clientId,
      question: card.question,
      method: "POST",
      path: `me/review/${card.question.id}/`,
      body: { answer: this.answer, client_id: clientId, answered_at: new Date().toISOString() },
    });
    await this.keepDraft(card, null); // the outbox has it now
    await sync();
    if (this.current?.clientId !== clientId || this.current.done) return;
    const waiting = (await waitingReviews(this.user)).some((entry) => entry.clientId === clientId);
    if (waiting && this.current?.clientId === clientId && !this.current.done) this.showWaiting(form);
  }

  showWaiting(form) {
    const words = syncState.offline || navigator.onLine === false
      ? gettext("Your answer is saved on this device. It will be checked when you are back online.")
      : gettext("Your answer is saved on this device. It will be checked as soon as the server answers.");
    form.querySelector(".quiz-nav").replaceChildren(
      h("p", { class: "notice", id: "review-waiting", role: "status" }, words),
      this.nextButton());
  }

  nextButton() {
    return h("button", { type: "button", class: "button", "data-action": "next", onclick: () => this.next() }, gettext("Next"));
  }

  /** What the server answered moves the card (kept for "later today" and "next due"). */
  moved(questionId, result) {
    const card = this.cards?.find((item) => item.question.id === questionId);
    if (card && result.due_at) Object.assign(card, { due_at: result.due_at, due: false });
  }

  showFeedback(question, result) {
    this.current.done = true;
    this.answered += 1;
    this.moved(question.id, result);
    const title = h("h3", { id: "review-prompt", tabindex: "-1" }, question.prompt);
    const status = statusOf(result);
    this.stage.replaceChildren(
      h("div", { class: "review-result", "data-status": status },
        gradedAnswer(result, question, { tag: "div", title }),
        result.due_at ? h("p", { class: "meta", id: "review-due" },
          interpolate(gettext("This card comes back on %(date)s."), { date: formatDate(result.due_at) }, true)) : null),
      h("div", { class: "quiz-nav" }, this.nextButton()));
    title.focus();
    announce(`${statusLabel(status)}. ${question.prompt}`);
  }

  next() {
    if (this.index + 1 < this.queue.length) this.showCard(this.index + 1);
    else this.showDone();
  }

  async synced({ entry, data }) {
    if (entry.type !== "review") return;
    if (this.current?.clientId === entry.clientId && !this.current.done) {
      await store.takeChecked(this.user, entry.clientId); // shown here, not again later
      this.showFeedback(entry.question, data);
    } else {
      await this.showChecked();
      if (!this.current) await this.showDone(false);
    }
  }

  refused({ entry, error }) {
    if (entry.type !== "review" || this.current?.clientId !== entry.clientId || this.current.done) return;
    this.current.done = true;
    const nav = this.stage.querySelector(".quiz-nav");
    nav?.replaceChildren(h("p", { class: "error", role: "alert" }, error.message), this.nextButton());
  }

  // --- when there is nothing (more) to review ----------------------------------------------

  async showDone(focus = true) {
    clearTimeout(this.timer);
    this.current = null;
    this.count.hidden = true;
    const waiting = await waitingReviews(this.user);
    const skip = new Set(waiting.map((entry) => entry.question.id));
    const known = this.cards.filter((card) => !skip.has(card.question.id));
    const now = Date.now();
    const dueNow = known.filter((card) => dueAt(card) <= now);
    const later = known.filter((card) => dueAt(card) > now && dueAt(card) < endOfToday());
    const next = known.filter((card) => dueAt(card) > now).sort((a, b) => dueAt(a) - dueAt(b))[0];
    const box = h("div", { class: "empty", id: "review-empty" });
    if (this.answered) box.append(h("h2", { tabindex: "-1" }, gettext("You have gone through every card due now.")));
    if (waiting.length) {
      box.append(h("p", {}, interpolate(ngettext(
        "%(count)s answer waits to be checked when you are back online.",
        "%(count)s answers wait to be checked when you are back online.", waiting.length), { count: waiting.length }, true)));
    }
    if (!this.cards.length && !waiting.length) {
      box.append(
        h("p", {}, gettext("Nothing to review yet. Questions you miss in a quiz come back here when it is time to go over them again.")),
        h("p", {}, h("a", { href: path("quizzes/") }, gettext("Go to the quizzes"))));
    } else if (dueNow.length) {
      box.append(h("p", {}, h("button", { type: "button", class: "button", "data-action": "again", onclick: () => this.again() },
        interpolate(ngettext("Review the card due now", "Review the %(count)s cards due now", dueNow.length), { count: dueNow.length }, true))));
    } else if (next) {
      if (!this.answered) box.append(h("p", {}, gettext("Nothing to review right now.")));
      if (later.length) {
        box.append(h("p", {}, interpolate(ngettext("%(count)s card comes back later today.", "%(count)s cards come back later today.", later.length),
          { count: later.length }, true)));
      }
      box.append(h("p", { id: "review-next" },
        interpolate(gettext("Your next card is due on %(date)s."), { date: formatDate(next.due_at) }, true)));
      // A card due within the hour: offer it here when its time comes.
      const wait = dueAt(next) - now;
      if (wait < 3_600_000) this.timer = setTimeout(() => this.showDone(false), wait + 500);
    }
    this.stage.replaceChildren(box);
    if (focus) (box.querySelector("h2") || this.main.querySelector("h1"))?.focus?.();
  }

  async again() {
    this.close();
    this.answered = 0;
    await this.open(false);
    this.count.focus();
  }

  /** Answers given offline and checked since: their feedback, shown once. */
  async showChecked() {
    const checked = await store.takeChecked(this.user);
    if (!checked.length) return;
    if (!this.checked.firstChild) {
      this.checked.append(h("h2", {}, gettext("Checked since you answered offline")), h("ol", { class: "feedback-list" }));
    }
    const list = this.checked.querySelector("ol");
    for (const item of checked) {
      this.moved(item.question.id, item.result);
      list.append(gradedAnswer(item.result, item.question, { title: h("h3", {}, item.question.prompt) }));
    }
  }
}

export async function mount(main, { hydrate }) {
  setTitle(gettext("Review"));
  const screen = new ReviewScreen(main);
  await screen.open(hydrate);
  return () => screen.close();
}
