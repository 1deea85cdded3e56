#!/usr/bin/env python3
"""A shop's own prose on pages that sell: where the kept chrome of product and collection
pages stands, and a zone under a policy section heading (issue 13).

From the records of `scripts/probe_listing_runs.py dump` (every dev page, both renderings, out
of source: each line with its gold label and the rule that removed it, and the record's output
text):

census    Kept tokens (gold and chrome) of product, collection, service and article pages, by
          whether the page sells (a `buy_button` line), by place against the first buy button,
          by the section heading above the line (the nearest short line before it), by
          whether the line's text occurs on a page of another domain (cross-site repeats), and
          by size.

simulate  Not shipped, a zone: on a page with a buy button, a kept line made of shop section
          headings (SECTION_HEADERS: shipping, returns, warranty, privacy, newsletter, about
          us, 25 languages; at most HEADER_WORDS words besides numbers) opens a zone (below
          the first buy button with "after", anywhere with "any"); its kept lines of at least
          MIN tokens go until the next short heading-like line that is no such heading.
          Settings WHERE:MIN. Prints the change of the mean page F1 per source and page
          type, both renderings, and the pages that move by 0.02.

lexical   Not shipped, a learnt word score: on wcxb's pages with a buy button (with
          --scope sells-anywhere also a buy phrase inside a short line, with --scope
          sells-or-items also the pages called items), kept lines whose mean
          naive Bayes log-odds of "gold" over their words and word pairs is below T, of at
          least M tokens, go. Held out by 5 folds of wcxb's pages (by page id: nearly
          domain folds): each fold's table learnt without it (from the pages of the scope,
          or --train all of wcxb's pages), its (T, M) chosen on the other four folds, each
          scored by a table without it. Prints the held-out change per page type, both
          renderings, the pages that move by 0.03, and the table's strongest words.

    scripts/probe_listing_runs.py dump --winnow BIN --line-models L --page-type-models P --out F
    scripts/probe_shop_prose.py census F
    scripts/probe_shop_prose.py simulate F [WHERE:MIN ...]
    scripts/probe_shop_prose.py lexical F [--train all] [--scope SCOPE] [--prior P]
        [--thresholds T ...] [--min-tokens M ...]
"""

import argparse
import collections
import json
import math
import os
import re
import statistics
import sys
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_boilerplate as sb  # noqa: E402
from probe_customer_reviews import (  # noqa: E402
    is_buy_button,
    is_header,
    load,
    simulate_removals,
)
from probe_in_page_repeats import f1  # noqa: E402

TYPES = ("product", "collection", "service", "article")
HEADING_TOKENS = 6
SENTENCE_END = re.compile(r"[.!?。！？:]\s*$")


def is_heading(text, tokens):
    """A short line that does not end a sentence: a section title, a tab, a menu entry."""
    return 0 < len(tokens) <= HEADING_TOKENS and not SENTENCE_END.search(text)


# Not shipped: whole-line section headers of a shop's own policies and promises, 25 languages
# (the `simulate` zone; flow lists by language as in config/lexicons.yaml).
SECTION_HEADERS = """
  en: [shipping, free shipping, delivery, free delivery, shipping and returns, delivery and returns,
       shipping and delivery, shipping information, shipping info, delivery information,
       returns, return policy, returns policy, returns and exchanges, returns and refunds,
       refunds, refund policy, exchanges, warranty, warranty information, guarantee,
       our guarantee, satisfaction guarantee, payment, payment options, payment methods,
       secure payment, financing, privacy, privacy policy, cookies, cookie policy,
       terms and conditions, terms of service, about us, our story, about the brand,
       who we are, our mission, newsletter, join our newsletter, sign up for our newsletter,
       stay in touch, stay connected, customer service, customer care, need help]
  zh: [配送, 运费, 退换货, 退货政策, 售后服务, 保修, 支付方式, 关于我们, 隐私政策]
  de: [versand, lieferung, versand und lieferung, versand und rückgabe, rückgabe, rücksendung,
       rückversand, widerrufsrecht, garantie, gewährleistung, zahlung, zahlungsarten,
       zahlungsmöglichkeiten, datenschutz, über uns, unsere geschichte, newsletter, kundenservice]
  fr: [livraison, livraison et retours, livraison gratuite, retours, retour, échanges,
       remboursement, garantie, paiement, paiement sécurisé, moyens de paiement,
       confidentialité, à propos, qui sommes nous, notre histoire, newsletter, service client]
  es: [envío, envíos, envío gratis, envío y devoluciones, entrega, devoluciones, devolución,
       cambios y devoluciones, reembolsos, garantía, pago, formas de pago, métodos de pago,
       pago seguro, privacidad, sobre nosotros, quiénes somos, nuestra historia, boletín,
       atención al cliente]
  pt: [envio, entrega, frete, frete grátis, trocas e devoluções, devoluções, devolução,
       garantia, pagamento, formas de pagamento, privacidade, sobre nós, quem somos,
       nossa história, newsletter, atendimento ao cliente]
  it: [spedizione, spedizioni, consegna, spedizione e resi, resi, reso, rimborsi, garanzia,
       pagamento, metodi di pagamento, pagamenti sicuri, privacy, chi siamo, la nostra storia,
       newsletter, servizio clienti]
  ru: [доставка, доставка и оплата, оплата, возврат, обмен и возврат, гарантия,
       способы оплаты, о нас, о компании, конфиденциальность]
  ja: [配送, 送料, 配送について, 返品, 返品について, 返品 交換, 保証, お支払い, 支払い方法,
       会社概要, プライバシー]
  nl: [verzending, verzenden, bezorging, levering, gratis verzending, retourneren, retouren,
       ruilen en retourneren, garantie, betaling, betaalmethoden, veilig betalen, privacy,
       over ons, ons verhaal, nieuwsbrief, klantenservice]
  pl: [dostawa, wysyłka, darmowa dostawa, zwroty, zwrot, zwroty i reklamacje, reklamacje,
       gwarancja, płatność, płatności, metody płatności, prywatność, o nas, newsletter,
       obsługa klienta]
  sv: [frakt, leverans, fri frakt, retur, returer, byten och returer, garanti, betalning,
       betalningsalternativ, integritet, om oss, vår historia, nyhetsbrev, kundtjänst]
  da: [fragt, levering, gratis fragt, returnering, retur, ombytning, garanti, betaling,
       betalingsmuligheder, privatliv, om os, nyhedsbrev, kundeservice]
  nb: [frakt, levering, fri frakt, retur, returer, bytte og retur, garanti, betaling,
       personvern, om oss, nyhetsbrev, kundeservice]
  fi: [toimitus, toimitukset, ilmainen toimitus, palautus, palautukset, takuu, maksaminen,
       maksutavat, tietosuoja, meistä, uutiskirje, asiakaspalvelu]
  cs: [doprava, doručení, doprava zdarma, vrácení zboží, reklamace, záruka, platba,
       způsoby platby, soukromí, o nás, newsletter, zákaznický servis]
  tr: [kargo, teslimat, ücretsiz kargo, iade, iade ve değişim, garanti, ödeme, ödeme seçenekleri,
       gizlilik, hakkımızda, bülten, müşteri hizmetleri]
  id: [pengiriman, gratis ongkir, pengembalian, garansi, pembayaran, metode pembayaran, privasi,
       tentang kami, layanan pelanggan]
  vi: [vận chuyển, giao hàng, miễn phí vận chuyển, đổi trả, chính sách đổi trả, bảo hành,
       thanh toán, phương thức thanh toán, về chúng tôi, chăm sóc khách hàng]
  ar: [الشحن, التوصيل, الشحن المجاني, الإرجاع, سياسة الإرجاع, الضمان, الدفع, طرق الدفع,
       من نحن, خدمة العملاء]
  uk: [доставка, доставка і оплата, оплата, повернення, обмін і повернення, гарантія,
       способи оплати, про нас, конфіденційність]
  el: [αποστολή, παράδοση, δωρεάν αποστολή, επιστροφές, εγγύηση, πληρωμή, τρόποι πληρωμής,
       σχετικά με εμάς, εξυπηρέτηση πελατών]
  ro: [livrare, livrare gratuită, transport, retur, returnare, garanție, garanţie, plată,
       metode de plată, despre noi, serviciul clienți, serviciul clienţi]
  hu: [szállítás, ingyenes szállítás, visszaküldés, garancia, fizetés, fizetési módok,
       rólunk, ügyfélszolgálat]
  hi: [शिपिंग, डिलीवरी, वापसी, रिटर्न, वारंटी, भुगतान, हमारे बारे में, ग्राहक सेवा]
"""
SECTION = [
    tuple(sb.tokens(p))
    for group in re.findall(r"\[([^\]]*)\]", SECTION_HEADERS, re.S)
    for p in group.split(",")
    if p.strip()
]
DEFAULT_SETTINGS = ["after:1", "after:8", "any:1", "any:8"]


def is_section_header(text, tokens):
    """A line made of SECTION_HEADERS phrases, numbers and "and" / "&", few words."""
    return is_header(text, tokens, SECTION, glue=("and", "amp"))


def zone_lines(page, setting):
    """Indices of the kept lines the zone takes out: below a section header (below the first
    buy button with "after"), up to the next heading-like line that is no section header."""
    where, min_tokens = setting.split(":")
    tokens = page["tokens"]
    buys = [i for i, t in enumerate(tokens) if is_buy_button(t)]
    if not buys:
        return []
    out, inside = [], False
    for i, line in enumerate(page["lines"]):
        t = tokens[i]
        if is_section_header(line[1], t) and (where == "any" or i > buys[0]):
            inside = True
            if line[3] is None:
                out.append(i)
            continue
        if is_heading(line[1], t) and inside:
            inside = False
        if inside and line[3] is None and len(t) >= int(min_tokens):
            out.append(i)
    return out


def simulate(args):
    def lines_out(page, setting):
        return [sb.tokens(page["lines"][i][1]) for i in zone_lines(page, setting)]

    simulate_removals(load(args), args.settings, lines_out)


FOLDS = 5


def keys(tokens):
    """A line's word and word-pair keys, each counted once."""
    return set(tokens) | {a + " " + b for a, b in zip(tokens, tokens[1:])}


def fold(key):
    return zlib.crc32(key.split("/", 1)[1].encode()) % FOLDS


def table(pages, rows_from, prior):
    """Log-odds of "gold" per key over the kept lines of the given pages, each line weighted
    by its tokens, shrunk towards the pooled odds by `prior` tokens."""
    gold, chrome = collections.Counter(), collections.Counter()
    for key in rows_from:
        page = pages[key]
        for i, line in enumerate(page["lines"]):
            t = page["tokens"][i]
            if line[3] is None and t:
                side = gold if line[2] == "keep" else chrome
                for k in keys(t):
                    side[k] += len(t)
    g, c = sum(gold.values()), sum(chrome.values())
    pg = g / (g + c)
    return {
        k: math.log((gold[k] + prior * pg) / (chrome[k] + prior * (1 - pg)))
        - math.log(pg / (1 - pg))
        for k in set(gold) | set(chrome)
    }


def line_score(scores, tokens):
    ks = keys(tokens)
    return sum(scores.get(k, 0.0) for k in ks) / len(ks)


ANYWHERE_TOKENS = 12


def sells_by(page, scope):
    """Whether the page is in the score's scope: a buy button at a line's start ("sells"), a
    buy phrase anywhere in a line of up to ANYWHERE_TOKENS ("Select A Size Add to Cart - $110";
    "sells-anywhere"), or a buy button or the call items ("sells-or-items")."""
    if any(is_buy_button(t) for t in page["tokens"]):
        return True
    if scope == "sells-anywhere":
        return any(
            len(t) <= ANYWHERE_TOKENS and any(is_buy_button(t[i:]) for i in range(len(t)))
            for t in page["tokens"]
        )
    return scope == "sells-or-items" and page["called"] == "items"


def lexical_changes(pages, scores, test, threshold, min_tokens):
    """Each test page's F1 change when its kept lines scoring below the threshold go."""
    out = {}
    for key in test:
        page = pages[key]
        output = collections.Counter(sb.tokens(page["output"]))
        removed = collections.Counter()
        for i, line in enumerate(page["lines"]):
            t = page["tokens"][i]
            if line[3] is None and len(t) >= min_tokens and line_score(scores, t) < threshold:
                removed.update(sb.tokens(line[1]))
        before = f1(output, page["gold"])
        out[key] = f1(output - removed, page["gold"]) - before if removed else 0.0
    return out


def lexical(args):
    """A learnt word score of the shop's prose, by folds over wcxb's pages: on pages that sell
    (a buy button), kept lines scoring below a threshold go; table and threshold chosen without
    the held-out fold (the threshold on the other folds' cross-fitted scores)."""
    pages = {k: v for k, v in load(args).items() if v["source"] == "wcxb" and v["has_record"]}
    # The pages the score is used on (and, with --train sells, learnt from).
    sells = {k for k, v in pages.items() if sells_by(v, args.scope)}
    train_on = sells if args.train == "sells" else set(pages)
    grid = [(t, m) for t in args.thresholds for m in args.min_tokens]
    held_changes = {}
    for held in range(FOLDS):
        inner = collections.defaultdict(float)
        for other in range(FOLDS):
            if other == held:
                continue
            fit = [k for k in train_on if fold(k) not in (held, other)]
            scores = table(pages, fit, args.prior)
            test = [k for k in sells if fold(k) == other]
            for setting in grid:
                inner[setting] += sum(lexical_changes(pages, scores, test, *setting).values())
        best = max(grid, key=lambda s: inner[s])
        scores = table(pages, [k for k in train_on if fold(k) != held], args.prior)
        test = [k for k in sells if fold(k) == held]
        got = lexical_changes(pages, scores, test, *best)
        held_changes.update(got)
        print(f"fold {held}: chosen {best}, held-out selling pages {len(test)}")
    scores = table(pages, train_on, args.prior)
    keyed = [(v, k) for k, v in scores.items() if " " not in k]
    print("the table of all folds: words most of chrome / of gold, log-odds")
    print("  " + ", ".join(f"{k} {v:.1f}" for v, k in sorted(keyed)[: args.top]))
    print("  " + ", ".join(f"{k} {v:.1f}" for v, k in sorted(keyed)[-args.top :]))
    for rendering in ("block", "naive"):
        by_type = collections.defaultdict(list)
        for key, page in pages.items():
            if key.startswith(rendering + "/"):
                by_type[page["type"]].append(held_changes.get(key, 0.0))
                by_type["all wcxb"].append(held_changes.get(key, 0.0))
        cells = [f"{t} {len(v)} {statistics.mean(v):+.4f}" for t, v in sorted(by_type.items())]
        print(f"{rendering}: " + "; ".join(cells))
        for key, change in sorted(held_changes.items(), key=lambda x: x[1]):
            if key.startswith(rendering + "/") and abs(change) >= 0.03:
                print(f"  {key} {pages[key]['type']} {change:+.3f}")


def domain(meta):
    host = urllib.parse.urlparse(meta.get("url") or "").netloc.lower()
    return host[4:] if host.startswith("www.") else host or meta["id"]


def line_key(tokens):
    return " ".join(tokens)


def census(args):
    pages = load(args)
    manifest = {
        m["id"]: m for m in map(json.loads, open(os.path.join(args.devset, "manifest.jsonl")))
    }
    for rendering in ("block", "naive"):
        # Which domains each line of 8 tokens or more occurs on.
        seen = collections.defaultdict(set)
        for key, page in pages.items():
            if key.startswith(rendering + "/"):
                host = domain(manifest[key.split("/", 1)[1]])
                for t in page["tokens"]:
                    if len(t) >= 8:
                        seen[line_key(t)].add(host)
        tables = collections.defaultdict(collections.Counter)
        headings = collections.defaultdict(collections.Counter)
        for key, page in pages.items():
            if not key.startswith(rendering + "/") or page["type"] not in TYPES:
                continue
            tokens = page["tokens"]
            buys = [i for i, t in enumerate(tokens) if is_buy_button(t)]
            sells = "sells" if buys else "no buy"
            heading = "(none)"
            for i, line in enumerate(page["lines"]):
                t = tokens[i]
                if is_heading(line[1], t):
                    heading = line_key(t)
                if line[3] is not None or not t:
                    continue
                label = "gold" if line[2] == "keep" else "chrome"
                n = len(t)
                kind = page["type"]
                tables[(kind, "sells")][(sells, label)] += n
                if buys:
                    place = "above buy" if i < buys[0] else "below buy"
                    tables[(kind, "place (pages that sell)")][(place, label)] += n
                    if n > HEADING_TOKENS and i > buys[0]:
                        headings[kind][(heading, label)] += n
                if n >= 8:
                    others = len(seen[line_key(t)] - {domain(manifest[key.split("/", 1)[1]])})
                    band = "on 0 other domains" if not others else "on 1+ other domains"
                    tables[(kind, "cross-site (lines >= 8 tokens)")][(band, label)] += n
                size = "<=10" if n <= 10 else "11-40" if n <= 40 else ">40"
                tables[(kind, "size")][(size, label)] += n
        print(f"== {rendering}")
        for (kind, what), counts in sorted(tables.items()):
            bands = sorted({b for b, _ in counts})
            cells = [
                f"{b}: {counts[(b, 'gold')]}/{counts[(b, 'chrome')]}"
                f" ({counts[(b, 'gold')] / max(1, counts[(b, 'gold')] + counts[(b, 'chrome')]):.2f})"
                for b in bands
            ]
            print(f"  {kind:<11} {what:<32} gold/chrome (gold share): " + "; ".join(cells))
        for kind in ("product", "collection"):
            print(f"  {kind}: headings above kept lines below the buy button, most chrome first")
            rows = collections.defaultdict(lambda: [0, 0])
            for (h, label), n in headings[kind].items():
                rows[h][label == "chrome"] += n
            for h, (g, c) in sorted(rows.items(), key=lambda x: -x[1][1])[: args.top]:
                print(f"    {c:>6} chrome {g:>6} gold  {h[:60]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("census", "simulate", "lexical"))
    parser.add_argument("file")
    parser.add_argument("settings", nargs="*", default=DEFAULT_SETTINGS)
    parser.add_argument("--train", choices=("sells", "all"), default="sells")
    parser.add_argument("--prior", type=float, default=2.0, help="shrinkage, in tokens")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[-2.0, -1.5, -1.0, -0.5])
    parser.add_argument("--min-tokens", type=int, nargs="+", default=[8, 15, 30])
    parser.add_argument(
        "--scope", choices=("sells", "sells-anywhere", "sells-or-items"), default="sells"
    )
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--devset", default=sb.DEFAULT_DEVSET)
    args = parser.parse_args()
    {"census": census, "simulate": simulate, "lexical": lexical}[args.what](args)


if __name__ == "__main__":
    main()
