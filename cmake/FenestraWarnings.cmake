# Warnings for our own targets (third-party headers are included as system headers).
function(fenestra_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                           -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                           -Woverloaded-virtual -Wno-deprecated-declarations)
endfunction()
