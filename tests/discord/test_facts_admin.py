"""``/facts``: admins reload and check the catalog; nobody else can, whatever the client says."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
from simcord.backend.errors import SetupError

from bot.discord.checks import AdminPolicy, NotCatalogAdmin
from tests.conftest import HEAT


@pytest.fixture
def admin(simcord_env, guild):
    role = guild.create_role("catalog admins", permissions=discord.Permissions(manage_guild=True))
    return guild.add_member(simcord_env.create_user("root"), roles=[role])


async def test_an_admin_reload_of_a_good_edit_serves_the_new_facts_at_once(
    simcord_env, facts_dir: Path, channel, member, admin
) -> None:
    (facts_dir / "heat.yaml").write_text(
        HEAT.replace("Dick Richards", "Jerry Jameson"), encoding="utf-8"
    )
    result = await admin.slash(channel, "facts reload")
    assert result.ephemeral
    callbacks = [r.json for r in simcord_env.http_requests if r.path.endswith("/callback")]
    assert callbacks[-1] == {"type": 5, "data": {"flags": 64}}  # deferred, privately
    report = result.response.embeds[0]
    assert report.title == "Catalog reloaded"
    assert "Heat (1986)" in {f.name: f.value for f in report.fields}["Changed (1)"]
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Heat (1986): directed by Jerry Jameson" in answer.response.embeds[0].description


async def test_a_broken_file_is_reported_with_its_line_and_the_old_facts_still_answer(
    facts_dir: Path, channel, member, admin
) -> None:
    (facts_dir / "heat.yaml").write_text("title: Heat\nyear: abc\n", encoding="utf-8")
    result = await admin.slash(channel, "facts reload")
    report = result.response.embeds[0]
    assert report.title == "Reload failed: 1 problem(s)"
    assert "facts/heat.yaml:2: 'year' must be a whole number" in report.description
    assert "The previous catalog is still serving" in report.description
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Michael Mann" in answer.response.embeds[0].description


async def test_many_problems_come_as_an_attached_file(facts_dir: Path, channel, admin) -> None:
    for i in range(20):
        (facts_dir / f"bad{i:02}.yaml").write_text("title: [", encoding="utf-8")
    result = await admin.slash(channel, "facts reload")
    message = result.response
    assert "and 5 more" in message.embeds[0].description
    assert [a.filename for a in message.attachments] == ["facts-problems.txt"]


async def test_facts_check_validates_without_swapping(facts_dir: Path, channel, member, admin):
    (facts_dir / "heat.yaml").write_text("title: Heat\ndirecter: Michael Mann\n", encoding="utf-8")
    result = await admin.slash(channel, "facts check")
    embed = result.response.embeds[0]
    assert "facts/heat.yaml:2: unknown key 'directer'" in embed.description
    assert "did you mean 'directors'" in embed.description
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Michael Mann" in answer.response.embeds[0].description


async def test_facts_stats_counts_the_catalog(channel, admin) -> None:
    result = await admin.slash(channel, "facts stats")
    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields["Films"] == "4"
    assert fields["Not released"] == "1"
    assert result.ephemeral


async def test_the_client_hides_facts_from_members_without_manage_server(channel, member) -> None:
    assert "facts reload" not in member.available_commands(channel)
    with pytest.raises(SetupError, match="default-member-permissions"):
        await member.slash(channel, "facts reload")


async def facts_command(bot) -> discord.app_commands.AppCommand:
    return next(c for c in await bot.tree.fetch_commands() if c.name == "facts")


async def test_a_forged_request_from_a_non_admin_is_refused_by_the_bot(
    simcord_env, facts_dir: Path, guild, channel, member
) -> None:
    guild.set_command_permissions(await facts_command(simcord_env.bot), {guild.default_role: True})
    (facts_dir / "heat.yaml").write_text("title: Heat\nyear: abc\n", encoding="utf-8")
    result = await member.slash(channel, "facts reload")
    assert result.ephemeral
    assert "You need the Manage Server permission" in result.response.content
    assert [type(e) for e in simcord_env.errors] == [NotCatalogAdmin]
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Michael Mann" in answer.response.embeds[0].description


async def test_a_configured_admin_role_works_until_it_is_removed(
    simcord_env, guild, channel
) -> None:
    role = guild.create_role("curators")
    simcord_env.bot.admin_policy = AdminPolicy.of(role_ids=[role.id])
    guild.set_command_permissions(await facts_command(simcord_env.bot), {role: True})
    curator = guild.add_member(simcord_env.create_user("cur"), roles=[role])
    allowed = await curator.slash(channel, "facts stats")
    assert allowed.response.embeds[0].title == "Catalog"
    guild.set_command_permissions(await facts_command(simcord_env.bot), {guild.default_role: True})
    simcord_env.backend.remove_member_role(guild.id, curator.id, role.id)
    refused = await curator.slash(channel, "facts stats")
    assert "You need the Manage Server permission" in refused.response.content
    assert [type(e) for e in simcord_env.errors] == [NotCatalogAdmin]


async def test_a_configured_owner_id_is_an_admin(simcord_env, guild, channel) -> None:
    owner = simcord_env.create_user("owner")
    simcord_env.bot.admin_policy = AdminPolicy.of(owner_ids=[owner.id])
    guild.set_command_permissions(await facts_command(simcord_env.bot), {guild.default_role: True})
    result = await guild.add_member(owner).slash(channel, "facts stats")
    assert result.response.embeds[0].title == "Catalog"


async def test_a_second_reload_while_one_runs_is_told_to_wait(
    simcord_env, channel, member, admin
) -> None:
    store = simcord_env.bot.store
    async with store._lock:  # a reload started by another admin, still running
        second = await admin.slash(channel, "facts reload")
        answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert second.response.embeds[0].title == "Reload in progress"
    assert "Michael Mann" in answer.response.embeds[0].description
    done = await admin.slash(channel, "facts reload")
    assert done.response.embeds[0].title == "Catalog reloaded"


async def test_admin_commands_do_not_exist_in_direct_messages(simcord_env) -> None:
    user = simcord_env.create_user("dm-user")
    assert not any(name.startswith("facts") for name in user.available_commands())
    with pytest.raises(SetupError, match=r"not visible .* \(reason: context\)"):
        await user.slash("facts reload")


async def test_a_number_where_a_name_belongs_fails_the_reload_with_its_line(
    facts_dir: Path, channel, member, admin
) -> None:
    (facts_dir / "heat.yaml").write_text(
        "title: Heat\nyear: 1995\ndirectors: 7\n", encoding="utf-8"
    )
    report = (await admin.slash(channel, "facts reload")).response.embeds[0]
    assert "facts/heat.yaml:3: 'directors' must be a person's name, got the number 7" in (
        report.description
    )
    answer = await member.slash(channel, "ask", question="who directed Heat?")
    assert "Michael Mann" in answer.response.embeds[0].description


async def test_facts_stats_shows_how_the_bot_is_doing(
    simcord_env, facts_dir: Path, channel, admin
) -> None:
    (facts_dir / "heat.yaml").write_text("title: Heat\nyear: abc\n", encoding="utf-8")
    await admin.slash(channel, "facts reload")
    fields = {
        f.name: f.value
        for f in (await admin.slash(channel, "facts stats")).response.embeds[0].fields
    }
    assert fields["Uptime"].endswith(" s")
    assert fields["Catalog loaded"].endswith(" ago")
    assert fields["Last reload"].startswith(
        "failed: 1 problem(s); the previous catalog kept serving, "
    )
    assert fields["Gateway latency"].endswith(" ms") or fields["Gateway latency"] == "not connected"
    assert fields["Shard"] == "none"
    (facts_dir / "heat.yaml").write_text(
        HEAT.replace("Dick Richards", "Jerry Jameson"), encoding="utf-8"
    )
    await admin.slash(channel, "facts reload")
    fields = {
        f.name: f.value
        for f in (await admin.slash(channel, "facts stats")).response.embeds[0].fields
    }
    assert fields["Last reload"].startswith("ok, 4 films (0 added, 1 changed, 0 removed), ")


def test_durations_read_like_a_person_would_say_them() -> None:
    from bot.discord.embeds import duration

    assert [duration(s) for s in (45, 720, 3 * 3600 + 300, 2 * 86400 + 4 * 3600)] == [
        "45 s",
        "12 min",
        "3 h 5 min",
        "2 d 4 h",
    ]
