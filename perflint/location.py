"""Where a piece of a document came from.

A finding points at a `Location`. YAML documents give line/column spans; importers for other
forms (a .docx table cell, an .xlsx sheet cell) fill the same fields and add a human `label`
such as "表1 第3行 第2列" or "绩效指标!C5".
"""

from __future__ import annotations

from typing import NamedTuple, Optional


# A named tuple, not a dataclass: the YAML reader makes one for every node of every document, and a
# tuple is built several times faster than a frozen dataclass.
class Location(NamedTuple):
    """A 1-based, inclusive-start span in the source document."""

    line: int
    column: int
    end_line: int
    end_column: int
    label: Optional[str] = None

    @classmethod
    def point(cls, line: int, column: int, label: Optional[str] = None) -> "Location":
        return cls(line, column, line, column, label)


START = Location.point(1, 1)


class SourceMap:
    """JSON Pointer → location of the value (and of its key, where it has one)."""

    __slots__ = ("_values", "_keys")

    def __init__(self) -> None:
        self._values: dict[str, Location] = {}
        self._keys: dict[str, Location] = {}

    def add(self, pointer: str, value: Location, key: Optional[Location] = None) -> None:
        self._values[pointer] = value
        if key is not None:
            self._keys[pointer] = key

    def value(self, pointer: str) -> Location:
        """The value's span; for a field that is absent, the nearest enclosing one that exists."""
        probe = pointer
        while probe:
            found = self._values.get(probe)
            if found is not None:
                return found
            probe = probe.rpartition("/")[0]
        return self._values.get("", START)

    def key(self, pointer: str) -> Location:
        """The key's span when the field has a key, else the value's."""
        return self._keys.get(pointer) or self.value(pointer)

    def __contains__(self, pointer: str) -> bool:
        return pointer in self._values

    def entries(self):
        """(pointer, value span, key span or None) of every field recorded, in the order recorded."""
        return ((p, v, self._keys.get(p)) for p, v in self._values.items())


def join_pointer(base: str, part: object) -> str:
    """Append one reference token to a JSON Pointer (RFC 6901 escaping)."""
    token = str(part).replace("~", "~0").replace("/", "~1")
    return f"{base}/{token}"
