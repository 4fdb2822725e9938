"""Who curates a catalog that several servers share: ``/facts`` only in the admin servers."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
from simcord.backend.errors import SetupError

from bot.discord.bot import sync_tree
from bot.discord.checks import AdminPolicy, NotCatalogAdmin
from tests.conftest import HEAT

ADMIN_GUILD = 900_001


def curator(simcord_env, guild, name: str):
    role = guild.create_role("curators", permissions=discord.Permissions(manage_guild=True))
    return guild.add_member(simcord_env.create_user(name), roles=[role])


async def facts_command(bot, guild_id: int | None = None) -> discord.app_commands.AppCommand:
    where = discord.Object(id=guild_id) if guild_id else None
    return next(c for c in await bot.tree.fetch_commands(guild=where) if c.name == "facts")


class TestWithAdminServers:
    @pytest.fixture
    def simcord_bot(self, make_bot, facts_dir: Path):
        return make_bot(facts_dir, display_root="facts", admin_guild_ids=[ADMIN_GUILD])

    @pytest.fixture
    def admin_guild(self, simcord_env):
        return simcord_env.create_guild("Curators", id=ADMIN_GUILD)

    @pytest.fixture
    def other_guild(self, simcord_env):
        return simcord_env.create_guild("Film Fans")

    async def test_an_admin_of_the_admin_server_reloads_the_catalog(
        self, simcord_env, facts_dir: Path, admin_guild, other_guild
    ) -> None:
        (facts_dir / "heat.yaml").write_text(
            HEAT.replace("Dick Richards", "Jerry Jameson"), encoding="utf-8"
        )
        channel = admin_guild.create_text_channel("catalog")
        result = await curator(simcord_env, admin_guild, "root").slash(channel, "facts reload")
        assert result.response.embeds[0].title == "Catalog reloaded"
        fan = other_guild.add_member(simcord_env.create_user("fan"))
        answer = await fan.slash(other_guild.create_text_channel("films"), "ask", question="heat")
        assert "Jerry Jameson" in answer.response.embeds[0].description

    async def test_facts_is_registered_only_in_the_admin_server(
        self, simcord_env, admin_guild, other_guild
    ) -> None:
        elsewhere = curator(simcord_env, other_guild, "mod")
        channel = other_guild.create_text_channel("films")
        assert "facts reload" not in elsewhere.available_commands(channel)
        assert "ask" in elsewhere.available_commands(channel)
        with pytest.raises(SetupError):
            await elsewhere.slash(channel, "facts reload")
        here = curator(simcord_env, admin_guild, "root")
        assert "facts reload" in here.available_commands(admin_guild.create_text_channel("c"))

    async def test_sync_registers_facts_in_the_admin_servers_only(
        self, simcord_env, admin_guild
    ) -> None:
        synced = await sync_tree(simcord_env.bot, None)
        names = {where: sorted(c.name for c in commands) for where, commands in synced}
        assert "facts" not in names[None] and "ask" in names[None]
        assert names[ADMIN_GUILD] == ["facts"]
        facts = await facts_command(simcord_env.bot, ADMIN_GUILD)
        assert facts.guild_id == ADMIN_GUILD


async def test_outside_the_admin_servers_only_an_owner_may_curate(
    simcord_env, guild, channel
) -> None:
    # /facts still visible there: registered globally before admin servers were set
    guild.set_command_permissions(await facts_command(simcord_env.bot), {guild.default_role: True})
    user = simcord_env.create_user("owner")
    simcord_env.bot.admin_policy = AdminPolicy.of(owner_ids=[user.id], guild_ids=[ADMIN_GUILD])
    owner = guild.add_member(user)
    result = await owner.slash(channel, "facts stats")
    assert result.response.embeds[0].title == "Catalog"
    refused = await curator(simcord_env, guild, "mod").slash(channel, "facts stats")
    assert refused.ephemeral
    assert "FILM_BOT_ADMIN_GUILD_IDS" in refused.response.content
    assert "this server is not one of them" in refused.response.content
    assert [type(e) for e in simcord_env.errors] == [NotCatalogAdmin]


async def test_with_no_admin_servers_set_a_bot_in_two_servers_refuses_facts(
    simcord_env, facts_dir: Path, guild, channel
) -> None:
    admin = curator(simcord_env, guild, "root")
    assert (await admin.slash(channel, "facts stats")).response.embeds[0].title == "Catalog"
    simcord_env.create_guild("Second Server")
    (facts_dir / "heat.yaml").write_text("title: Heat\nyear: abc\n", encoding="utf-8")
    refused = await admin.slash(channel, "facts reload")
    assert refused.ephemeral
    assert "names the servers that curate it in FILM_BOT_ADMIN_GUILD_IDS" in (
        refused.response.content
    )
    assert [type(e) for e in simcord_env.errors] == [NotCatalogAdmin]
    member = guild.add_member(simcord_env.create_user("ana"))
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Michael Mann" in answer.response.embeds[0].description


async def test_with_no_admin_servers_set_the_owner_still_curates(
    simcord_env, guild, channel
) -> None:
    simcord_env.create_guild("Second Server")
    user = simcord_env.create_user("owner")
    simcord_env.bot.admin_policy = AdminPolicy.of(owner_ids=[user.id])
    owner = guild.add_member(user)
    guild.set_command_permissions(await facts_command(simcord_env.bot), {guild.default_role: True})
    result = await owner.slash(channel, "facts stats")
    assert result.response.embeds[0].title == "Catalog"


class TestRepliesHideTheHost:
    @pytest.fixture
    def simcord_bot(self, make_bot, facts_dir: Path):
        return make_bot(facts_dir)  # no display_root: the facts live at an absolute path

    async def test_reload_check_and_stats_name_files_without_host_paths(
        self, simcord_env, facts_dir: Path, tmp_path: Path, guild, channel
    ) -> None:
        admin = curator(simcord_env, guild, "root")
        (facts_dir / "heat.yaml").write_text("title: Heat\nyear: abc\n", encoding="utf-8")
        replies = [
            (await admin.slash(channel, "facts reload")).response,
            (await admin.slash(channel, "facts check")).response,
            (await admin.slash(channel, "facts stats")).response,
        ]
        shown = [str(e.to_dict()) for reply in replies for e in reply.embeds]
        assert "facts/heat.yaml:2: 'year' must be a whole number" in shown[0]
        assert "facts/heat.yaml:2:" in shown[1]
        assert not any(str(tmp_path) in text for text in shown)

    async def test_a_store_that_cannot_be_written_is_reported_without_its_path(
        self, simcord_env, tmp_path: Path, guild, channel, monkeypatch
    ) -> None:
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(tmp_path / "catalog.db.tmp"))

        monkeypatch.setattr("bot.store.live.build_store", refuse)
        reply = (await curator(simcord_env, guild, "root").slash(channel, "facts reload")).response
        text = reply.embeds[0].description
        assert "could not write the store catalog.db: [Errno 13] Permission denied" in text
        assert str(tmp_path) not in text
        assert "The previous catalog is still serving" in text
