# cpu_parallel links OpenSSL's libcrypto (Debian's libssl-dev) for SHA-1, and pthreads.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(Threads REQUIRED)
target_link_libraries(${bench} PRIVATE OpenSSL::Crypto Threads::Threads)
