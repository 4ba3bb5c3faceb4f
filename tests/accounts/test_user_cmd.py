"""`kehoach user`: add people with roles, list them, API tokens (stored hashed)."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.accounts.access import can
from kehoach.accounts.models import Membership
from kehoach.accounts.services import ERR_AGENCY_NEEDED, ERR_UNKNOWN_AGENCY
from kehoach.api.models import ApiToken, token_hash
from kehoach.audit.models import AuditEntry
from kehoach.cli import main


@pytest.fixture(autouse=True)
def _fast(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_add_editor_and_list(hp_plan: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["user", "add", "lan", "--role", "editor", "--agency", "sct", "--password", "bi-mat-123"]) == 0
    )
    m = Membership.objects.get(user__username="lan")
    assert (m.role, m.agency.code if m.agency else None) == ("editor", "SCT")
    assert m.user.check_password("bi-mat-123")
    assert can(m.user, "figure.edit", agencies=[m.agency])
    assert AuditEntry.objects.filter(action="membership.add", object_id="lan").exists()
    assert main(["user", "list"]) == 0
    assert "lan\teditor\tSCT" in capsys.readouterr().out


def test_errors_exit_2(hp_plan: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "add", "lan", "--role", "editor"]) == 2
    assert ERR_AGENCY_NEEDED.format(role="editor") in capsys.readouterr().err
    assert main(["user", "add", "lan", "--role", "viewer", "--agency", "XYZ"]) == 2
    assert ERR_UNKNOWN_AGENCY.format(code="XYZ") in capsys.readouterr().err
    assert not Membership.objects.exists()


def test_remove_role(hp_plan: Any) -> None:
    main(["user", "add", "ha", "--role", "council"])
    assert main(["user", "remove-role", "ha", "--role", "council"]) == 0
    assert not Membership.objects.filter(user__username="ha").exists()


def test_token_is_hashed_and_revocable(hp_plan: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "token", "--agency", "TK", "--name", "thống kê"]) == 0
    clear = capsys.readouterr().out.splitlines()[0]
    row = ApiToken.objects.get()
    assert clear.startswith("kh_") and row.hashed == token_hash(clear) and clear not in row.hashed
    assert main(["user", "revoke-token", row.prefix]) == 0
    row.refresh_from_db()
    assert row.revoked_at is not None
