# builtin_vs_loop links OpenBLAS (Debian's libopenblas-dev, the pthread build) for sum_blas.
pkg_check_modules(OPENBLAS REQUIRED IMPORTED_TARGET openblas)
target_link_libraries(${bench} PRIVATE PkgConfig::OPENBLAS)
