// libsystemd, plus the few Linux declarations Glibc's Swift overlay does not expose.
// (Variadic C functions do not import into Swift: use the non-variadic libsystemd calls.)
#ifndef MENTORD_CSYSTEMD_SHIM_H
#define MENTORD_CSYSTEMD_SHIM_H

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <systemd/sd-bus.h>

/// The layout of `struct ucred` (SO_PEERCRED). Glibc's Swift module is built without _GNU_SOURCE,
/// which hides the real declaration, so it is restated here with the kernel's field order.
struct mentord_ucred {
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

/// Arms `fd` (a CLOCK_REALTIME timerfd) at the far future with TFD_TIMER_CANCEL_ON_SET: it then
/// becomes readable with ECANCELED whenever the clock is set. Re-arm after each such read.
static inline int mentord_clock_change_arm(int fd) {
    struct itimerspec far = {0};
    far.it_value.tv_sec = 0x7fffffff;
    return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &far, NULL);
}

/// A timerfd that reports clock steps (see mentord_clock_change_arm); -1 with errno on failure.
/// Glibc's Swift module does not export timerfd.
static inline int mentord_clock_change_fd(void) {
    int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd >= 0 && mentord_clock_change_arm(fd) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

#endif
