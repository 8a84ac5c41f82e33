// The app's screens: a path (after the language prefix), the tab it belongs to, and the module
// that renders it. The server has a view for each of these paths (core.shell registers the
// tabs); a new screen adds a line here, a module, and a view (and tab) on the server.
export const routes = [
  { name: "learn", tab: "learn", pattern: /^$/, load: () => import("./learn.js") },
  { name: "lesson", tab: "learn", pattern: /^lessons\/([\w-]+)\/$/, load: () => import("./lesson.js") },
  { name: "quizzes", tab: "quizzes", pattern: /^quizzes\/$/, load: () => import("./quizzes.js") },
  { name: "quiz", tab: "quizzes", pattern: /^quizzes\/([\w-]+)\/$/, load: () => import("./quiz.js") },
  { name: "assignments", tab: "quizzes", pattern: /^assignments\/$/, load: () => import("./assignments.js") },
  { name: "review", tab: "review", pattern: /^review\/$/, load: () => import("./review.js") },
  { name: "progress", tab: "progress", pattern: /^progress\/$/, load: () => import("./progress.js") },
  { name: "login", tab: null, pattern: /^login\/$/, load: () => import("./login.js") },
  { name: "offline", tab: null, pattern: /^offline\/$/, load: () => import("./offline.js") },
];

/** The route of an app path in `language` ({route, params}), or null. */
export function match(pathname, language) {
  const prefix = `/${language}/`;
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  for (const route of routes) {
    const found = rest.match(route.pattern);
    if (found) return { route, params: found.slice(1) };
  }
  return null;
}
