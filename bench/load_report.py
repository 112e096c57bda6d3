"""The load side's sections of BENCHMARKS.md: load end to end, import, cold start."""

from typing import Any


def _f(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _load_avg(value: list[float] | None) -> str:
    return "—" if not value else " / ".join(f"{v:.1f}" for v in value)


def _measured(results: dict[str, Any]) -> list[str]:
    side = results.get("load_side")
    if not side:
        return []
    return [
        f"Load side measured {side['date']} ({side.get('seconds', 0):.0f} s); load averages "
        f"{_load_avg(side.get('load_average_at_start'))} at its start, "
        f"{_load_avg(side.get('load_average_at_end'))} at its end. Conditions: "
        + ", ".join(f"{k}={v}" for k, v in (side.get("conditions") or {}).items())
        + (f". {side['note']}" if side.get("note") else ""),
        "",
    ]


def errors_section(results: dict[str, Any]) -> list[str]:
    errors = results.get("load_errors") or []
    return ["", "## Load side errors", ""] + [f"- {e}" for e in errors] if errors else []


def load_section(results: dict[str, Any]) -> list[str]:
    lines = [
        "## Load end to end",
        "",
        "Scale k = k renamed copies of the real knowledge base plus the ontology once "
        "(`bench/generate.py`). *ours* = `loaders.pipeline.load` in its own process "
        "(`bench/load_e2e.py`, database emptied first): Oxigraph parse with the property graph "
        "collected meanwhile, SHACL by parts (pyshacl-turbo) and the SPARQL checks, mapping, "
        "staged write and swap (decisions 0008, 0027). *peer* = rdflib's parse of the same "
        "files + rdflib-neo4j's `Neo4jStore` write (it validates nothing). Ratio = peer end to "
        "end / ours (target at 100x: >= 5). Peak RSS: our load process's own peak. Load avg: "
        "1 / 5 / 15 min when our runs at that scale ended (2 shared cores).",
        "",
        *_measured(results),
        "| scale | triples | nodes | rels | ours s | parse s | validate s | map s | write s | "
        "peak RSS MiB | peer parse s | peer write s | peer s | ratio peer/ours | load avg |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
        "---: | ---: | ---: |",
    ]
    for r in results["load"]:
        run = r.get("ours_median_run") or {}
        read = run.get("read") or {}
        lines.append(
            f"| {r['scale']} | {r['triples']:,} | {r['nodes']:,} | {r['relationships']:,} | "
            f"{_f(r['ours_median_s'])} | {_f(read.get('parse_s'))} | "
            f"{_f(read.get('validate_s'))} | {_f(read.get('map_s'))} | "
            f"{_f(r.get('ours_write_s'))} | {_f(r.get('peak_rss_mib'), 0)} | "
            f"{_f(r.get('peer_parse_s'))} | {_f(r.get('peer_write_median_s'))} | "
            f"{_f(r['peer_median_s'])} | {_f(r.get('ratio_e2e_peer_over_ours'))} | "
            f"{_load_avg(r.get('load_average'))} |"
        )
    for r in results["load"]:
        measured = r.get("measured")
        if measured:
            lines.append(
                f"\nScale {r['scale']} measured on its own at {measured['at']} by "
                f"{measured['by']}; Neo4j: {measured.get('neo4j', 'the benchmark instance')}."
            )
        if r["ours_error"]:
            lines.append(f"\nOur load at scale {r['scale']} failed: {r['ours_error']}")
        if r["peer_error"]:
            lines.append(f"\nPeer at scale {r['scale']}: {r['peer_error']}")
    steps = [r for r in results["load"] if (r.get("ours_median_run") or {}).get("write")]
    if steps:
        lines += [
            "",
            "Our write by step (seconds, the run with the median total): prepare = leftovers "
            "removed; stage = nodes and relationships under `:_Staging` in transactions of "
            "20,000 rows; swap = retire, publish and record in batches behind the readers' "
            "seqlock (decision 0032); cleanup = retired graph "
            "deleted and query plans refreshed (decision 0033).",
            "",
            "| scale | prepare | stage | swap | cleanup |",
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in steps:
            w = r["ours_median_run"]["write"]
            lines.append(
                f"| {r['scale']} | {_f(w['prepare_s'])} | {_f(w['stage_s'])} | "
                f"{_f(w['swap_s'])} | {_f(w['cleanup_s'])} |"
            )
    lines += _admin_lines(results)
    kb = results.get("real_kb_load")
    if kb:
        lines += [
            "",
            f"End to end, `loaders.pipeline.load` of the real knowledge base ({kb['triples']:,} "
            f"triples) took {kb['seconds']:.2f} s in the harness process.",
        ]
    return lines


def _admin_lines(results: dict[str, Any]) -> list[str]:
    admin = [r for r in results["load"] if r.get("admin_wall_s") or r.get("admin_error")]
    if not admin:
        return []
    lines = [
        "",
        "### Offline upper bound: neo4j-admin database import full",
        "",
        "The same mapped graph as CSV, imported into a separate stopped database (wall time "
        "includes the JVM start). Ratio = our write throughput / the import's.",
        "",
        "| scale | CSV export s | import wall s | tool-reported s | ratio ours/admin |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in admin:
        if r.get("admin_error"):
            lines.append(f"| {r['scale']} | failed: {r['admin_error']} | | | |")
            continue
        lines.append(
            f"| {r['scale']} | {_f(r['admin_export_s'])} | {_f(r['admin_wall_s'])} | "
            f"{_f(r['admin_tool_s'])} | {_f(r['ratio_ours_over_admin_throughput'])} |"
        )
    return lines


def import_section(results: dict[str, Any]) -> list[str]:
    imports = results.get("imports") or []
    if not imports:
        return []
    lines = [
        "",
        "## Import of one document, and its validation (incremental)",
        "",
        "One generated, fictional document (`bench/import_doc.py`: a text, a coding sheet, a "
        "bibliography) imported through the real `smekg import` path "
        "(`ingest.importing.import_sheet` under the writer lock) into the knowledge base of "
        "each scale, published first by a full load (`bench/import_bench.py`). Steps: resolve "
        "= sheet, bibliography, references and work matching against the graph; plan = the "
        "change from the graph's description of what it touches; validate = shapes and checks "
        "on `plan.checked_part()`; publish = files, history and the incremental write. "
        "Targets: import and validate at the largest scale <= 2x the smallest; full reload "
        ">= 20x the import at the largest scale.",
        "",
        "| scale | triples | findings | full load s | import s | resolve s | plan s | "
        "validate s | publish s | checked part triples | statements changed | load avg |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in imports:
        s = r["steps"]
        lines.append(
            f"| {r['scale']} | {r['triples']:,} | {r['findings']} | {_f(r['full_load_s'])} | "
            f"{_f(r['import_s'])} | {_f(s.get('resolve'))} | {_f(s.get('plan'))} | "
            f"{_f(s.get('validate'))} | {_f(s.get('publish'))} | "
            f"{r['checked_part_triples']:,} | {r['changed_statements']:,} | "
            f"{_load_avg(r.get('load_average'))} |"
        )
    measured = results.get("imports_measured")
    if measured:
        lines += [
            "",
            f"Measured on its own at {measured['at']} by `{measured['by']}` (load average "
            f"{_load_avg(measured['load_average_at_start'])} at its start), not in the load "
            "side's run above.",
        ]
    ratios = results.get("import_ratios") or {}
    if ratios:
        lines += [
            "",
            f"Import largest/smallest scale: {_f(ratios['import_large_over_small'])}; "
            f"validation of the change largest/smallest: "
            f"{_f(ratios['validate_large_over_small'])}; full reload / import at the largest "
            f"scale: {_f(ratios['full_load_over_import_large'])}.",
        ]
    return lines


def cold_start_section(results: dict[str, Any]) -> list[str]:
    cold = results.get("cold_start")
    if not cold:
        return []
    load = cold["load_average"]
    return [
        "",
        "## Cold start: `make serve`",
        "",
        "`bench/cold_start.py` runs `make serve` as a user does (Neo4j installed, its own "
        "ports), polls `/readyz` until 200, and stops it with Ctrl-C. Neo4j alone = "
        "`scripts/neo4j.sh start` until Bolt answers (median of runs). Target: serve, loading "
        "the real knowledge base, <= 2x Neo4j alone.",
        "",
        "| | seconds | ratio to Neo4j alone |",
        "| --- | ---: | ---: |",
        f"| Neo4j alone | {_f(cold['neo4j_alone_median_s'])} | 1.00 |",
        f"| `make serve`, loading the knowledge base | {_f(cold['serve_loading']['seconds'])} | "
        f"{_f(cold['ratio_serve_loading_over_neo4j'])} |",
        f"| `make serve` again, files unchanged | {_f(cold['serve_unchanged']['seconds'])} | "
        f"{_f(cold['ratio_serve_unchanged_over_neo4j'])} |",
        "",
        f"Load skipped on the second run: **{'yes' if cold['serve_unchanged']['load_skipped'] else 'no'}** "  # noqa: E501
        f"(`smekg load` printed: `{cold['serve_unchanged']['load_line']}`; first run: "
        f"`{cold['serve_loading']['load_line']}`). Load average during the measurement: "
        f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}."
        + (
            f" The web app was built before the timings ({cold['web_build_s']:.1f} s), as a "
            "checkout's first `make serve` does once."
            if "web_build_s" in cold
            else " The web app's build, when the checkout had none, is in the first timing."
        ),
        *_warm_up_lines(cold),
    ]


def _warm_up_lines(cold: dict[str, Any]) -> list[str]:
    if "load_after_start_s" not in cold:
        return []
    after, again = cold["load_after_start_s"], cold["load_again_s"]
    return [
        "",
        f"`smekg load --force` (its own process, as `make serve` runs it) right after Neo4j's "
        f"start: {after:.2f} s; the same load once more: {again:.2f} s. The difference, "
        f"{after - again:.2f} s, is what a just-started Neo4j's first compilation of each "
        "statement costs the load.",
    ]
