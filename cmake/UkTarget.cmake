# UkTarget.cmake: flags for code that runs inside the image (kernel, runtime).
#
# Everything in the image is compiled like application code: musl headers,
# no PIC, fat LTO objects, one section per function and object, so that the
# final link can LTO and garbage-collect across app, libc, runtime and kernel.
set(UK_TARGET_CFLAGS
    --target=x86_64-linux-musl
    -nostdinc "SHELL:-isystem ${UKCC_SYSROOT_INCLUDE}"
    "SHELL:-isystem ${UK_CLANG_RESOURCE_DIR}/include"
    -fno-pic -fno-pie -ffreestanding -fno-builtin-printf
    -flto -ffat-lto-objects -ffunction-sections -fdata-sections
    -fno-asynchronous-unwind-tables -fno-unwind-tables
    -fno-stack-protector -fno-omit-frame-pointer
    -Oz -g -Wall -Wextra -Wno-unused-parameter)

# uk_target_library(NAME SOURCES...): a static archive placed in the sysroot.
function(uk_target_library name)
  add_library(${name} STATIC ${ARGN})
  target_compile_options(${name} PRIVATE
      $<$<COMPILE_LANGUAGE:C>:${UK_TARGET_CFLAGS}>
      $<$<COMPILE_LANGUAGE:ASM>:--target=x86_64-linux-musl -fno-pic>)
  set_target_properties(${name} PROPERTIES
      ARCHIVE_OUTPUT_DIRECTORY ${UKCC_SYSROOT_LIB}
      C_STANDARD 11)
  # musl's headers must be installed in the sysroot before we compile.
  add_dependencies(${name} musl)
endfunction()
