#ifndef TANDEM_CNCURSESW_SHIM_H
#define TANDEM_CNCURSESW_SHIM_H
// The wide-character API is only declared with _XOPEN_SOURCE_EXTENDED.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

// Attribute macros do not import into Swift; expose them as functions.
static inline attr_t tandem_attr_bold(void) { return A_BOLD; }
static inline attr_t tandem_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tandem_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tandem_attr_dim(void) { return A_DIM; }
static inline attr_t tandem_attr_normal(void) { return A_NORMAL; }
static inline attr_t tandem_color_pair(short n) { return COLOR_PAIR(n); }
static inline WINDOW *tandem_stdscr(void) { return stdscr; }
static inline int tandem_lines(void) { return LINES; }
static inline int tandem_cols(void) { return COLS; }
#endif
