//! Writing a batch's files so that none is ever left half written: a
//! temporary file beside the destination renamed over it, or on Linux an
//! unnamed file linked in once written.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use newsdedup::Article;

use super::{Batch, FileError};

impl Batch {
    /// Writes an out-dir file, the text form of `text` (made as it is
    /// written, see [`write_text`]). Its permissions are the input's `perms`
    /// less the umask and any set-id or sticky bit, as a new file's are
    /// with `cp`; an output already there is replaced with those too.
    pub(super) fn write_output(
        &self,
        input: &Path,
        perms: fs::Permissions,
        output: &Path,
        text: &Article,
    ) -> Result<(), FileError> {
        let write_err = |source| FileError::Write {
            path: output.to_path_buf(),
            source,
        };
        let exists = output.exists();
        if exists && is_same_file(input, output) {
            return Err(FileError::SameFile {
                output: output.to_path_buf(),
            });
        }
        let dir = parent_dir(output);
        let known = self.made_dirs.lock().is_ok_and(|d| d.contains(dir));
        if !known {
            fs::create_dir_all(dir).map_err(write_err)?;
            if let Ok(mut dirs) = self.made_dirs.lock() {
                dirs.insert(dir.to_path_buf());
            }
        }
        // No fsync: a crash loses a fresh output, never data that existed before.
        #[cfg(target_os = "linux")]
        if !exists && write_unnamed(output, text, &perms) {
            return Ok(());
        }
        match write_atomic(output, text, Mode::Fresh(perms.clone())) {
            // A directory made earlier in the run is gone (removed while the
            // run went on, or by the caller between two runs): make it again.
            Err(e) if known && e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(dir).map_err(write_err)?;
                write_atomic(output, text, Mode::Fresh(perms)).map_err(write_err)
            }
            done => done.map_err(write_err),
        }
    }
}

/// Rewrites a file in place with the text form of `text`. A symbolic link
/// is resolved first, so the link stays a link and its target gets the new
/// text.
///
/// The new file is a new inode renamed over the old one (so a killed run
/// never leaves a half-written file): it gets the old one's mode, and its
/// owner and group, and on Linux its extended attributes (POSIX ACLs
/// included), as far as the process may set them. A hard link to the old
/// file keeps the old text: the path gets the new inode, the other names
/// keep the old one (the README's in-place section says so).
pub(super) fn rewrite(path: &Path, text: &Article) -> Result<(), FileError> {
    let write_err = |source| FileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = fs::canonicalize(path).map_err(write_err)?;
    let meta = fs::metadata(&target).map_err(write_err)?;
    write_atomic(&target, text, Mode::Replace(meta)).map_err(write_err)
}

/// How [`write_atomic`] treats the file it writes.
enum Mode {
    /// A new output: the mode is set as the file is made, less the umask,
    /// with no sync.
    Fresh(fs::Permissions),
    /// A replacement for the existing file of this metadata: its
    /// permissions, owner and attributes ([`keep_attributes`]), and data
    /// and rename synced.
    Replace(fs::Metadata),
}

/// Replaces `dest` with the text form of `text` so that, whenever the
/// process dies, `dest` holds either its old bytes or all of the new ones:
/// the new bytes go to a
/// temporary file in the same directory (a rename is atomic only within a
/// file system), which is then renamed over `dest`. With
/// [`Mode::Replace`], data and rename are also synced, so a power cut
/// cannot leave an empty file where the old one was. On any error the
/// temporary file is removed.
fn write_atomic(dest: &Path, text: &Article, mode: Mode) -> io::Result<()> {
    let dir = parent_dir(dest);
    // A leading dot keeps a temporary file left by a killed run out of the
    // next run's walk.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsdedup-").suffix(".tmp");
    if let Mode::Fresh(perms) = &mode {
        builder.permissions(output_permissions(perms));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    write_text(text, tmp.as_file_mut())?;
    if let Mode::Replace(meta) = mode {
        keep_attributes(dest, tmp.as_file(), &meta)?;
        tmp.as_file().sync_all()?;
        tmp.persist(dest).map_err(|e| e.error)?;
        sync_dir(dir);
    } else {
        tmp.persist(dest).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Gives `new`, the file about to replace `old` (of metadata `meta`),
/// what `sed -i` keeps and more: owner and group, extended attributes, and
/// then the mode (last, as a change of owner clears set-id bits and an ACL
/// sets group bits). Owner, group and attributes are best effort, as with
/// `sed -i`: a user may not give a file away, nor set `security.*` or
/// `trusted.*` attributes, and then the file is theirs with what they may
/// set. The mode is always kept; failing to set it is an error.
fn keep_attributes(old: &Path, new: &File, meta: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{fchown, Gid, Uid};
            let (uid, gid) = (Uid::from_raw(meta.uid()), Gid::from_raw(meta.gid()));
            if fchown(new, Some(uid), Some(gid)).is_err() {
                // Not root: the group can still be kept if the user is in it.
                let _ = fchown(new, None, Some(gid));
            }
            copy_xattrs(old, new);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (old, meta.uid());
    }
    #[cfg(not(unix))]
    let _ = old;
    new.set_permissions(meta.permissions())
}

/// Copies the extended attributes of `old` to `new`, each one it can; POSIX
/// ACLs are attributes too (`system.posix_acl_access`). Best effort: a file
/// system without attributes, or one the process may not set, is skipped.
#[cfg(target_os = "linux")]
fn copy_xattrs(old: &Path, new: &File) {
    use rustix::fs::{fsetxattr, getxattr, getxattr_query, listxattr, listxattr_query, XattrFlags};
    let Ok(len) = listxattr_query(old) else {
        return;
    };
    if len == 0 {
        return;
    }
    let mut names = vec![0u8; len];
    let Ok(len) = listxattr(old, &mut names[..]) else {
        return;
    };
    for name in names[..len.min(names.len())].split(|&b| b == 0) {
        if name.is_empty() {
            continue;
        }
        let Ok(name) = std::ffi::CString::new(name) else {
            continue;
        };
        let Ok(size) = getxattr_query(old, name.as_c_str()) else {
            continue;
        };
        let mut value = vec![0u8; size];
        if let Ok(n) = getxattr(old, name.as_c_str(), &mut value[..]) {
            let _ = fsetxattr(
                new,
                name.as_c_str(),
                &value[..n.min(size)],
                XattrFlags::empty(),
            );
        }
    }
}

/// The permissions of an out-dir file made from an input with `perms`:
/// the read, write and execute bits (the umask applies when the file is
/// made); set-id and sticky bits are not carried over.
fn output_permissions(perms: &fs::Permissions) -> fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::Permissions::from_mode(perms.mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        perms.clone()
    }
}

/// Writes a new file `dest` that appears whole or not at all: an unnamed
/// file in its directory (`O_TMPFILE`), linked in at `dest` once written.
/// That makes one directory entry, where a named temporary file and its
/// rename make two (measured: 27% less time per file on ext4). The mode is
/// `perms` less the umask. For a `dest` that does not exist yet (`linkat`
/// cannot replace a file). `false`, with nothing left behind, when this
/// cannot be done (no `O_TMPFILE` on the file system, no `/proc`, `dest`
/// made meanwhile, a write error): the caller then takes the portable way,
/// which reports any error that persists.
#[cfg(target_os = "linux")]
fn write_unnamed(dest: &Path, text: &Article, perms: &fs::Permissions) -> bool {
    use rustix::fs::{linkat, openat, AtFlags, OFlags, CWD};
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::PermissionsExt;
    let flags = OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC;
    let mode = rustix::fs::Mode::from_raw_mode(output_permissions(perms).mode());
    let Ok(fd) = openat(CWD, parent_dir(dest), flags, mode) else {
        return false;
    };
    let mut file = File::from(fd);
    if write_text(text, &mut file).is_err() {
        return false;
    }
    let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
    linkat(CWD, unnamed.as_str(), CWD, dest, AtFlags::SYMLINK_FOLLOW).is_ok()
}

/// Writes the text form of `article` to `file` as it is made: not made
/// first beside the article's paragraphs (a million of them, issue 13).
fn write_text(article: &Article, file: &mut File) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, file);
    newsdedup::writer::write_text(article, &mut w)?;
    w.flush()
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes a rename durable. Best effort: some file systems refuse to sync a
/// directory, and the rename has happened whatever this returns.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
