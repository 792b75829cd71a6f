"""The digest page's layout as headless Chromium lays it out, for the browser tests and
benchmarks/bench_page.py alike.

The digest's own page runs no script (its policy forbids one), so a measuring page loads
it in a frame of the screen's size and writes where the at-a-glance table sits and how
tall the page is into its own DOM, which ``--dump-dom`` prints.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

SCREENS = {1280: 800, 390: 844}  # width: height of a first screen (laptop, phone)
# Everything that could reach out by itself is off; the page is opened from file://.
QUIET = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="frame" src="digest.html" style="width:%dpx;height:%dpx;border:0"></iframe>
<script>
document.getElementById("frame").addEventListener("load", function () {
  var page = this.contentDocument;
  var table = page.getElementById("at-a-glance").getBoundingClientRect();
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({top: table.top, bottom: table.bottom,
                                    height: page.documentElement.scrollHeight});
  document.body.appendChild(out);
});
</script></body></html>
"""


def measure_layout(
    browser: str, page: str, folder: Path, width: int, height: int
) -> tuple[dict[str, float] | None, str]:
    """(top and bottom of the at-a-glance table and the page's height, in px, or None
    when nothing was measured; the browser's stderr) on a ``width`` x ``height`` screen.
    ``folder`` is an empty scratch folder."""
    (folder / "digest.html").write_text(page, "utf-8")
    (folder / "measure.html").write_text(MEASURE % (width, height), "utf-8")
    command = [browser, *QUIET, f"--user-data-dir={folder / 'profile'}",
               "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
               (folder / "measure.html").as_uri()]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout)
    if found is None:
        return None, done.stderr
    measured: dict[str, float] = json.loads(found.group(1))
    return measured, done.stderr
