# libmicrohttpd and libcurl, found once for every target that links them: the I/O comparisons
# (io.cmake) and the loopback server as a program (idiom_serve, in CMakeLists.txt).
if(NOT TARGET PkgConfig::IDIOM_IO_LIBS)
  pkg_check_modules(IDIOM_IO_LIBS REQUIRED IMPORTED_TARGET libmicrohttpd libcurl)
endif()
