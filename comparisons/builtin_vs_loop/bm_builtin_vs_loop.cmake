# builtin_vs_loop links OpenBLAS for sum_blas.
include(${PROJECT_SOURCE_DIR}/benches/blas/openblas.cmake)
