//! The binary's messages: the hints for I/O failures, so that every message
//! of the binary, whatever went wrong, ends with one.

use std::io;

/// A hint for a file that could not be read, from what the system said.
///
/// I/O errors are `std::io::Error`s, not the library's `Error`s, but the
/// binary's messages give a hint for every error; this is the one for
/// reading.
pub(crate) fn read_hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::NotFound => "check the path",
        io::ErrorKind::NotADirectory => "a part of the path is a file, not a directory",
        io::ErrorKind::IsADirectory => {
            "name a file; a directory is cleaned with -o DIR, -i, --check or --format jsonl"
        }
        io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ => "check that the path names a readable file",
    }
}

/// A hint for an output that could not be written, from what the system
/// said. Outputs are written to a temporary file renamed over the
/// destination, so the hints can promise that nothing was replaced.
pub(crate) fn write_hint(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::StorageFull => "the disk is full; nothing was replaced",
        io::ErrorKind::FileTooLarge => {
            "a file size limit (ulimit -f) stopped the write; nothing was replaced"
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "check that the destination directory is writable"
        }
        io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => {
            "a file is in the way where the destination path needs a directory"
        }
        io::ErrorKind::IsADirectory => "a directory is in the way where the file should go",
        _ => "nothing was replaced; check the space and permissions at the destination",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_hints_follow_the_kind_of_failure() {
        let err = |kind| io::Error::from(kind);
        assert_eq!(read_hint(&err(io::ErrorKind::NotFound)), "check the path");
        assert!(read_hint(&err(io::ErrorKind::IsADirectory)).contains("-o DIR"));
        assert!(write_hint(&err(io::ErrorKind::FileTooLarge)).contains("ulimit"));
        assert!(write_hint(&err(io::ErrorKind::AlreadyExists)).contains("in the way"));
    }
}
