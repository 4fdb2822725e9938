"""Characters: who plays a role, which role a person plays."""

from __future__ import annotations

from tests.answering.conftest import ask


async def test_who_plays_a_role_and_which_role_a_person_plays(catalog) -> None:
    assert (await ask(catalog, "who plays Annie Reed")).answers == ["Meg Ryan"]
    reply = await ask(catalog, "what role does tom hanks play in cast away")
    assert reply.answers == ["Chuck Noland"]
