# What the comparisons that run article 000's chained SHA-1 add to their targets: the chain, linked
# with OpenSSL's libcrypto (Debian's libssl-dev) and pthreads.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(Threads REQUIRED)
target_sources(${bench} PRIVATE ${PROJECT_SOURCE_DIR}/benches/sha1/sha1_chain.c)
target_include_directories(${bench} PRIVATE ${PROJECT_SOURCE_DIR}/benches/sha1)
target_link_libraries(${bench} PRIVATE OpenSSL::Crypto Threads::Threads)
