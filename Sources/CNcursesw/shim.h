#ifndef TANDEM_CNCURSESW_SHIM_H
#define TANDEM_CNCURSESW_SHIM_H
// The wide-character API is only declared with _XOPEN_SOURCE_EXTENDED.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
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

// Draws a NUL-terminated wide string at (y, x) with the given attributes.
static inline int tandem_draw(int y, int x, const wchar_t *text, attr_t attrs) {
    attrset(attrs);
    return mvaddwstr(y, x, text);
}

// ---- Terminal restore on signals -------------------------------------------------------
// Installed before initscr: on SIGINT, SIGTERM, SIGHUP and fatal signals the handler restores
// the terminal (endwin) and hands the signal on to the previous handler (Swift's crash
// reporter, or the default action), so the report appears on the normal screen.
// Storage lives in function-local statics: Swift emits static inline functions, not globals.
static inline struct sigaction *tandem_previous_action(int sig) {
    static struct sigaction actions[65];
    return &actions[sig];
}
static inline volatile sig_atomic_t *tandem_curses_flag(void) {
    static volatile sig_atomic_t active = 0;
    return &active;
}

static void tandem_signal_restore(int sig) {
    if (*tandem_curses_flag()) {
        *tandem_curses_flag() = 0;
        endwin();
        // Make sure the cursor is visible and the alternate screen is left even if endwin
        // could not write (e.g. after a crash inside curses).
        static const char restore[] = "\033[?25h\033[?1049l";
        (void)!write(STDOUT_FILENO, restore, sizeof restore - 1);
    }
    sigaction(sig, tandem_previous_action(sig), NULL);
    raise(sig);
    // Still alive: the previous handler returned (Swift's crash reporter does for a signal sent
    // with kill). The signal was meant to end the process, so end it the default way.
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void tandem_install_signal_handlers(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = tandem_signal_restore;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND | SA_NODEFER;
        struct sigaction previous;
        sigaction(signals[i], NULL, &previous);
        if (previous.sa_handler == SIG_IGN && !(previous.sa_flags & SA_SIGINFO)) continue; // e.g. SIGHUP under nohup
        sigaction(signals[i], &action, tandem_previous_action(signals[i]));
    }
}

static inline void tandem_set_curses_active(int active) { *tandem_curses_flag() = active; }

// The terminal's size straight from the screen after a KEY_RESIZE.
static inline void tandem_screen_size(int *rows, int *cols) { getmaxyx(stdscr, *rows, *cols); }
#endif
