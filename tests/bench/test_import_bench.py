"""The import benchmark's results replace only the imports of stored benchmark results."""

from bench.import_bench import with_imports


def test_imports_replace_the_stored_imports_and_their_errors_only() -> None:
    stored = {
        "load": [{"scale": 1}],
        "imports": [{"scale": 1, "import_s": 13.4}],
        "import_ratios": {"import_large_over_small": 1.5},
        "load_errors": ["scale 100: MemoryError", "import at scale 100: ClientError: timed out"],
    }
    summary = {
        "imports": [{"scale": 1, "import_s": 3.1}, {"scale": 100, "import_s": 2.9}],
        "import_ratios": {"import_large_over_small": 0.94},
        "imports_measured": {"at": "2026-12-02T08:20:32+00:00"},
    }
    assert with_imports(stored, summary) == {
        "load": [{"scale": 1}],
        "imports": [{"scale": 1, "import_s": 3.1}, {"scale": 100, "import_s": 2.9}],
        "import_ratios": {"import_large_over_small": 0.94},
        "imports_measured": {"at": "2026-12-02T08:20:32+00:00"},
        "load_errors": ["scale 100: MemoryError"],
    }
