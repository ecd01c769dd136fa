"""The package's one exception class, kept apart from the native module so
that it can be pickled and imported on its own."""

from __future__ import annotations

from typing import Any, Optional


class NewsdedupError(ValueError):
    """An input that newsdedup cannot clean, and why.

    ``str(error)`` says where (the record, with its ``"id"`` when it has
    one), what is wrong and how to fix it, as the ``newsdedup`` command
    reports it on stderr.

    Attributes:
        message: what is wrong, without the location or the hint.
        hint: how to fix the input (it names no command-line flag).
        kind: a short name for the kind of error: ``"bad_date"``,
            ``"bad_url"``, ``"empty_title"``, ``"missing_header_line"``,
            ``"no_body"``, ``"empty"``, ``"invalid_utf8"``, ``"binary"``,
            ``"utf16"``, ``"too_large"``; for records also ``"syntax"``,
            ``"not_object"``, ``"missing"``, ``"not_a_string"``,
            ``"duplicate"``, ``"line_break"``; ``"panic"`` for a bug.
        line: for :func:`newsdedup.clean`, the 1-based line of the text at
            fault (``None`` when the error is about the whole text); for
            records, the 1-based number of the record in its input, as a
            stream's line number (1 for :func:`newsdedup.clean_record`).
        field: for records, the field at fault (``"date"``, ``"text"``...),
            or ``None``.
        id: for records, the record's ``"id"`` when it has one.
        index: for many records, the 0-based position of the record in
            the iterable.
    """

    def __init__(
        self,
        message: str,
        *,
        hint: str,
        kind: str,
        line: Optional[int] = None,
        field: Optional[str] = None,
        id: Any = None,
        index: Optional[int] = None,
        record: bool = False,
    ) -> None:
        self.message = message
        self.hint = hint
        self.kind = kind
        self.line = line
        self.field = field
        self.id = id
        self.index = index
        self._record = record
        super().__init__(self._text())

    def _text(self) -> str:
        where = ""
        if self._record:
            where = f"record {self.line}"
            if self.id is not None:
                where += f" (id {_show_id(self.id)})"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return f"{where}{self.message} (hint: {self.hint})"

    def __reduce__(self) -> Any:
        # Keyword-only arguments: pickle (multiprocessing, datasets.map
        # with num_proc) needs to be told how to rebuild the error.
        return (_rebuild, (self.message, self.__getstate__()))

    def __getstate__(self) -> dict:
        return {
            "hint": self.hint,
            "kind": self.kind,
            "line": self.line,
            "field": self.field,
            "id": self.id,
            "index": self.index,
            "record": self._record,
        }


def _rebuild(message: str, state: dict) -> NewsdedupError:
    return NewsdedupError(message, **state)


def _show_id(value: Any) -> str:
    """An id as the command shows it: a string in double quotes."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
