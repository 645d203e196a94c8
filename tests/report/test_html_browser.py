#!/usr/bin/env python3
"""test_html_browser.py - the HTML report in a real browser (Debian's headless chromium).

1. --dump-dom of the demo page: the script ran (the CSP let it: the hashes match), one finding element per
   finding of the JSON report, the "N of N findings shown" line.
2. The page with scripts off (Emulation.setScriptExecutionDisabled, DOM read over the protocol): every finding
   is there to read and the filters, which would do nothing, stay hidden.
3. Over the DevTools protocol on a pipe (--remote-debugging-pipe, standard library only): real mouse
   clicks (Input.dispatchMouseEvent at the control's position) on the "low" severity checkbox and on
   "product code only", then the visible finding elements are counted against the JSON report's numbers;
   a screenshot of the filtered page is stored.
4. The hostile page (path, comments and code carrying </script>, "><img onerror>, control bytes): no element or
   attribute came from the data and no injected script ran.
5. --screenshot of the demo page at 1280x2000, kept as a test artifact.

usage: test_html_browser.py --cvet PATH --source-dir DIR --out-dir DIR
Exits 77 when chromium is not installed."""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_check  # noqa: E402

failures = []
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--disable-dev-shm-usage"]  # containers often have a tiny /dev/shm


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def chromium_binary():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chrome(binary, profile, args, timeout=120):
    """Run chromium once; returns (returncode, stdout text)."""
    r = subprocess.run([binary, *CHROME_FLAGS, "--user-data-dir=" + profile, *args], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=timeout)
    return r.returncode, r.stdout.decode("utf-8", "replace")


class DevTools:
    """The DevTools protocol over --remote-debugging-pipe: chromium reads commands on fd 3 and writes replies
    and events on fd 4, each message JSON ended by a NUL byte."""

    def __init__(self, binary, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def plumb():  # in the child, before exec: the pipe ends at the descriptors chromium expects
            # copies first: an end may itself be 3 or 4, and dup2 onto itself would keep its close-on-exec flag
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen([binary, *CHROME_FLAGS, "--user-data-dir=" + profile, "--remote-debugging-pipe",
                                      "--window-size=1280,2000", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
                                     preexec_fn=plumb)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.session = None
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from chromium")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if ready:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the pipe")
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=True, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open(self, url, scripts=True):
        """A new tab showing url (its scripts off with scripts=False), once loaded."""
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.call("Page.enable")
        self.call("DOM.enable")
        if not scripts:
            self.call("Emulation.setScriptExecutionDisabled", {"value": True})
        self.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 2000, "deviceScaleFactor": 1,
                                                         "mobile": False})
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def eval(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError("page exception: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element the selector names."""
        box = self.eval("(function () { var e = document.querySelector(%s); e.scrollIntoView({block: 'center'});"
                        " var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
                        % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_chrome)
        os.close(self.from_chrome)


VISIBLE = "Array.prototype.filter.call(document.querySelectorAll('.finding'), function (e) { return e.offsetParent !== null; }).length"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvet", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--out-dir", required=True)
    a = ap.parse_args()
    binary = chromium_binary()
    if not binary:
        print("skipped: chromium is not installed (Debian: apt-get install chromium)")
        return 77
    cvet = os.path.abspath(a.cvet)
    out_dir = os.path.abspath(a.out_dir)
    os.makedirs(out_dir, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        demo = os.path.join(tmp, "demo")
        shutil.copytree(os.path.join(a.source_dir, "testdata", "demo"), demo)
        page, js = os.path.join(out_dir, "report-demo.html"), os.path.join(tmp, "demo.json")
        html_check.scan(cvet, demo, "html", page)
        html_check.scan(cvet, demo, "json", js)
        with open(js, encoding="utf-8") as f:
            report = json.load(f)
        total = report["summary"]["findings"]
        low = report["summary"]["by_severity"]["low"]
        # dependency findings have no location class (null): they count as product code
        outside = [f for f in report["findings"] if f["kind"] == "code" and f["location_class"] != "product"]
        url = "file://" + page

        # 1. scripts on
        rc, dom = chrome(binary, profile, ["--dump-dom", url])
        p = html_check.parse(dom)
        check(rc == 0 and len(p.with_class("finding")) == total,
              "scripts on: %d finding elements in the DOM, %d in the JSON report" % (len(p.with_class("finding")), total))
        check("%d of %d findings shown" % (total, total) in dom, "scripts on: the script ran under the page's CSP")
        check(any(t == "form" and a.get("id") == "filters" and "hidden" not in a for t, a, _ in p.elements),
              "scripts on: the filters are shown")

        dt = DevTools(binary, profile + "-dt")
        try:
            # 2. scripts off (--dump-dom itself needs script, so this reads the DOM over the protocol)
            dt.open(url, scripts=False)
            root = dt.call("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
            dom = dt.call("DOM.getOuterHTML", {"nodeId": root})["outerHTML"]
            p = html_check.parse(dom)
            check(len(p.with_class("finding")) == total, "scripts off: every finding is in the page")
            check(any(t == "form" and a.get("id") == "filters" and "hidden" in a for t, a, _ in p.elements),
                  "scripts off: the filters stay hidden")
            check(any(t == "pre" for t, _, _ in p.elements) and "Dataflow:" in dom,
                  "scripts off: source and dataflow are readable")

            # 3. clicks over the DevTools protocol
            dt.open(url)
            check(dt.eval(VISIBLE) == total, "devtools: all %d findings visible before any click" % total)
            dt.click("#filters input[name=sev][value=low]")
            check(dt.eval("document.querySelector('#filters input[value=low]').checked") is False,
                  "devtools: the click unchecked 'low'")
            got = dt.eval(VISIBLE)
            check(got == total - low, "devtools: after unchecking 'low', %d visible (want %d)" % (got, total - low))
            check(dt.eval("document.getElementById('shown').textContent") ==
                  "%d of %d findings shown" % (total - low, total), "devtools: the count line follows the filter")
            dt.screenshot(os.path.join(out_dir, "report-demo-filtered.png"))
            dt.click("#filters input[name=product]")
            want = total - low - sum(1 for f in outside if f["severity"] != "low")
            got = dt.eval(VISIBLE)
            check(got == want, "devtools: 'product code only' leaves %d visible (want %d; %d outside product code)"
                  % (got, want, len(outside)))
            dt.eval("(function () { var s = document.querySelector('#filters select[name=group]'); s.value = 'rule';"
                    " s.dispatchEvent(new Event('change', {bubbles: true})); })()")
            groups = dt.eval("Array.prototype.map.call(document.querySelectorAll('#findings .group h3 code'),"
                             " function (e) { return e.textContent; })")
            rules = sorted({f["rule_id"] for f in report["findings"] if f["kind"] == "code"
                            and f["location_class"] == "product" and f["severity"] != "low"})
            check(groups == rules, "devtools: grouped by rule, the groups are the rules %r" % rules)
            dt.click("#filters button[type=reset]")
            time.sleep(0.2)
            check(dt.eval(VISIBLE) == total, "devtools: Reset shows every finding again")
            dt.eval("document.getElementById('dependencies').scrollIntoView()")
            time.sleep(0.2)
            dt.screenshot(os.path.join(out_dir, "report-demo-dependencies.png"))

            # 4. the hostile page
            evil = os.path.join(tmp, "evil")
            os.makedirs(evil)
            html_check.write_hostile_tree(evil)
            hpage = os.path.join(out_dir, "report-hostile.html")
            html_check.scan(cvet, evil, "html", hpage, ["--fail-on", "none"])
            dt.open("file://" + hpage)
            check(dt.eval("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0,
                  "hostile: no element from the data")
            check(dt.eval("document.scripts.length") == 1, "hostile: the page's own script only")
            check(dt.eval("Array.prototype.some.call(document.querySelectorAll('*'), function (e) {"
                          " return Array.prototype.some.call(e.attributes, function (a) { return /^on/i.test(a.name); }); })")
                  is False, "hostile: no event-handler attribute")
            check(dt.eval("document.querySelector('.finding').getAttribute('data-file')") ==
                  "x</script><script>alert(1)</script>.c", "hostile: the path is data, intact")
            check("alert(1)" in (dt.eval("document.querySelector('pre.src').textContent") or ""),
                  "hostile: the source line is shown as text")
        finally:
            dt.close()

        # 5. screenshot artifact
        shot = os.path.join(out_dir, "report-demo.png")
        if os.path.exists(shot):
            os.unlink(shot)
        rc, _ = chrome(binary, profile, ["--screenshot=" + shot, "--window-size=1280,2000", url])
        check(rc == 0 and os.path.getsize(shot) > 10000 if os.path.exists(shot) else False,
              "screenshot stored: %s" % shot)

    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all checks hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
