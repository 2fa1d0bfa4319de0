# map_filter links OpenBLAS (Debian's libopenblas-dev) for map_blas.
pkg_check_modules(OPENBLAS REQUIRED IMPORTED_TARGET openblas)
target_link_libraries(${bench} PRIVATE PkgConfig::OPENBLAS)
