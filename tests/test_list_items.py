"""Numbered items typed one after another are a list: when some of them are sentences,
the short ones among them are items of the same list, not headings (a reader sees one
list, not a heading standing between two list items)."""

from __future__ import annotations

from .test_heads import BODY, draft, read

TITLE = ("工作总结", "cbL")
ITEMS = [
    "1.使用分包（单个包不能大于2M），不然打包不上去，在配置文件里面进行配置",
    "2.内部嵌入地图接口，对坐标系进行转换",
    "3.使用图表对用户账单信息进行可视化展示",
    "4.用户充值：内部调用支付接口，根据后台接口返回信息，去调起支付页面",
]


def kinds(art) -> list[tuple[str, str]]:
    return [(b.kind.value, b.full_text) for b in art.blocks]


def test_short_items_among_sentence_items_are_body_text(tmp_path):
    art, _r = read(draft(tmp_path / "总结.docx", [TITLE, *[(t, "") for t in ITEMS]]))
    assert kinds(art) == [("paragraph", t) for t in ITEMS]


def test_items_with_the_other_label_form_are_body_text_too(tmp_path):
    items = [
        "1、发文  当前位置和承办处室使用别名（需要在组织机构里配置别名才能使用）",
        "2、党委报送材料和发文列表  已发送列表按照发送时间倒序排列",
        "3、办文笺正文新增密级时间",
    ]
    art, _r = read(draft(tmp_path / "需求.docx", [TITLE, *[(t, "") for t in items]]))
    assert kinds(art) == [("paragraph", t) for t in items]


def test_numbered_headings_with_text_under_them_stay_headings(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "方案.docx",
            [TITLE, ("1.工作目标", ""), (BODY, ""), ("2.工作措施", ""), (BODY, ""), (ITEMS[0], "")],
        )
    )
    assert [(b.kind.value, b.text) for b in art.blocks][:4] == [
        ("heading", "1.工作目标"),
        ("paragraph", BODY),
        ("heading", "2.工作措施"),
        ("paragraph", BODY),
    ]


def test_a_heading_over_items_of_another_label_stays_a_heading(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "分析.docx",
            [
                TITLE,
                ("一、事故说明：", ""),
                (BODY, ""),
                ("二、原因分析：", ""),
                *[(t, "") for t in ITEMS],
            ],
        )
    )
    assert [(b.kind.value, b.text) for b in art.blocks][:4] == [
        ("heading", "一、事故说明："),
        ("paragraph", BODY),
        ("heading", "二、原因分析："),
        ("paragraph", ITEMS[0]),
    ]


def test_the_last_item_with_items_under_it_stays_a_heading(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "协议.docx",
            [
                TITLE,
                ("五、协议有效期：自签订之日起至项目验收合格之日止，共计两年。", ""),
                ("六、协议生效及其他", ""),
                ("1．本协议经双方代表人签字后生效；", ""),
                ("2．本协议一式两份，甲乙双方各执一份。", ""),
            ],
        )
    )
    assert [(b.kind.value, b.text) for b in art.blocks][:2] == [
        ("paragraph", "五、协议有效期：自签订之日起至项目验收合格之日止，共计两年。"),
        ("heading", "六、协议生效及其他"),
    ]
