#include "CFileSystem.h"

#if defined(__linux__)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

int gongkai_rename_no_replace(const char *from, const char *to) {
#ifdef SYS_renameat2
  return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#else
  errno = ENOSYS;
  return -1;
#endif
}
#elif defined(__APPLE__)
#include <stdio.h>

int gongkai_rename_no_replace(const char *from, const char *to) {
  return renamex_np(from, to, RENAME_EXCL);
}
#else
#include <errno.h>

int gongkai_rename_no_replace(const char *from, const char *to) {
  (void)from;
  (void)to;
  errno = ENOSYS;
  return -1;
}
#endif
