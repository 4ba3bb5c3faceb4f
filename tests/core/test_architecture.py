"""kehoach.core stays pure: importing it must not import Django (STYLE habit 1)."""

import pkgutil
import subprocess
import sys

import kehoach.core


def test_core_imports_no_django() -> None:
    modules = [m.name for m in pkgutil.walk_packages(kehoach.core.__path__, "kehoach.core.")]
    assert len(modules) >= 5
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"kehoach.core imported Django: {out.stdout}"
