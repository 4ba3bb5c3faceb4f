"""`kehoach extract FILE [--format json|yaml] [-o OUT]`: propose a plan from a resolution.

Reads .pdf (text layer), .docx, .html or .txt and prints the plan in the
interchange format (``Plan.to_dict()``). Sentences that look like targets but
could not be read are listed under ``needs_review``. A file that cannot be
read (damaged, encrypted, scanned without text, empty, unknown type) stops the
command with a one-line message and exit code 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kehoach.cli.base import CommandError, write_text_output


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "extract",
        help="đọc nghị quyết (.pdf, .docx, .html, .txt) và đề xuất kế hoạch (chỉ tiêu, mục tiêu, nhiệm vụ)",
        description="Đọc nghị quyết và in kế hoạch theo định dạng trao đổi (JSON hoặc YAML).",
    )
    p.add_argument("file", metavar="FILE", help="tệp nghị quyết hoặc bài tóm tắt")
    p.add_argument(
        "--format", choices=("json", "yaml"), default="json", help="định dạng đầu ra (mặc định json)"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="ghi ra tệp thay vì màn hình")
    p.add_argument("--id", dest="plan_id", help="mã kế hoạch (mặc định: tỉnh-năm)")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from kehoach.core.extract import extract_plan
    from kehoach.formats.readers import ReadError, read_document

    path = Path(args.file)
    if not path.exists():
        raise CommandError(f"không tìm thấy tệp {args.file}")
    try:
        document = read_document(path)
    except ReadError as exc:
        raise CommandError(str(exc)) from exc
    plan = extract_plan(document, plan_id=args.plan_id)
    plan.source = plan.source and path.name
    data = plan.to_dict()
    if args.format == "yaml":
        import yaml

        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        write_text_output(text, args.output)
    except OSError as exc:
        raise CommandError(f"không ghi được tệp {args.output}: {exc.strerror}") from exc
    return 0
