// The offline screen: what the worker shows for a screen this device has never loaded.
import { setTitle } from "./dom.js";

export async function mount() {
  setTitle(gettext("Offline"));
}
