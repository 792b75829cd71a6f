"""One-off sanity check for tests/gold/seeds.json (not a pytest file).

Run: python tests/gold/check_gold.py
Checks that the JSON loads, required fields are present, and every quote
(quote, other_quotes, equivalent_of_quote) occurs verbatim in the decoded
article text of its seed:
  * 000 (WordPress REST JSON): title.rendered + content.rendered, HTML tags
    stripped and entities decoded (json.loads already decodes \\u00a5 etc.).
  * 001-003: the file as is.
  * 004: the file up to "Partager l'article:" (the rest is page noise).
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).with_name("seeds.json")

REQUIRED = {"source_id", "subject", "metric", "value", "unit", "qualifier", "quote"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "up_to"}
METRICS = {
    "total_investment", "initial_investment", "remaining_investment", "equity_contribution",
    "equity_stake", "public_investment", "partner_investment", "funding_round", "valuation",
    "project_cost", "contract_value", "jobs", "power_capacity", "data_center_count",
    "building_count", "gpu_count", "site_area", "stock_price_change", "announcement_date",
    "target_date", "timeline", "other",
}


def html_to_text(fragment: str) -> str:
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    fragment = re.sub(r"</(p|h\d|li|ul|hr)>|<hr[^>]*>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def article_text(source_id: str) -> str:
    raw = (SEEDS / f"{source_id}.txt").read_text(encoding="utf-8")
    if source_id.startswith("000_"):
        post = json.loads(raw)
        return html_to_text(post["title"]["rendered"]) + "\n\n" + html_to_text(post["content"]["rendered"])
    if source_id.startswith("004_"):
        return raw.split("Partager l'article:")[0]
    return raw


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    errors = []
    texts = {}
    for i, item in enumerate(gold):
        missing = REQUIRED - item.keys()
        if missing:
            errors.append(f"#{i}: missing {sorted(missing)}")
            continue
        if item["qualifier"] not in QUALIFIERS:
            errors.append(f"#{i}: bad qualifier {item['qualifier']}")
        if item["metric"] not in METRICS:
            errors.append(f"#{i}: metric {item['metric']} not in vocabulary")
        if item["unit"] == "XXX" and "currency_candidates" not in item:
            errors.append(f"#{i}: unit XXX without currency_candidates")
        sid = item["source_id"]
        text = texts.setdefault(sid, article_text(sid))
        quotes = [item["quote"], *item.get("other_quotes", [])]
        if "equivalent_of_quote" in item:
            quotes.append(item["equivalent_of_quote"])
        for q in quotes:
            if q not in text:
                errors.append(f"#{i} {sid}: quote not found: {q!r}")
    keys = Counter((g["source_id"], g["subject"], g["metric"], str(g["value"]), g["unit"]) for g in gold)
    errors += [f"duplicate entry {k}" for k, n in keys.items() if n > 1]
    per_source = Counter(g["source_id"] for g in gold)
    distinct = Counter(s for s, _v, _u in {(g["source_id"], str(g["value"]), g["unit"]) for g in gold})
    for sid in sorted(per_source):
        print(f"{sid}: {per_source[sid]} entries, {distinct[sid]} distinct (value, unit)")
    print(f"total: {len(gold)} entries")
    for err in errors:
        print("ERROR", err, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
