// LAPACKE, the C interface to LAPACK (row-major entry points).
#include <lapacke.h>
