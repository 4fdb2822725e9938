"""A quick reader for facts files written in plain YAML, through rapidyaml.

rapidyaml (``ryml``) parses a file and writes it out as JSON several times faster than
libyaml hands PyYAML its events, and ``json`` turns that JSON into the same dicts, lists
and scalars. The two readers do not agree on everything: rapidyaml reads YAML 1.2 (to it
``yes`` and ``2001-01-01`` are text), drops tags and anchors, writes aliases as text,
keeps duplicate keys and accepts some text libyaml rejects. So this reader gives up
(returns None) whenever it is not sure that its value is the one ``read_document`` gives
for a file that ``read_document`` reads without any problem:

* on the source, before parsing: a control character (tabs and CR among them), a line
  break PyYAML knows and rapidyaml does not, a node that starts with an indicator (a tag,
  a flow collection, a block scalar, a complex key...), a quoted scalar that is a key or
  that more than a comment follows, a double-quoted scalar over several lines, an anchor
  or alias in any other form than the one PyYAML writes, a document marker, a line long
  enough to hold a key too long for libyaml, an indentation deep enough to nest past
  ``MAX_DEPTH``;
* on the JSON: a float whose text in the file PyYAML may read otherwise, a duplicate key,
  a lone surrogate, and any string that PyYAML would type when plain: a key, or a value
  that rapidyaml would not have written as a string had it been plain.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from bot.catalog.document import ALIAS_BUDGET_MIN, ALIAS_BUDGET_PER_BYTE, Document

# Imported with this module, not when first needed: the parsing workers are forked from a
# process that has imported it, and do not each import it again (it takes a while) at the
# start of every build.
try:
    import ryml
except ImportError:  # pragma: no cover - depends on the environment
    ryml = None

_BOM = b"\xef\xbb\xbf"

# Bytes of text PyYAML and rapidyaml read alike: line feeds, printable ASCII, UTF-8.
_PLAIN_BYTES = bytes([10, *range(0x20, 0x7F), *range(0x80, 0x100)])
# Characters PyYAML and rapidyaml read apart, under the first byte of their UTF-8 (a
# byte the text seldom holds, and quick to look for): the line and paragraph separators
# (line breaks to PyYAML), the non-characters PyYAML rejects, a byte order mark past
# the start.
_UNSURE_CHARACTERS = {
    0xE2: (b"\xe2\x80\xa8", b"\xe2\x80\xa9"),
    0xEF: (b"\xef\xbf\xbe", b"\xef\xbf\xbf", _BOM),
}
_ALIAS_MARK = b"9e-9"  # what stands for an alias while rapidyaml reads the file (below)
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")  # NEL (a line break to PyYAML) among them
_UNSURE_LINE = re.compile(rb"\n(?:---|\.\.\.|[ -]{60}|[^\n]{1025})")
# An indicator, or an anchor or alias, after a space or a character a node may follow:
# whether a node starts with it is then checked (see ``_node_starts``).
_INDICATOR = re.compile(rb"[][{}!%@`|>?:,&*'\"](?<=[-?:\[{,\n ].)")
# An anchor or alias after a key or a dash: the forms read below are among them.
_REF = re.compile(rb"[&*](?<=[:-] .)")
_NODE_FOLLOWS = b"-?:[{,\n"
_QUOTED = {
    b"'": re.compile(rb"'(?:[^']|'')*'"),
    b'"': re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL),
}
_AFTER_QUOTED = re.compile(rb"[ ]*(?:\n|\Z)|[ ]+#")

# Anchors and aliases are read in one form alone, the one PyYAML writes for a list that
# several films share: an anchor on a value that starts on the next line, an alias as a
# whole value. Before parsing, an anchor moves into its key (``directors&id001:``) and an
# alias becomes a number (``9e-9<n>``) that rapidyaml writes as it is; in the JSON, the
# anchored value's text then takes the place of each of its aliases.
_ANCHOR = re.compile(rb": &([A-Za-z0-9_]+)$", re.MULTILINE)
_ALIAS = re.compile(rb"\*(?<=[:-] \*)([A-Za-z0-9_]+)$", re.MULTILINE)
_ANCHOR_JSON = re.compile(r'&([A-Za-z0-9_]+)": ')
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ALIAS_JSON = re.compile(_ALIAS_MARK.decode() + r"([0-9]+)(?=[],}])")

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
# A JSON string that may be one PyYAML types when plain: a word it reads as a boolean,
# null, infinity or NaN (or one of its other implicit types), or text that may be a
# number, a date or a time. The texts found (no escapes among their characters) are then
# resolved as PyYAML resolves them.
_MAY_BE_TYPED = re.compile(
    r'"(?=[-+.0-9yYnNtTfFoO~<=!&*"])('
    r"[yY]es|YES|[nN]o|NO|[tT]rue|TRUE|[fF]alse|FALSE|[oO]n|ON|[oO]ff|OFF|[nN]ull|NULL"
    r"|~|<<|=|!|&|\*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+.0-9][-+.0-9_:xa-fA-FtTZ ]*|"
    r')"(:?)'
)
# Strings rapidyaml writes as JSON numbers or keywords when plain: as JSON strings they
# were quoted in the file, and PyYAML reads them as text too.
_UNTYPED_IF_QUOTED = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|true|false|null")
# What rapidyaml writes for a plain "nan", "inf", "infinity" and a few others.
_NAN_INF = frozenset((".nan", ".inf", "-.inf"))
# Floats whose text in the file PyYAML reads as the same number however rapidyaml wrote
# it ("1." as "1.0", ".5" as "0.5"); not "-0.5", which "-.5", text to PyYAML, becomes.
_SURE_FLOAT = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]+|-[1-9][0-9]*\.[0-9]+")


_quick_here = False  # see read_quickly_here


class _Unsure(Exception):
    pass


def _float(text: str) -> float:
    if not _SURE_FLOAT.fullmatch(text):
        raise _Unsure
    return float(text)


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Unsure  # a duplicate key: the full reader reports it
    return mapping


_DECODER = json.JSONDecoder(object_pairs_hook=_mapping, parse_float=_float)


def read_quickly_here() -> None:
    """Let :func:`quick_here` say yes: for a process that reads facts files alone, on
    one thread (a parsing worker), where rapidyaml's printing of its parse errors is
    sent nowhere without losing what another thread writes to the standard error."""
    global _quick_here
    _quick_here = True


def quick_here() -> bool:
    """Whether this process reads facts files with :func:`read_plain` first."""
    return _quick_here and ryml is not None


@contextlib.contextmanager
def _errors_unprinted() -> Iterator[None]:
    """The standard error (file descriptor 2) sent nowhere for the block: rapidyaml's C++
    core prints each parse error there before raising it, and PyYAML then reports the
    problem as the catalog's errors are reported."""
    saved = os.dup(2)
    try:
        os.dup2(_nowhere(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@cache
def _nowhere() -> int:
    return os.open(os.devnull, os.O_WRONLY)


def read_plain(data: bytes) -> Document | None:
    """The document ``read_document(data)`` gives when it reads ``data`` without any
    problem, or None when this reader is not sure of its value.

    ``data`` is UTF-8 (``read_bytes`` checks it first)."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if ryml is None or _unsure_source(data):
        return None
    try:
        refs = _node_starts(data)
        budget = max(ALIAS_BUDGET_MIN, ALIAS_BUDGET_PER_BYTE * len(data))
        aliases: list[bytes] = []
        anchors = 0
        if refs:
            if _ALIAS_MARK in data:
                return None
            data, anchors = _ANCHOR.subn(rb"&\1:", data)
            data = _ALIAS.sub(lambda match: _alias_number(match, aliases), data)
            if anchors + len(aliases) != refs:
                return None
        with _errors_unprinted():
            text, nodes = _json(data)
        if refs:
            text = _with_aliases(text, aliases, anchors, budget - 2 * nodes)
        if b"\\" in data and not text.isascii():
            text.encode()  # raises for a lone surrogate
        if _typed_string(text, data):
            return None
        return Document(_DECODER.decode(text))
    except Exception:  # anything rapidyaml or JSON reject: PyYAML decides
        return None


class _Emitter:
    """rapidyaml's tree and the buffer it writes JSON into, kept from file to file: its
    own ``emit_json_malloc`` writes a file's JSON twice (once to measure it), and a new
    tree is set up for each file."""

    def __init__(self) -> None:
        self.tree: Any = None  # both made when first needed, in a parsing worker
        self.out = bytearray()

    def json(self, data: bytes) -> tuple[str, int]:
        """The JSON of YAML ``data``, and how many nodes its tree has."""
        if self.tree is None:
            self.tree = ryml.Tree()
            self.out = bytearray(max(1 << 20, 2 * len(data)))  # JSON about as long as its YAML
        tree = self.tree
        tree.clear()
        tree.clear_arena()
        ryml.parse_in_arena(data, tree=tree)
        root = tree.root_id()
        if tree.is_container(root):
            # On one line, the whole file: without the indentation, the JSON is about 40%
            # shorter, and quicker to write, to look through and to decode.
            tree.set_container_style(root, ryml.FLOW_SL)
        try:
            written = ryml.emit_json_in_place(tree, self.out)
        except IndexError:  # a bigger file than any before: a buffer to fit it
            self.out = bytearray(ryml.compute_json_length(tree) + (1 << 16))
            written = ryml.emit_json_in_place(tree, self.out)
        with written:
            return str(written, "utf-8"), tree.size()


_json = _Emitter().json  # on one thread alone, as ``read_plain`` is


def _unsure_source(data: bytes) -> bool:
    """Whether ``data`` holds text this reader leaves to PyYAML, but indicators."""
    return bool(
        data.translate(None, _PLAIN_BYTES)
        or any(
            lead in data and any(text in data for text in texts)
            for lead, texts in _UNSURE_CHARACTERS.items()
        )
        or (b"\xc2" in data and _C1_CONTROL.search(data))
        or _UNSURE_LINE.search(data)
        or _UNSURE_LINE.match(b"\n" + data[:1025])
    )


def _node_starts(data: bytes) -> int:
    """The anchors and aliases that may start a node after a key or a dash; raises
    ``_Unsure`` for a node that starts with another indicator, for a quoted scalar that is
    a key or is followed by more than a comment (rapidyaml reads some of those that
    libyaml rejects), and for a double-quoted one over several lines.

    One pass over the text finds both (``_REF``'s anchors and aliases are among the
    indicators found), but inside quoted scalars, where they are counted alone."""
    text = b"\n" + data
    refs = 0
    match = _INDICATOR.search(text)
    while match is not None:
        at, end = match.start() - 1, match.end()
        if _REF.match(text, match.start()):
            refs += 1
        else:
            while text[at] == 32:  # the spaces before it
                at -= 1
            if text[at] in _NODE_FOLLOWS:
                if match[0] not in b"'\"":
                    raise _Unsure
                quoted = _QUOTED[match[0]].match(text, match.start())
                if quoted is None or not _AFTER_QUOTED.match(text, quoted.end()):
                    raise _Unsure
                if match[0] == b'"' and b"\n" in quoted[0]:
                    raise _Unsure  # line breaks escaped or folded: the readers differ
                end = quoted.end()
                refs += len(_REF.findall(text, match.end(), end))
        match = _INDICATOR.search(text, end)
    return refs


def _alias_number(match: re.Match[bytes], aliases: list[bytes]) -> bytes:
    aliases.append(match[1])
    return b"%s%d" % (_ALIAS_MARK, len(aliases) - 1)


def _with_aliases(text: str, aliases: list[bytes], anchors: int, budget: int) -> str:
    """``text`` with each anchor taken out of its key and each alias replaced by its
    anchor's value; raises ``_Unsure`` unless each was found where it was put, each alias
    follows its anchor, no anchored value holds another anchor or alias, and the values
    that aliases repeat stay within the budget ``read_document`` gives them."""
    edits: list[tuple[int, int, str]] = []
    anchored: dict[str, tuple[int, str]] = {}
    for match in _ANCHOR_JSON.finditer(text):
        start, name = match.end(), match[1]
        end = _DECODER.raw_decode(text, start)[1]  # raises for an alias in the value
        value = text[start:end]
        key = text.rfind('"', 0, match.start())
        if (
            text[key - 1] == "\\"
            or not _KEY.fullmatch(text, key + 1, match.start())
            or _ANCHOR_JSON.search(value)
        ):
            raise _Unsure
        anchored[name] = (start, value)
        edits.append((match.start(), match.end() - 3, ""))
    for match in _ALIAS_JSON.finditer(text):
        start, value = anchored.get(aliases[int(match[1])].decode(), (len(text), ""))
        budget -= len(value)
        if start > match.start() or budget < 0:
            raise _Unsure  # an alias before its anchor, or past the budget
        edits.append((match.start(), match.end(), value))
    if len(anchored) != anchors or len(edits) != anchors + len(aliases):
        raise _Unsure
    parts, done = [], 0
    for start, end, value in sorted(edits):
        parts += (text[done:start], value)
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _typed_string(text: str, source: bytes) -> bool:
    """Whether ``text``, the JSON of ``source``, holds a string PyYAML may read
    otherwise: a key PyYAML would type, or a value it would type that may have been
    plain in the file (rapidyaml writes some of those as JSON strings)."""
    for match in _MAY_BE_TYPED.finditer(text):
        value, is_key = match.groups()
        if _RESOLVER.resolve(ScalarNode, value, (True, False)) == _STR:
            continue
        if is_key or not value or " " in value or value in _NAN_INF:
            return True  # a date's spaces may be a plain scalar's folded line breaks
        if not _UNTYPED_IF_QUOTED.fullmatch(value) and _plain_in(value, source):
            return True
    return False


def _plain_in(value: str, source: bytes) -> bool:
    """Whether ``value`` may stand in ``source`` as a plain scalar (it starts a node, and
    only spaces or a comment follow it on its line)."""
    # Found by its text first (quick to look for), then what comes before it is checked:
    # the start of its line, or a key's colon or a dash and a space, then spaces alone.
    pattern = re.compile(rb"%s[ ]*(?:#|$)" % re.escape(value.encode()), re.MULTILINE)
    match = pattern.search(source)
    while match is not None:
        start = match.start()
        before = source[source.rfind(b"\n", 0, start) + 1 : start]
        bare = before.rstrip(b" ")
        if not bare or (len(bare) < len(before) and bare[-1] in b":-"):
            return True
        match = pattern.search(source, start + 1)
    return False
