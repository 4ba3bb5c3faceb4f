"""`kehoach plan show|load|list`: the interchange format in and out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kehoach.cli.base import CommandError, setup_django, write_text_output


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("plan", help="xem, nạp kế hoạch (JSON/YAML)")
    ps = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    show = ps.add_parser("show", help="in một kế hoạch")
    show.add_argument("plan")
    show.add_argument("--format", choices=["json", "yaml"], default="json")
    show.add_argument("-o", "--output")
    show.set_defaults(handler=_show)
    load = ps.add_parser("load", help="kiểm tra và nạp một tệp kế hoạch")
    load.add_argument("file")
    load.add_argument("--reason", default="")
    load.set_defaults(handler=_load)
    lst = ps.add_parser("list", help="liệt kê các kế hoạch")
    lst.set_defaults(handler=_list)


def dump(document: dict[str, Any], fmt: str) -> str:
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    return json.dumps(document, ensure_ascii=False, indent=2)


def read_document(path: str) -> dict[str, Any]:
    """Read a JSON or YAML plan file; a one-line error when it cannot be parsed."""
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: không tìm thấy tệp")
    text = file.read_text(encoding="utf-8")
    try:
        if file.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:  # json and yaml raise different types
        raise CommandError(
            f"{path}: không đọc được ({exc.__class__.__name__}: {exc})".splitlines()[0]
        ) from exc
    if not isinstance(data, dict):
        raise CommandError(f"{path}: tệp kế hoạch phải là một đối tượng JSON/YAML")
    return data


def _show(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.plans.models import Plan

    plan = Plan.objects.filter(code=args.plan).first()
    if plan is None:
        raise CommandError(f"không có kế hoạch {args.plan!r}")
    write_text_output(dump(plan.document, args.format), args.output)
    return 0


def _load(args: argparse.Namespace) -> int:
    from kehoach.core.plan import PlanError, validate_plan_dict

    document = read_document(args.file)
    try:
        validate_plan_dict(document)
    except PlanError as exc:
        import sys

        for field_path, message in exc.errors:
            print(f"{args.file}: {field_path}: {message}", file=sys.stderr)
        return 2
    setup_django()
    from kehoach.plans.services import plan_load

    plan = plan_load(document=document, reason=args.reason or f"kehoach plan load {args.file}")
    print(f"Đã nạp kế hoạch {plan.code} (phiên bản {plan.version})")
    return 0


def _list(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.plans.models import Plan

    for plan in Plan.objects.all():
        print(f"{plan.code}\t{plan.get_status_display()}\tv{plan.version}\t{plan.title}")
    return 0
