from postinterview.domain.stages import (
    CLOSED_STAGES,
    OPEN_STAGES,
    STAGE_ORDER,
    Stage,
    allowed_targets,
    move_refusal,
    neighbour,
)


def test_every_stage_is_open_or_closed_and_has_a_label() -> None:
    assert set(OPEN_STAGES) | CLOSED_STAGES == set(Stage)
    assert not set(OPEN_STAGES) & CLOSED_STAGES
    assert all(stage.label and stage.label[0].isupper() for stage in Stage)


def test_moving_to_the_same_stage_is_refused_with_a_reason() -> None:
    assert move_refusal(Stage.APPLIED, Stage.APPLIED) == "It is already at Applied."


def test_only_an_offer_can_be_accepted() -> None:
    assert move_refusal(Stage.INTERVIEWING, Stage.ACCEPTED) is not None
    assert move_refusal(Stage.OFFER, Stage.ACCEPTED) is None


def test_an_accepted_offer_can_only_be_withdrawn_from() -> None:
    assert allowed_targets(Stage.ACCEPTED) == [Stage.WITHDRAWN]


def test_closed_applications_can_be_reopened() -> None:
    assert Stage.INTERVIEWING in allowed_targets(Stage.REJECTED)
    assert Stage.SCREENING in allowed_targets(Stage.NO_REPLY)


def test_neighbour_walks_the_board_order_and_stops_at_the_ends() -> None:
    assert neighbour(Stage.APPLIED, 1) == Stage.SCREENING
    assert neighbour(Stage.APPLIED, -1) == Stage.SAVED
    assert neighbour(Stage.SAVED, -1) is None
    assert neighbour(STAGE_ORDER[-1], 1) is None
