// The only module that stores anything on the device (IndexedDB). It keeps:
// - attempts: each attempt this device works on, by its client_id, with its questions, the
//   learner's answers (each marked synced once the server has it) and, once graded, the result;
// - outbox: writes waiting for the server (a submission, a lesson marked done, a review
//   answer with the time it was given), one per key, so queuing the same thing twice keeps one;
// - kv: small values (who was signed in; review answers checked after they waited offline,
//   until the Review screen has shown them).
// Writes that change what waits to sync announce it with a "rootwise:stored" event.
//
// An answer is also written at once, synchronously, to a small journal in localStorage and
// taken out once IndexedDB has committed it: a page closed or reloaded in the few milliseconds
// between a tap and that commit loses nothing, since the journal is replayed on the next open.

const DB_NAME = "rootwise";
const DB_VERSION = 1;
const JOURNAL = "rootwise:journal";
let opening = null;

function journal() {
  try {
    return JSON.parse(localStorage.getItem(JOURNAL) || "[]");
  } catch {
    return [];
  }
}

function keepJournal(entries) {
  try {
    if (entries.length) localStorage.setItem(JOURNAL, JSON.stringify(entries));
    else localStorage.removeItem(JOURNAL);
  } catch {
    // No localStorage (private mode, full): IndexedDB alone, as before.
  }
}

const sameAnswer = (a, b) => a.clientId === b.clientId && a.questionId === b.questionId;

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const attempts = db.createObjectStore("attempts", { keyPath: "client_id" });
      attempts.createIndex("by_quiz", ["user", "quiz"]);
      attempts.createIndex("by_user", "user");
      db.createObjectStore("outbox", { keyPath: "key" }).createIndex("by_user", "user");
      db.createObjectStore("kv", { keyPath: "key" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function database() {
  opening ??= openDatabase().then(async (db) => {
    for (const entry of journal()) await putAnswer(db, entry);
    keepJournal([]);
    return db;
  });
  return opening;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Run `work(stores)` in one transaction; resolves with its result once committed. */
async function transact(names, mode, work, db = null) {
  db ??= await database();
  const transaction = db.transaction(names, mode);
  const stores = Object.fromEntries([names].flat().map((name) => [name, transaction.objectStore(name)]));
  const committed = new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  const result = await work(stores);
  await committed;
  return result;
}

/** Keep an answer in its attempt; it waits to sync until markSynced sees this revision. A
 * `partial` one (see questions.js) rides along on the device only; the server hears null. */
async function putAnswer(db, { clientId, questionId, answer, partial = null }) {
  return transact("attempts", "readwrite", async ({ attempts }) => {
    const current = await done(attempts.get(clientId));
    if (!current) return undefined;
    const previous = current.answers[questionId];
    const rev = (previous?.rev || 0) + 1;
    // An answer taken back (null) goes to the server too: else an older saved one is graded.
    // `typedAt`: of two devices' copies, the server keeps the one typed later.
    const typedAt = Date.now();
    current.answers[questionId] = partial ? { answer, partial, rev, typedAt, synced: false } : { answer, rev, typedAt, synced: false };
    await done(attempts.put(current));
    return rev;
  }, db);
}

function changed() {
  window.dispatchEvent(new CustomEvent("rootwise:stored"));
}

export const store = {
  async attempt(clientId) {
    return transact("attempts", "readonly", ({ attempts }) => done(attempts.get(clientId)));
  },

  async attemptsOf(user, quiz) {
    const all = await transact("attempts", "readonly", ({ attempts }) =>
      done(attempts.index("by_quiz").getAll([user, quiz])));
    return all.sort((a, b) => (b.created || 0) - (a.created || 0));
  },

  async attemptById(user, id) {
    const all = await transact("attempts", "readonly", ({ attempts }) =>
      done(attempts.index("by_user").getAll(user)));
    return all.find((record) => record.id === id);
  },

  async putAttempt(record) {
    await transact("attempts", "readwrite", ({ attempts }) => done(attempts.put(record)));
    changed();
    return record;
  },

  /** Change an attempt inside one transaction: `change(record)` edits it in place. */
  async updateAttempt(clientId, change) {
    const record = await transact("attempts", "readwrite", async ({ attempts }) => {
      const current = await done(attempts.get(clientId));
      if (!current) return null;
      change(current);
      await done(attempts.put(current));
      return current;
    });
    changed();
    return record;
  },

  /** Keep an answer (journaled first, see above); resolves with its revision. */
  async setAnswer(clientId, questionId, answer, partial = null) {
    const entry = { clientId, questionId: String(questionId), answer, partial, at: Date.now() };
    keepJournal([...journal().filter((other) => !sameAnswer(other, entry)), entry]);
    const rev = await putAnswer(await database(), entry);
    keepJournal(journal().filter((other) => !(sameAnswer(other, entry) && other.at === entry.at)));
    changed();
    return rev;
  },

  /** The server has this revision of the answer (or refused it for good: `refused`). */
  /** The server kept another answer than this revision (typed later on another device): it
   * replaces this device's copy, unless the learner changed it again since. */
  async replaceAnswer(clientId, questionId, rev, saved) {
    return this.updateAttempt(clientId, (current) => {
      const entry = current.answers[questionId];
      if (entry && entry.rev === rev) {
        current.answers[questionId] = { answer: saved.answer, rev, typedAt: Date.parse(saved.typed_at) || null, synced: true };
      }
    });
  },

  async markSynced(clientId, questionId, rev, refused = null, refusedMessage = "") {
    return this.updateAttempt(clientId, (current) => {
      const entry = current.answers[questionId];
      if (entry && entry.rev === rev) {
        entry.synced = true;
        if (refused) Object.assign(entry, { refused, refusedMessage });
      }
    });
  },

  async attemptsOfUser(user) {
    return transact("attempts", "readonly", ({ attempts }) => done(attempts.index("by_user").getAll(user)));
  },

  /** Answers of open attempts that the server does not have yet. */
  async pendingAnswers(user) {
    const pending = [];
    for (const record of await this.attemptsOfUser(user)) {
      if (!record.id || !["open", "submitting"].includes(record.state)) continue;
      for (const [questionId, entry] of Object.entries(record.answers || {})) {
        if (!entry.synced) pending.push({ clientId: record.client_id, attemptId: record.id, questionId: Number(questionId), ...entry });
      }
    }
    return pending;
  },

  async enqueue(entry) {
    await transact("outbox", "readwrite", ({ outbox }) => done(outbox.put({ created: Date.now(), ...entry })));
    changed();
  },

  async outbox(user) {
    const entries = await transact("outbox", "readonly", ({ outbox }) => done(outbox.index("by_user").getAll(user)));
    return entries.sort((a, b) => a.created - b.created);
  },

  async dequeue(key) {
    await transact("outbox", "readwrite", ({ outbox }) => done(outbox.delete(key)));
    changed();
  },

  async get(key) {
    const row = await transact("kv", "readonly", ({ kv }) => done(kv.get(key)));
    return row?.value;
  },

  async set(key, value) {
    await transact("kv", "readwrite", ({ kv }) => done(kv.put({ key, value })));
  },

  /** Keep a review answer the server checked while the learner was elsewhere (the last 20). */
  async keepChecked(user, item) {
    await transact("kv", "readwrite", async ({ kv }) => {
      const row = await done(kv.get(`checked:${user}`));
      const items = [...(row?.value || []).filter((other) => other.clientId !== item.clientId), item];
      await done(kv.put({ key: `checked:${user}`, value: items.slice(-20) }));
    });
  },

  /** The checked review answers not shown yet, taken out (or only `clientId`'s, dropped). */
  async takeChecked(user, clientId = null) {
    return transact("kv", "readwrite", async ({ kv }) => {
      const items = (await done(kv.get(`checked:${user}`)))?.value || [];
      const taken = clientId ? items.filter((item) => item.clientId === clientId) : items;
      const kept = clientId ? items.filter((item) => item.clientId !== clientId) : [];
      await done(kv.put({ key: `checked:${user}`, value: kept }));
      return taken;
    });
  },
};
