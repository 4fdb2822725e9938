"""The systemd units of ``docs/deploy/``: the keys a safe, restartable service needs, settings
film-bot really reads, and the same text as the deployment guide shows."""

from __future__ import annotations

import pytest

from bot.config import Settings
from tests.conftest import ROOT

DEPLOY = ROOT / "docs" / "deploy"
GUIDE = ROOT / "docs" / "deploy.md"
UNITS = ("film-bot.service", "film-bot@.service")
SETTINGS = {
    field.validation_alias for field in Settings.model_fields.values() if field.validation_alias
}

Unit = dict[str, list[tuple[str, str]]]


def parse_unit(text: str) -> Unit:
    """``[Section]`` → ``(key, value)`` pairs in order; a key may repeat, as in systemd."""
    sections: Unit = {}
    current: list[tuple[str, str]] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        key, equals, value = line.partition("=")
        assert equals and current is not None, f"line {number} is not key=value: {raw!r}"
        current.append((key.strip(), value.strip()))
    return sections


def values(unit: Unit, section: str, key: str) -> list[str]:
    return [value for name, value in unit.get(section, []) if name == key]


def environment(unit: Unit) -> dict[str, str]:
    pairs = (value.partition("=") for value in values(unit, "Service", "Environment"))
    return {name: value for name, _, value in pairs}


@pytest.fixture(params=UNITS)
def unit(request: pytest.FixtureRequest) -> Unit:
    return parse_unit((DEPLOY / request.param).read_text(encoding="utf-8"))


def test_each_unit_is_a_restartable_service_of_its_own_user(unit: Unit) -> None:
    assert values(unit, "Unit", "After") == ["network-online.target"]
    assert values(unit, "Unit", "Wants") == ["network-online.target"]
    assert values(unit, "Service", "Restart") == ["on-failure"]
    user = values(unit, "Service", "User")
    assert user == ["film-bot"] and user != ["root"]
    assert values(unit, "Service", "EnvironmentFile") == ["/etc/film-bot/film-bot.env"]
    assert values(unit, "Service", "ExecStart")[0].endswith("/bin/film-bot run")
    assert values(unit, "Service", "KillSignal") == ["SIGTERM"]
    assert values(unit, "Install", "WantedBy") == ["multi-user.target"]


def test_the_store_lives_in_the_state_directory(unit: Unit) -> None:
    [state] = values(unit, "Service", "StateDirectory")
    store = environment(unit)["FILM_BOT_DB_PATH"]
    assert store.startswith(f"/var/lib/{state}/")
    assert values(unit, "Service", "ProtectSystem") == ["strict"]  # the one place it writes


def test_units_set_only_settings_film_bot_reads(unit: Unit) -> None:
    assert set(environment(unit)) <= SETTINGS


def test_the_sharded_template_runs_one_shard_per_instance() -> None:
    template = parse_unit((DEPLOY / "film-bot@.service").read_text(encoding="utf-8"))
    env = environment(template)
    assert env["FILM_BOT_SHARD_COUNT"] == "2"
    assert env["FILM_BOT_SHARD_IDS"] == "%i"
    assert "%i" in env["FILM_BOT_DB_PATH"]  # a store per shard
    assert values(template, "Service", "StateDirectory") == ["film-bot/shard-%i"]


def test_the_environment_file_leaves_the_units_settings_to_them() -> None:
    lines = (DEPLOY / "film-bot.env").read_text(encoding="utf-8").splitlines()
    names = {line.partition("=")[0] for line in lines if line and not line.startswith("#")}
    assert "DISCORD_TOKEN" in names and names <= SETTINGS
    for name in UNITS:
        unit = parse_unit((DEPLOY / name).read_text(encoding="utf-8"))
        assert not names & set(environment(unit))


@pytest.mark.parametrize("name", UNITS)
def test_the_guide_shows_each_unit_as_it_is(name: str) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    unit = (DEPLOY / name).read_text(encoding="utf-8")
    unindented = "\n".join(line.removeprefix("   ") for line in guide.splitlines())
    assert unit.strip() in unindented


def test_a_line_that_is_not_key_value_is_caught() -> None:
    with pytest.raises(AssertionError, match="line 2 is not key=value"):
        parse_unit("[Service]\nRestart on-failure\n")
