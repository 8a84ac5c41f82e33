"""Where the browser tests find Debian's Chromium (never a browser Playwright downloads)."""

import os
import shutil

CHROMIUM = "/usr/bin/chromium"
NO_BROWSER = (
    f"Debian's Chromium ({CHROMIUM}) is not installed, so the browser tests (-m e2e) cannot run: "
    "install it with `make browser` (apt-get install chromium)."
)


def chromium_path() -> str | None:
    return shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
