"""Two-way split of a story's articles: two blocks of similar articles part, one block stays whole."""

from __future__ import annotations

from hashwire.story_split import find_split, pack, pair_similarities, two_groups


def blocks(sizes: list[int], within: float, across: float) -> list[list[float]]:
    """A similarity matrix of groups of articles: `within` inside a group, `across` between groups."""
    group = [g for g, size in enumerate(sizes) for _ in range(size)]
    return [[1.0 if i == j else within if gi == gj else across for j, gj in enumerate(group)]
            for i, gi in enumerate(group)]


def interleave(sims: list[list[float]], order: list[int]) -> list[list[float]]:
    return [[sims[i][j] for j in order] for i in order]


def test_two_events_part_by_average_linkage_whatever_their_order() -> None:
    sims = interleave(blocks([4, 3], within=0.5, across=0.1), [0, 4, 1, 5, 2, 6, 3])
    assert two_groups(sims) == ([0, 2, 4, 6], [1, 3, 5])
    split = find_split(sims)
    assert split is not None and split.keep == [0, 2, 4, 6] and split.leave == [1, 3, 5]
    assert abs(split.keep_pairs - 6 * 0.5) < 1e-9 and abs(split.leave_pairs - 3 * 0.5) < 1e-9


def test_one_event_or_close_groups_stay_whole() -> None:
    assert find_split(blocks([8], within=0.5, across=0.5)) is None
    # two groups, but their articles are nearly as alike across as within (ratio 0.7 of coherence)
    assert find_split(blocks([4, 4], within=0.5, across=0.4)) is None
    assert find_split(blocks([4, 4], within=0.5, across=0.3)) is not None


def test_a_group_too_small_does_not_leave() -> None:
    assert find_split(blocks([6, 2], within=0.5, across=0.05)) is None
    assert find_split(blocks([3, 2], within=0.5, across=0.05)) is None  # fewer articles than two groups need
    assert find_split(blocks([5, 2], within=0.5, across=0.05), min_part=2) is not None


def test_pair_similarities_weigh_terms_and_names() -> None:
    a = ({"quake": 1.0}, {"iquique": 1.0})
    b = ({"quake": 1.0}, {"kushiro": 1.0})
    c = ({"quake": 0.6, "tsunami": 0.8}, {"iquique": 1.0})
    sims = pair_similarities([a, b, c], name_share=0.5)
    assert sims[0][1] == sims[1][0] == 0.5  # same words, other names
    assert abs(sims[0][2] - (0.5 * 0.6 + 0.5 * 1.0)) < 1e-9
    assert all(sims[i][i] == 1.0 for i in range(3))


def test_packed_vectors_keep_the_strongest_terms() -> None:
    vector = {"quake": 0.8, "iquique": 0.5, "the": 0.1, "mayor": 0.3}
    packed = pack(vector, 3)
    assert packed.terms == ("quake", "iquique", "mayor")
    assert all(abs(packed.unpack()[t] - vector[t]) < 1e-6 for t in packed.terms)
    assert pack(vector, 10).unpack().keys() == vector.keys()
