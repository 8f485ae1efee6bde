#!/usr/bin/env python3
"""Screenshots of a running server in headless Chromium, logged in as a given user.

    screenshot.py --url http://localhost:8069 --db gep_demo --login canbo.bvdk \\
        --path "/odoo/action-gender_equality_plan.gender_equality_unit_action" --out docs/img/units.png

--phone renders the page as a phone does (390×844, touch; Odoo then shows cards and moves the
buttons of a form into its gear menu, but the main one); --click SELECTOR clicks an element
once the page is ready (repeatable, e.g. to open a dialog); --scroll SELECTOR scrolls an
element to the top.

Logs in over JSON-RPC, hands the session cookie to Chromium through the DevTools protocol
(websocket-client), opens the page, waits until Odoo's web client has rendered it and captures
a PNG. Used for the README and the user guide; not part of the test suite.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import requests
import websocket


def login(url, db, user, password):
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}},
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"login failed for {user}: {response.json()['error']['data']['message']}")
    return session.cookies["session_id"]


class Chrome:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="gep-chrome-")
        port_file = Path(self.profile) / "DevToolsActivePort"
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline:
                raise SystemExit("Chromium did not start")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


READY = """(() => {
    const busy = document.querySelector('.o_loading_indicator, .o_blockUI');
    const content = document.querySelector(
        '.o_action_manager .o_view_controller, .o_action_manager .o_form_view');
    return !busy && !!content;
})()"""


def wait_ready(chrome):
    deadline = time.monotonic() + 60
    while not chrome.evaluate(READY):
        if time.monotonic() > deadline:
            raise SystemExit("the page did not finish rendering within 60 s")
        time.sleep(0.2)
    time.sleep(0.8)  # let transitions settle before the capture (not a test)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="gep_demo")
    parser.add_argument("--login", required=True)
    parser.add_argument("--password")
    parser.add_argument("--path", required=True, help="path of the page, e.g. /odoo/action-<xmlid>")
    parser.add_argument("--out", required=True)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--phone", action="store_true", help="390×844, a touch screen")
    parser.add_argument("--click", action="append", default=[], help="CSS selector to click, in order")
    parser.add_argument("--scroll", help="CSS selector of an element to scroll to the top")
    args = parser.parse_args()
    if args.phone:
        args.width, args.height = 390, 844

    session_id = login(args.url, args.db, args.login, args.password or args.login)
    chrome = Chrome(args.width, args.height)
    try:
        if args.phone:
            chrome.send(
                "Emulation.setDeviceMetricsOverride",
                width=args.width,
                height=args.height,
                deviceScaleFactor=1,
                mobile=True,
            )
            chrome.send("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=5)
        chrome.send("Network.enable")
        host = urlparse(args.url).hostname
        chrome.send("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")
        chrome.send("Page.enable")
        chrome.send("Page.navigate", url=args.url + args.path)
        wait_ready(chrome)
        for selector in args.click:
            click = "(() => { const e = document.querySelector(%s); e && e.click(); return !!e; })()"
            if not chrome.evaluate(click % json.dumps(selector)):
                raise SystemExit(f"nothing to click: {selector}")
            wait_ready(chrome)
        if args.scroll:
            chrome.evaluate(
                f"document.querySelector({json.dumps(args.scroll)}).scrollIntoView({{block: 'start'}})"
            )
            time.sleep(0.3)
        # Pop-up notifications (new messages of the demo) would hide part of the page.
        chrome.evaluate("document.querySelectorAll('.o_notification_manager').forEach(e => e.remove())")
        shot = chrome.send("Page.captureScreenshot", format="png")
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_bytes(base64.b64decode(shot["data"]))
        print(args.out)
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
