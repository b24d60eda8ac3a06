"""The HTML reports as a browser sees them: a parsed DOM, and headless Chromium run offline."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

import pytest


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each element with an id."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._open: list = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id"):
            self.text[attrs["id"]] = ""
        if tag not in self.VOID:
            self._open.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        for key in filter(None, self._open):
            self.text[key] += data

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    def having(self, tag: str, cls: str = "") -> list[dict]:
        return [a for t, a in self.tags if t == tag and (not cls or cls in (a.get("class") or "").split())]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium is needed to check the HTML reports (Debian: apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def browse(page: Path, tmp_path: Path, fragment: str = "", screenshot: Optional[Path] = None,
           size: tuple[int, int] = (1400, 1800)) -> str:
    """The page's DOM after its scripts ran, offline (no host name resolves, nothing is fetched); a console
    message (a script error, a blocked load) fails the test."""
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0"]
    url = page.as_uri() + fragment
    if screenshot is not None:
        # Headless Chromium's screenshot is of the top of the page (it comes out blank once scrolled), so
        # what it should show must be at the top.
        done = subprocess.run([*args, f"--window-size={size[0]},{size[1]}", f"--screenshot={screenshot}", url],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
    done = subprocess.run([*args, "--dump-dom", url], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line for line in done.stderr.splitlines() if "CONSOLE" in line] == []
    return done.stdout
