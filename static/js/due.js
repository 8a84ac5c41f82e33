// What is due for review: me/progress's review section (read with the phone's time zone, so
// "today" ends at the learner's midnight), the answers waiting on this device to be checked,
// and the Review tab's badge, which shows the cards due today less those waiting.
import { api } from "./api.js";
import { formatNumber, h } from "./dom.js";
import { currentUser } from "./session.js";
import { store } from "./store.js";

let summary = null; // the review section as last read: {cards, due_today, next_due_at, …}

/** The learner's review summary; `fresh` reads it again (offline: the worker's copy). */
export async function reviewSummary({ fresh = true } = {}) {
  if (!currentUser()) {
    summary = null;
    return null;
  }
  if (fresh || !summary) {
    try {
      summary = (await api.progress()).review ?? null;
    } catch {
      // Offline with no copy: what was read last, if anything.
    }
  }
  return summary;
}

/** Review answers kept on this device until the server has checked them. */
export async function waitingReviews(user = currentUser()) {
  if (!user) return [];
  return (await store.outbox(user)).filter((entry) => entry.type === "review");
}

/** Show (or take away) the count on the Review tab. */
export async function showBadge({ fresh = false } = {}) {
  const tab = document.querySelector(".tab[data-tab=review]");
  if (!tab) return;
  const found = await reviewSummary({ fresh });
  const count = found ? Math.max(0, found.due_today - (await waitingReviews()).length) : 0;
  tab.querySelector(".tab-badge")?.remove();
  if (!count) return;
  const words = interpolate(ngettext("%(count)s card due today", "%(count)s cards due today", count), { count }, true);
  tab.append(h("span", { class: "tab-badge", "data-count": count },
    h("span", { "aria-hidden": "true" }, count > 99 ? `${formatNumber(99)}+` : formatNumber(count)),
    h("span", { class: "visually-hidden" }, ` ${words}`)));
}

/** Read the cards again (the worker keeps the copy for offline review) and the badge. */
export async function refreshReview() {
  await showBadge({ fresh: true });
  if (summary?.cards && navigator.onLine !== false) {
    try {
      await api.reviewCards();
    } catch {
      // The copy the worker has will do.
    }
  }
}
