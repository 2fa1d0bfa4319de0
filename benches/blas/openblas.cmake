# What the comparisons that call OpenBLAS add to their targets: Debian's libopenblas-dev (the pthread
# build), whose routines they set against the loops a C programmer writes.
pkg_check_modules(OPENBLAS REQUIRED IMPORTED_TARGET openblas)
target_link_libraries(${bench} PRIVATE PkgConfig::OPENBLAS)
