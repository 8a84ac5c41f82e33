// A quiz: the intro with one button to start or resume, the questions one at a time, the
// countdown of a timed quiz, submitting and the result. Opened from an assignment
// (`?assignment=<id>`), it starts the attempt for that assignment and shows its due date and
// attempts left; the assignment goes with the attempt kept on the device, so a start retried
// after a lost answer is for the same assignment.
//
// Never lose an answer: each answer is kept on the device the moment it changes and saved to
// the server shortly after (sync.js); an open attempt is resumed with the same client_id, never
// replaced; a submission waits in the outbox until the server has graded it; the result stays
// reachable at ?attempt=<id>. A new attempt starts only when the learner asks for one.
import { api } from "./api.js";
import { assignmentUrl, questionCount } from "./course.js";
import { announce, clock, fill, formatDate, formatNumber, h, newClientId, path, setTitle } from "./dom.js";
import { hasAnswer, renderQuestion } from "./questions.js";
import { renderResult } from "./result.js";
import { currentUser, signInUrl } from "./session.js";
import { store } from "./store.js";
import { queueSubmission, refusal, savedOnServer, secondsLeft, submittedResponses, withSentAt } from "./submission.js";
import { sync, syncSoon, syncState } from "./sync.js";

const WARN_AT = 60; // seconds before the deadline
const SUBMITTED_ELSEWHERE = () => gettext("This attempt was submitted in another tab or on another device. Answers given here after that were not counted.");
const NEEDS_CONNECTION = () => gettext("Starting a quiz needs a connection. Once it has started, you can answer and submit it offline.");

const META = ["slug", "title", "description", "lesson", "time_limit", "attempt_limit", "pass_mark", "question_count"];

/** What the intro shows of a quiz, kept with its attempts for offline use (not its pool). */
function metaOf(quiz) {
  return Object.fromEntries(META.filter((name) => name in quiz).map((name) => [name, quiz[name]]));
}

class QuizScreen {
  constructor(main, slug) {
    this.main = main;
    this.slug = slug;
    this.user = currentUser();
    this.listeners = [];
    this.timer = null;
    this.record = null;
    this.locked = false;
  }

  listen(type, handler) {
    window.addEventListener(type, handler);
    this.listeners.push([type, handler]);
  }

  close() {
    clearInterval(this.timer);
    for (const [type, handler] of this.listeners) window.removeEventListener(type, handler);
  }

  async open(hydrate, query) {
    if (!hydrate) {
      this.main.replaceChildren(h("article", { class: "quiz", id: "quiz", "data-quiz": this.slug },
        h("h1", { id: "quiz-title" }), h("div", { id: "quiz-body" })));
    }
    this.heading = this.main.querySelector("#quiz-title");
    this.body = this.main.querySelector("#quiz-body");
    const attemptId = Number(query.get("attempt"));
    if (hydrate && !this.user && !attemptId) {
      setTitle(this.heading.textContent); // the server's screen says all a visitor needs
      return;
    }
    const local = this.user ? await this.localOpen() : null;
    const assignments = this.user ? api.assignments().catch(() => []) : Promise.resolve([]);
    try {
      this.quiz = await api.quiz(this.slug);
    } catch (error) {
      // Offline with no copy of the quiz: what this device kept of it will do.
      if (error.status !== 0 || !(local?.meta || hydrate)) throw error;
      this.quiz = null;
    }
    this.meta = this.quiz ? metaOf(this.quiz) : local?.meta || { title: this.heading.textContent, slug: this.slug };
    this.heading.textContent = this.meta.title;
    setTitle(this.meta.title);
    this.listen("rootwise:synced", (event) => this.synced(event.detail));
    this.listen("rootwise:refused", (event) => this.refused(event.detail));
    this.listen("rootwise:replaced", (event) => this.replaced(event.detail));
    this.listen("visibilitychange", () => {
      if (document.visibilityState === "visible") this.shownAgain();
    });
    this.listen("rootwise:sync", () => this.showSaveState());
    if (attemptId) return this.showAttempt(attemptId);
    if (!this.user) {
      if (!hydrate) this.renderIntro(null);
      return;
    }
    this.record = await this.reconcile(local);
    this.assignments = (await assignments).filter((assignment) => assignment.quiz === this.slug);
    // An open attempt is resumed for whatever it was started for; otherwise the link says.
    const requested = Number(query.get("assignment")) || null;
    const openFor = this.record?.state === "open" ? (this.record.attempt?.assignment ?? this.record.assignment ?? null) : undefined;
    this.assignmentId = openFor === undefined ? requested : openFor;
    this.openForOther = openFor !== undefined && requested !== null && openFor !== requested;
    if (this.record?.state === "submitting") {
      // Submitted on this device; if the page closed before it was queued, queue it now.
      const queued = await store.outbox(this.user);
      if (!queued.some((entry) => entry.key === `submit:${this.record.client_id}`)) await queueSubmission(this.record, this.user);
      this.renderWaiting();
      sync();
      return;
    }
    return this.renderIntro(this.record);
  }

  async localOpen() {
    const records = await store.attemptsOf(this.user, this.slug);
    return records.find((record) => ["starting", "open", "submitting"].includes(record.state)) || null;
  }

  /** The attempt to resume: the server's open one (this device's copy when it has it), or
   * what this device has when offline. */
  async reconcile(local) {
    let open;
    try {
      [open] = await api.openAttempts(this.slug);
    } catch {
      return local?.state === "starting" ? null : local;
    }
    if (open) {
      if (local?.id === open.id && local.state === "open") {
        try {
          // Answers saved from another device since this one last looked are newer than its
          // copy: take them, keeping what this device has not sent yet.
          const attempt = await api.attempt(open.id);
          if (!attempt.submitted_at) return this.adopt(attempt, local);
        } catch {
          // Keep this device's copy.
        }
      }
      if (local?.id === open.id) {
        return store.updateAttempt(local.client_id, (record) => {
          record.secondsLeft = open.seconds_left;
          record.receivedAt = Date.now();
        });
      }
      // Started on another device, or this one lost its copy: take it over, same client_id.
      return this.adopt(await api.attempt(open.id));
    }
    if (local?.state === "submitting") return local;
    if (local?.state === "open") {
      try {
        const attempt = await api.attempt(local.id);
        if (attempt.submitted_at) {
          // Submitted elsewhere: what this device still had to send was not counted.
          this.lostHere = Object.values(local.answers || {}).some((entry) => !entry.synced);
          await this.adopt(attempt, local);
        }
      } catch {
        // Gone from the server: nothing to resume.
      }
    }
    return null;
  }

  /** Keep a server attempt on the device; answers this device has not sent yet stay until
   * they are sent, and for the rest the server's saved answers are the latest (also where one
   * was taken back). This device's entry stays where the server holds the same answer (a
   * partly placed order rides on the null the server has). */
  async adopt(attempt, base = {}) {
    const answers = {};
    for (const response of attempt.responses) {
      if (response.answer !== null) answers[response.question] = { answer: response.answer, rev: 0, synced: true };
    }
    for (const [question, entry] of Object.entries(base.answers || {})) {
      const saved = answers[question]?.answer ?? null;
      // An unsent copy stays: only the server can tell whether another device's answer was
      // typed later (this device's clock may be wrong; see withSentAt). If it was, sending
      // this one brings that one back to the screen (rootwise:replaced).
      // Kept too: an answer the server refused (its notice stays) or kept back for the submission.
      if (!savedOnServer(entry) || entry.refused || JSON.stringify(entry.answer ?? null) === JSON.stringify(saved)) {
        answers[question] = entry;
      }
    }
    return store.putAttempt({
      created: Date.now(),
      index: 0,
      ...base,
      client_id: attempt.client_id,
      user: this.user,
      quiz: this.slug,
      id: attempt.id,
      attempt,
      answers,
      meta: this.meta,
      state: attempt.submitted_at ? "submitted" : "open",
      result: attempt.submitted_at ? attempt : null,
      secondsLeft: attempt.seconds_left,
      receivedAt: Date.now(),
    });
  }

  // --- intro ------------------------------------------------------------------------------

  /** The learner's assignment this attempt is (or would be) for, as me/assignments has it. */
  get assignment() {
    return this.assignments?.find((assignment) => assignment.id === this.assignmentId) || null;
  }

  async renderIntro(record) {
    const meta = this.meta;
    const assignment = this.assignment;
    const facts = [];
    if (assignment) {
      facts.push(assignment.due_at
        ? interpolate(gettext("Assigned to you, due %(date)s"), { date: formatDate(assignment.due_at) }, true)
        : gettext("Assigned to you"));
    }
    if (meta.question_count) facts.push(questionCount(meta.question_count));
    if (meta.pass_mark !== undefined) facts.push(interpolate(gettext("Pass mark: %(mark)s%"), { mark: formatNumber(meta.pass_mark) }, true));
    if (meta.time_limit !== undefined) {
      facts.push(meta.time_limit
        ? interpolate(ngettext("Time limit: %(minutes)s minute", "Time limit: %(minutes)s minutes", meta.time_limit), { minutes: meta.time_limit }, true)
        : gettext("No time limit"));
    }
    if (assignment) {
      if (assignment.attempts_left !== null) {
        facts.push(interpolate(ngettext("%(count)s attempt left for this assignment", "%(count)s attempts left for this assignment", assignment.attempts_left),
          { count: assignment.attempts_left }, true));
      }
    } else if (this.quiz?.attempt_limit && this.quiz.attempts_used !== undefined) {
      facts.push(interpolate(ngettext("%(used)s of %(limit)s attempt used", "%(used)s of %(limit)s attempts used", this.quiz.attempt_limit),
        { used: this.quiz.attempts_used, limit: this.quiz.attempt_limit }, true));
    }
    const actions = h("div", { class: "actions", id: "quiz-actions" });
    if (!this.user) {
      actions.append(h("a", { class: "button", href: signInUrl() }, gettext("Sign in to take this quiz")));
    } else if (record?.state === "open") {
      const left = secondsLeft(record);
      if (left !== null && left <= 0) return this.run(record, { focus: false }); // its time ran out: submit now
      if (left !== null) facts.push(interpolate(gettext("Time left: %(time)s"), { time: clock(left) }, true));
      actions.append(h("button", { type: "button", class: "button", "data-action": "resume", onclick: () => this.run(record) }, gettext("Resume your attempt")));
      if (this.openForOther) {
        actions.append(h("p", { class: "notice" }, gettext("Your open attempt at this quiz is not for this assignment. Submit it first, then come back to start the assignment.")));
      }
    } else if (assignment?.status === "upcoming") {
      actions.append(h("p", { class: "notice", id: "assignment-not-open" }, assignment.opens_at
        ? interpolate(gettext("This assignment opens on %(date)s. You can start it then."), { date: formatDate(assignment.opens_at) }, true)
        : gettext("This assignment is not open yet.")));
    } else if (assignment?.attempts_left === 0) {
      actions.append(h("p", { class: "notice" }, gettext("You have used every attempt at this assignment.")));
    } else if (!assignment && this.quiz?.attempts_left === 0) {
      actions.append(h("p", { class: "notice" }, gettext("You have used every attempt at this quiz.")));
    } else {
      const used = assignment ? assignment.attempts_used : this.quiz?.attempts_used;
      const label = used ? gettext("Try again") : gettext("Start the quiz");
      actions.append(h("button", { type: "button", class: "button", "data-action": "start", onclick: (event) => this.start(event.currentTarget) }, label));
      if (assignment?.due_at && Date.parse(assignment.due_at) < Date.now()) {
        actions.append(h("p", { class: "notice" }, gettext("The due date has passed. You can still submit: your attempt is kept and marked late.")));
      }
    }
    const other = !assignment && this.user && this.assignments?.find((item) => item.status === "not_started");
    if (other) {
      actions.append(h("p", { class: "notice", id: "assigned-quiz" }, other.due_at
        ? interpolate(gettext("This quiz is assigned to you, due %(date)s."), { date: formatDate(other.due_at) }, true)
        : gettext("This quiz is assigned to you."), " ",
        h("a", { href: assignmentUrl(other) }, gettext("Take it for your assignment"))));
    }
    const last = this.user ? await this.lastResult() : null;
    if (last) actions.append(h("a", { class: "button secondary", href: `?attempt=${last}` }, gettext("See your last result")));
    if (meta.lesson) actions.append(h("a", { class: "button secondary", href: path(`lessons/${meta.lesson}/`) }, gettext("Read the lesson")));
    this.problem = h("p", { class: "error", role: "alert", hidden: true });
    fill(this.body,
      this.lostHere ? h("p", { class: "notice", role: "alert", id: "submitted-elsewhere" }, SUBMITTED_ELSEWHERE()) : null,
      meta.description ? h("p", { class: "lede" }, meta.description) : null,
      h("ul", { class: "facts" }, facts.map((fact) => h("li", {}, fact))),
      this.problem,
      actions);
  }

  async lastResult() {
    const records = await store.attemptsOf(this.user, this.slug);
    const graded = records.find((record) => record.state === "submitted" && record.id);
    if (graded) return graded.id;
    if (!this.quiz?.attempts_used) return null;
    try {
      const attempts = await api.send("GET", `attempts/?quiz=${encodeURIComponent(this.slug)}&open=false`);
      return attempts.results[0]?.id ?? null;
    } catch {
      return null;
    }
  }

  /** Why the quiz cannot start; a session that ended offers to sign in again. */
  showProblem(error) {
    if (error.signedOut) {
      this.problem.replaceChildren(gettext("Your session on this device has ended."), " ",
        h("a", { href: signInUrl() }, gettext("Sign in again to take this quiz")));
    } else {
      this.problem.textContent = error.status === 0 ? NEEDS_CONNECTION() : error.message;
    }
    this.problem.hidden = false;
  }

  async start(button) {
    button.disabled = true;
    // Tabs starting this quiz at the same moment take turns: the second then finds the
    // first's attempt open and resumes it, where both would have opened one.
    if (!navigator.locks) return this.startNow(button);
    return navigator.locks.request(`rootwise-start:${this.user}:${this.slug}`, () => this.startNow(button));
  }

  async startNow(button) {
    // A start whose answer was lost (the connection dropped) is retried with the same id, so
    // the server returns that attempt instead of opening a second one.
    const assignment = this.assignmentId ?? null;
    let previous = (await store.attemptsOf(this.user, this.slug)).find((record) => record.state === "starting");
    if (previous && (previous.assignment ?? null) !== assignment) {
      // A start for something else whose answer never came: its client_id cannot start this
      // one (409). Had it reached the server, that attempt is open there and is resumed.
      await store.updateAttempt(previous.client_id, (current) => { current.state = "refused"; });
      previous = null;
    }
    if (!previous) {
      // Another tab or device may have started one since this screen was drawn: an open
      // attempt is resumed, never replaced; and without an answer to that, nothing starts.
      let open;
      try {
        [open] = await api.openAttempts(this.slug);
        if (open) this.record = await this.adopt(await api.attempt(open.id));
      } catch (error) {
        button.disabled = false;
        this.showProblem(error);
        return;
      }
      if (open) return this.run(this.record);
    }
    const record = previous || await store.putAttempt({
      client_id: newClientId(), user: this.user, quiz: this.slug, assignment, state: "starting", created: Date.now(), answers: {}, index: 0, meta: this.meta,
    });
    let attempt;
    try {
      attempt = await api.start(this.slug, record.client_id, record.assignment ?? null);
    } catch (error) {
      button.disabled = false;
      if (!error.transient) await store.updateAttempt(record.client_id, (current) => { current.state = "refused"; });
      this.showProblem(error);
      return;
    }
    this.record = await this.adopt(attempt, record);
    if (this.record.state === "submitted") return this.showResult(this.record.result);
    return this.run(this.record);
  }

  // --- taking the quiz --------------------------------------------------------------------

  /** The questions, from where the learner left off; the focus goes to "Question n of N" (as
   * on each later question) when the learner asked for them. */
  run(record, { focus = true } = {}) {
    this.record = record;
    this.locked = false;
    const questions = record.attempt.questions;
    this.count = h("h2", { class: "question-count", id: "question-count", tabindex: "-1" });
    this.progress = h("progress", { max: questions.length, value: 1, "aria-hidden": "true" });
    this.clock = h("p", { class: "timer", role: "timer", hidden: true });
    this.saveState = h("p", { class: "save-state", id: "save-state", "aria-live": "polite" });
    this.warning = h("p", { class: "notice", role: "alert", hidden: true });
    this.stage = h("div", { class: "quiz-stage" });
    this.body.replaceChildren(h("div", { class: "quiz-bar" }, this.count, this.saveState, this.clock, this.progress), this.warning, this.stage);
    this.startClock();
    this.showQuestion(Math.min(record.index || 0, questions.length - 1), focus);
    this.showSaveState();
    // Time up: submit, unless the server refused this very submission (then the learner
    // reads why, and submits again themselves).
    if (secondsLeft(record) !== null && secondsLeft(record) <= 0 && !record.submitRefused) this.timeUp();
  }

  showQuestion(index, focus = true) {
    const questions = this.record.attempt.questions;
    const question = questions[index];
    this.index = index;
    store.updateAttempt(this.record.client_id, (record) => { record.index = index; });
    this.count.textContent = interpolate(gettext("Question %(number)s of %(count)s"),
      { number: formatNumber(index + 1), count: formatNumber(questions.length) }, true);
    this.progress.value = index + 1;
    const last = index === questions.length - 1;
    const kept = this.record.answers[question.id];
    const form = h("form", { class: "question-form", novalidate: true },
      renderQuestion(question, kept?.answer ?? kept?.partial ?? null, (answer, partial) => this.answer(question.id, answer, partial)),
      refusal(kept) ? notTaken(question.id, kept) : null,
      h("div", { class: "quiz-nav" },
        h("button", { type: "button", class: "button secondary", disabled: index === 0, onclick: () => this.showQuestion(index - 1) }, gettext("Previous")),
        h("button", { type: "submit", class: "button", "data-action": last ? "review" : "next" }, last ? gettext("Review and submit") : gettext("Next"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (last) this.showReview();
      else this.showQuestion(index + 1);
    });
    this.stage.replaceChildren(form);
    if (this.locked) for (const control of form.querySelectorAll("input, button")) control.disabled = true;
    if (focus) this.count.focus();
  }

  async answer(questionId, answer, partial = null) {
    if (this.locked) return;
    this.record.answers[questionId] = { answer, partial, typedAt: Date.now(), synced: false };
    document.getElementById(`refused-${questionId}`)?.remove(); // a new answer, not yet refused
    this.saveState.textContent = gettext("Saving…");
    try {
      await store.setAnswer(this.record.client_id, questionId, answer, partial);
    } catch {
      return this.sendStraight(questionId, answer); // the device cannot keep it (storage full)
    }
    syncSoon();
  }

  /** When the device's storage fails, each answer goes to the server at once, and again until
   * the server has it (kept in this page meanwhile); the submission carries them all. */
  async sendStraight(questionId, answer) {
    this.unkept = true;
    const notYet = () => {
      this.saveState.textContent = gettext("Not saved yet: this device cannot keep answers now (its storage is full). Stay on this screen; it keeps trying.");
    };
    const current = () => this.record.answers[questionId]?.answer === answer && !this.locked;
    const path = `attempts/${this.record.id}/responses/${questionId}/`;
    try {
      if ((await untilSent(() => api.send("PUT", path, { answer }), current, notYet)) === GIVEN_UP) return;
    } catch {
      return notYet(); // refused for good: what the screen holds goes with the submission
    }
    this.record.answers[questionId].synced = true;
    this.saveState.textContent = gettext("Saved on the server. This device cannot keep answers now (its storage is full).");
  }

  async showSaveState() {
    if (!this.saveState?.isConnected || !this.record || this.unkept) return; // unkept: sendStraight says
    const record = await store.attempt(this.record.client_id);
    const answers = Object.values(record?.answers || {});
    if (!this.locked && (record?.state === "submitted" || answers.some((entry) => entry.refused === "already_submitted"))) {
      return this.submittedElsewhere(record);
    }
    this.takeRefusals(record);
    const waiting = answers.some((entry) => !entry.synced);
    if (answers.some(refusal)) this.saveState.textContent = gettext("An answer was not accepted: see its question.");
    else if (!waiting) this.saveState.textContent = answers.length ? gettext("Saved") : "";
    else if (syncState.needsSignIn) this.saveState.textContent = gettext("Saved on this device. Sign in again to send it.");
    else if (syncState.offline) {
      // The server counts what reaches it in time, not the phone's clock: say so in a timed quiz.
      this.saveState.textContent = secondsLeft(record) === null
        ? gettext("Saved on this device")
        : gettext("Saved on this device. Answers count once they reach the server: reconnect before time is up.");
    } else if (syncState.retrying) {
      this.saveState.textContent = gettext("Saved on this device. The server did not take it yet; the app keeps trying.");
    }
  }

  /** Submitted meanwhile in another tab or on another device: answers given here since were
   * not counted. The learner sees the result, and is told so (never a silent loss). */
  async submittedElsewhere(record) {
    this.locked = true;
    clearInterval(this.timer);
    let result = record.state === "submitted" ? record.result : null;
    if (!result?.submitted_at) {
      try {
        result = await api.attempt(record.id);
        if (result.submitted_at) await this.adopt(result, record);
      } catch {
        result = null; // offline: the result comes when the app can ask
      }
    }
    if (result?.submitted_at) await this.showResult(result);
    this.body.prepend(h("p", { class: "notice", role: "alert", id: "submitted-elsewhere" }, SUBMITTED_ELSEWHERE()));
  }

  /** Answers the server refused since they were given (sync.js marks them on the device):
   * this screen's copy learns it, and the question on screen says so at once. */
  takeRefusals(record) {
    for (const [question, kept] of Object.entries(record?.answers || {})) {
      const mine = this.record.answers[question];
      if (!refusal(kept) || !mine || JSON.stringify(mine.answer) !== JSON.stringify(kept.answer)) continue;
      Object.assign(mine, { refused: kept.refused, refusedMessage: kept.refusedMessage });
      const shown = this.stage?.querySelector(`fieldset.question[data-question='${question}']`);
      if (shown && !document.getElementById(`refused-${question}`)) shown.after(notTaken(question, mine));
    }
  }

  async showReview() {
    // Another tab on this attempt may have answered a question this one did not: take those
    // from the device (this tab's own answers stay, even one still being written).
    const stored = this.unkept ? null : await store.attempt(this.record.client_id).catch(() => null);
    for (const [question, kept] of Object.entries(stored?.answers || {})) {
      if (!(question in this.record.answers)) this.record.answers[question] = kept;
    }
    const questions = this.record.attempt.questions;
    const open = questions.filter((question) => !hasAnswer(this.record.answers[question.id]) || refusal(this.record.answers[question.id])).length;
    this.count.textContent = gettext("Review your answers");
    this.progress.value = questions.length;
    this.stage.replaceChildren(
      h("p", {}, open
        ? interpolate(ngettext("%(count)s question has no answer yet.", "%(count)s questions have no answer yet.", open), { count: open }, true)
        : gettext("Every question has an answer.")),
      h("ol", { class: "review-list" }, questions.map((question, index) => h("li", {},
        h("button", { type: "button", class: "chip", onclick: () => this.showQuestion(index) },
          h("span", {}, interpolate(gettext("Question %(number)s"), { number: formatNumber(index + 1) }, true)),
          h("span", { class: "meta" }, answerState(this.record.answers[question.id])))))),
      h("div", { class: "quiz-nav" },
        h("button", { type: "button", class: "button secondary", onclick: () => this.showQuestion(questions.length - 1) }, gettext("Back")),
        h("button", { type: "button", class: "button", "data-action": "submit", onclick: () => this.submit() }, gettext("Submit answers"))));
    this.count.focus();
  }

  startClock() {
    clearInterval(this.timer);
    if (secondsLeft(this.record) === null) return;
    this.clock.hidden = false;
    const tick = () => {
      const left = secondsLeft(this.record);
      this.clock.textContent = interpolate(gettext("Time left: %(time)s"), { time: clock(left) }, true);
      if (left <= WARN_AT && !this.warned) {
        this.warned = true;
        this.clock.classList.add("is-warning");
        this.warning.textContent = gettext("Less than a minute left. When time is up, the answers you have given are submitted.");
        this.warning.hidden = false;
      }
      if (left <= 0 && !this.record.submitRefused) this.timeUp();
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  timeUp() {
    clearInterval(this.timer);
    if (this.locked) return;
    announce(gettext("Time is up. Your answers are being submitted."));
    this.submit();
  }

  // --- submitting -------------------------------------------------------------------------

  async submit() {
    if (this.locked) return;
    this.locked = true;
    clearInterval(this.timer);
    try {
      this.record = await store.updateAttempt(this.record.client_id, (current) => {
        current.state = "submitting";
        delete current.submitRefused;
      });
      await queueSubmission(this.record, this.user);
    } catch {
      return this.submitStraight(); // the device cannot keep the submission
    }
    this.renderWaiting();
    await sync();
  }

  /** The submission, straight to the server, when the device's storage fails: the answers
   * this page holds, retried until the server has graded them. */
  async submitStraight() {
    this.renderWaiting();
    const body = { responses: submittedResponses(this.record) };
    try {
      return this.showResult(await untilSent(() => api.send("POST", `attempts/${this.record.id}/submit/`, withSentAt(body))));
    } catch (error) {
      this.locked = false;
      this.record.submitRefused = true; // no automatic resubmission at the deadline
      this.run(this.record);
      this.warning.textContent = error.message;
      this.warning.hidden = false;
    }
  }

  renderWaiting() {
    clearInterval(this.timer);
    this.locked = true;
    this.body.replaceChildren(h("section", { class: "notice", id: "waiting", role: "status" },
      h("h2", {}, gettext("Answers submitted")),
      h("p", {}, navigator.onLine
        ? gettext("Sending your answers for grading…")
        : gettext("You are offline. Your answers are kept on this device and will be sent for grading as soon as you are back online."))));
  }

  synced({ entry, data }) {
    if (entry.type === "submit" && entry.clientId === this.record?.client_id) this.showResult(data);
  }

  /** Another device's answer, typed later, replaced this device's copy: shown if on screen. */
  async replaced({ clientId, questionId }) {
    if (clientId !== this.record?.client_id || this.locked) return;
    this.record = (await store.attempt(clientId)) ?? this.record;
    const current = this.record.attempt?.questions?.[this.index];
    if (current?.id === questionId && this.stage?.isConnected) this.showQuestion(this.index, false);
  }

  /** Back to this tab: another tab of this device may have changed answers meanwhile (they
   * share the device's store), so the question on screen is drawn again if its answer did. */
  async shownAgain() {
    if (!this.record?.client_id || this.locked || this.unkept) return; // unkept: the store lags
    const stored = await store.attempt(this.record.client_id).catch(() => null);
    if (!stored?.answers) return;
    const current = this.record.attempt?.questions?.[this.index];
    const answerOf = (record) => JSON.stringify(record.answers?.[current?.id]?.answer ?? null);
    const changed = current && answerOf(stored) !== answerOf(this.record);
    this.record = stored;
    if (changed && this.stage?.isConnected) this.showQuestion(this.index, false);
    this.showSaveState();
  }

  async refused({ entry, error }) {
    if (entry.type !== "submit" || entry.clientId !== this.record?.client_id) return;
    // The server will not take this submission: back to the questions, with why (and no
    // automatic resubmission at the deadline, which would be refused the same way).
    this.record = await store.updateAttempt(entry.clientId, (record) => {
      record.state = "open";
      record.submitRefused = true;
    });
    this.run(this.record);
    this.warning.textContent = error.message;
    this.warning.hidden = false;
  }

  // --- result -----------------------------------------------------------------------------

  async showAttempt(id) {
    const local = this.user ? await store.attemptById(this.user, id) : null;
    if (local?.result) return this.showResult(local.result);
    if (local?.state === "submitting") {
      this.record = local;
      return this.renderWaiting();
    }
    let attempt;
    try {
      attempt = await api.attempt(id);
    } catch (error) {
      if (error.status === 401) {
        this.body.replaceChildren(h("p", {}, h("a", { class: "button", href: signInUrl() }, gettext("Sign in to see this result"))));
        return;
      }
      throw error;
    }
    if (!attempt.submitted_at) {
      history.replaceState(null, "", location.pathname);
      return this.renderIntro(await this.reconcile(local));
    }
    // Kept on the device, so it opens offline later too (submitted elsewhere, it was only on
    // the server).
    if (this.user) await this.adopt(attempt, local || {}).catch(() => null);
    return this.showResult(attempt);
  }

  async showResult(attempt) {
    clearInterval(this.timer);
    this.locked = true;
    history.replaceState(null, "", `${location.pathname}?attempt=${attempt.id}`);
    const [lessons, quizzes, quiz, assignments] = await Promise.all([
      api.lessons().catch(() => []),
      api.quizzes().catch(() => []),
      api.quiz(this.slug).catch(() => this.quiz),
      attempt.assignment ? api.assignments().catch(() => []) : [],
    ]);
    this.quiz = quiz;
    // Trying again after an assignment's attempt is another attempt for it, within its limit.
    this.assignmentId = attempt.assignment ?? null;
    if (attempt.assignment) this.assignments = assignments.filter((item) => item.quiz === this.slug);
    const assignment = this.assignment;
    renderResult(this.body, attempt, {
      slug: this.slug,
      quiz: assignment ? { ...(quiz || this.meta), attempts_left: assignment.attempts_left } : quiz || this.meta,
      lessons,
      quizzes,
      onRetry: (event) => {
        history.replaceState(null, "", location.pathname);
        this.problem = h("p", { class: "error", role: "alert", hidden: true });
        event.currentTarget.after(this.problem);
        this.start(event.currentTarget);
      },
    });
  }
}

const GIVEN_UP = Symbol("given up");

/** `send()` again after a busy server or a lost connection (2 s, doubling up to 30 s) while
 * `wanted()` holds, calling `onRetry` each time; resolves with its answer (or GIVEN_UP once it
 * is no longer wanted), rejects with a refusal for good. */
async function untilSent(send, wanted = () => true, onRetry = () => {}) {
  for (let wait = 2000; wanted(); wait = Math.min(wait * 2, 30000)) {
    try {
      return await send();
    } catch (error) {
      if (!error.transient) throw error;
      onRetry();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return GIVEN_UP;
}

function notTaken(questionId, kept) {
  return h("p", { class: "error", role: "alert", id: `refused-${questionId}` },
    interpolate(gettext("This answer was not accepted: %(reason)s Change it: until then, the last answer to this question that was accepted counts, if there is one."),
      { reason: kept.refusedMessage || "" }, true));
}

function answerState(entry) {
  if (refusal(entry)) return gettext("Not accepted");
  return hasAnswer(entry) ? gettext("Answered") : gettext("Not answered");
}

export async function mount(main, { params: [slug], hydrate, query }) {
  const screen = new QuizScreen(main, slug);
  await screen.open(hydrate, query);
  return () => screen.close();
}

