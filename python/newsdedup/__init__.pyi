"""Type stubs of the newsdedup package (the docstrings are in __init__.py)."""

from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Union

from ._errors import NewsdedupError as NewsdedupError

__version__: str
DEFAULT_MAX_BYTES: int
CHUNK_SIZE: int

Record = Union[Mapping[str, Any], str]

def clean(
    text: Union[str, bytes],
    *,
    no_header: bool = ...,
    lossy: bool = ...,
    keep_entities: bool = ...,
    lang: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
    header: Optional[str] = ...,
) -> Dict[str, Any]: ...
def clean_record(
    record: Record,
    *,
    no_header: bool = ...,
    lossy: bool = ...,
    keep_entities: bool = ...,
    lang: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
) -> Dict[str, Any]: ...
def clean_many(
    records: Iterable[Record],
    *,
    jobs: Optional[int] = ...,
    errors: Literal["raise", "skip", "yield"] = ...,
    chunk_size: int = ...,
    no_header: bool = ...,
    lossy: bool = ...,
    keep_entities: bool = ...,
    lang: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
) -> Iterator[Union[Dict[str, Any], NewsdedupError]]: ...
def duplicates(
    records: Iterable[Record],
    *,
    threshold: float = ...,
    keep: Literal["complete", "longest", "earliest", "first"] = ...,
    jobs: Optional[int] = ...,
    errors: Literal["raise", "skip"] = ...,
    chunk_size: int = ...,
    no_header: bool = ...,
    lossy: bool = ...,
    keep_entities: bool = ...,
    lang: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
) -> List[Dict[str, Any]]: ...
