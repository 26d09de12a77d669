"""Tables for ``eval.bench``: a plain-text table with ratios against the targets, and README-ready Markdown."""

from __future__ import annotations

from typing import Any

Report = dict[str, Any]
LABELS = {"project": "project ingest (first)", "reingest": "project re-ingest (unchanged)",
          "ceiling": "embedding only (ceiling)", "anchor": "LangChain tutorial (anchor)"}


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def ingest_rows(report: Report) -> list[list[str]]:
    stages = report["stages"]
    project = stages.get("project", {})
    pages, chunks = project.get("pages"), project.get("chunks")
    rows = []
    for kind, label in LABELS.items():
        r = stages.get(kind)
        if not r or "error" in r:
            continue
        wall = r["embed_s"] if kind == "ceiling" else r["wall_s"]
        t = r.get("timings", {})
        done_pages = r.get("pages", pages) if kind != "reingest" else pages
        done_chunks = r.get("chunks", chunks) if kind != "reingest" else chunks
        rows.append([label, _fmt(wall), _fmt(r["embed_cpu_s"] if kind == "ceiling" else r["cpu_s"]),
                     _fmt(_div(done_pages, wall)), _fmt(_div(done_chunks, wall)),
                     _fmt(r["peak_rss_mb"], 0) + (f" (+{r['children_peak_rss_mb']:.0f})"
                                                  if r.get("children_peak_rss_mb", 0) > 1 else ""),
                     *(_fmt(t.get(k)) for k in ("parse", "chunk", "embed", "store")),
                     _fmt(_div(wall, project.get("wall_s")), 2)])
    return rows


def ratios(report: Report) -> list[tuple[str, str, str]]:
    """(what, measured, target) for every target of the issue that this run measured."""
    s = report["stages"]
    p, out = s.get("project", {}), []
    if "wall_s" in p:
        if "wall_s" in s.get("anchor", {}):
            a = s["anchor"]
            out.append(("tutorial time / project time (wall; CPU)",
                        f"{_fmt(_div(a['wall_s'], p['wall_s']), 2)}x; {_fmt(_div(a['cpu_s'], p['cpu_s']), 2)}x", ">= 2x"))
        if "embed_s" in s.get("ceiling", {}):
            c = s["ceiling"]
            out.append(("project throughput / embedding-only ceiling (wall; CPU)",
                        f"{_fmt(_div(c['embed_s'], p['wall_s']), 2)}; {_fmt(_div(c['embed_cpu_s'], p['cpu_s']), 2)}",
                        ">= 0.85"))
            if "wall_s" in s.get("anchor", {}):
                out.append(("best possible tutorial/project (tutorial / ceiling)",
                            f"{_fmt(_div(s['anchor']['wall_s'], c['embed_s']), 2)}x", "(bound)"))
        if "wall_s" in s.get("reingest", {}):
            r = s["reingest"]
            out.append(("re-ingest unchanged / first ingest", f"{_fmt(_div(r['wall_s'], p['wall_s']), 3)} "
                        f"(model loaded: {r.get('model_loaded')})", "<= 0.05"))
        peak = p["peak_rss_mb"] + p.get("children_peak_rss_mb", 0)
        out.append(("ingest peak memory (process + parse worker)", f"{peak / 1024:.2f} GB", "<= 3 GB"))
    sweep = s.get("ceiling", {}).get("sweep")
    if sweep:
        out.append((f"project encode vs sentence-transformers default ({sweep['texts']} texts)",
                    f"{_fmt(_div(sweep['st_default_s'], sweep['project_encode_s']), 2)}x faster", "> 1x"))
    q = s.get("queries", {})
    for where in ("in_process", "http"):
        if "search" in q.get(where, {}):
            out.append((f"/search p50 ({where.replace('_', '-')})", f"{q[where]['search']['p50_ms']} ms", "<= 30 ms"))
    http = q.get("http", {})
    if "memory_after_warmup" in http:
        mem = http.get("memory_after_load", http["memory_after_warmup"])
        out.append(("service memory (RSS; peak)", f"{mem['rss_mb']:.0f} MB; {mem['peak_rss_mb']:.0f} MB", "<= 1.5 GB"))
    if "load" in http:
        ld = http["load"]
        out.append((f"load test {ld['clients']} clients x {ld['seconds']:.0f} s: errors",
                    f"{ld['errors']} of {ld['requests']}", "0"))
    return out


def query_rows(report: Report) -> list[list[str]]:
    q, rows = report["stages"].get("queries", {}), []
    for where in ("in_process", "http"):
        for name in ("search", "ask_one_report", "ask_across_reports", "ask_trend"):
            r = q.get(where, {}).get(name)
            if r and r.get("n"):
                rows.append([f"{name} ({where.replace('_', '-')})", str(r["n"]), _fmt(r["p50_ms"]),
                             _fmt(r["p95_ms"]), str(r["errors"])])
    if "start_s" in q.get("http", {}):
        rows.append(["service start to /health (http)", "1", _fmt(q["http"]["start_s"] * 1000), "", ""])
    load = q.get("http", {}).get("load")
    if load:
        for name in ("search", "ask", "all"):
            r = load[name]
            if r.get("n"):
                rows.append([f"load {load['clients']} clients: {name}", str(r["n"]), _fmt(r["p50_ms"]),
                             _fmt(r["p95_ms"]), str(load["errors"]) if name == "all" else ""])
    return rows


def sweep_rows(report: Report) -> list[list[str]]:
    sw = report["stages"].get("ceiling", {}).get("sweep")
    if not sw:
        return []
    backend = sw.get("backend", "torch")
    keys = [("sentence-transformers default, fp32 (batch 32)", "st_default_s"),
            (f"project encode, {backend} (batch 64)", "project_encode_s"), (f"{backend}, batch 16", "batch_16_s"),
            (f"{backend}, batch 32", "batch_32_s"), (f"{backend}, batch 128", "batch_128_s")]
    base = sw["st_default_s"]
    return [[label, _fmt(sw[k], 2), _fmt(_div(base, sw[k]), 2)] for label, k in keys if k in sw]


def _plain(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def _md(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
                      *("| " + " | ".join(r) + " |" for r in rows)])


INGEST_HEADER = ["pipeline", "wall s", "CPU s", "pages/s", "chunks/s", "peak RSS MB", "parse s", "chunk s",
                 "embed s", "store s", "time vs project"]
QUERY_HEADER = ["endpoint", "requests", "p50 ms", "p95 ms", "errors"]


def table(report: Report) -> str:
    parts = [_plain(INGEST_HEADER, ingest_rows(report)), "",
             _plain(["target", "measured", "goal"], [list(r) for r in ratios(report)])]
    if sweep_rows(report):
        parts += ["", _plain(["embedding call", "seconds", "speed vs ST default"], sweep_rows(report))]
    if query_rows(report):
        parts += ["", _plain(QUERY_HEADER, query_rows(report))]
    return "\n".join(parts)


def markdown(report: Report) -> str:
    m, p = report["machine"], report["stages"].get("project", {})
    corpus = f"{p.get('files', '?')} files, {p.get('pages', '?')} pages, {p.get('chunks', '?')} chunks"
    lines = [f"### Speed and scale (measured {m['date']}, {m['cores']} cores, {m['cpu']}, {m['memory_gb']} GB; "
             f"load average {m['load_average_start']:.1f} at start, {m.get('load_average_end', 0):.1f} at end)", "",
             f"Corpus: `{report['corpus']}`{' (limit ' + str(report['limit']) + ')' if report['limit'] else ''}, "
             f"{corpus}. Command: `python -m eval bench{' --limit ' + str(report['limit']) if report['limit'] else ''}"
             f"{' --queries' if 'queries' in report['stages'] else ''}`. Every pipeline runs in its own process, "
             "one after the other, in the same run; stage times of the project overlap (parse in a worker process, "
             "store in a background thread), so they add up to more than the wall time.", "",
             _md(INGEST_HEADER, ingest_rows(report)), "", _md(["target", "measured", "goal"],
                                                                [list(r) for r in ratios(report)])]
    if sweep_rows(report):
        lines += ["", _md(["embedding call", "seconds", "speed vs ST default"], sweep_rows(report))]
    if query_rows(report):
        lines += ["", _md(QUERY_HEADER, query_rows(report))]
    return "\n".join(lines) + "\n"
