"""Safe YAML reading: bytes → plain Python values, or problems with line numbers.

The reader walks libyaml's event stream itself instead of using a constructor, which gives
it, in one pass and without recursion:

* no object construction from tags (any explicit tag is an error: nothing is imported);
* duplicate keys reported (PyYAML silently keeps the last one);
* a depth limit (deep nesting cannot exhaust the stack);
* a budget on alias expansion (an "billion laughs" file stops early);
* optionally, the line of every value, so validation errors can name a line.
"""

from __future__ import annotations

import datetime as dt
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
    tag = ev.tag
    if tag is None or tag == "!":
        if ev.implicit[0] is False and ev.implicit[1]:
            return ev.value  # quoted: always a string
        if ev.value and ev.value[0] not in _TYPED_FIRST and None not in _TYPED_FIRST:
            return ev.value  # plain, and no implicit type starts this way
        tag = _RESOLVER.resolve(ScalarNode, ev.value, ev.implicit)
    elif tag != _STR:
        raise DocumentError(ev.start_mark.line + 1, f"YAML tags are not allowed: {_short_tag(tag)}")
    if tag == _STR:
        return ev.value
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - resolver only yields known tags
        return ev.value
    value = construct(_CONSTRUCTOR, ScalarNode(tag, ev.value))
    if isinstance(value, dt.datetime):
        return value
    return value


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _hashable(key: Any, line: int) -> Any:
    if isinstance(key, (dict, list)):
        raise DocumentError(line, "a mapping key must be a plain value, not a list or mapping")
    return key


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "key_line", "line", "path", "start_count")

    def __init__(
        self, container: Any, line: int, anchor: str | None, start_count: int, path: Path
    ) -> None:
        self.container = container
        self.is_map = type(container) is dict
        self.line = line
        self.anchor = anchor
        self.start_count = start_count
        self.key: Any = _NO_KEY
        self.key_line = line
        self.path = path


_NO_KEY = object()
_MISSING = object()
_SCALAR_EVENT = events.ScalarEvent
_ALIAS_EVENT = events.AliasEvent
_STARTS = (events.MappingStartEvent, events.SequenceStartEvent)
_ENDS = (events.MappingEndEvent, events.SequenceEndEvent)
_COLLECTION_TAGS = frozenset(("!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))


def read_document(data: bytes | str, *, track_lines: bool = False) -> Document:
    """Parse one YAML document safely.

    Raises :class:`DocumentError` for syntax errors, tags, excessive depth or alias
    expansion, and more than one document. Duplicate keys do not stop reading: they are
    collected in ``Document.duplicates`` so that every one of them can be reported. Lines
    are looked up only when ``track_lines`` is set or a problem is found, as reading a
    valid file needs none.
    """
    size = len(data)
    budget = max(ALIAS_BUDGET_MIN, ALIAS_BUDGET_PER_BYTE * size)
    loader = _Loader(data)
    doc = Document(value=None)
    lines = doc.lines
    anchors: dict[str, tuple[Any, int]] = {}
    # Plain scalars repeat (keys above all): each text is resolved to its value once.
    plain: dict[str, Any] = {}
    stack: list[_Frame] = []
    count = 0
    documents = 0
    line = 0
    try:
        get_event = loader.get_event
        while True:
            ev = get_event()
            if ev is None:
                break
            kind = ev.__class__
            checked = True  # whether the value is known to be a valid mapping key
            if kind is _SCALAR_EVENT:
                count += 1
                if ev.tag is None and ev.implicit[0]:
                    value = plain.get(ev.value, _MISSING)
                    if value is _MISSING:
                        value = plain[ev.value] = _scalar(ev)
                else:
                    value = _scalar(ev)
                if ev.anchor is not None:
                    anchors[ev.anchor] = (value, 1)
                if track_lines:
                    line = ev.start_mark.line + 1
            elif kind in _STARTS:
                line = ev.start_mark.line + 1
                if ev.tag is not None and ev.tag not in _COLLECTION_TAGS:
                    raise DocumentError(line, f"YAML tags are not allowed: {_short_tag(ev.tag)}")
                if len(stack) >= MAX_DEPTH:
                    raise DocumentError(line, f"nesting is deeper than {MAX_DEPTH} levels")
                count += 1
                path = _child_path(stack) if track_lines else ()
                container: Any = {} if kind is events.MappingStartEvent else []
                stack.append(_Frame(container, line, ev.anchor, count, path))
                continue
            elif kind in _ENDS:
                frame = stack.pop()
                value = frame.container
                if frame.anchor is not None:
                    anchors[frame.anchor] = (value, count - frame.start_count + 1)
                line = frame.line
                checked = False
            elif kind is _ALIAS_EVENT:
                line = ev.start_mark.line + 1
                if ev.anchor not in anchors:
                    raise DocumentError(line, f"unknown alias *{ev.anchor}")
                value, weight = anchors[ev.anchor]
                count += weight
                if count > budget:
                    raise DocumentError(
                        line,
                        "aliases expand this document far beyond its size "
                        "(an alias-expansion bomb?); write the values out instead",
                    )
                checked = False
            else:
                if kind is events.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise DocumentError(
                            ev.start_mark.line + 1, "only one YAML document per file (found '---')"
                        )
                continue
            # The value goes into the innermost open collection.
            if not stack:
                doc.value = value
                if track_lines:
                    lines[()] = line
                continue
            parent = stack[-1]
            container = parent.container
            if not parent.is_map:
                if track_lines:
                    lines[(*parent.path, len(container))] = line
                container.append(value)
            elif parent.key is _NO_KEY:
                if not checked:
                    _hashable(value, line)
                if value in container:
                    _duplicate(doc, parent, value, ev, line, track_lines)
                parent.key = value
                if track_lines:
                    parent.key_line = line
            else:
                key = parent.key
                if track_lines:
                    lines.setdefault((*parent.path, key), parent.key_line)
                if key not in container:
                    container[key] = value
                parent.key = _NO_KEY
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


def _duplicate(
    doc: Document, parent: _Frame, key: Any, ev: events.Event, line: int, track: bool
) -> None:
    if ev.__class__ is _SCALAR_EVENT:
        line = ev.start_mark.line + 1
    first = doc.lines.get((*parent.path, key)) if track else None
    where = f" (first on line {first})" if first else ""
    doc.duplicates.append(DocumentError(line, f"duplicate key '{key}'{where}"))


def _child_path(stack: list[_Frame]) -> Path:
    if not stack:
        return ()
    parent = stack[-1]
    if isinstance(parent.container, list):
        return (*parent.path, len(parent.container))
    return (*parent.path, parent.key)
