# UkTools.cmake: find the LLVM 19 tools ukcc drives and the host tools tests use.
foreach(tool clang-19 ld.lld-19 llvm-ar-19 llvm-ranlib-19 llvm-objcopy-19
             llvm-objdump-19 llvm-nm-19 llvm-strip-19 llvm-symbolizer-19)
  string(MAKE_C_IDENTIFIER "${tool}" var)
  string(TOUPPER "${var}" var)
  find_program(UK_${var} ${tool} REQUIRED)
endforeach()
find_program(UK_QEMU qemu-system-x86_64 REQUIRED)

execute_process(COMMAND ${UK_CLANG_19} -print-resource-dir
                OUTPUT_VARIABLE UK_CLANG_RESOURCE_DIR
                OUTPUT_STRIP_TRAILING_WHITESPACE)
set(UK_BUILTINS_LIB
    ${UK_CLANG_RESOURCE_DIR}/lib/linux/libclang_rt.builtins-x86_64.a)
if(NOT EXISTS ${UK_BUILTINS_LIB})
  message(FATAL_ERROR "compiler-rt builtins not found at ${UK_BUILTINS_LIB}; "
                      "install libclang-rt-19-dev")
endif()
