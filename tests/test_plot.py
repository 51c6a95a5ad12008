"""Tests for `timeline.plot.plot_events`: files, sizes, odd text, far dates, label layout."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from timeline.errors import MissingDependencyError
from timeline.plot import LABEL_GID, label_boxes, plot_events
from timeline.types import Event, Granularity, Relation

pytest.importorskip("matplotlib")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

PUBLISHED = date(2021, 3, 30)


def make_event(
    description: str = "something happened",
    start: date | None = date(2020, 10, 1),
    end: date | None = date(2020, 10, 31),
    *,
    granularity: Granularity = "month",
    relation: Relation = "in",
    trigger: str = "happened",
    doc_id: str | None = None,
) -> Event:
    """An Event with every field we do not care about filled in."""
    return Event(
        description=description,
        trigger=trigger,
        trigger_span=(0, len(trigger)),
        relation=relation,
        start=start,
        end=end,
        granularity=granularity,
        sentence=description,
        sentence_index=0,
        span=(0, len(description)),
        anchor="expression",
        doc_id=doc_id,
    )


def seed_events(doc_id: str | None = None) -> list[Event]:
    """The timeline of the seed article (published 2021-03-30), by hand."""
    d = date
    rows: list[tuple[str, date | None, date | None, Granularity, Relation]] = [
        (
            "Cienfuegos was Mexico's defense minister",
            d(2012, 1, 1),
            d(2018, 12, 31),
            "year",
            "from…to",
        ),
        ("a grand jury indicted him", d(2019, 1, 1), d(2019, 12, 31), "year", "in"),
        ("the slowdown began", d(2020, 1, 1), d(2020, 12, 31), "year", "in"),
        ("prosecutors kept the charges secret", None, d(2020, 10, 31), "month", "until"),
        ("Cienfuegos was arrested in Los Angeles", d(2020, 10, 1), d(2020, 10, 31), "month", "in"),
        (
            "American authorities agreed to drop the case",
            d(2020, 10, 1),
            d(2020, 11, 30),
            "month",
            "within",
        ),
        (
            "Mexico enacted a law on foreign agents' contacts",
            d(2020, 12, 1),
            d(2020, 12, 31),
            "month",
            "in",
        ),
        (
            "Timothy Shea stepped down as head of the DEA",
            d(2021, 1, 1),
            d(2021, 1, 31),
            "month",
            "in",
        ),
        (
            "Mark Morgan led U.S. Customs and Border Protection",
            None,
            d(2021, 1, 31),
            "month",
            "until",
        ),
        (
            "U.S. efforts against the cartels ground to a halt",
            d(2021, 1, 1),
            PUBLISHED,
            "month",
            "since",
        ),
    ]
    return [
        make_event(text, start, end, granularity=grain, relation=rel, doc_id=doc_id)
        for text, start, end, grain, rel in rows
    ]


def many_events(count: int, seed: int = 7) -> list[Event]:
    """A deterministic mix of points, periods, bands and open intervals over 30 years."""
    rng = random.Random(seed)
    events: list[Event] = []
    for i in range(count):
        start = date(1995, 1, 1) + timedelta(days=rng.randrange(30 * 365))
        kind = i % 5
        text = f"event number {i} with a description of moderate length"
        if kind == 0:
            events.append(make_event(text, start, start, granularity="day"))
        elif kind == 1:
            year = date(start.year, 1, 1)
            events.append(make_event(text, year, date(start.year, 12, 31), granularity="year"))
        elif kind == 2:
            end = start + timedelta(days=rng.randrange(40, 900))
            events.append(make_event(text, start, end, granularity="day", relation="from…to"))
        elif kind == 3:
            events.append(make_event(text, None, start, granularity="day", relation="until"))
        else:
            events.append(make_event(text, start, None, granularity="day", relation="after"))
    return events


def png_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        image.load()
        return image.size


def label_texts(fig: Figure) -> list[str]:
    texts = fig.findobj(lambda a: isinstance(a, Text) and (a.get_gid() or "").startswith(LABEL_GID))
    return [t.get_text() for t in texts if isinstance(t, Text)]


def all_texts(fig: Figure) -> Iterator[str]:
    for artist in fig.findobj(Text):
        if isinstance(artist, Text):
            yield artist.get_text()


# ------------------------------------------------------------------------- files


@pytest.mark.parametrize("width", [1600, 800])
def test_png_is_exactly_the_asked_width(tmp_path: Path, width: int) -> None:
    path = tmp_path / "seed.png"
    plot_events(seed_events(), published=PUBLISHED, title="Seed", path=path, width_px=width)
    assert png_size(path)[0] == width


def test_png_width_holds_at_an_uneven_dpi(tmp_path: Path) -> None:
    path = tmp_path / "seed.png"
    plot_events(seed_events(), published=PUBLISHED, path=path, width_px=1000, dpi=96)
    assert png_size(path)[0] == 1000


@pytest.mark.parametrize("count", [0, 1, 200, 1000])
def test_any_number_of_events_gives_a_valid_png(tmp_path: Path, count: int) -> None:
    path = tmp_path / f"{count}.png"
    fig = plot_events(many_events(count), published=PUBLISHED, path=path)
    width, height = png_size(path)
    assert width == 1600
    assert 100 < height <= 60 * 100
    assert fig.get_figheight() <= 60
    if count == 0:
        assert "No dated events found" in set(all_texts(fig))


def test_labels_of_a_thousand_events_do_not_overlap() -> None:
    fig = plot_events(many_events(1000), published=PUBLISHED)
    assert_disjoint(label_boxes(fig))


@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<svg"), (".pdf", b"%PDF")])
def test_the_suffix_picks_the_format(tmp_path: Path, suffix: str, magic: bytes) -> None:
    path = tmp_path / f"seed{suffix}"
    plot_events(seed_events(), published=PUBLISHED, path=path)
    head = path.read_bytes()[:400]
    assert magic in head


def test_matplotlib_is_not_imported_with_the_package() -> None:
    code = "import sys, timeline.plot; sys.exit('matplotlib' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, check=False)
    assert result.returncode == 0


def test_missing_matplotlib_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError, match="pip install matplotlib"):
        plot_events(seed_events())


def test_nonpositive_width_is_refused() -> None:
    with pytest.raises(ValueError, match="width_px"):
        plot_events(seed_events(), width_px=0)


# -------------------------------------------------------------------------- text


def test_long_cjk_and_emoji_descriptions_draw_without_warnings(tmp_path: Path) -> None:
    events = [
        make_event("x" * 500, date(2020, 1, 5), date(2020, 1, 5), granularity="day"),
        make_event("word " * 100, date(2020, 3, 1), date(2020, 3, 31)),
        make_event("中国政府宣布了新的法律 🎉🚀👩‍👩‍👧 today", date(2020, 6, 1), date(2020, 6, 30)),
        make_event("price $5 and $x^2$ \\frac{1}{2} 100%", date(2020, 8, 1), date(2020, 8, 31)),
        make_event("line\nbreaks\tand\x00control", date(2020, 9, 1), date(2020, 9, 30)),
    ]
    fig = plot_events(events, published=PUBLISHED, title="标题 📰", path=tmp_path / "odd.png")
    fig.savefig(tmp_path / "again.png")  # the returned figure saves cleanly too
    texts = label_texts(fig)
    assert all(len(t) < 120 for t in texts)
    assert any("…" in t for t in texts)
    assert any("$5" in t for t in texts)


def test_labels_state_the_date_at_its_precision() -> None:
    texts = label_texts(plot_events(seed_events(), published=PUBLISHED))
    for expected in (
        "2012 – 2018",
        "2019",
        "until Oct 2020",
        "Oct 2020",
        "Oct – Nov 2020",
        "since Jan 2021",
        "until Jan 2021",
    ):
        assert expected in texts


# ------------------------------------------------------------------------- dates


def test_dates_from_1066_to_2300_share_one_axis(tmp_path: Path) -> None:
    events = [
        make_event(
            "the Normans invaded England", date(1066, 1, 1), date(1066, 12, 31), granularity="year"
        ),
        make_event(
            "the target is met", None, date(2300, 12, 31), granularity="year", relation="by"
        ),
        make_event("the 1990s boom", date(1990, 1, 1), date(1999, 12, 31), granularity="decade"),
        make_event("the 20th century", date(1900, 1, 1), date(1999, 12, 31), granularity="century"),
    ]
    fig = plot_events(events, published=PUBLISHED, path=tmp_path / "far.png")
    low, high = fig.axes[0].get_xlim()
    offset = date(1970, 1, 1).toordinal()  # matplotlib's default date epoch
    assert date.fromordinal(int(low) + offset).year <= 1066
    assert date.fromordinal(int(high) + offset).year >= 2300
    assert {"1066", "by 2300", "1990s", "20th century"} <= set(label_texts(fig))


def test_the_first_and_last_representable_days_draw(tmp_path: Path) -> None:
    events = [
        make_event("first", date(1, 1, 1), date(1, 1, 1), granularity="day"),
        make_event("last", date(9999, 12, 31), date(9999, 12, 31), granularity="day"),
        make_event("open", None, date(9999, 12, 31), granularity="day", relation="until"),
    ]
    plot_events(events, path=tmp_path / "edges.png")
    assert png_size(tmp_path / "edges.png")[0] == 1600


def test_events_without_dates_are_counted_not_drawn() -> None:
    events = [*seed_events(), make_event("undated", None, None), make_event("BC", None, None)]
    fig = plot_events(events, published=PUBLISHED)
    assert "2 events without calendar dates not drawn" in set(all_texts(fig))
    assert len(label_boxes(fig)) == len(seed_events())


def test_only_undated_events_give_the_empty_figure() -> None:
    fig = plot_events([make_event("undated", None, None)])
    texts = set(all_texts(fig))
    assert "No dated events found" in texts
    assert "1 event without calendar dates not drawn" in texts


# ------------------------------------------------------------------------ layout


def assert_disjoint(boxes: Sequence[Bbox]) -> None:
    ordered = sorted(boxes, key=lambda b: b.x0)
    for i, box in enumerate(ordered):
        for other in ordered[i + 1 :]:
            if other.x0 >= box.x1:
                break
            overlap_y = min(box.y1, other.y1) - max(box.y0, other.y0)
            assert overlap_y <= 0, f"labels overlap: {box} and {other}"


@pytest.mark.parametrize("width", [1600, 800])
def test_seed_labels_do_not_overlap_and_all_are_shown(width: int) -> None:
    fig = plot_events(seed_events(), published=PUBLISHED, width_px=width)
    boxes = label_boxes(fig)
    assert len(boxes) == len(seed_events())
    assert_disjoint(boxes)
    assert "left out" not in " ".join(all_texts(fig))


def test_each_label_sits_beside_its_stem() -> None:
    fig = plot_events(seed_events(), published=PUBLISHED)
    from matplotlib.collections import LineCollection

    stems = [
        c for c in fig.findobj(LineCollection) if (c.get_gid() or "").startswith("timeline-stem")
    ]
    assert stems
    boxes = label_boxes(fig)
    ends = [
        stem.get_transform().transform(segment[-1])
        for stem in stems
        for segment in stem.get_segments()
    ]
    assert len(ends) == len(boxes)
    for x, y in ends:
        touching = [b for b in boxes if abs(b.x0 - x) < 12 and b.y0 - 4 <= y <= b.y1 + 4]
        assert touching, f"no label at the end of the stem at ({x:.0f}, {y:.0f})"


def test_drawing_into_a_given_axes_returns_its_figure(tmp_path: Path) -> None:
    fig = Figure(figsize=(10, 6), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    returned = plot_events(seed_events(), published=PUBLISHED, ax=ax, path=tmp_path / "ax.png")
    assert returned is fig
    assert tuple(fig.get_size_inches()) == (10, 6)
    assert len(label_boxes(fig)) == len(seed_events())
    assert png_size(tmp_path / "ax.png") == (1000, 600)


def test_several_documents_get_one_lane_each() -> None:
    events = seed_events("reuters") + seed_events("ap")[:4] + [make_event(doc_id="bbc")]
    fig = plot_events(events, published=PUBLISHED)
    lanes = [t for t in fig.findobj(Text) if (t.get_gid() or "").startswith("timeline-lane-")]
    names = sorted(t.get_text().split()[0] for t in lanes if isinstance(t, Text))
    assert names == ["ap", "bbc", "reuters"]
    assert_disjoint(label_boxes(fig))


def test_one_document_draws_no_lane_header() -> None:
    fig = plot_events(seed_events("reuters"), published=PUBLISHED)
    assert not [t for t in fig.findobj(Text) if (t.get_gid() or "").startswith("timeline-lane-")]


def test_the_layout_is_deterministic() -> None:
    first = [tuple(b.bounds) for b in label_boxes(plot_events(seed_events(), published=PUBLISHED))]
    again = [tuple(b.bounds) for b in label_boxes(plot_events(seed_events(), published=PUBLISHED))]
    assert first == again


# ------------------------------------------------------------------ broken axis


def stem_xs(fig: Figure) -> list[float]:
    """The display x of every stem, that is of every labelled event's anchor."""
    from matplotlib.collections import LineCollection

    stems = [
        c for c in fig.findobj(LineCollection) if (c.get_gid() or "").startswith("timeline-stem")
    ]
    return sorted(
        float(stem.get_transform().transform(segment[0])[0])
        for stem in stems
        for segment in stem.get_segments()
    )


@pytest.mark.parametrize("width", [1600, 800])
def test_no_stretch_without_events_takes_much_of_the_axis(width: int) -> None:
    fig = plot_events(seed_events(), published=PUBLISHED, width_px=width)
    axes_width = fig.axes[0].get_window_extent().width
    xs = stem_xs(fig)
    widest = max(b - a for a, b in pairwise(xs))
    # between two marks' dates at most MAX_EMPTY_SHARE (x 1.2) of the dates drawn; between
    # two stems (2012 and mid-2019) a little more, as a stem stands mid-band
    assert widest <= 0.36 * axes_width
    # the 2019-2021 events get most of the width, not the last 15%
    assert xs[-1] - xs[1] >= 0.4 * axes_width


def test_a_long_empty_stretch_is_drawn_broken() -> None:
    fig = plot_events(seed_events(), published=PUBLISHED)
    gids = {a.get_gid() for a in fig.findobj() if a.get_gid()}
    assert {"timeline-break", "timeline-break-sign"} <= gids
    dense = plot_events(many_events(120), published=PUBLISHED)
    assert "timeline-break" not in {a.get_gid() for a in dense.findobj()}


def test_the_warp_is_monotonic_and_caps_empty_stretches() -> None:
    from timeline.plot import MAX_EMPTY_SHARE, _Warp

    points = [0.0, 5000.0, 5010.0, 5030.0, 5031.0, 5060.0, 5100.0, 5120.0, 5150.0, 5170.0]
    warp = _Warp.fit(points)
    values = [warp(x) for x in points]
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert warp(points[0]) == points[0]
    assert warp(points[-1]) == pytest.approx(points[-1])
    total = values[-1] - values[0]
    widest = max(b - a for a, b in pairwise(values))
    assert widest <= MAX_EMPTY_SHARE * 1.2 * total + 1e-6
    for x in (-1e6, 1.0, 2500.0, 5015.5, 5165.0, 1e7):
        assert warp.inverse(warp(x)) == pytest.approx(x)
    assert _Warp.fit(range(0, 1000, 10)).breaks == ()  # evenly spread: no break


@pytest.mark.parametrize(
    "events",
    [
        pytest.param(seed_events(), id="seed"),
        pytest.param(many_events(80), id="many"),
        pytest.param(
            [
                make_event("first", date(1, 1, 1), date(1, 1, 1), granularity="day"),
                make_event("middle", date(1066, 10, 14), date(1066, 10, 14), granularity="day"),
                make_event("last", date(9999, 12, 31), date(9999, 12, 31), granularity="day"),
            ],
            id="year-1-to-9999",
        ),
        pytest.param([make_event("alone")], id="one"),
    ],
)
def test_tick_labels_stay_monotonic(events: list[Event]) -> None:
    fig = plot_events(events, published=PUBLISHED)
    axis = fig.axes[0].xaxis
    locations = list(axis.get_majorticklocs())
    labels = [t.get_text() for t in axis.get_ticklabels()]
    assert len(locations) >= 2
    assert locations == sorted(locations)
    assert len(set(locations)) == len(locations)
    years = [
        int(word)
        for label in labels
        for word in label.split()
        if word.isdigit() and len(word) != 2 and not (len(word) == 1 and len(label.split()) > 1)
    ]
    assert years == sorted(years)


def test_ticks_on_both_sides_of_a_break_name_their_dates() -> None:
    fig = plot_events(seed_events(), published=PUBLISHED)
    labels = [t.get_text() for t in fig.axes[0].xaxis.get_ticklabels()]
    assert labels[0].endswith("2012")
    assert any(label.endswith("2019") for label in labels)
    assert "2021" in labels


def test_an_event_placed_before_another_says_by_end_of() -> None:
    before = replace(
        make_event(
            "officials weighed the risks",
            None,
            date(2019, 12, 31),
            granularity="year",
            relation="before",
        ),
        placement="signal",
        anchor="event 'indicted' (a grand jury indicted him)",
    )
    texts = label_texts(plot_events([*seed_events(), before], published=PUBLISHED))
    assert "by end of 2019" in texts
    assert "before 2019" not in texts
