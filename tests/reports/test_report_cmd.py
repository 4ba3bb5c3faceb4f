"""`kehoach report` as a user runs it: a subprocess on a fresh data folder."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import docx

from kehoach.reports.kinds import ERR_AGENCY_NEEDED


def run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEHOACH_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "kehoach.cli", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_quarterly_docx_on_a_fresh_home(tmp_path: Path) -> None:
    out_file = tmp_path / "bc.docx"
    args = ["--plan", "haiphong-2026", "--as-of", "2026-Q3", "--kind", "quarterly", "--format", "docx"]
    done = run([*args, "-o", str(out_file)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Đã ghi {out_file} (")
    d = docx.Document(io.BytesIO(out_file.read_bytes()))
    texts = [p.text for p in d.paragraphs]
    assert "BÁO CÁO" in texts and "quý III và 9 tháng năm 2026" in texts
    assert round(d.sections[0].left_margin.mm) == 30


def test_html_to_stdout_and_errors_on_one_line(tmp_path: Path) -> None:
    base = ["--plan", "haiphong-2026", "--as-of", "2026-09", "--format", "html"]
    done = run([*base, "--kind", "supervision", "--committee", "ktns", "-o", "-"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "BAN KINH TẾ - NGÂN SÁCH" in done.stdout and done.stdout.startswith("<!DOCTYPE html>")
    bad = run([*base, "--kind", "agency", "-o", str(tmp_path / "x.html")], tmp_path)
    assert bad.returncode == 2 and bad.stderr == f"kehoach: lỗi: {ERR_AGENCY_NEEDED}\n"
    assert not (tmp_path / "x.html").exists()
    period = run(
        [
            "--plan",
            "haiphong-2026",
            "--as-of",
            "2026-13",
            "--kind",
            "monthly",
            "--format",
            "docx",
            "-o",
            str(tmp_path / "y.docx"),
        ],
        tmp_path,
    )
    assert period.returncode == 2 and "2026-13" in period.stderr and "Traceback" not in period.stderr
