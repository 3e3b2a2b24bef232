#ifndef TANDEM_CLIBPQ_SHIM_H
#define TANDEM_CLIBPQ_SHIM_H
// libpq, PostgreSQL's C client (Debian: libpq-dev). pkg-config adds -I/usr/include/postgresql.
#include <libpq-fe.h>
#endif
