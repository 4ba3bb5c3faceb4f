"""Article 2 tasks link to the key indicators whose distinctive subject they name (and only those)."""

from __future__ import annotations

import pytest

from kehoach.core.extract import extract_plan
from kehoach.core.extract.links import build_index, link_sections, task_links
from kehoach.core.plan import Indicator, Section, Target, Task
from tests.conftest import SEED_TEXT


def _ind(
    n: int, name: str, unit: str | None, value: float | None = None, qualifier: str | None = None
) -> Indicator:
    targets = [Target("approx", "level", value, unit=unit)]
    if qualifier:
        targets.append(Target("approx", "level", None, unit=unit, qualifier=qualifier))
    return Indicator(n=n, name=name, targets=targets)


# Indicators as several provinces write them (Nghệ An, Quảng Ninh, Đà Nẵng, Bắc Ninh, Cần Thơ, Thanh Hóa).
INDICATORS = [
    _ind(1, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 10),
    _ind(2, "GRDP bình quân đầu người", "triệu đồng/người", 120),
    _ind(3, "Kim ngạch xuất khẩu", "tỷ USD", 5.2),
    _ind(4, "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 25_000, qualifier="thu nội địa"),
    _ind(5, "Tổng lượt khách du lịch", "triệu lượt", 19),
    _ind(6, "Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)", "tỷ USD", 3),
    _ind(7, "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", 1.5),
    _ind(8, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", 95),
    _ind(9, "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", 98),
    _ind(10, "Tỷ lệ che phủ rừng", "%", 54),
    _ind(11, "Số doanh nghiệp thành lập mới", "doanh nghiệp", 2_500),
    _ind(12, "Chỉ số chuyển đổi số (DTI)", None),
    _ind(13, "Số xã đạt chuẩn nông thôn mới", "xã", 20),
    _ind(14, "Số lượng căn nhà ở xã hội hoàn thành", "căn", 1_200),
    _ind(15, "Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn", "%", 30),
    _ind(16, "Tỷ lệ điều tra khám phá án hình sự", "%", 80),
]
INDEX = build_index(INDICATORS)

POSITIVE = [
    ("Nghệ An", "Đẩy mạnh xúc tiến thương mại, mở rộng thị trường xuất khẩu các mặt hàng chủ lực.", [3]),
    (
        "Quảng Ninh",
        "Đa dạng hóa sản phẩm du lịch, phát triển du lịch biển đảo gắn với di sản Vịnh Hạ Long.",
        [5],
    ),
    ("Đà Nẵng", "Tăng cường quản lý thu, chống thất thu, phấn đấu thu ngân sách vượt dự toán.", [4]),
    ("Đà Nẵng", "Điều hành dự toán ngân sách nhà nước năm 2026 chặt chẽ, hiệu quả.", [4]),
    ("Bắc Ninh", "Thu hút có chọn lọc các dự án FDI công nghệ cao, thân thiện môi trường.", [6]),
    ("Bắc Ninh", "Ưu tiên thu hút vốn đầu tư trực tiếp nước ngoài vào các khu công nghiệp.", [6]),
    (
        "Thanh Hóa",
        "Thực hiện đồng bộ các giải pháp giảm nghèo bền vững, hỗ trợ hộ nghèo có sinh kế ổn định.",
        [7],
    ),
    ("Cần Thơ", "Phát triển đối tượng tham gia bảo hiểm y tế, hướng tới bảo hiểm y tế toàn dân.", [8]),
    ("Cần Thơ", "Thu gom, xử lý triệt để chất thải rắn sinh hoạt tại các đô thị.", [9]),
    ("Thanh Hóa", "Trồng mới 500 ha rừng tập trung, giữ ổn định tỷ lệ che phủ rừng.", [10]),
    (
        "Cần Thơ",
        "Hỗ trợ doanh nghiệp thành lập mới, khuyến khích hộ kinh doanh chuyển lên doanh nghiệp.",
        [11],
    ),
    ("Nghệ An", "Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển chính quyền số.", [12]),
    ("Nghệ An", "Nâng hạng chỉ số DTI của tỉnh trong năm 2026.", [12]),
    ("Thanh Hóa", "Tiếp tục xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu.", [13]),
    ("Quảng Ninh", "Khởi công và hoàn thành 1.200 căn nhà ở xã hội cho công nhân.", [14]),
    ("Đà Nẵng", "Đầu tư nhà máy xử lý nước thải tập trung và thu gom chất thải rắn sinh hoạt.", [9, 15]),
    ("Bắc Ninh", "Kiềm chế, làm giảm các loại án hình sự; nâng cao tỷ lệ điều tra khám phá án.", [16]),
]

NEGATIVE = [
    "Đẩy nhanh chuyển đổi mục đích sử dụng đất phù hợp với cơ cấu sản xuất mới.",
    "Tổ chức Hội nghị gặp mặt doanh nghiệp đầu xuân năm 2026.",
    "Xử lý nghiêm các vi phạm về đất đai, trật tự xây dựng.",
    "Kết hợp chặt chẽ phát triển kinh tế với củng cố quốc phòng, an ninh.",
    "Thành lập mới 3 cụm công nghiệp theo quy hoạch.",
    "Nâng cao chất lượng giáo dục và đào tạo, xây dựng trường chuẩn quốc gia.",
    "Rà soát, sắp xếp đơn vị hành chính cấp xã.",
    "Tăng cường quản lý nhà nước về tài nguyên khoáng sản.",
    "Thực hiện tốt công tác điều tra dân số và nhà ở giữa kỳ.",
    "Đầu tư xây dựng nhà máy nước sạch cho khu vực nông thôn.",
    "Xây dựng các khu tái định cư phục vụ giải phóng mặt bằng.",
    "Tăng cường hợp tác với các tổ chức phi chính phủ nước ngoài.",
    "Nâng cao thu nhập bình quân của người lao động.",
    "Phát triển thương mại điện tử, hệ thống chợ và siêu thị.",
]


@pytest.mark.parametrize(
    ("province", "text", "expected"), POSITIVE, ids=[f"{p}-{t[:24]}" for p, t, _ in POSITIVE]
)
def test_task_names_the_subject_of_an_indicator(province: str, text: str, expected: list[int]) -> None:
    assert [n for n, _ in task_links(text, [], INDEX)] == expected, province


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:32] for t in NEGATIVE])
def test_generic_words_do_not_link(text: str) -> None:
    assert task_links(text, [], INDEX) == []


def test_the_evidence_is_the_phrase_found() -> None:
    assert task_links("Phát triển du lịch cộng đồng.", [], INDEX) == [(5, "du lịch")]
    assert task_links("Thu hút dự án FDI.", [], INDEX) == [(6, "FDI")]


def test_a_phrase_two_indicators_share_links_neither() -> None:
    both = [
        _ind(1, "Tổng vốn đầu tư thực hiện", "tỷ đồng"),
        _ind(2, "Thu hút vốn đầu tư nước ngoài", "tỷ USD"),
    ]
    index = build_index(both)
    assert task_links("Huy động vốn đầu tư cho hạ tầng.", [], index) == []
    assert task_links("Thu hút vốn đầu tư nước ngoài.", [], index) == [(2, "vốn đầu tư nước ngoài")]


def test_a_short_qualifier_does_not_link_alone() -> None:
    waste = [_ind(1, "Tỷ lệ chất thải rắn được thu gom", "%", qualifier="tại nông thôn")]
    assert task_links("Xây dựng nông thôn mới tại nông thôn miền núi.", [], build_index(waste)) == []


def test_a_quantity_in_the_unit_of_a_target_with_the_words_links() -> None:
    index = build_index(
        [_ind(1, "Số căn nhà ở xã hội hoàn thành", "căn", 7_135), _ind(2, "Số xã đạt chuẩn", "xã", 9)]
    )
    text = "Phấn đấu hoàn thành 7.135 căn trong năm."
    assert task_links(text, [Target("ge", "count", 7_135, unit="căn")], index) == [(1, "số liệu cùng đơn vị")]
    assert task_links(text, [], index) == []
    assert task_links(text, [Target("ge", "count", 7_135, unit="m2")], index) == []


def test_link_sections_fills_every_task() -> None:
    sec = Section(
        n="1",
        title="Du lịch",
        tasks=[Task(id="1.1", text="Phát triển du lịch biển."), Task(id="1.2", text="Họp.")],
    )
    sec.children.append(
        Section(n="a", title=None, tasks=[Task(id="1.a.1", text="Mở rộng thị trường xuất khẩu.")])
    )
    link_sections([sec], INDICATORS)
    assert [t.indicators for t in sec.tasks] == [[5], []]
    assert sec.children[0].tasks[0].indicators == [3]


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed text not available")
def test_haiphong_tasks_link_to_their_indicators() -> None:
    plan = extract_plan(SEED_TEXT.read_text(encoding="utf-8"))
    links = {t.id: t.indicators for _, t in plan.tasks()}
    assert sum(1 for v in links.values() if v) >= 30
    expected = {
        "4.a.9": [18],  # nhà ở xã hội, 7.135 căn
        "6.7": [3],  # kinh tế số
        "1.-1.1": [4],  # sản xuất công nghiệp
        "5.b.7": [19, 20],  # chất thải rắn và nước thải
        "10.a.9": [21],  # dân quân
        "10.a.11": [22],  # tội phạm
        "7.b.9": [16],  # bảo hiểm xã hội
        "2.7": [14],  # PCI
        "1.-3.4": [9],  # du lịch
        "2.5": [],  # gặp mặt doanh nghiệp thành phố
        "5.a.5": [],  # chuyển đổi mục đích sử dụng đất
        "10.a.2": [],  # quốc phòng, an ninh
        "1.-3.6": [9],  # đặc khu Bạch Long Vĩ is not indicator 21
        "9.a.4": [],  # đơn vị hành chính
    }
    assert {k: links[k] for k in expected} == expected


def test_every_shipped_link_was_checked_by_hand_and_most_are_right() -> None:
    import json

    from bench.link_sample import HAND, SHIPPED
    from kehoach.core.plan import Plan

    plan = Plan.from_dict(json.loads(SHIPPED.read_text(encoding="utf-8")))
    links = {(t.id, n) for _, t in plan.tasks() for n in t.indicators}
    assert links == set(HAND)
    right = sum(1 for k in links if HAND[k][0])
    assert right / len(links) >= 0.9
