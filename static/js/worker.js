// Messages to the service worker (templates/pwa/sw.js): what to keep for offline use, and to
// forget the screens and reads kept for whoever was signed in (they show that learner).
export function tellWorker(message) {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
    setTimeout(() => resolve(null), 15000);
  });
}

/** Before the account on this device changes (signing in or out). */
export function forgetScreens() {
  return tellWorker({ type: "forget" });
}
