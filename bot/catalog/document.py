"""Safe YAML reading: bytes → plain Python values, or problems with line numbers.

The reader walks libyaml's event stream itself instead of using a constructor, which gives
it, in one pass (one call per open collection, so at most MAX_DEPTH deep):

* no object construction from tags (any explicit tag is an error: nothing is imported);
* duplicate keys reported (PyYAML silently keeps the last one);
* a depth limit (deep nesting cannot exhaust the stack);
* a budget on alias expansion (an "billion laughs" file stops early);
* optionally, the line of every value, so validation errors can name a line.

Most values of a facts file are plain scalars whose text already appeared (keys above all):
those are taken from a per-document cache inside the collection's loop, and everything
else goes through ``_Reader.node``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events
from yaml.nodes import ScalarNode

try:  # libyaml's C parser when present, the pure-Python one otherwise
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
ALIAS_BUDGET_PER_BYTE = 4
ALIAS_BUDGET_MIN = 10_000

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.SafeLoader("")
_RESOLVER = yaml.resolver.Resolver()
# Plain scalars whose first character no implicit type can start with are strings.
_TYPED_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)
_ANY_TYPED = None in _TYPED_FIRST  # implicit types that may start with any character


class DocumentError(Exception):
    """A problem that stops reading a document, with its 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """A parsed YAML document: its value, and where each value stood when tracked."""

    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicates: list[DocumentError] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of the value at ``path``, or of its closest tracked parent."""
        while path:
            line = self.lines.get(path)
            if line is not None:
                return line
            path = path[:-1]
        return self.lines.get((), 1)


def _scalar(ev: events.ScalarEvent) -> Any:
    """The value of a scalar that is not plain (see ``_PlainValues``)."""
    tag = ev.tag
    if tag is None or tag == "!":
        if ev.implicit[1]:
            return ev.value  # quoted: always a string
        tag = _RESOLVER.resolve(ScalarNode, ev.value, ev.implicit)
    elif tag != _STR:
        raise DocumentError(ev.start_mark.line + 1, f"YAML tags are not allowed: {_short_tag(tag)}")
    return _constructed(tag, ev.value)


def _constructed(tag: str, text: str) -> Any:
    if tag == _STR:
        return text
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - resolver only yields known tags
        return text
    return construct(_CONSTRUCTOR, ScalarNode(tag, text))


class _PlainValues(dict[str, Any]):
    """Plain scalars' values by their text: texts repeat (keys above all), and each is
    resolved once a document.

    A scalar is plain when the parser says its type may be implied (``implicit[0]``):
    unquoted and untagged, or with the non-specific tag ``!``, which is read the same way.
    Its text alone decides its value.
    """

    def __missing__(self, text: str) -> Any:
        if text and text[0] not in _TYPED_FIRST and not _ANY_TYPED:
            value = text  # no implicit type starts this way
        else:
            value = _constructed(_RESOLVER.resolve(ScalarNode, text, (True, False)), text)
        self[text] = value
        return value


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _hashable(key: Any, line: int) -> Any:
    if isinstance(key, (dict, list)):
        raise DocumentError(line, "a mapping key must be a plain value, not a list or mapping")
    return key


_NO_KEY = object()
_SCALAR_EVENT = events.ScalarEvent
_ALIAS_EVENT = events.AliasEvent
_MAPPING_START = events.MappingStartEvent
_SEQUENCE_START = events.SequenceStartEvent
_MAPPING_END = events.MappingEndEvent
_SEQUENCE_END = events.SequenceEndEvent
_ENDS = (_MAPPING_END, _SEQUENCE_END)
_COLLECTION_TAGS = frozenset(("!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))


def read_document(data: bytes | str, *, track_lines: bool = False) -> Document:
    """Parse one YAML document safely.

    Raises :class:`DocumentError` for syntax errors, tags, excessive depth or alias
    expansion, and more than one document. Duplicate keys do not stop reading: they are
    collected in ``Document.duplicates`` so that every one of them can be reported. Lines
    are looked up only when ``track_lines`` is set or a problem is found, as reading a
    valid file needs none.
    """
    loader = _Loader(data)
    doc = Document(value=None)
    documents = 0
    try:
        reader = _Reader(loader.get_event, doc, len(data), track_lines)
        while True:
            ev = loader.get_event()
            if ev is None:
                break
            kind = ev.__class__
            if kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise DocumentError(
                        ev.start_mark.line + 1, "only one YAML document per file (found '---')"
                    )
            elif kind not in _FRAMING:
                doc.value = reader.node(ev, (), 0)
                if track_lines:
                    doc.lines[()] = ev.start_mark.line + 1
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or "invalid YAML"
        context = f" {exc.context}" if exc.context else ""
        raise DocumentError(line, f"YAML syntax error: {problem}{context}") from None
    except yaml.YAMLError as exc:
        raise DocumentError(1, f"YAML error: {exc}") from None
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        raise DocumentError(1, f"nesting is deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return doc


_FRAMING = (events.StreamStartEvent, events.StreamEndEvent, events.DocumentEndEvent)


class _Reader:
    """Builds the values of one document from its events, one collection per call.

    A value's line is the line of its first event, looked up only when lines are tracked
    or a problem is found. ``count`` is the number of values read so far, aliases counted
    as the values they stand for: it bounds alias expansion.
    """

    __slots__ = ("anchors", "budget", "count", "doc", "get_event", "plain", "track")

    def __init__(self, get_event: Any, doc: Document, size: int, track: bool) -> None:
        self.get_event = get_event
        self.doc = doc
        self.track = track
        self.budget = max(ALIAS_BUDGET_MIN, ALIAS_BUDGET_PER_BYTE * size)
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.plain = _PlainValues()

    def node(self, ev: events.NodeEvent, path: Path, depth: int) -> Any:
        """The value that starts with ``ev``: a scalar, an alias's value or a collection."""
        kind = ev.__class__
        if kind is _SCALAR_EVENT:
            self.count += 1
            value = self.plain[ev.value] if ev.implicit[0] else _scalar(ev)
            if ev.anchor is not None:
                self.anchors[ev.anchor] = (value, 1)
            return value
        if kind is _ALIAS_EVENT:
            return self._alias(ev)
        return self._collection(ev, path, depth)

    def _alias(self, ev: events.AliasEvent) -> Any:
        if ev.anchor not in self.anchors:
            raise DocumentError(ev.start_mark.line + 1, f"unknown alias *{ev.anchor}")
        value, weight = self.anchors[ev.anchor]
        self.count += weight
        if self.count > self.budget:
            raise DocumentError(
                ev.start_mark.line + 1,
                "aliases expand this document far beyond its size "
                "(an alias-expansion bomb?); write the values out instead",
            )
        return value

    def _collection(self, start: events.CollectionStartEvent, path: Path, depth: int) -> Any:
        if start.tag is not None and start.tag not in _COLLECTION_TAGS:
            raise DocumentError(
                start.start_mark.line + 1, f"YAML tags are not allowed: {_short_tag(start.tag)}"
            )
        if depth >= MAX_DEPTH:
            raise DocumentError(
                start.start_mark.line + 1, f"nesting is deeper than {MAX_DEPTH} levels"
            )
        first = self.count = self.count + 1
        is_map = start.__class__ is _MAPPING_START
        if self.track:
            container = self._tracked(is_map, path, depth)
        elif is_map:
            container = self._mapping(depth)
        else:
            container = self._sequence(depth)
        if start.anchor is not None:
            self.anchors[start.anchor] = (container, self.count - first + 1)
        return container

    # The loops below read most events, and run once per collection: the plain scalars
    # (and a mapping's quoted values) are taken in the loop itself, and only other events
    # go through ``node``. The scalars read so are added to ``count`` before any other
    # value is read (an alias counts against the budget what was read before it).

    def _sequence(self, depth: int) -> list[Any]:
        items: list[Any] = []
        append, get_event, plain = items.append, self.get_event, self.plain
        counted = 0  # the items already in ``count``
        while True:
            ev = get_event()
            kind = ev.__class__
            if kind is _SCALAR_EVENT and ev.implicit[0] and ev.anchor is None:
                append(plain[ev.value])
            elif kind is _SEQUENCE_END:
                break
            else:
                self.count += len(items) - counted
                if kind is _MAPPING_START or kind is _SEQUENCE_START:
                    append(self._collection(ev, (), depth + 1))
                else:
                    append(self.node(ev, (), depth + 1))
                counted = len(items)
        self.count += len(items) - counted
        return items

    def _mapping(self, depth: int) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        get_event, plain = self.get_event, self.plain
        scalars = 0  # plain scalars not yet in ``count``
        while True:
            ev = get_event()
            kind = ev.__class__
            if kind is _SCALAR_EVENT and ev.implicit[0] and ev.anchor is None:
                key = plain[ev.value]
                scalars += 1
            elif kind is _MAPPING_END:
                break
            else:
                self.count += scalars
                scalars = 0
                key = _hashable(self.node(ev, (), depth + 1), ev.start_mark.line + 1)
            if key in mapping:
                self._duplicate((), key, ev.start_mark.line + 1)
                self.count += scalars
                scalars = 0
                self.node(get_event(), (), depth + 1)  # read, but the first value is kept
                continue
            ev = get_event()
            kind = ev.__class__
            if kind is _SCALAR_EVENT and ev.anchor is None:
                if ev.implicit[0]:
                    mapping[key] = plain[ev.value]
                    scalars += 1
                    continue
                if ev.implicit[1] and ev.tag is None:  # quoted: its text as it is
                    mapping[key] = ev.value
                    scalars += 1
                    continue
            self.count += scalars
            scalars = 0
            if kind is _MAPPING_START or kind is _SEQUENCE_START:
                mapping[key] = self._collection(ev, (), depth + 1)
            else:
                mapping[key] = self.node(ev, (), depth + 1)
        self.count += scalars
        return mapping

    def _tracked(self, is_map: bool, path: Path, depth: int) -> Any:
        """A collection's values, with the line of each."""
        container: Any = {} if is_map else []
        lines = self.doc.lines
        key: Any = _NO_KEY
        key_line = 0
        while True:
            ev = self.get_event()
            kind = ev.__class__
            if kind in _ENDS:
                break
            value = self.node(ev, (*path, key if is_map else len(container)), depth + 1)
            line = ev.start_mark.line + 1
            if not is_map:
                lines[(*path, len(container))] = line
                container.append(value)
            elif key is _NO_KEY:
                if kind is not _SCALAR_EVENT:
                    _hashable(value, line)
                if value in container:
                    self._duplicate(path, value, line)
                key = value
                key_line = line
            else:
                lines.setdefault((*path, key), key_line)
                if key not in container:
                    container[key] = value
                key = _NO_KEY
        return container

    def _duplicate(self, path: Path, key: Any, line: int) -> None:
        first = self.doc.lines.get((*path, key)) if self.track else None
        where = f" (first on line {first})" if first else ""
        self.doc.duplicates.append(DocumentError(line, f"duplicate key '{key}'{where}"))
