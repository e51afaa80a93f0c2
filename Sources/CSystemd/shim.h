// libsystemd, plus the few Linux declarations Glibc's Swift overlay does not expose.
// (Variadic C functions do not import into Swift: use the non-variadic libsystemd calls.)
#ifndef MENTORD_CSYSTEMD_SHIM_H
#define MENTORD_CSYSTEMD_SHIM_H

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/timerfd.h>
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

#endif
