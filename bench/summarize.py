#!/usr/bin/env python3
"""Compact markdown tables from BenchmarkDotNet CSV reports, with ratios taken inside the same run.

Usage: python3 bench/summarize.py bench/BenchmarkDotNet.Artifacts/json
For each group (same parameter values) it prints mean, median, stddev, allocated, the ratio to the baseline
(STJ source-gen) and, when the group has a 'Floor:' row, the ratio to that floor. Ratios use medians: on a shared
machine the mean is pulled by outliers.
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
        params = [p for p in ("Count", "Spec") if p in rows[0]]
        print(f"\n#### {os.path.basename(path).replace('-report.csv', '')}\n")
        has_median = "Median" in rows[0]
        central = "median" if has_median else "mean"
        print("| " + " | ".join(params) + f" | method | mean ms | median ms | min ms | stddev ms | allocated | ratio to STJ source-gen ({central}) | ratio to floor ({central}) |")
        print("|" + "---|" * (len(params) + 8))
        groups = {}
        for r in rows:
            groups.setdefault(tuple(r[p] for p in params), []).append(r)
        for key, group in groups.items():
            med = {r["Method"]: ms(r.get("Median") or r["Mean"]) for r in group}
            base = next((med[r["Method"]] for r in group if "STJ source-gen" in r["Method"]), None)
            floor = next((med[r["Method"]] for r in group if r["Method"].strip("'").startswith("Floor:")), None)
            for r in group:
                m = med[r["Method"]]
                rb = f"{m / base:.2f}" if base and m else "-"
                rf = f"{m / floor:.2f}" if floor and m else "-"
                print("| " + " | ".join(key) + f" | {r['Method'].strip(chr(39))} | {fmt(ms(r['Mean']))} | {fmt(m) if has_median else '-'} | "
                      f"{fmt(ms(r['Min'])) if 'Min' in r else '-'} | {fmt(ms(r['StdDev']))} | {r['Allocated']} | {rb} | {rf} |")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/BenchmarkDotNet.Artifacts/json")
