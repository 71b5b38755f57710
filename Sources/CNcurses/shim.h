#ifndef FULLSTACK_CNCURSES_SHIM_H
#define FULLSTACK_CNCURSES_SHIM_H
// The one place that sees ncurses. Macros and C globals that Swift 6 cannot use
// (function-like macros, computed bit masks, mutable globals) are wrapped here as
// static inline functions, so Swift only ever calls functions.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#else
// macOS (untested): Homebrew's ncurses keeps the wide headers as plain ncurses.h.
#include <ncurses.h>
#include <term.h>
#endif

// ---- C globals -------------------------------------------------------------
static inline WINDOW *fs_stdscr(void) { return stdscr; }
static inline WINDOW *fs_curscr(void) { return curscr; }
static inline int fs_colors(void) { return COLORS; }
static inline int fs_color_pairs(void) { return COLOR_PAIRS; }

// ---- locale ----------------------------------------------------------------
static inline void fs_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
/// The codeset of the current locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *fs_codeset(void) { return nl_langinfo(CODESET); }

// ---- attributes ------------------------------------------------------------
static inline attr_t fs_a_normal(void) { return A_NORMAL; }
static inline attr_t fs_a_bold(void) { return A_BOLD; }
static inline attr_t fs_a_dim(void) { return A_DIM; }
static inline attr_t fs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fs_a_reverse(void) { return A_REVERSE; }
static inline attr_t fs_a_italic(void) { return A_ITALIC; }

// ---- keys ------------------------------------------------------------------
static inline int fs_key_f(int n) { return KEY_F(n); }
static inline int fs_key_code_yes(void) { return KEY_CODE_YES; }

/// The key code ncurses assigned to an extended terminfo key name such as "kLFT2"
/// (Shift+Left in xterm-style terminals), or 0 when the terminal does not define it.
static inline int fs_extended_key_code(const char *capname) {
  char *seq = tigetstr(capname);
  if (seq == NULL || seq == (char *)-1) return 0;
  int code = key_defined(seq);
  return code > 0 ? code : 0;
}

/// A terminfo string capability, or NULL when absent or not a string.
static inline const char *fs_tigetstr(const char *capname) {
  char *s = tigetstr(capname);
  if (s == (char *)-1) return NULL;
  return s;
}

// ---- mouse -----------------------------------------------------------------
static inline mmask_t fs_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t fs_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

// ---- wide-character output ---------------------------------------------------
/// Draws one cell: up to CCHARW_MAX - 1 wide characters (a base plus combining marks)
/// with attributes and a colour pair. Returns ERR or OK as ncurses does.
static inline int fs_put_cell(
    WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
  cchar_t cc;
  if (setcchar(&cc, wch, attrs, (short)(pair > 32767 ? 0 : pair), &pair) != OK) return ERR;
  return mvwadd_wch(win, y, x, &cc);
}

/// Draws one cell holding a single character (nearly every cell): no array to build.
static inline int fs_put_char(WINDOW *win, int y, int x, wchar_t ch, attr_t attrs, int pair) {
  wchar_t wch[2] = {ch, 0};
  return fs_put_cell(win, y, x, wch, attrs, pair);
}

// ---- terminfo output strings -------------------------------------------------
/// A string capability with one numeric parameter (setaf, setab), or NULL.
static inline const char *fs_tiparm1(const char *cap, int n) { return tiparm(cap, n); }
/// A string capability with two numeric parameters (cup: row, column), or NULL.
static inline const char *fs_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }
/// A boolean capability: 1 present, 0 absent, -1 not a boolean capability.
static inline int fs_tigetflag(const char *capname) { return tigetflag(capname); }

#endif
