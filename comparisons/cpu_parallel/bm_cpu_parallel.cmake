include(${PROJECT_SOURCE_DIR}/benches/sha1/sha1.cmake)
