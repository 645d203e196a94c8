# find_libclang.cmake - locate libclang >= 17, its headers and the matching clang resource directory.
#
# Order (first match wins; an older LLVM never wins because it comes first on PATH):
#   1. LIBCLANG_ROOT, when set: that prefix or nothing.
#   2. The newest versioned prefix under the search roots (/usr/lib/llvm-N on Debian and Ubuntu,
#      /usr/lib64/llvm-N, /opt/homebrew/opt/llvm@N, /usr/local/opt/llvm@N, ...) with N >= 17 that holds
#      include/clang-c/Index.h and lib/libclang*.so* (or .dylib).
#   3. llvm-config-N / llvm-config on PATH, the newest whose --version is >= 17.
#   4. Unversioned prefixes (/usr on Fedora, Homebrew's opt/llvm) whose lib/clang/N says N >= 17.
# The resource directory (stddef.h and the other builtin headers) comes from the same prefix.
#
# Inputs:  LIBCLANG_ROOT, CVET_LLVM_SEARCH_ROOTS (list; tests point it at fake trees), PATH.
# Outputs: CVET_LIBCLANG_FOUND, CVET_LIBCLANG_PREFIX, CVET_LIBCLANG_VERSION, CVET_LIBCLANG_HOW,
#          CVET_LIBCLANG_INCLUDE_DIR, CVET_LIBCLANG_LIBRARY, CVET_CLANG_RESOURCE_DIR, CVET_LIBCLANG_ERROR.
# Run as a script (cmake -DCVET_FIND_LIBCLANG_REPORT=ON -P find_libclang.cmake) it prints what it chose.

set(CVET_LIBCLANG_MIN 17)

# The library file inside PREFIX, or "" (libclang.so, libclang-19.so, libclang.so.1, libclang.dylib).
function(_cvet_libclang_lib prefix out)
  set(found "")
  foreach(dir lib lib64)
    foreach(pattern libclang.so libclang.dylib libclang-*.so libclang.so.* libclang-*.so.*)
      file(GLOB cands "${prefix}/${dir}/${pattern}")
      list(SORT cands)
      foreach(c IN LISTS cands)
        if(NOT found AND NOT c MATCHES "libclang-cpp")
          set(found "${c}")
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The newest lib/clang/N (or lib64/clang/N) under PREFIX holding include/stddef.h: sets OUT_DIR and OUT_VER.
function(_cvet_resource_dir prefix out_dir out_ver)
  set(best_dir "")
  set(best_ver "")
  foreach(dir lib lib64)
    file(GLOB cands LIST_DIRECTORIES true "${prefix}/${dir}/clang/*")
    foreach(c IN LISTS cands)
      get_filename_component(v "${c}" NAME)
      if(v MATCHES "^[0-9]+(\\.[0-9]+)*$" AND EXISTS "${c}/include/stddef.h")
        if(NOT best_ver OR v VERSION_GREATER best_ver)
          set(best_ver "${v}")
          set(best_dir "${c}")
        endif()
      endif()
    endforeach()
  endforeach()
  set(${out_dir} "${best_dir}" PARENT_SCOPE)
  set(${out_ver} "${best_ver}" PARENT_SCOPE)
endfunction()

# Accept PREFIX when it holds the header and the library; sets the CVET_LIBCLANG_* outputs in the caller.
macro(_cvet_take prefix version how)
  set(CVET_LIBCLANG_FOUND ON)
  set(CVET_LIBCLANG_PREFIX "${prefix}")
  set(CVET_LIBCLANG_VERSION "${version}")
  set(CVET_LIBCLANG_HOW "${how}")
  set(CVET_LIBCLANG_INCLUDE_DIR "${prefix}/include")
  _cvet_libclang_lib("${prefix}" CVET_LIBCLANG_LIBRARY)
  _cvet_resource_dir("${prefix}" CVET_CLANG_RESOURCE_DIR _cvet_unused)
  if(NOT CVET_CLANG_RESOURCE_DIR AND EXISTS "${prefix}/bin/clang")
    execute_process(COMMAND "${prefix}/bin/clang" -print-resource-dir
      OUTPUT_VARIABLE CVET_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
endmacro()

function(_cvet_usable prefix out)
  _cvet_libclang_lib("${prefix}" lib)
  if(EXISTS "${prefix}/include/clang-c/Index.h" AND lib)
    set(${out} ON PARENT_SCOPE)
  else()
    set(${out} OFF PARENT_SCOPE)
  endif()
endfunction()

set(CVET_LIBCLANG_FOUND OFF)
set(CVET_LIBCLANG_ERROR "")
if(NOT DEFINED CVET_LLVM_SEARCH_ROOTS)
  set(CVET_LLVM_SEARCH_ROOTS /usr/lib /usr/lib64 /usr/local/lib /opt/homebrew/opt /usr/local/opt /usr)
endif()

if(LIBCLANG_ROOT)
  # 1. what the user said, and nothing else
  _cvet_usable("${LIBCLANG_ROOT}" ok)
  if(ok)
    _cvet_resource_dir("${LIBCLANG_ROOT}" _d ver)
    _cvet_take("${LIBCLANG_ROOT}" "${ver}" "LIBCLANG_ROOT")
  else()
    set(CVET_LIBCLANG_ERROR "LIBCLANG_ROOT=${LIBCLANG_ROOT} holds no include/clang-c/Index.h and lib/libclang.so")
  endif()
else()
  # 2. versioned prefixes: llvm-N (Debian, Ubuntu, Fedora's compat packages), llvm@N (Homebrew)
  set(best "")
  set(best_ver "")
  foreach(root IN LISTS CVET_LLVM_SEARCH_ROOTS)
    file(GLOB cands LIST_DIRECTORIES true "${root}/llvm-*" "${root}/llvm@*")
    foreach(c IN LISTS cands)
      get_filename_component(name "${c}" NAME)
      if(name MATCHES "^llvm[-@]([0-9]+)$")
        set(n "${CMAKE_MATCH_1}")
        _cvet_usable("${c}" ok)
        if(ok AND NOT n LESS CVET_LIBCLANG_MIN AND (NOT best_ver OR n GREATER best_ver))
          set(best "${c}")
          set(best_ver "${n}")
        endif()
      endif()
    endforeach()
  endforeach()
  if(best)
    _cvet_take("${best}" "${best_ver}" "versioned prefix")
  endif()

  # 3. llvm-config, versioned names first; only a version >= 17 counts, the newest wins
  if(NOT CVET_LIBCLANG_FOUND)
    set(names llvm-config)
    foreach(n RANGE 30 ${CVET_LIBCLANG_MIN} -1)
      list(APPEND names llvm-config-${n})
    endforeach()
    set(best "")
    set(best_ver "")
    string(REPLACE ":" ";" path_dirs "$ENV{PATH}")
    foreach(name IN LISTS names)
      foreach(dir IN LISTS path_dirs)
        if(dir AND EXISTS "${dir}/${name}" AND NOT IS_DIRECTORY "${dir}/${name}")
          execute_process(COMMAND "${dir}/${name}" --version OUTPUT_VARIABLE v
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
          execute_process(COMMAND "${dir}/${name}" --prefix OUTPUT_VARIABLE p
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
          if(rc EQUAL 0 AND v MATCHES "^[0-9]+" AND NOT v VERSION_LESS CVET_LIBCLANG_MIN)
            _cvet_usable("${p}" ok)
            if(ok AND (NOT best_ver OR v VERSION_GREATER best_ver))
              set(best "${p}")
              set(best_ver "${v}")
            endif()
          endif()
        endif()
      endforeach()
    endforeach()
    if(best)
      _cvet_take("${best}" "${best_ver}" "llvm-config")
    endif()
  endif()

  # 4. unversioned prefixes (/usr on Fedora, Homebrew's opt/llvm): the version is lib/clang/N
  if(NOT CVET_LIBCLANG_FOUND)
    foreach(root IN LISTS CVET_LLVM_SEARCH_ROOTS)
      foreach(c "${root}" "${root}/llvm")
        if(NOT CVET_LIBCLANG_FOUND)
          _cvet_usable("${c}" ok)
          _cvet_resource_dir("${c}" d ver)
          if(ok AND ver AND NOT ver VERSION_LESS CVET_LIBCLANG_MIN)
            _cvet_take("${c}" "${ver}" "unversioned prefix")
          endif()
        endif()
      endforeach()
    endforeach()
  endif()

  if(NOT CVET_LIBCLANG_FOUND)
    set(CVET_LIBCLANG_ERROR "libclang >= ${CVET_LIBCLANG_MIN} not found: install libclang-19-dev (Debian 12, Ubuntu 24.04), clang-devel (Fedora) or llvm (Homebrew), or set -DLIBCLANG_ROOT=<LLVM prefix>")
  endif()
endif()

if(CVET_FIND_LIBCLANG_REPORT)
  if(CVET_LIBCLANG_FOUND)
    message("found=${CVET_LIBCLANG_PREFIX}")
    message("version=${CVET_LIBCLANG_VERSION}")
    message("how=${CVET_LIBCLANG_HOW}")
    message("library=${CVET_LIBCLANG_LIBRARY}")
    message("resource=${CVET_CLANG_RESOURCE_DIR}")
  else()
    message("error=${CVET_LIBCLANG_ERROR}")
  endif()
endif()
