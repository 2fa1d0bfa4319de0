# What the I/O comparisons (bm_threads_io, bm_processes_io) add to their targets: the loopback
# server and the shared download lifecycle, linked with libmicrohttpd and libcurl.
include(${PROJECT_SOURCE_DIR}/benches/io/io_libs.cmake)
target_sources(${bench} PRIVATE ${PROJECT_SOURCE_DIR}/benches/io/local_http.c
                                ${PROJECT_SOURCE_DIR}/benches/io/io_downloads.c
                                ${PROJECT_SOURCE_DIR}/benches/io/lean_forker.c)
target_include_directories(${bench} PRIVATE ${PROJECT_SOURCE_DIR}/benches/io)
target_link_libraries(${bench} PRIVATE PkgConfig::IDIOM_IO_LIBS)
