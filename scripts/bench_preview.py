"""Measure preview latency: from saving an incident's YAML to its changed page being served.

    .venv/bin/python scripts/bench_preview.py --data DIR [--edits 3] [--port 8765]

Copies the data directory (the copy is what gets edited), starts `factsheet serve` on 127.0.0.1,
waits for the first build, then edits one incident's title several times; after each save it
polls the incident's page over HTTP until the new title is served, and prints the delay. It also
counts the pages in the served search index after the first build and after the last edit (each
rebuild indexes only the pages it rebuilt; the preview completes the index from the previous one).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def fetch(url: str) -> str | None:
    """The page's text, or None while it is not there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, wanted: str, limit: float, server: subprocess.Popen) -> float | None:
    """Seconds until the page at url contains wanted, or None after limit seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise SystemExit(f"factsheet serve stopped (exit {server.returncode})")
        text = fetch(url)
        if text is not None and wanted in text:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def indexed_pages(base: str) -> int | None:
    """How many pages the served search index has entries for."""
    text = fetch(base + "search/search_index.json")
    if text is None:
        return None
    return len({doc["location"].split("#")[0] for doc in json.loads(text)["docs"]})


def save(path: Path, text: str) -> None:
    """Write and flush to disk, as an editor saving the file does."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--port", type=int, help="default: a free port")
    parser.add_argument("--first-build-limit", type=float, default=900)
    parser.add_argument("--limit", type=float, default=300, help="seconds to wait for one edit")
    parser.add_argument("--gap", type=float, default=30,
                        help="seconds between one edit being served and the next edit (default 30: "
                             "time for the pages that list the incident to be rebuilt too)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    port = args.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="factsheet-preview-"))
    data = work / "data"
    shutil.copytree(args.data, data)
    incident = sorted((data / "incidents").glob("*.yml"))[len(list((data / "incidents").glob("*.yml"))) // 2]
    url = f"http://127.0.0.1:{port}/incident/{incident.stem}/"
    original = incident.read_text("utf-8")
    title_line = next(line for line in original.splitlines() if line.startswith("title:"))
    log = (work / "serve.log").open("wb")
    server = subprocess.Popen([str(BIN / "factsheet"), "serve", "--data", str(data), "--addr",
                               f"127.0.0.1:{port}"], cwd=PROJECT, stdout=log, stderr=log,
                              start_new_session=True)
    result: dict[str, object] = {"data": str(args.data), "incident": incident.stem, "gap_s": args.gap,
                                 "incidents": len(list((data / "incidents").glob("*.yml")))}
    try:
        first = wait_for(url, "<html", args.first_build_limit, server)
        if first is None:
            raise SystemExit(f"the first build did not finish in {args.first_build_limit} s")
        result["first_build_s"] = round(first, 2)
        result["indexed_pages_first"] = indexed_pages(f"http://127.0.0.1:{port}/")
        print(f"first build served after {first:.1f} s", file=sys.stderr)
        delays = []
        for n in range(1, args.edits + 1):
            # Letters only: a numeral in a title needs a citation, and the data must stay valid.
            marker = "Edited title " + "".join(chr(97 + int(d)) for d in str(time.time_ns())[-8:]) + "x" * n
            save(incident, original.replace(title_line, f"title: {marker}", 1))
            delay = wait_for(url, marker, args.limit, server)
            print(f"edit {n}: {'not served within the limit' if delay is None else f'{delay:.2f} s'}",
                  file=sys.stderr)
            delays.append(delay)
            time.sleep(args.gap)
        result["edit_to_page_s"] = [None if d is None else round(d, 2) for d in delays]
        result["indexed_pages_after_edits"] = indexed_pages(f"http://127.0.0.1:{port}/")
        served = [d for d in delays if d is not None]
        result["median_s"] = round(statistics.median(served), 2) if served else None
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
        if "median_s" not in result:  # show why before the folder goes
            print((work / "serve.log").read_text("utf-8", "replace")[-3000:], file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
