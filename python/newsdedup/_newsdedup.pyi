"""Type stubs of the native module (src/lib.rs); use the package's API."""

from typing import Any, List, Mapping, Optional, Sequence, Tuple, Union

Failure = Tuple[str, str, str, Optional[int], Optional[str]]

__version__: str
DEFAULT_MAX_BYTES: int

def clean_json(
    data: bytes,
    no_header: bool = ...,
    lossy: bool = ...,
    keep_entities: bool = ...,
    lang: Optional[str] = ...,
    max_bytes: Optional[int] = ...,
    header: Optional[str] = ...,
) -> Union[str, Failure]: ...
def run_cli(args: Sequence[str]) -> int: ...

class Cleaner:
    def __init__(
        self,
        jobs: Optional[int] = ...,
        no_header: bool = ...,
        lossy: bool = ...,
        keep_entities: bool = ...,
        lang: Optional[str] = ...,
        max_bytes: Optional[int] = ...,
    ) -> None: ...
    def clean_records(self, records: List[Union[Mapping[str, Any], str]]) -> List[Union[str, Failure]]: ...
    def clean_lines(self, lines: List[str]) -> List[Union[str, Failure]]: ...

class Duplicates:
    def __init__(self, cleaner: Cleaner, threshold: float = ..., keep: str = ...) -> None: ...
    def add_records(self, records: List[Union[Mapping[str, Any], str]]) -> List[Optional[Failure]]: ...
    def groups(self) -> List[Tuple[int, List[Tuple[int, float, str]]]]: ...
