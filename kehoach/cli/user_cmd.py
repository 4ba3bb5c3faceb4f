"""`kehoach user`: people, roles and API tokens.

- ``kehoach user add NAME --role R [--agency CODE] [--password P]``
- ``kehoach user remove-role NAME --role R [--agency CODE]``
- ``kehoach user list``
- ``kehoach user token --agency CODE [--name N]``: a new API token (printed once)
- ``kehoach user revoke-token PREFIX``
- ``kehoach user agency CODE [--email ADDRESS] [--name NAME]``: an agency's e-mail (reminders) and name
"""

from __future__ import annotations

import argparse
import getpass
import os

from kehoach.cli.base import CommandError, setup_django

ERR_NO_USER = "không có người dùng {name!r}"
ERR_NO_TOKEN = "không có mã truy cập bắt đầu bằng {prefix!r}"
ROLES = ("secretariat", "editor", "viewer", "council", "admin")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="người dùng, vai trò và mã truy cập API")
    usub = p.add_subparsers(dest="user_command", required=True)
    a = usub.add_parser("add", help="thêm người dùng hoặc thêm vai trò")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--agency", help="mã cơ quan (bắt buộc với editor, viewer)")
    a.add_argument("--password", help="mật khẩu; --password - để nhập từ bàn phím (hoặc KEHOACH_PASSWORD)")
    a.add_argument("--email", default="")
    a.set_defaults(handler=_add)
    r = usub.add_parser("remove-role", help="bỏ một vai trò")
    r.add_argument("name")
    r.add_argument("--role", required=True, choices=ROLES)
    r.add_argument("--agency")
    r.set_defaults(handler=_remove_role)
    ls = usub.add_parser("list", help="liệt kê người dùng và vai trò")
    ls.set_defaults(handler=_list)
    t = usub.add_parser("token", help="tạo mã truy cập API cho một cơ quan (in ra một lần)")
    t.add_argument("--agency", required=True)
    t.add_argument("--name", default="")
    t.set_defaults(handler=_token)
    rv = usub.add_parser("revoke-token", help="thu hồi mã truy cập API")
    rv.add_argument("prefix")
    rv.set_defaults(handler=_revoke)
    ag = usub.add_parser("agency", help="địa chỉ thư (nhận thư nhắc) và tên của một cơ quan")
    ag.add_argument("code", help="mã cơ quan, ví dụ SCT")
    ag.add_argument("--email", help='địa chỉ thư; --email "" để xóa')
    ag.add_argument("--name", help="tên cơ quan")
    ag.add_argument("--reason", default="")
    ag.set_defaults(handler=_agency)


def _password(arg: str | None) -> str | None:
    if arg == "-":
        return getpass.getpass("Mật khẩu: ")
    return arg or os.environ.get("KEHOACH_PASSWORD") or None


def _add(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.accounts.services import AccountError, user_add

    try:
        user_add(
            actor=None,
            username=args.name,
            role=args.role,
            agency_code=args.agency,
            password=_password(args.password),
            email=args.email,
        )
    except AccountError as exc:
        raise CommandError(str(exc)) from exc
    where = f" ({args.agency.upper()})" if args.agency else ""
    print(f"Đã thêm {args.name}: {args.role}{where}")
    return 0


def _remove_role(args: argparse.Namespace) -> int:
    setup_django()
    from django.contrib.auth import get_user_model

    from kehoach.accounts.services import AccountError, membership_remove

    user = get_user_model().objects.filter(username=args.name).first()
    if user is None:
        raise CommandError(ERR_NO_USER.format(name=args.name))
    try:
        n = membership_remove(actor=None, user=user, role=args.role, agency_code=args.agency)
    except AccountError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Đã bỏ {n} vai trò của {args.name}")
    return 0


def _list(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.accounts.models import Membership

    for m in Membership.objects.select_related("user", "agency").order_by("user__username", "role"):
        print(f"{m.user.get_username()}\t{m.role}\t{m.agency.code if m.agency else '*'}")
    return 0


def _token(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.api.services import token_create

    try:
        row, clear = token_create(actor=None, agency_code=args.agency, name=args.name)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    print(clear)
    print(f"(mã cho {row.agency.code}; chỉ hiện một lần, hãy lưu lại)", flush=True)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.api.models import ApiToken
    from kehoach.api.services import token_revoke

    token = ApiToken.objects.filter(prefix__startswith=args.prefix[:10], revoked_at__isnull=True).first()
    if token is None:
        raise CommandError(ERR_NO_TOKEN.format(prefix=args.prefix))
    token_revoke(actor=None, token=token)
    print(f"Đã thu hồi {token.prefix}…")
    return 0


def _agency(args: argparse.Namespace) -> int:
    setup_django()
    from kehoach.accounts.services import AccountError, agency_update

    try:
        agency = agency_update(
            actor=None, code=args.code, email=args.email, name=args.name, reason=args.reason
        )
    except AccountError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{agency.code}\t{agency.name}\t{agency.email or '(chưa có địa chỉ thư)'}")
    return 0
