"""The bot in a simulated Discord (simcord), on a tiny catalog in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import create_bot
from tests.conftest import ALITA, ALITA_2, HEAT

OWNER_ID = 4242
ADMIN_ROLE_ID = 777


def assert_within_limits(embed) -> None:
    """Discord's hard limits on one embed."""
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25
    for field in embed.fields:
        assert 0 < len(field.name) <= 256
        assert 0 < len(field.value) <= 1024
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= 6000


@pytest.fixture
def facts_dir(write_facts) -> Path:
    return write_facts(alita=ALITA, alita2=ALITA_2, heat=HEAT)


@pytest.fixture
async def make_bot(tmp_path: Path):
    """Builds bots for simcord and closes their stores afterwards (simcord only detaches)."""
    bots = []

    def make(facts: Path, **options):
        options = {"ask_cooldown_s": 0, "sync_commands": True, **options}
        bot = create_bot(facts, tmp_path / "catalog.db", **options)
        bots.append(bot)
        return bot

    yield make
    for bot in bots:
        await bot.store.close()


@pytest.fixture
def simcord_bot(make_bot, facts_dir: Path):
    return make_bot(
        facts_dir,
        display_root="facts",
        admin_role_ids=[ADMIN_ROLE_ID],
        owner_ids=[OWNER_ID],
    )


@pytest.fixture
def guild(simcord_env):
    return simcord_env.create_guild(name="Cinema Club")


@pytest.fixture
def channel(guild):
    return guild.create_text_channel("films")


@pytest.fixture
def member(simcord_env, guild):
    return guild.add_member(simcord_env.create_user("ana"))
