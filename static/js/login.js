// The sign-in screen: signs in through the API, then goes back to the screen the learner came
// from. Answers waiting on the device for this learner are sent right after.
import { api } from "./api.js";
import { h, path, setTitle } from "./dom.js";
import { navigate } from "./router.js";
import { setAccount } from "./session.js";
import { forgetScreens } from "./worker.js";

function nextScreen(value) {
  const safe = value && value.startsWith("/") && !value.startsWith("//") && !value.includes("/login/");
  return safe ? value : path();
}

function form() {
  return [
    h("h1", {}, gettext("Sign in")),
    h("form", { method: "post", class: "stack", id: "sign-in", novalidate: true },
      h("p", { class: "error", id: "sign-in-error", role: "alert", hidden: true }),
      h("label", { for: "id_username" }, gettext("Username")),
      h("input", { id: "id_username", name: "username", autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true }),
      h("label", { for: "id_password" }, gettext("Password")),
      h("input", { id: "id_password", name: "password", type: "password", autocomplete: "current-password", required: true }),
      h("button", { type: "submit", class: "button" }, gettext("Sign in"))),
  ];
}

function messageOf(error) {
  if (error.status === 0) return gettext("Signing in needs a connection.");
  return error.details?.non_field_errors?.[0] || error.message;
}

export async function mount(main, { hydrate, query }) {
  setTitle(gettext("Sign in"));
  if (!hydrate) main.replaceChildren(...form());
  const signIn = main.querySelector("#sign-in");
  const error = main.querySelector("#sign-in-error");
  const button = signIn.querySelector("button[type=submit]");
  signIn.addEventListener("submit", async (event) => {
    event.preventDefault();
    const username = signIn.elements.username.value.trim();
    const password = signIn.elements.password.value;
    if (!username || !password) {
      error.textContent = gettext("Type your username and password.");
      error.hidden = false;
      return;
    }
    button.disabled = true;
    error.hidden = true;
    try {
      await api.me(); // hands out the CSRF token that signing in needs
      const account = await api.login(username, password);
      // Screens kept on this device show whoever was signed in before (or nobody).
      await forgetScreens();
      setAccount(account);
      navigate(nextScreen(query.get("next")), { replace: true });
    } catch (failure) {
      error.textContent = messageOf(failure);
      error.hidden = false;
      button.disabled = false;
    }
  });
}
