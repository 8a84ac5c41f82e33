// The only module that talks to the server: JSON in and out, CSRF, one error shape.

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || gettext("Something went wrong. Please try again."));
    this.status = status;
    this.code = body?.code || "error";
    this.details = body?.details || {};
  }
}

async function request(method, path, body) {
  const options = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Accept-Language": document.documentElement.lang },
  };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.headers["X-CSRFToken"] = csrfToken();
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1/${path}`, options);
  } catch {
    throw new ApiError(0, { code: "offline", message: gettext("You seem to be offline. Your answers are kept; try again when you are back online.") });
  }
  if (response.status === 204) {
    return null;
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  whoami: () => request("GET", "auth/me/"),
  startAttempt: (quiz, clientId) => request("POST", "attempts/", { quiz, client_id: clientId }),
  saveResponse: (attempt, question, answer) =>
    request("PUT", `attempts/${attempt}/responses/${question}/`, { answer }),
  submit: (attempt, responses) => request("POST", `attempts/${attempt}/submit/`, { responses }),
};
