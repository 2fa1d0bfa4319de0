# map_filter links OpenBLAS for map_blas.
include(${PROJECT_SOURCE_DIR}/benches/blas/openblas.cmake)
