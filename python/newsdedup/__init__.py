"""Rebuild clean news articles from scraped files whose paragraphs were
written many times over.

The Python API of `newsdedup <https://github.com/>`_'s library, compiled in
(no subprocess), and the ``newsdedup`` command on PATH:

- :func:`clean`: one scraped file's text to a dict, the fields of
  ``newsdedup --format json`` (``title``, ISO ``date``, ``url``, ``lang``,
  ``paragraphs``, ``sentences``, ``stats``);
- :func:`clean_record`: one record ``{"title", "date", "url", "text", ...}``
  to its cleaned record, the JSON Lines contract of ``newsdedup
  --input-format jsonl --format jsonl`` (other fields carried through,
  ``text`` replaced by the cleaned fields);
- :func:`clean_many`: an iterator over many records, cleaned on every core
  with the GIL released, in input order;
- :func:`duplicates`: the records that are copies of one story, grouped,
  as ``newsdedup --duplicates`` groups them.

An input that cannot be cleaned raises :class:`NewsdedupError`, which
carries the ``line``, the ``hint`` and the ``kind`` of the error.

>>> import newsdedup
>>> article = newsdedup.clean(
...     "Title\\n20220122\\nhttps://example.com/a\\n"
...     "Second paragraph here.Third and last one.\\n"
...     "First paragraph of it.Second paragraph here.Third and last one.\\n"
... )
>>> article["paragraphs"]
['First paragraph of it.', 'Second paragraph here.', 'Third and last one.']
>>> article["date"]
'2022-01-22'
"""

from __future__ import annotations

import functools
import itertools
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import _newsdedup
from ._errors import NewsdedupError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NewsdedupError",
    "clean",
    "clean_many",
    "clean_record",
    "duplicates",
]

__version__: str = _newsdedup.__version__

#: Inputs (for records: JSON lines) larger than this are refused unless
#: ``max_bytes`` says otherwise: 256 MiB, as the command's ``--max-bytes``.
DEFAULT_MAX_BYTES: int = _newsdedup.DEFAULT_MAX_BYTES

#: Records cleaned per round by :func:`clean_many` and :func:`duplicates`:
#: as the command's JSON Lines filter, enough to keep every core busy and
#: few enough to hold.
CHUNK_SIZE = 1024

Record = Union[Mapping[str, Any], str]

_ERRORS = ("raise", "skip", "yield")


def clean(
    text: Union[str, bytes],
    *,
    no_header: bool = False,
    lossy: bool = False,
    keep_entities: bool = False,
    lang: Optional[str] = None,
    max_bytes: Optional[int] = None,
    header: Optional[str] = None,
) -> Dict[str, Any]:
    """Cleans one scraped file: each paragraph once, in order.

    Args:
        text: the file's content: line 1 the title, line 2 the date, line 3
            the URL, then the body (or the body only, with ``no_header``).
            ``bytes`` are read as the command reads a file (UTF-8, a BOM
            dropped, CRLF accepted); a ``str`` is encoded as UTF-8 first.
        no_header: the text holds the body only; ``title``, ``date`` and
            ``url`` are then ``None``.
        lossy: replace invalid UTF-8 with U+FFFD instead of raising.
        keep_entities: leave HTML character references (``&amp;``) as
            written instead of decoding them.
        lang: the article's language (``"de"``, ``"pt-BR"``), for ``lang``
            and the sentence rules, instead of detecting it.
        max_bytes: refuse a larger input (default :data:`DEFAULT_MAX_BYTES`).
        header: the header lines the text starts with, in order, as
            ``newsdedup --header``: ``"url,title,date"``, ``"title,url"``
            (default ``"title,date,url"``); a field left out is ``None``.
            A bad list raises ``ValueError``.

    Returns:
        The fields of ``newsdedup --format json``: ``title``, ``date`` (ISO
        8601), ``url``, ``lang``, ``paragraphs``, ``sentences`` (a list per
        paragraph) and ``stats``.

    Raises:
        NewsdedupError: the text cannot be cleaned; ``line`` is the line at
            fault, ``hint`` says how to fix it.
    """
    data = _to_bytes(text)
    outcome = _newsdedup.clean_json(
        data,
        no_header=no_header,
        lossy=lossy,
        keep_entities=keep_entities,
        lang=lang,
        max_bytes=max_bytes,
        header=header,
    )
    ok, payload = _unpack(outcome)
    if not ok:
        raise _error(payload)
    return json.loads(payload)


def clean_record(
    record: Record,
    *,
    no_header: bool = False,
    lossy: bool = False,
    keep_entities: bool = False,
    lang: Optional[str] = None,
    max_bytes: Optional[int] = None,
) -> Dict[str, Any]:
    """Cleans one record, as ``newsdedup --input-format jsonl`` cleans a line.

    Args:
        record: a mapping (or its JSON text) with ``title``, ``date``
            (``YYYYMMDD`` or another form the command reads), ``url`` and
            ``text`` (the raw body, lines separated by ``\\n``), plus any
            other fields, which are carried through unchanged (a mapping's
            as the Python values they are, so they need not be JSON). An
            optional ``lang`` gives the article's language. With
            ``no_header`` only ``text`` is read.
        no_header, lossy, keep_entities, lang, max_bytes: as for
            :func:`clean`; ``max_bytes`` limits the record's JSON text.

    Returns:
        The carried fields first, in their order, then the fields of
        :func:`clean`; ``text`` is not returned.

    Raises:
        NewsdedupError: the record cannot be cleaned; ``field`` names the
            field at fault and ``id`` is the record's ``"id"``, if any.
        TypeError: the record is neither a mapping nor a string.
    """
    cleaner = _cleaner(1, no_header, lossy, keep_entities, lang, max_bytes)
    (outcome,) = cleaner.clean_records([_checked(record)])
    ok, payload = _unpack(outcome)
    if not ok:
        raise _record_error(payload, record, 0)
    return _output(record, payload, no_header)


def clean_many(
    records: Iterable[Record],
    *,
    jobs: Optional[int] = None,
    errors: str = "raise",
    chunk_size: int = CHUNK_SIZE,
    no_header: bool = False,
    lossy: bool = False,
    keep_entities: bool = False,
    lang: Optional[str] = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Any]:
    """Cleans many records on every core, yielding them in input order.

    Records are taken ``chunk_size`` at a time; each chunk is cleaned in
    parallel by native threads with the GIL released, so other Python
    threads run meanwhile (this one prepares the next chunk and returns the
    one before), and memory holds a few chunks however many records there
    are. The iterable is read lazily, a chunk ahead: a generator over a huge
    file is fine.

    Args:
        records: mappings or their JSON texts, as for :func:`clean_record`.
        jobs: threads (default: one per core).
        errors: what a bad record does: ``"raise"`` (default) raises its
            :class:`NewsdedupError` when reached (the records before it have
            been yielded); ``"skip"`` leaves it out; ``"yield"`` yields the
            :class:`NewsdedupError` in its place, so the output stays
            aligned with the input.
        chunk_size: records cleaned per round.
        no_header, lossy, keep_entities, lang, max_bytes: as for
            :func:`clean_record`.

    Yields:
        Each cleaned record (a dict), as :func:`clean_record` returns it.
    """
    _check_errors(errors)
    if chunk_size < 1:
        raise ValueError(f"chunk_size={chunk_size} must be at least 1")
    cleaner = _cleaner(jobs, no_header, lossy, keep_entities, lang, max_bytes)
    # Pipelined: while native threads clean one chunk (GIL released), this
    # thread turns the next one into JSON and the one before into dicts,
    # the two serial steps, so they cost no wall time on a free core.
    index = 0
    with ThreadPoolExecutor(1, thread_name_prefix="newsdedup") as background:
        pending = None
        for chunk in _chunks(records, chunk_size):
            checked = [_checked(r) for r in chunk]
            running = (chunk, background.submit(cleaner.clean_records, checked))
            if pending is not None:
                yield from _finish(pending, index, errors, no_header)
                index += len(pending[0])
            pending = running
        if pending is not None:
            yield from _finish(pending, index, errors, no_header)


def _finish(
    done: Tuple[List[Record], Any], index: int, errors: str, no_header: bool
) -> Iterator[Any]:
    """The records of one chunk of :func:`clean_many`, once it is cleaned."""
    chunk, future = done
    for offset, (record, outcome) in enumerate(zip(chunk, future.result())):
        ok, payload = _unpack(outcome)
        if ok:
            yield _output(record, payload, no_header)
            continue
        error = _record_error(payload, record, index + offset)
        if errors == "raise":
            raise error
        if errors == "yield":
            yield error


def duplicates(
    records: Iterable[Record],
    *,
    threshold: float = 0.5,
    keep: str = "complete",
    jobs: Optional[int] = None,
    errors: str = "raise",
    chunk_size: int = 4096,
    no_header: bool = False,
    lossy: bool = False,
    keep_entities: bool = False,
    lang: Optional[str] = None,
    max_bytes: Optional[int] = None,
) -> List[Dict[str, Any]]:
    """Groups the records that are copies of one story.

    The method of ``newsdedup --duplicates``: each record is cleaned, then
    two articles are copies when at least ``threshold`` of the shorter one
    is the same story text (ignoring case, punctuation, spacing and text
    that many articles share, such as site footers). Only each article's
    word shingles are held, not its text.

    Args:
        records: mappings or their JSON texts, as for :func:`clean_record`.
        threshold: the least share of the shorter article, 0 to 1.
        keep: which article of a group is kept: ``"complete"`` (the most
            story text, then the earliest date), ``"longest"``,
            ``"earliest"`` or ``"first"``.
        jobs: threads (default: one per core).
        errors: ``"raise"`` (default) or ``"skip"``: what a record that
            cannot be cleaned does. A skipped record is in no group.
        chunk_size: records cleaned per round.
        no_header, lossy, keep_entities, lang, max_bytes: as for
            :func:`clean_record`.

    Returns:
        One dict per group of two or more, ordered by the kept record:
        ``{"keep": INDEX, "keep_id": ID, "copies": [{"index": INDEX, "id":
        ID, "similarity": S, "kind": "exact" | "near"}, ...]}``, where INDEX
        is the record's 0-based position in ``records``, ID its ``"id"``
        field (``None`` without one) and S the share of the shorter of the
        copy and the kept record that is the same text.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors={errors!r} must be "raise" or "skip"')
    cleaner = _cleaner(jobs, no_header, lossy, keep_entities, lang, max_bytes)
    grouping = _newsdedup.Duplicates(cleaner, threshold=threshold, keep=keep)
    # Position in `records` and "id" of each record added.
    added: List[Tuple[int, Any]] = []
    index = 0
    for chunk in _chunks(records, chunk_size):
        checked = [_checked(r) for r in chunk]
        for record, failure in zip(chunk, grouping.add_records(checked)):
            if failure is None:
                added.append((index, _record_id(record)))
            elif errors == "raise":
                raise _record_error(failure, record, index)
            index += 1
    groups = []
    for kept, copies in grouping.groups():
        keep_index, keep_id = added[kept]
        groups.append(
            {
                "keep": keep_index,
                "keep_id": keep_id,
                "copies": [
                    {
                        "index": added[i][0],
                        "id": added[i][1],
                        "similarity": similarity,
                        "kind": kind,
                    }
                    for i, similarity, kind in copies
                ],
            }
        )
    return groups


def _chunks(items: Iterable[Any], size: int) -> Iterator[List[Any]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(f'errors={errors!r} must be "raise", "skip" or "yield"')


def _to_bytes(text: Union[str, bytes]) -> bytes:
    if isinstance(text, str):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (text read with errors="surrogateescape"):
            # their bytes, which the cleaner reports as invalid UTF-8 (or
            # replaces, with lossy=True).
            return text.encode("utf-8", "surrogateescape" if _escaped(text) else "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected str or bytes, found {type(text).__name__}")


def _escaped(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


#: The fields a mapping's cleaned record does not carry: the ones read
#: (``title``, ``date``, ``url`` with a header; ``text``; ``lang``, read as
#: the article's language) and the ones the cleaner writes.
_NOT_CARRIED = frozenset(["title", "date", "url", "text", "lang", "paragraphs", "sentences", "stats"])
_NOT_CARRIED_NO_HEADER = _NOT_CARRIED - {"title", "date", "url"}


def _checked(record: Record) -> Record:
    if isinstance(record, (str, Mapping)):
        return record
    raise TypeError(f"a record is a mapping or its JSON text, found {type(record).__name__}")


def _output(record: Record, payload: str, no_header: bool) -> Dict[str, Any]:
    """A cleaned record as the JSON Lines contract has it. The native module
    cleans a JSON text into the whole record, and a mapping into its cleaned
    fields: its other fields are carried here, first and in their order, as
    the Python values they are (no JSON round trip, so any value will do)."""
    cleaned = json.loads(payload)
    if isinstance(record, str):
        return cleaned
    skip = _NOT_CARRIED_NO_HEADER if no_header else _NOT_CARRIED
    out = {key: value for key, value in record.items() if key not in skip}
    for key, value in cleaned.items():
        # Without a header, a record's own title, date and url stay.
        if not (no_header and key in out):
            out[key] = value
    return out


@functools.lru_cache(maxsize=8)
def _cleaner(
    jobs: Optional[int],
    no_header: bool,
    lossy: bool,
    keep_entities: bool,
    lang: Optional[str],
    max_bytes: Optional[int],
) -> Any:
    """A native cleaner and its threads, kept for the next call with the
    same options."""
    return _newsdedup.Cleaner(
        jobs,
        no_header=no_header,
        lossy=lossy,
        keep_entities=keep_entities,
        lang=lang,
        max_bytes=max_bytes,
    )


def _record_id(record: Record) -> Any:
    if isinstance(record, Mapping):
        return record.get("id")
    try:
        parsed = json.loads(record)
    except ValueError:
        return None
    return parsed.get("id") if isinstance(parsed, dict) else None


def _unpack(outcome: Any) -> Tuple[bool, Any]:
    """The native module's ``Ok(json)`` / ``Err(failure)`` as ``(ok, payload)``."""
    if isinstance(outcome, str):
        return True, outcome
    return False, outcome


def _error(failure: Tuple[str, str, str, Optional[int], Optional[str]]) -> NewsdedupError:
    message, hint, kind, line, field = failure
    return NewsdedupError(message, hint=hint, kind=kind, line=line, field=field)


def _record_error(failure: Any, record: Record, index: int) -> NewsdedupError:
    message, hint, kind, _line_in_text, field = failure
    return NewsdedupError(
        message,
        hint=hint,
        kind=kind,
        line=index + 1,
        field=field,
        id=_record_id(record),
        index=index,
        record=True,
    )
