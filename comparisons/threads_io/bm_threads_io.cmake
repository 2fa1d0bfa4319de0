include(${PROJECT_SOURCE_DIR}/benches/io/io.cmake)
