"""Hand check of the task → key indicator links of the shipped Hải Phòng plan.

    python bench/link_sample.py [--size 30] [--seed 2026]

Counts the tasks that link, draws a fixed random sample of (task, indicator) links and prints
each with the phrase that made it and the verdict given by hand (``HAND`` below: True when the
task does serve the indicator). A link not in ``HAND`` is printed as "chưa kiểm tra" and is not
counted, so a change of the linker shows up as unchecked links to judge.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from kehoach.core.extract.links import build_index, task_links
from kehoach.core.plan import Plan

SHIPPED = Path(__file__).resolve().parents[1] / "kehoach" / "data" / "plans" / "haiphong-2026.json"

# (task id, indicator n) → (serves it?, why), judged by reading the task and the indicator.
HAND: dict[tuple[str, int], tuple[bool, str]] = {
    ("1.-1.1", 4): (True, "đẩy mạnh sản xuất công nghiệp → IIP"),
    ("1.-1.10", 4): (True, "sản phẩm công nghiệp hỗ trợ → sản xuất công nghiệp"),
    ("1.-1.10", 12): (False, "kết nối với doanh nghiệp FDI đã có, không phải thu hút vốn mới"),
    ("1.-3.2", 9): (True, "trung tâm du lịch Đồ Sơn"),
    ("1.-3.3", 9): (True, "trung tâm du lịch Côn Sơn - Kiếp Bạc"),
    ("1.-3.4", 9): (True, "đề án phát triển du lịch"),
    ("1.-3.5", 9): (True, "khu du lịch quốc gia"),
    ("1.-3.6", 9): (True, "phát triển du lịch Bạch Long Vĩ"),
    ("1.-3.8", 9): (True, "đường bay tới thị trường du lịch"),
    ("1.-3.9", 9): (True, "hợp tác du lịch"),
    ("1.-3.10", 9): (True, "sản phẩm du lịch"),
    ("1.-3.11", 9): (True, "du lịch nông thôn"),
    ("1.-4.2", 14): (True, "chuyển đổi số trong nông nghiệp → DTI"),
    ("2.3", 14): (True, "cải cách hành chính → PAR Index"),
    ("2.6", 14): (True, "PAR Index, PCI"),
    ("2.7", 14): (True, "kế hoạch nâng PCI"),
    ("2.8", 14): (True, "DDCI phục vụ cải thiện PCI"),
    ("2.9", 12): (False, "kết nối doanh nghiệp tư nhân với doanh nghiệp FDI"),
    ("3.1", 5): (True, "dự toán ngân sách, hoàn thành vượt thu"),
    ("3.4", 5): (True, "cơ chế tài chính, ngân sách tạo nguồn lực"),
    ("4.a.9", 18): (True, "7.135 căn nhà ở xã hội"),
    ("5.b.2", 19): (True, "thu gom, xử lý chất thải rắn nông thôn"),
    ("5.b.4", 19): (False, "cải tạo bãi chôn lấp cũ không nâng tỷ lệ thu gom, xử lý"),
    ("5.b.7", 19): (True, "xử lý chất thải rắn"),
    ("5.b.7", 20): (True, "xử lý nước thải sinh hoạt"),
    ("5.b.8", 20): (True, "xử lý nước thải đô thị"),
    ("5.b.9", 20): (True, "nhà máy xử lý nước thải"),
    ("6.7", 3): (True, "phát triển kinh tế số"),
    ("7.a.1", 9): (True, "di sản gắn với phát triển du lịch"),
    ("7.b.9", 16): (True, "phát triển người tham gia bảo hiểm xã hội"),
    ("8.a.6", 14): (True, "chuyển đổi số trong y tế → DTI"),
    ("9.a.9", 14): (True, "cải thiện xếp hạng PAR Index"),
    ("9.a.10", 14): (True, "chỉ số cải cách hành chính của các sở"),
    ("10.a.9", 21): (True, "đề án xây dựng lực lượng dân quân"),
    ("10.a.11", 22): (True, "đấu tranh với tội phạm"),
    ("10.a.13", 14): (True, "Đề án 06, chuyển đổi số"),
    ("10.c.1", 9): (True, "liên kết vùng trong du lịch"),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--size", type=int, default=30)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    plan = Plan.from_dict(json.loads(SHIPPED.read_text(encoding="utf-8")))
    index = build_index(plan.indicators)
    tasks = [t for _, t in plan.tasks()]
    pairs = [(t, n, why) for t in tasks for n, why in task_links(t.text, t.targets, index)]
    stored = sum(1 for t in tasks if t.indicators)
    print(f"{stored} of {len(tasks)} tasks link to a key indicator ({len(pairs)} links)")
    sample = random.Random(args.seed).sample(pairs, min(args.size, len(pairs)))
    right = checked = 0
    for task, n, why in sorted(sample, key=lambda p: tasks.index(p[0])):
        verdict = HAND.get((task.id, n))
        mark = "chưa kiểm tra" if verdict is None else ("đúng" if verdict[0] else "SAI")
        checked += verdict is not None
        right += bool(verdict and verdict[0])
        note = f" — {verdict[1]}" if verdict else ""
        print(f"{mark:>13}  {task.id:<8} → {n:>2} «{why}» {task.text[:70]}{note}")
    print(f"precision on the sample: {right}/{checked}" + (f" = {right / checked:.2f}" if checked else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
