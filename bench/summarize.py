#!/usr/bin/env python3
"""Compact markdown tables from BenchmarkDotNet CSV reports, with ratios taken inside the same run.

Usage: python3 bench/summarize.py bench/BenchmarkDotNet.Artifacts/json
For each group (same parameter values) it prints mean, median, stddev, allocated, the ratio to the baseline
(STJ source-gen, or else the group's first row, which each other class declares as its baseline) and, when the group has a 'Floor:' row, the ratio to that floor.
Ratios use medians (on a shared machine the mean is pulled by outliers) and, next to them, minimums: under heavy
contention the minimum is the least disturbed sample of each row.
"""
import csv, glob, os, re, sys

UNITS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}

def ms(text):
    text = text.replace(",", "").strip()
    m = re.match(r"([\d.]+)\s*(ns|μs|us|ms|s)$", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None

def fmt(v):
    return "-" if v is None else (f"{v:,.3f}" if v < 10 else f"{v:,.1f}")

def main(folder):
    for path in sorted(glob.glob(os.path.join(folder, "results", "*-report.csv"))):
        rows = list(csv.DictReader(open(path, encoding="utf-8")))
        if not rows:
            continue
        params = [p for p in ("Count", "Spec", "Concurrency") if p in rows[0]]
        print(f"\n#### {os.path.basename(path).replace('-report.csv', '')}\n")
        has_median = "Median" in rows[0]
        central = "median" if has_median else "mean"
        print("| " + " | ".join(params) + f" | method | mean ms | median ms | min ms | stddev ms | allocated | ratio to baseline ({central}) | ratio to baseline (min) | ratio to floor ({central}) | ratio to floor (min) |")
        print("|" + "---|" * (len(params) + 10))
        groups = {}
        for r in rows:
            groups.setdefault(tuple(r[p] for p in params), []).append(r)
        for key, group in groups.items():
            med = {r["Method"]: ms(r.get("Median") or r["Mean"]) for r in group}
            mins = {r["Method"]: ms(r["Min"]) if "Min" in r else None for r in group}
            def pick(rows, pred):
                return next((r["Method"] for r in rows if pred(r)), None)
            # STJ source-gen where present; otherwise the first row (each other class declares its baseline first)
            base = pick(group, lambda r: "STJ source-gen" in r["Method"]) or group[0]["Method"]
            floor = pick(group, lambda r: r["Method"].strip("'").startswith("Floor:"))
            def ratio(values, of, to):
                return f"{values[of] / values[to]:.2f}" if to and values.get(to) and values.get(of) else "-"
            for r in group:
                m = r["Method"]
                print("| " + " | ".join(key) + f" | {m.strip(chr(39))} | {fmt(ms(r['Mean']))} | {fmt(med[m]) if has_median else '-'} | "
                      f"{fmt(mins[m])} | {fmt(ms(r['StdDev']))} | {r['Allocated']} | {ratio(med, m, base)} | {ratio(mins, m, base)} | "
                      f"{ratio(med, m, floor)} | {ratio(mins, m, floor)} |")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/BenchmarkDotNet.Artifacts/json")
