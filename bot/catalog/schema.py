"""The facts schema: what a film, a person and a facts file may say.

Validation is declarative (pydantic); ``bot.catalog.loader`` turns its errors into
``path:line: message`` records.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

STATUSES = ("released", "announced", "in-production", "rumored", "unconfirmed")
Status = Literal["released", "announced", "in-production", "rumored", "unconfirmed"]

MAX_NAME = 300
MAX_TEXT = 4000
MAX_LIST = 5000
# The tag of films whose source keyed its facts by title alone, so that the facts of every
# film of that title arrived merged (MetaQA): answers about them say so.
SHARED_TITLE_TAG = "shared title"

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
Url = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https?://\S+$")]
Slug = Annotated[
    str,
    StringConstraints(max_length=120, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
]
ImdbId = Annotated[str, StringConstraints(pattern=r"^tt[0-9]{7,12}$")]


def _as_list(value: Any) -> Any:
    """Let a single value stand where a list is expected (``composer: Tom Holkenborg``)."""
    if value is None:
        return []
    if isinstance(value, (str, int, float, dict)):
        return [value]
    return value


def _as_mapping(key: str) -> Any:
    def convert(value: Any) -> Any:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return {key: value}
        return value

    return convert


def _not_a_number(value: Any) -> Any:
    """A person is named in words: ``cast: 42`` is a slip (a title may be ``1917``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError(
            "person_is_number",
            "a person's name must be text, got the number {number}",
            {"number": value},
        )
    return value


Names = Annotated[list[Name], BeforeValidator(_as_list), Field(max_length=MAX_LIST)]
PersonName = Annotated[Name, BeforeValidator(_not_a_number)]
PersonNames = Annotated[list[PersonName], BeforeValidator(_as_list), Field(max_length=MAX_LIST)]


class Strict(BaseModel):
    # Numbers stand where text is expected (a title such as ``1917`` or ``300``).
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, coerce_numbers_to_str=True
    )


class Source(Strict):
    """Where a fact comes from: a URL, a text, or both, with an optional note."""

    url: Url | None = None
    text: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _url_or_text(self) -> Source:
        if not self.url and not self.text:
            raise ValueError("a source needs a url or a text")
        return self

    @property
    def label(self) -> str:
        return self.text or self.url or ""


def _source(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return {"url": value} if re.match(r"^https?://", value) else {"text": value}
    return value


class CastMember(Strict):
    """A person in the cast, with the role (character) they play."""

    person: PersonName
    role: Name | None = None
    note: Text | None = None


class Person(Strict):
    """An entry of a file's ``people:`` section."""

    name: PersonName
    aliases: Names = Field(default_factory=list)
    born: dt.date | Annotated[int, Field(ge=1800, le=2100)] | None = None
    died: dt.date | Annotated[int, Field(ge=1800, le=2100)] | None = None


SourceItem = Annotated[Source, BeforeValidator(_source)]
CastItem = Annotated[CastMember, BeforeValidator(_as_mapping("person"))]


class FilmIdentity:
    """What a film is known by, from its ``id``, ``title``, ``year`` and ``status``: for
    the models and for films read by the quick path (``bot.catalog.plain``) alike."""

    # No annotations here: the models take their fields, in their order, from ``Film``.

    @property
    def slug(self) -> str:
        """The film's stable id: given, or derived from title and year."""
        return self.id or slugify(self.title, self.year)

    @property
    def confirmed(self) -> bool:
        return self.status == "released"


class Film(FilmIdentity, Strict):
    """One film as the catalog knows it."""

    id: Slug | None = None
    title: Name
    year: Annotated[int, Field(ge=1870, le=2100)] | None = None
    aliases: Names = Field(default_factory=list)
    status: Status = "released"
    sources: Annotated[list[SourceItem], BeforeValidator(_as_list), Field(max_length=200)] = Field(
        default_factory=list
    )
    follows: Slug | None = None
    directors: PersonNames = Field(default_factory=list)
    writers: PersonNames = Field(default_factory=list)
    producers: PersonNames = Field(default_factory=list)
    companies: Names = Field(default_factory=list)
    cast: Annotated[list[CastItem], BeforeValidator(_as_list), Field(max_length=MAX_LIST)] = Field(
        default_factory=list
    )
    composer: PersonNames = Field(default_factory=list)
    genres: Names = Field(default_factory=list)
    languages: Names = Field(default_factory=list)
    countries: Names = Field(default_factory=list)
    setting: Names = Field(default_factory=list)
    runtime_minutes: Annotated[int, Field(ge=1, le=10000)] | None = None
    release_date: dt.date | None = None
    synopsis: Text | None = None
    tagline: Text | None = None
    trailer: Url | None = None
    poster: Url | None = None
    tags: Names = Field(default_factory=list)
    trivia: Annotated[list[Text], BeforeValidator(_as_list), Field(max_length=500)] = Field(
        default_factory=list
    )
    imdb_rating: Annotated[float, Field(ge=0, le=10)] | Name | None = None
    imdb_votes: Annotated[int, Field(ge=0)] | Name | None = None
    imdb_id: ImdbId | None = None

    @field_validator("year", "runtime_minutes", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("expected a whole number, not true/false")
        return value

    @field_validator("release_date", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        return value


class FactsFile(Strict):
    """A facts file holding a ``films:`` list and/or a ``people:`` list.

    ``imported`` names the importer that wrote the file (``imdb``); a film of such a file
    gives way to a hand-written film with the same ``imdb_id``.
    """

    imported: Name | None = None
    films: Annotated[list[Film], Field(max_length=100_000)] = Field(default_factory=list)
    people: Annotated[list[Person], Field(max_length=100_000)] = Field(default_factory=list)


FILM_KEYS = tuple(Film.model_fields)
FILE_KEYS = tuple(FactsFile.model_fields)
CAST_KEYS = tuple(CastMember.model_fields)
SOURCE_KEYS = tuple(Source.model_fields)
PERSON_KEYS = tuple(Person.model_fields)


def slugify(title: str, year: int | None = None) -> str:
    """``Alita: Battle Angel``, 2019 → ``alita-battle-angel-2019``."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:100].strip("-") or "film"
    return f"{slug}-{year}" if year else slug
