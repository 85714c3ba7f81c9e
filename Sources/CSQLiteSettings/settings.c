#include <sqlite3.h>
#include "CSQLiteSettings.h"

int gongkai_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
