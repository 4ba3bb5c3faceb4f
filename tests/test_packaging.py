"""`pip install .` must carry everything needed at run time: templates, static files, catalogs, the plan."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_run_time_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(tmp_path.glob("kehoach-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "kehoach/data/plans/haiphong-2026.json",
        "kehoach/data/plan.schema.json",
        "kehoach/data/haiphong/haiphong_agencies_2026.csv",
        "kehoach/plans/templates/base.html",
        "kehoach/plans/static/kehoach/site.css",
        "kehoach/plans/locale/en/LC_MESSAGES/django.mo",
        "kehoach/plans/migrations/0001_initial.py",
    ]:
        assert required in names, required
    templates = {n for n in names if n.endswith(".html")}
    in_tree = {str(p.relative_to(ROOT)) for p in (ROOT / "kehoach").rglob("*.html")}
    assert in_tree <= templates, sorted(in_tree - templates)
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "kehoach = kehoach.cli:main" in entry
