#!/usr/bin/env python3
"""Where a running mentord's resident memory is: by mapping, and inside its own binary by ELF
section and by Swift module.

    python3 Benchmarks/memory_map.py PID            # as root, or as the daemon's user
    python3 Benchmarks/memory_map.py PID --top 15

VmRSS counts every page mapped into the process, including clean pages of the binary and of the
shared libraries, which the kernel can drop and read back at no cost but a fault. The tables
separate those from the private dirty pages (heap, stacks, written data) that only the process
holds. Inside the binary, pages are attributed with /proc/PID/pagemap (present bit) to the ELF
section they fall in (readelf) and to the module of the nearest symbol before them (nm; Swift
symbols carry their module in their mangled name). Figures are kB. See docs/performance.md.
"""

import argparse
import bisect
import collections
import os
import re
import struct
import subprocess
import sys

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def mappings(pid):
    """Rss, private dirty and clean kB per (path, permissions), from /proc/PID/smaps."""
    totals = collections.defaultdict(lambda: [0, 0, 0])
    key = None
    with open("/proc/%d/smaps" % pid) as smaps:
        for line in smaps:
            fields = line.split()
            if re.match(r"^[0-9a-f]+-[0-9a-f]+$", fields[0]):
                path = fields[5] if len(fields) > 5 else "[anonymous]"
                key = (path, fields[1])
            elif fields[0] == "Rss:":
                totals[key][0] += int(fields[1])
            elif fields[0] == "Private_Dirty:":
                totals[key][1] += int(fields[1])
            elif fields[0] in ("Private_Clean:", "Shared_Clean:"):
                totals[key][2] += int(fields[1])
    return totals


def sections(binary):
    """(start, end, name) of every allocated ELF section, by virtual address."""
    found = []
    output = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    for line in output.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if match and int(match.group(2), 16):
            start = int(match.group(2), 16)
            found.append((start, start + int(match.group(3), 16), match.group(1)))
    return found


def module_of(symbol):
    """The Swift module a mangled symbol belongs to ($s4GRDB... -> GRDB); C and C++ by prefix."""
    match = re.match(r"\$s(\d+)", symbol)
    if match:
        length = int(match.group(1))
        start = 2 + len(match.group(1))
        return symbol[start:start + length]
    if symbol.startswith("$s"):
        return "Swift (standard library)"
    if symbol.startswith("_Z"):
        for library in ("icu", "swift"):
            if library in symbol:
                return "C++: " + library
        return "C++: other"
    return "C: " + (symbol.split("_")[0][:12] or symbol[:12])


def code_symbols(binary):
    """Sorted (address, symbol) of the binary's functions."""
    output = subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True,
                            check=True).stdout
    found = []
    for line in output.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            found.append((int(fields[0], 16), fields[2]))
    return found


def resident_pages(pid, binary):
    """Yields (file-relative virtual address, resident) for each page of the binary's mappings."""
    spans = []
    with open("/proc/%d/maps" % pid) as maps:
        for line in maps:
            fields = line.split()
            if len(fields) > 5 and os.path.realpath(fields[5]) == binary:
                start, end = (int(value, 16) for value in fields[0].split("-"))
                spans.append((start, end, int(fields[2], 16)))
    if not spans:
        return
    base = spans[0][0] - spans[0][2]
    page = PAGE_KB * 1024
    with open("/proc/%d/pagemap" % pid, "rb") as pagemap:
        for start, end, _ in spans:
            count = (end - start) // page
            pagemap.seek(start // page * 8)
            entries = pagemap.read(count * 8)
            for index in range(count):
                present = struct.unpack_from("<Q", entries, index * 8)[0] >> 63
                yield start + index * page - base, bool(present)


def table(title, rows, top):
    print(title)
    for row in rows[:top]:
        print("  " + row)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pid", type=int)
    parser.add_argument("--top", type=int, default=20, help="rows per table (default 20)")
    args = parser.parse_args()
    binary = os.path.realpath("/proc/%d/exe" % args.pid)

    totals = mappings(args.pid)
    rows = sorted(totals.items(), key=lambda item: -item[1][0])
    rss = sum(value[0] for value in totals.values())
    dirty = sum(value[1] for value in totals.values())
    table("Mappings (kB): Rss, private dirty, clean; VmRSS %d kB, %d kB of it private dirty" % (rss, dirty),
          ["%8d %8d %8d  %s %s" % (value[0], value[1], value[2], perms, path)
           for (path, perms), value in rows if value[0]], args.top)

    spans = sections(binary)
    starts = [span[0] for span in spans]
    symbols = code_symbols(binary)
    addresses = [symbol[0] for symbol in symbols]
    by_section, section_size = collections.Counter(), collections.Counter()
    by_module, module_size = collections.Counter(), collections.Counter()
    for address, present in resident_pages(args.pid, binary):
        index = bisect.bisect_right(starts, address) - 1
        name = spans[index][2] if index >= 0 and address < spans[index][1] else "(headers, padding)"
        section_size[name] += PAGE_KB
        by_section[name] += PAGE_KB if present else 0
        if name == ".text":
            index = bisect.bisect_right(addresses, address) - 1
            module = module_of(symbols[index][1]) if index >= 0 else "?"
            module_size[module] += PAGE_KB
            by_module[module] += PAGE_KB if present else 0
    table("%s by section (kB resident of kB mapped)" % os.path.basename(binary),
          ["%8d of %8d  %s" % (kb, section_size[name], name) for name, kb in by_section.most_common()],
          args.top)
    table(".text by module (kB resident of kB mapped)",
          ["%8d of %8d  %s" % (kb, module_size[name], name) for name, kb in by_module.most_common()],
          args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
