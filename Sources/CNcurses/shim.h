#ifndef FULLSTACK_CNCURSES_SHIM_H
#define FULLSTACK_CNCURSES_SHIM_H
// The one place that sees ncurses. Macros and C globals that Swift 6 cannot use
// are wrapped here as static inline functions.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

#endif
