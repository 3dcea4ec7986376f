# Generates the manual page oppteam(1) from the real help (run with cmake -P).
#   -DOPPTEAM=path/to/oppteam -DHELP2MAN=path/to/help2man
#   -DEXTRA=docs/man-extra.h2m -DOUT=build/oppteam.1 -DWORK=build/man
#   [-DLANG_CODE=en|nb|nn]  the language of the page (en when not given):
#   the help is read with --lang LANG_CODE, and EXTRA is that language's
# help2man reads `oppteam --help` and `--version` for NAME, SYNOPSIS,
# DESCRIPTION and OPTIONS; this script adds a COMMANDS section with the
# `--help` of every subcommand and sub-subcommand (listed by the hidden
# `oppteam complete commands`), so the page always matches the program.

foreach(var OPPTEAM HELP2MAN EXTRA OUT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "manpage.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED LANG_CODE)
  set(LANG_CODE en)
endif()
file(MAKE_DIRECTORY ${WORK})

# The page's own words in its language; CUT is the first line of the root
# help's footer (examples, exit codes and environment are in ${EXTRA}).
if(LANG_CODE STREQUAL "nb")
  set(COMMANDS_TITLE "KOMMANDOER")
  set(COMMANDS_INTRO "Hver underkommando, med sin egen \\fB\\-\\-help\\fR. De globale valgene over kan gis før eller etter underkommandoen.")
  set(PAGE_NAME "oppf\\[/o]lgingsteam for personer med store og sammensatte behov")  # roff: help2man takes --name as Latin-1
  set(PAGE_MANUAL "Brukerkommandoer")
  set(CUT "^En sak fra melding")
  # help2man's own headings, as Norwegian man pages name them.
  set(HEADINGS "NAME=NAVN;SYNOPSIS=OVERSIKT;DESCRIPTION=BESKRIVELSE;OPTIONS=VALG")
  set(USAGE_WORD "Bruk")
  set(OPTIONS_WORD "Valg")
elseif(LANG_CODE STREQUAL "nn")
  set(COMMANDS_TITLE "KOMMANDOAR")
  set(COMMANDS_INTRO "Kvar underkommando, med si eiga \\fB\\-\\-help\\fR. Dei globale vala over kan givast før eller etter underkommandoen.")
  set(PAGE_NAME "oppf\\[/o]lgingsteam for personar med store og samansette behov")
  set(PAGE_MANUAL "Brukarkommandoar")
  set(CUT "^Ei sak frå melding")
  set(HEADINGS "NAME=NAMN;SYNOPSIS=OVERSYN;DESCRIPTION=SKILDRING;OPTIONS=VAL")
  set(USAGE_WORD "Bruk")
  set(OPTIONS_WORD "Val")
else()
  set(COMMANDS_TITLE "COMMANDS")
  set(COMMANDS_INTRO "Every subcommand, with its own \\fB\\-\\-help\\fR. The global options above may be given before or after the subcommand.")
  set(PAGE_NAME "follow-up teams for people with large and complex needs")
  set(PAGE_MANUAL "User Commands")
  set(CUT "^A case from referral")
endif()

# Help is laid out for 80 columns and without colour whatever the terminal.
set(ENV{COLUMNS} 80)
set(ENV{NO_COLOR} 1)

function(run_oppteam out_var)
  execute_process(COMMAND ${OPPTEAM} ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpage.cmake: '${OPPTEAM} ${ARGN}' failed (${rc})")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# roff: backslashes doubled, a leading dot or quote made literal.
function(to_roff out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(lines_of out_var text)
  string(STRIP "${text}" text)
  if(text STREQUAL "")
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  string(REPLACE "\n" ";" list "${text}")
  set(${out_var} "${list}" PARENT_SCOPE)
endfunction()

set(section "[${COMMANDS_TITLE}]\n")
string(APPEND section "${COMMANDS_INTRO}\n")
run_oppteam(top complete commands)
lines_of(top "${top}")
foreach(cmd IN LISTS top)
  run_oppteam(help --lang ${LANG_CODE} ${cmd} --help)
  to_roff(help "${help}")
  string(APPEND section ".SS \"oppteam ${cmd}\"\n.nf\n${help}.fi\n")
  run_oppteam(subs complete commands -- ${cmd})
  lines_of(subs "${subs}")
  foreach(sub IN LISTS subs)
    run_oppteam(help --lang ${LANG_CODE} ${cmd} ${sub} --help)
    to_roff(help "${help}")
    string(APPEND section ".SS \"oppteam ${cmd} ${sub}\"\n.nf\n${help}.fi\n")
  endforeach()
endforeach()
file(WRITE ${WORK}/commands.h2m "${section}")

# help2man reads the root --help without its footer of examples, exit codes
# and environment: those have their own sections in ${EXTRA}, laid out for roff.
# help2man finds the synopsis and the options by their English headings:
# a Norwegian help's "Bruk:" and "Valg:"/"Val:" are handed to it as those,
# and the page's headings are put back into its language below.
set(TO_HELP2MAN "")
if(DEFINED USAGE_WORD)
  set(TO_HELP2MAN "; s/^${USAGE_WORD}: /Usage: /; s/^${OPTIONS_WORD}:$/Options:/")
endif()
file(WRITE ${WORK}/oppteam-for-man "#!/bin/sh\n\"${OPPTEAM}\" --lang ${LANG_CODE} \"$@\" | sed '/${CUT}/,$d${TO_HELP2MAN}'\n")
file(CHMOD ${WORK}/oppteam-for-man PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

execute_process(
  COMMAND ${HELP2MAN} --locale=C.UTF-8 --no-info --no-discard-stderr --section 1
          --name "${PAGE_NAME}"
          --manual "${PAGE_MANUAL}" --source "oppteam"
          --include ${WORK}/commands.h2m --include ${EXTRA}
          --output ${OUT} ${WORK}/oppteam-for-man
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "manpage.cmake: help2man failed (${rc})")
endif()
# The page is UTF-8 (æ, ø, å): say so, for man-db's preconv.
file(READ ${OUT} page)
if(DEFINED HEADINGS)
  foreach(pair IN LISTS HEADINGS)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 english)
    list(GET pair 1 own)
    string(REPLACE "\n.SH ${english}\n" "\n.SH ${own}\n" page "${page}")
  endforeach()
  # The date in .TH: help2man writes the month in English.
  foreach(month January=januar February=februar March=mars April=april May=mai June=juni July=juli
                August=august September=september October=oktober November=november December=desember)
    string(REPLACE "=" ";" month "${month}")
    list(GET month 0 english)
    list(GET month 1 own)
    string(REGEX REPLACE "(\n\\.TH [^\n]*)\"${english} ([0-9]+)\"" "\\1\"${own} \\2\"" page "${page}")
  endforeach()
endif()
file(WRITE ${OUT} "'\\\" -*- coding: UTF-8 -*-\n${page}")
