#!/usr/bin/env python3
"""tests/site_browser.py SITE SUMMARY SHOTS: the static site as a reader's browser sees it.

Opens every page of SITE (results/site/) in Debian's headless Chromium, from file://, and checks that
each loads with no console error, that every image, embedded chart and link resolves inside the
folder (anchors included), that every claim_id of SUMMARY (summary.csv) has its card whose figures
are the CSV's, with a cite line naming the run, that the index's counts are summary.csv's, and that
the forest plot has one line per claim, that each card's chart of its rounds draws the claim's
rounds, that every chart carries points a reader can point at, and that pointing at one on the forest
plot shows its claim's figures. Saves a screenshot of the index and of one card into SHOTS.
Exits 1 naming every failure."""
import csv
import math
import pathlib
import re
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

# The headings a claim is counted under, as core/verdict.c's verdict_glance_of decides them.
def glance(row):
    if row["verdict"] == "not_applicable":
        return "not_applicable"
    if row["verdict"] == "inconclusive":
        return "inconclusive"
    if row["outcome"] == "no_difference":
        return "no_difference"
    return "agrees" if row["verdict"] == "agrees" else "disagrees"


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--allow-file-access-from-files", "--window-size=1280,1400"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def local_target(url, page, failures):
    """The file a file:// link names, or None (with a failure) for a link leaving the folder's scheme."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme != "file":
        failures.append(f"{page}: a link leaves the site: {url}")
        return None, ""
    return pathlib.Path(urllib.parse.unquote(parsed.path)), parsed.fragment


def check_page(driver, site, page, failures):
    driver.get(page.as_uri())
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            failures.append(f"{page.relative_to(site)}: console error: {entry['message']}")
    for image in driver.find_elements(By.TAG_NAME, "img"):
        if not driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image):
            failures.append(f"{page.relative_to(site)}: image does not load: {image.get_attribute('src')}")
    for embedded in driver.find_elements(By.TAG_NAME, "object"):
        target, _ = local_target(embedded.get_attribute("data"), page, failures)
        if target is not None and not target.is_file():
            failures.append(f"{page.relative_to(site)}: embedded chart missing: {target}")
    for link in driver.find_elements(By.TAG_NAME, "a"):
        target, fragment = local_target(link.get_attribute("href"), page, failures)
        if target is None:
            continue
        if not target.is_file():
            failures.append(f"{page.relative_to(site)}: link to a missing file: {target}")
        elif site not in target.resolve().parents:
            failures.append(f"{page.relative_to(site)}: link outside the site: {target}")
        elif fragment and f'id="{fragment}"' not in target.read_text(encoding="utf-8"):
            failures.append(f"{page.relative_to(site)}: link to a missing anchor: {target.name}#{fragment}")


def shown_number(text):
    text = text.strip()
    return math.inf if text == "∞" else float(text)


def check_cards(driver, site, rows, run_id, failures):
    for row in rows:
        claim = row["claim_id"]
        card = site / "claims" / f"{claim}.html"
        if not card.is_file():
            failures.append(f"claim {claim} has no card")
            continue
        driver.get(card.as_uri())
        figures = driver.find_elements(By.CSS_SELECTOR, "article.card table.sides span.factor")
        for figure in figures:
            column, csv_text = figure.get_attribute("data-column"), figure.get_attribute("data-csv")
            if row.get(column) != csv_text:
                failures.append(f"card {claim}: {column} is {csv_text!r}, summary.csv has {row.get(column)!r}")
                continue
            value, shown = float(csv_text), shown_number(figure.text)
            if not (value == shown or abs(shown - value) <= 0.006 * abs(value)):
                failures.append(f"card {claim}: {column} shows {figure.text}, summary.csv has {csv_text}")
        if row["factor"] and not any(f.get_attribute("data-column") == "factor" for f in figures):
            failures.append(f"card {claim}: C here's factor is not shown")
        charts = driver.find_elements(By.CSS_SELECTOR, "object.claim-chart")
        if charts:
            svg = (site / "claims" / f"{claim}.svg").read_text(encoding="utf-8")
            drawn = len(set(re.findall(r"process \d+, round \d+:", svg)))
            if drawn != int(row["rounds"]):
                failures.append(f"card {claim}: its chart draws {drawn} rounds, summary.csv has {row['rounds']}")
        elif row["metric"] == "ns_per_item" and row["x"] and row["rounds"] not in ("", "0"):
            failures.append(f"card {claim}: no chart of its rounds")
        cite = driver.find_elements(By.ID, "cite")
        if not cite or claim not in cite[0].text or run_id not in cite[0].text:
            failures.append(f"card {claim}: no cite line naming the claim and run {run_id}")


def check_counts(driver, site, rows, failures):
    driver.get((site / "index.html").as_uri())
    for kind, articles in (("article", True), ("ours", False)):
        expected = {}
        for row in rows:
            if (row["kind"] == "article") == articles:
                expected[glance(row)] = expected.get(glance(row), 0) + 1
        line = driver.find_element(By.CSS_SELECTOR, f'p.counts[data-kind="{kind}"]')
        for span in line.find_elements(By.CSS_SELECTOR, "span.verdict"):
            name = span.get_attribute("class").split()[1]
            if int(span.get_attribute("data-count")) != expected.get(name, 0):
                failures.append(f"index: {kind} claims counted {span.get_attribute('data-count')} {name}, "
                                f"summary.csv has {expected.get(name, 0)}")


def check_forest(site, rows, failures):
    svg = (site / "forest.svg").read_text(encoding="utf-8")
    with open(site / "forest.csv", encoding="utf-8") as f:
        lines = list(csv.DictReader(f))
    if sorted(line["claim_id"] for line in lines) != sorted(row["claim_id"] for row in rows):
        failures.append(f"forest.csv has {len(lines)} lines for {len(rows)} claims")
    for row in rows:
        if f">{row['claim_id']}</text>" not in svg:
            failures.append(f"forest.svg has no line named {row['claim_id']}")


def check_hover(site, failures):
    """Every chart of the site carries points a reader can point at (gnuplot's hypertext)."""
    for chart in sorted(site.glob("charts/*.svg")) + sorted(site.glob("claims/*.svg")) + [site / "forest.svg"]:
        if "showHypertext" not in chart.read_text(encoding="utf-8"):
            failures.append(f"{chart.relative_to(site)}: no point shows its value when pointed at")


def check_hover_shows(driver, site, rows, failures):
    """In the browser, pointing at a claim's point on the forest plot shows its figures."""
    driver.get((site / "forest.svg").as_uri())
    points = driver.execute_script(
        "return Array.from(document.querySelectorAll('g > title')).map(t => t.parentNode.querySelector('use'))"
        ".filter(u => u)")
    if not points:
        failures.append("forest.svg: no point to point at")
        return
    ActionChains(driver).move_to_element(points[0]).perform()
    shown = driver.execute_script("return document.getElementById('hypertext').textContent")
    if not any(shown.startswith(row["claim_id"] + ":") for row in rows):
        failures.append(f"forest.svg: pointing at a point shows {shown!r}, not a claim's figures")


def main():
    site, summary, shots = (pathlib.Path(argument).resolve() for argument in sys.argv[1:4])
    with open(summary, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    failures = []
    driver = browser()
    try:
        pages = sorted(site.rglob("*.html"))
        for page in pages:
            check_page(driver, site, page, failures)
        run_id = (site / "index.html").read_text(encoding="utf-8").split("run <code>", 1)[1].split("<", 1)[0]
        check_cards(driver, site, rows, run_id, failures)
        check_counts(driver, site, rows, failures)
        check_forest(site, rows, failures)
        check_hover(site, failures)
        check_hover_shows(driver, site, rows, failures)
        driver.get((site / "index.html").as_uri())
        driver.save_screenshot(str(shots / "site_index.png"))
        first_article = next((row for row in rows if row["kind"] == "article"), rows[0])
        driver.get((site / "claims" / f"{first_article['claim_id']}.html").as_uri())
        driver.save_screenshot(str(shots / "site_card.png"))
    finally:
        driver.quit()
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print(f"{len(pages)} pages, {len(rows)} cards checked; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
