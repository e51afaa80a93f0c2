#!/usr/bin/env python3
"""Merges benchmark rows into one side-by-side table: metric rows x tool columns.

Reads the JSON files that `engine.py --json` (mentord) and `peers.py --json` (remind, calcurse,
atd) write, prints one table and writes it to bench-results/side-by-side.txt.

    python3 Benchmarks/side_by_side.py bench-results/engine.json bench-results/peers.json

Each file holds {"source", "generated", "machine", "mode", "tools", "notes", "rows"}; each row is
{"metric", "tool", "value", "unit", "note"}. `metric` is a key such as
"idle.wakeups_per_min.1000" (section, measure, item count). Rows with the same metric land on
the same table row; a later file wins when two files hold the same metric for the same tool.
Python 3.8+, stdlib only. peers.py imports the formatting helpers below.
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import write_file  # noqa: E402  (shared with engine.py and peers.py)
# The columns, in this order; tools not listed here follow in the order they first appear.
TOOL_ORDER = ("mentord", "remind", "calcurse", "atd")
# (metric prefix, section title, row label); a numeric last component is an item count.
METRICS = (
    ("idle.wakeups_per_min", "Idle", "wake-ups per minute, {items} items"),
    ("idle.watchdog_wakeups_per_min", "Idle",
     "wake-ups per minute, {items} items, WATCHDOG_USEC=60 s (as installed)"),
    ("lateness.n", "Lateness (due instant -> hook stamp, all samples due on one instant)", "samples"),
    ("lateness.median_ms", "Lateness (due instant -> hook stamp, all samples due on one instant)",
     "median"),
    ("lateness.p99_ms", "Lateness (due instant -> hook stamp, all samples due on one instant)", "p99"),
    ("lateness.max_ms", "Lateness (due instant -> hook stamp, all samples due on one instant)", "max"),
    ("lateness.spaced.n", "Lateness, one card at a time", "hook stamp: samples"),
    ("lateness.spaced.median_ms", "Lateness, one card at a time", "hook stamp: median"),
    ("lateness.spaced.p99_ms", "Lateness, one card at a time", "hook stamp: p99"),
    ("lateness.spaced.max_ms", "Lateness, one card at a time", "hook stamp: max"),
    ("lateness.watch.n", "Lateness, one card at a time", "Subscribe client: samples"),
    ("lateness.watch.median_ms", "Lateness, one card at a time", "Subscribe client: median"),
    ("lateness.watch.p99_ms", "Lateness, one card at a time", "Subscribe client: p99"),
    ("lateness.watch.max_ms", "Lateness, one card at a time", "Subscribe client: max"),
    ("lateness.notify.n", "Lateness, one card at a time", "desktop Notify call: samples"),
    ("lateness.notify.median_ms", "Lateness, one card at a time", "desktop Notify call: median"),
    ("lateness.notify.p99_ms", "Lateness, one card at a time", "desktop Notify call: p99"),
    ("lateness.notify.max_ms", "Lateness, one card at a time", "desktop Notify call: max"),
    ("missed.sigstop", "Missed due time", "SIGSTOP across the due time, then SIGCONT"),
    ("missed.sigstop_started", "Missed due time",
     "the same, meeting started before SIGCONT"),
    ("missed.down", "Missed due time", "daemon down across the due time, then started"),
    ("missed.down_started", "Missed due time", "the same, meeting started before the restart"),
    ("startup.ready_ms", "Start-up and memory", "start-up to ready, {items} items (median)"),
    ("startup.planned_ms", "Start-up and memory",
     "start-up to sd_notify READY=1, {items} items (median)"),
    ("startup.cpu_ms", "Start-up and memory", "start-up CPU, {items} items (median)"),
    ("memory.vmrss_mb", "Start-up and memory", "VmRSS, {items} items"),
    ("memory.vmhwm_mb", "Start-up and memory", "VmHWM, {items} items"),
    ("scale.add_ms", "Start-up and memory", "add one item, {items} items (median)"),
    ("startup.near_ready_ms", "Start-up and memory",
     "start-up to ready, {items} items within 38 days (median)"),
    ("startup.near_planned_ms", "Start-up and memory",
     "start-up to sd_notify READY=1, {items} items within 38 days (median)"),
    ("startup.near_cpu_ms", "Start-up and memory", "start-up CPU, {items} items within 38 days (median)"),
    ("memory.near_vmrss_mb", "Start-up and memory", "VmRSS, {items} items within 38 days"),
    ("memory.near_vmhwm_mb", "Start-up and memory", "VmHWM, {items} items within 38 days"),
    ("scale.near_add_ms", "Start-up and memory", "add one item, {items} items within 38 days (median)"),
    ("memory.floor_vmrss_mb", "Start-up and memory",
     "VmRSS of an empty program with mentord's imports (the floor)"),
    ("control.getstatus_calls_per_s", "Control plane", "GetStatus, {items} clients: calls/s"),
    ("control.getstatus_p50_ms", "Control plane", "GetStatus, {items} clients: p50"),
    ("control.getstatus_p99_ms", "Control plane", "GetStatus, {items} clients: p99"),
    ("control.getstatus_cpu_us", "Control plane", "GetStatus, {items} clients: daemon CPU per call"),
    ("control.mentorctl_next_ms", "Control plane", "`mentorctl next`, whole process (median)"),
    ("control.mentorctl_prompt_ms", "Control plane",
     "`mentorctl prompt`, whole process (median)"),
    ("control.shell_prompt_bash_ms", "Control plane",
     "bash prompt from the status file, no process (per prompt)"),
    ("control.shell_prompt_zsh_ms", "Control plane",
     "zsh prompt from the status file, no process (per prompt)"),
)


def split_metric(metric):
    """("idle.wakeups_per_min", 1000) for "idle.wakeups_per_min.1000"; (metric, None) else."""
    head, _, tail = metric.rpartition(".")
    if head and tail.isdigit():
        return head, int(tail)
    return metric, None


def metric_sort_key(metric):
    prefix, items = split_metric(metric)
    for index, (known, _, _) in enumerate(METRICS):
        if prefix == known:
            return (index, items if items is not None else -1, metric)
    return (len(METRICS), 0, metric)


def metric_label(metric):
    """(section title, row label) for a metric key."""
    prefix, items = split_metric(metric)
    for known, section, label in METRICS:
        if prefix == known:
            text = label.format(items="{:,}".format(items) if items is not None else "?")
            return section, text.replace(" 1 clients", " 1 client")
    return "Other", metric


def format_value(value, unit):
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value != value:
        return "n/a"
    if unit == "ms":
        if abs(value) >= 10000:
            return "%.1f s" % (value / 1000.0)
        if abs(value) >= 1000:
            return "%.2f s" % (value / 1000.0)
        if abs(value) >= 100:
            return "%.0f ms" % value
        if abs(value) >= 10:
            return "%.1f ms" % value
        if abs(value) >= 0.1:
            return "%.2f ms" % value
        return "%.1f us" % (value * 1000.0)
    if unit == "us":
        return "%.0f us" % value
    if unit == "/min":
        return "%.1f /min" % value
    if unit == "/s":
        return "{:,.0f} /s".format(value)
    if unit == "MB":
        return "%.1f MB" % value
    if unit == "s":
        return "%.1f s" % value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return ("%s %s" % (value, unit)).strip() if unit else str(value)


def ordered_tools(rows, wanted=None):
    seen = []
    for row in rows:
        if row["tool"] not in seen:
            seen.append(row["tool"])
    tools = [t for t in TOOL_ORDER if t in seen or (wanted and t in wanted)]
    return tools + [t for t in seen if t not in tools]


def render(rows, tools=None):
    """Lines of a table: one row per metric, one column per tool ('-' where not measured)."""
    tools = tools or ordered_tools(rows)
    cells = {}
    for row in rows:
        cells[(row["metric"], row["tool"])] = format_value(row.get("value"), row.get("unit"))
    metrics = sorted({row["metric"] for row in rows}, key=metric_sort_key)
    labels = [metric_label(m) for m in metrics]
    # Row labels are indented two more than the section titles; every column ends in 2 blanks.
    label_width = max([len(label) + 2 for _, label in labels]
                      + [len(title) for title, _ in labels] + [len("metric")]) + 2
    widths = []
    for tool in tools:
        widths.append(max([len(tool)] + [len(cells.get((m, tool), "-")) for m in metrics]) + 2)
    lines = ["  " + "metric".ljust(label_width)
             + "".join(tool.ljust(w) for tool, w in zip(tools, widths)).rstrip()]
    lines.append("  " + "-" * (label_width + sum(widths) - 2))
    section = None
    for metric, (title, label) in zip(metrics, labels):
        if title != section:
            section = title
            lines.append("  " + title)
        line = "    " + label.ljust(label_width - 2)
        for tool, width in zip(tools, widths):
            line += cells.get((metric, tool), "-").ljust(width)
        lines.append(line.rstrip())
    return lines


def load(path):
    with open(path) as f:
        data = json.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise ValueError("%s: not a benchmark results file (no 'rows' list)" % path)
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="JSON files from engine.py/peers.py --json")
    parser.add_argument("--out", default=os.path.join(REPO, "bench-results", "side-by-side.txt"),
                        help="where to write the table (default: bench-results/side-by-side.txt)")
    args = parser.parse_args()
    sources = []
    merged = {}
    for path in args.files:
        try:
            data = load(path)
        except (OSError, ValueError) as error:
            sys.exit("side_by_side.py: %s" % error)
        sources.append((path, data))
        for row in data["rows"]:
            merged[(row["metric"], row["tool"])] = row
    rows = list(merged.values())
    lines = ["mentord and its peers, side by side"]
    for path, data in sources:
        lines.append("%s: %s, %s; %s" % (data.get("source", os.path.basename(path)),
                                          data.get("generated", "?"), data.get("mode", "?"),
                                          data.get("machine", "?")))
        for tool, description in (data.get("tools") or {}).items():
            lines.append("  %-10s %s" % (tool, description))
    machines = {data.get("machine") for _, data in sources}
    if len(machines) > 1:
        lines.append("WARNING: the files come from different machines; compare with care.")
    modes = {data.get("mode") for _, data in sources}
    if len(modes) > 1:
        lines.append("WARNING: quick and full runs are mixed: sample and item counts differ.")
    lines.append("")
    lines.extend(render(rows, ordered_tools(rows, TOOL_ORDER)))
    notes = [note for _, data in sources for note in data.get("notes") or []]
    if notes:
        lines.append("")
        lines.append("Notes:")
        for note in notes:
            lines.append("- " + note)
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    write_file(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
