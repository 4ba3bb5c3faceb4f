"""Bring a fresh database to life: migrate, seed agencies, load the bundled plan."""

from __future__ import annotations

import csv
import io
from importlib import resources

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

__all__ = ["ensure_database", "ensure_default_plan", "seed_agencies"]


def ensure_database() -> None:
    """Create and migrate the database when it is missing or behind (quietly when up to date)."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def seed_agencies(province_dir: str = "haiphong") -> int:
    """Create the agencies listed in the bundled CSV (codes are kept; names updated)."""
    from kehoach.accounts.models import Agency

    text = (
        resources.files("kehoach.data")
        .joinpath(province_dir, "haiphong_agencies_2026.csv")
        .read_text(encoding="utf-8")
    )
    count = 0
    for row in csv.DictReader(io.StringIO(text)):
        Agency.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "kind": row["kind"], "confidence": row["confidence"]},
        )
        count += 1
    return count


def ensure_default_plan(code: str = "haiphong-2026") -> bool:
    """Load the bundled plan into an empty database; True when something was loaded."""
    from kehoach.plans.models import Plan
    from kehoach.plans.services import bundled_plan_document, plan_load

    if Plan.objects.exists():
        return False
    try:
        document = bundled_plan_document(code)
    except KeyError:  # the configured default is not one shipped with kehoach: load nothing
        return False
    seed_agencies()
    plan_load(document=document, reason="Kế hoạch kèm theo phần mềm")
    _after_default_plan_loaded(code)
    return True


def _after_default_plan_loaded(code: str) -> None:
    """Hooks of other apps for a freshly loaded bundled plan (assignments, illustrative data)."""
    from kehoach.submissions import bootstrap as sub_bootstrap

    hook = getattr(sub_bootstrap, "after_bundled_plan_loaded", None)
    if hook is not None:
        hook(code)
