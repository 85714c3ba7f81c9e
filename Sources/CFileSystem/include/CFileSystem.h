#ifndef CFILESYSTEM_H
#define CFILESYSTEM_H

/// Renames `from` to `to` unless `to` exists, in one step: Linux's renameat2 with RENAME_NOREPLACE (a system call
/// Swift's Glibc module does not declare), macOS's renamex_np with RENAME_EXCL. Returns 0, or -1 with errno set:
/// EEXIST when `to` exists; EINVAL, ENOTSUP or ENOSYS when the file system, the kernel or the system cannot rename
/// so (and EPERM where a sandbox forbids the call).
int gongkai_rename_no_replace(const char *from, const char *to);

#endif
