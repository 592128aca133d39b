# pd_add_library(<target> ALIAS <Pd::Name> SOURCES ... [PUBLIC ...] [PRIVATE ...] [QT])
# One core library: static, position-independent, its folder as public include directory,
# our warnings, and an alias that consumers link. QT turns on AUTOMOC and Qt's hygiene
# definitions.
function(pd_add_library target)
    cmake_parse_arguments(ARG "QT" "ALIAS" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(${ARG_ALIAS} ALIAS ${target})
    target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE} pd_warnings)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    if(ARG_QT)
        set_target_properties(${target} PROPERTIES AUTOMOC ON)
        target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII
            QT_USE_QSTRINGBUILDER QT_NO_FOREACH)
    endif()
endfunction()
