import pytest
from django.test import Client


@pytest.mark.django_db
def test_home_shows_the_resolution(hp_plan) -> None:
    html = Client().get("/").content.decode()
    assert "Chủ động thực thi; phát huy động lực; tăng trưởng bứt phá" in html
    for text in [
        "7.944,5 USD/người",
        "194.935,654 tỷ đồng",
        "3,8–4,3 tỷ USD",
        "top 5, phấn đấu top 3",
        "0,795",
    ]:
        assert text in html, text
    assert html.count('data-indicator="') == 22
    assert html.count('data-section="') == 10
    assert "11/12/2025" in html


@pytest.mark.django_db
def test_plan_page_in_english(hp_plan) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    html = client.get("/plan/haiphong-2026/").content.decode()
    assert '<html lang="en">' in html
    assert "7,944.5 USD/người" in html


@pytest.mark.django_db
def test_unknown_plan_is_404(hp_plan) -> None:
    assert Client().get("/plan/khong-co/").status_code == 404


@pytest.mark.django_db
def test_empty_database_says_so() -> None:
    resp = Client().get("/plan/")
    assert resp.status_code == 404
    assert "kehoach plan load" in resp.content.decode()


@pytest.mark.django_db
def test_vietnamese_first_whatever_the_browser_says(hp_plan) -> None:
    html = Client().get("/plan/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html
    english = Client().get("/plan/?lang=en").content.decode()
    assert '<html lang="en">' in english and "Key indicators" in english


@pytest.mark.django_db
def test_every_request_is_logged(hp_plan, caplog) -> None:
    with caplog.at_level("INFO", logger="kehoach.access"):
        Client().get("/plan/?lang=en")
        Client().get("/plan/khong-co/")
    lines = [r.getMessage() for r in caplog.records if r.name == "kehoach.access"]
    assert lines[0].startswith("GET /plan/?lang=en 200 ")
    assert lines[1].startswith("GET /plan/khong-co/ 404 ")
