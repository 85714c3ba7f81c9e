#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Turns off SQLite's memory statistics for the process (`SQLITE_CONFIG_MEMSTATUS`). `sqlite3_config` takes
/// variable arguments, which Swift cannot call. Effective only before SQLite's first use in the process; returns
/// SQLite's result code (`SQLITE_MISUSE` when too late, and the statistics stay on).
int gongkai_sqlite_disable_memory_statistics(void);

#endif
