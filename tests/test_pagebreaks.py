"""The print's page breaks, recovered from extracted past issues, reproduced."""

from lianluo_desk.layout.pagebreaks import deviations

from .conftest import past

# Deviation in lines of each visible break, measured when this test was written; the
# 2022 format is the current one. Earlier years set the masthead and headings taller.
BOUNDS = {"2022-no07": 1.0, "2021-no02": 5.0, "2018-no01": 5.0}


def test_breaks_within_bounds(composer):
    report = {}
    for name, bound in BOUNDS.items():
        p = past(name)
        doc = composer.compose(p.issue)
        devs = deviations(doc, p.cuts, composer.g.lines)
        assert len(devs) == len(p.cuts) > 0
        report[name] = [d.lines for d in devs]
        assert max(abs(d.lines) for d in devs) <= bound, (name, report[name])
    print(report)


def test_cuts_found():
    assert len(past("2018-no01").cuts) == 11
    assert len(past("2022-no07").cuts) == 3
