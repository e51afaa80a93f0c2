// libsystemd, plus the few Linux declarations Glibc's Swift overlay does not expose.
// (Variadic C functions do not import into Swift: use the non-variadic libsystemd calls.)
#ifndef MENTORD_CSYSTEMD_SHIM_H
#define MENTORD_CSYSTEMD_SHIM_H

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
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

/// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, declared only under _GNU_SOURCE.
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

/// glibc's POSIX_SPAWN_SETSID (2.26), declared only under _GNU_SOURCE.
#define MENTORD_POSIX_SPAWN_SETSID 0x80

/// Starts `program` (looked up on PATH when `search_path` is non-zero) with stdin on /dev/null,
/// stdout and stderr on `output_fd`, no other descriptor, an empty signal mask, every signal at
/// its default action (ignored ones included), in a session and process group of its own.
/// Returns 0 and sets `pid`, or an errno value (ENOENT: no such program).
static inline int mentord_spawn(pid_t *pid, const char *program, int search_path, char *const argv[],
                                char *const envp[], int output_fd) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int error = posix_spawn_file_actions_init(&actions);
    if (error != 0) return error;
    error = posix_spawnattr_init(&attributes);
    if (error != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return error;
    }
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    if (!error) error = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, output_fd, 1);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, output_fd, 2);
    if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (!error) error = posix_spawnattr_setsigmask(&attributes, &none);
    if (!error) error = posix_spawnattr_setsigdefault(&attributes, &all);
    if (!error)
        error = posix_spawnattr_setflags(
            &attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | MENTORD_POSIX_SPAWN_SETSID);
    if (!error)
        error = search_path ? posix_spawnp(pid, program, &actions, &attributes, argv, envp)
                            : posix_spawn(pid, program, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return error;
}

/// A descriptor that becomes readable when process `pid` exits (Linux 5.3); -1 with errno.
/// `syscall` is variadic, so Swift cannot call it.
static inline int mentord_pidfd_open(pid_t pid) {
    return (int)syscall(434 /* SYS_pidfd_open, the same number on every architecture */, pid, 0);
}

#endif
